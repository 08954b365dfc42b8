using LineBot.Line;

namespace LineBot.LineStandIn;

/// <summary>
/// Local mode: the LINE clients are built (and their base address fixed) before the server has a port, so they
/// get <see cref="Placeholder"/> as base and this handler, outermost in every client, sends those requests to the
/// running server's stand-in. Requests to any other host pass through untouched.
/// </summary>
internal sealed class LocalLineRedirectHandler(LocalLineAddress address) : DelegatingHandler
{
    public const string PlaceholderHost = "line-stand-in.invalid";

    /// <summary>The bearer token the LINE clients send in local mode (the stand-in accepts any).</summary>
    public const string AccessToken = "local";

    public static readonly Uri Placeholder = new($"http://{PlaceholderHost}/");

    /// <summary>What local mode registers in place of the product's <see cref="LineEndpoints"/>.</summary>
    public static LineEndpoints Endpoints { get; } = new(Placeholder, Placeholder, AccessToken);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri && uri.Host == PlaceholderHost)
        {
            request.RequestUri = new Uri(address.LineBase, uri.PathAndQuery.TrimStart('/'));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
