using Microsoft.Extensions.Options;

namespace LineBot.Storage;

/// <summary>
/// How long personal data the bot only needs for a while is kept (section <c>Retention</c>), in days since the blob
/// was last written. The same numbers are the storage account's lifecycle policy (infra/modules/storage.bicep);
/// <c>linebot storage prune</c> applies them where there is no such policy (Azurite, a manual clean-up).
/// Photos and reports are records, not kept-aside data: nothing here touches them.
/// </summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";
    public const int MinDays = 1;
    public const int MaxDays = 3650;

    /// <summary>Events kept aside because they did not parse, or were of an unknown type (and whole malformed bodies).</summary>
    public int KeptEventDays { get; set; } = 90;

    /// <summary>Claim-check blobs of events too large for a queue message (needed only until the event is processed).</summary>
    public int ClaimCheckDays { get; set; } = 90;

    /// <summary>Export workbooks (the links to them expire within days anyway).</summary>
    public int ExportDays { get; set; } = 30;
}

/// <summary>Each setting by its configuration key, so that a bad value names what to fix.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        Check(nameof(RetentionOptions.KeptEventDays), options.KeptEventDays, failures);
        Check(nameof(RetentionOptions.ClaimCheckDays), options.ClaimCheckDays, failures);
        Check(nameof(RetentionOptions.ExportDays), options.ExportDays, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string setting, int days, List<string> failures)
    {
        if (days is < RetentionOptions.MinDays or > RetentionOptions.MaxDays)
        {
            failures.Add($"{RetentionOptions.Section}:{setting} is {days}; give a number of days between {RetentionOptions.MinDays} and {RetentionOptions.MaxDays}.");
        }
    }
}
