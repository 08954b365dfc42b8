using System.Security.Cryptography;
using System.Text;
using LineBot.Configuration;
using Microsoft.Extensions.Options;

namespace LineBot.Webhook;

/// <summary>
/// x-line-signature = base64(HMAC-SHA256(channel secret, raw body)). Checked on the raw bytes (never on
/// re-serialised JSON: emoji and escapes would change the hash) and compared in fixed time. The previous
/// secret is accepted too, so a rotation drops no webhook.
/// </summary>
internal sealed class SignatureValidator(IOptionsMonitor<LineOptions> options)
{
    public const string HeaderName = "x-line-signature";

    public bool IsValid(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signatureHeader.Trim(), given, out var length) || length != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        var current = options.CurrentValue;
        var valid = Matches(current.ChannelSecret, body, given[..length]);
        // Evaluate both so that timing does not tell which secret matched.
        var previousValid = !string.IsNullOrWhiteSpace(current.PreviousChannelSecret)
            && Matches(current.PreviousChannelSecret, body, given[..length]);
        return valid | previousValid;
    }

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static bool Matches(string secret, ReadOnlySpan<byte> body, ReadOnlySpan<byte> given)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
