using System.ComponentModel.DataAnnotations;
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

    /// <summary>Events kept aside because they did not parse, or were of an unknown type (and whole malformed bodies).</summary>
    [Range(1, 3650, ErrorMessage = "Retention:KeptEventDays must be between 1 and 3650.")]
    public int KeptEventDays { get; set; } = 90;

    /// <summary>Claim-check blobs of events too large for a queue message (needed only until the event is processed).</summary>
    [Range(1, 3650, ErrorMessage = "Retention:ClaimCheckDays must be between 1 and 3650.")]
    public int ClaimCheckDays { get; set; } = 90;

    /// <summary>Export workbooks (the links to them expire within days anyway).</summary>
    [Range(1, 3650, ErrorMessage = "Retention:ExportDays must be between 1 and 3650.")]
    public int ExportDays { get; set; } = 30;
}

[OptionsValidator]
internal sealed partial class RetentionOptionsValidator : IValidateOptions<RetentionOptions>;
