using LineBot.Configuration;

namespace LineBot.Line;

/// <summary>
/// Where the LINE clients send requests and with which bearer token. A singleton read on every client creation,
/// so another host (local mode) can replace it.
/// </summary>
internal sealed class LineEndpoints
{
    public LineEndpoints(Uri api, Uri data, string accessToken)
    {
        Api = WithTrailingSlash(api);
        Data = WithTrailingSlash(data);
        AccessToken = accessToken;
    }

    /// <summary>Base of the messaging API (<c>Line:ApiBaseUrl</c>), always ending with '/'.</summary>
    public Uri Api { get; }

    /// <summary>Base of the content API (<c>Line:DataApiBaseUrl</c>), always ending with '/'.</summary>
    public Uri Data { get; }

    /// <summary>The channel access token; empty when none is configured (then no Authorization header is sent).</summary>
    public string AccessToken { get; }

    public static LineEndpoints FromOptions(LineOptions options) => new(
        new Uri(options.ApiBaseUrl, UriKind.Absolute),
        new Uri(options.DataApiBaseUrl, UriKind.Absolute),
        string.IsNullOrWhiteSpace(options.ChannelAccessToken) ? "" : options.ChannelAccessToken);

    // Relative request URIs resolve under the base path only when the base ends with '/' (e.g. a stand-in under /_line/).
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/", UriKind.Absolute);
}
