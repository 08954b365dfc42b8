namespace LineBot.Photos;

/// <summary>
/// A sender's URL resolved to no public address. Its own type, so that <see cref="ContentResponses"/> can tell a
/// refusal (recorded at once, never retried) from a network failure (worth another try); the HTTP stack wraps it.
/// </summary>
internal sealed class ExternalAddressRefusedException(string message) : HttpRequestException(message)
{
    /// <summary>The refusal anywhere in an exception's chain (the connect callback's exception arrives wrapped).</summary>
    public static ExternalAddressRefusedException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ExternalAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
