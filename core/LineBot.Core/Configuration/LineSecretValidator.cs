using Microsoft.Extensions.Options;

namespace LineBot.Configuration;

/// <summary>
/// Both channel secrets are HMAC keys and are checked alike: not blank, no stray spaces, a sensible length. A blank
/// previous secret would otherwise be a key anyone can sign with. Empty means "no rotation under way" (the setting
/// may exist with no value, as in local.settings.sample.json).
/// </summary>
internal sealed class LineSecretValidator : IValidateOptions<LineOptions>
{
    /// <summary>LINE's are 32 characters; anything far from that is a paste error.</summary>
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public ValidateOptionsResult Validate(string? name, LineOptions options)
    {
        var failures = new List<string>();
        Check("Line:ChannelSecret", options.ChannelSecret, failures);
        if (!string.IsNullOrEmpty(options.PreviousChannelSecret))
        {
            Check("Line:PreviousChannelSecret", options.PreviousChannelSecret, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string setting, string? secret, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            failures.Add($"{setting} is blank: give the channel secret from the LINE Developers console" +
                (setting.Contains("Previous", StringComparison.Ordinal) ? ", or leave it empty when no rotation is under way." : "."));
        }
        else if (secret.Trim().Length != secret.Length)
        {
            failures.Add($"{setting} starts or ends with white space; copy the secret again.");
        }
        else if (secret.Length is < MinLength or > MaxLength)
        {
            failures.Add($"{setting} is {secret.Length} characters long; a LINE channel secret has between {MinLength} and {MaxLength}.");
        }
    }
}
