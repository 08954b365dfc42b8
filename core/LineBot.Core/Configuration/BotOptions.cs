using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LineBot.Configuration;

/// <summary>What the bot serves and for whom (section <c>Bot</c>).</summary>
internal sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>LINE group IDs served. Empty = any group (local use only; a warning is logged at start-up).</summary>
    public List<string> GroupIds { get; set; } = [];

    /// <summary>LINE user IDs of provincial admins.</summary>
    public List<string> AdminUserIds { get; set; } = [];

    [Required(ErrorMessage = "Bot:Province is required (the province name in Thai, e.g. ฉะเชิงเทรา).")]
    public string Province { get; set; } = "ฉะเชิงเทรา";

    [Required(ErrorMessage = "Bot:TimeZone is required (an IANA time zone such as Asia/Bangkok).")]
    public string TimeZone { get; set; } = "Asia/Bangkok";

    /// <summary>A JSON or CSV gazetteer of the province's districts and sub-districts; empty = built-in (ฉะเชิงเทรา).</summary>
    public string? GazetteerPath { get; set; }

    /// <summary>Whether the weekly reminder @-mentions those still missing whose LINE user is known (textV2; on by default).</summary>
    public bool MentionMissing { get; set; } = true;

    /// <summary>The one polite particle of every message: ครับ (the default) or the other one (validated in <c>Line/ThaiPersona</c>).</summary>
    public string Particle { get; set; } = "ครับ";

    public bool ServesGroup(string groupId) => GroupIds.Count == 0 || GroupIds.Contains(groupId, StringComparer.Ordinal);

    public bool IsAdmin(string? userId) => userId is not null && AdminUserIds.Contains(userId, StringComparer.Ordinal);
}

[OptionsValidator]
internal sealed partial class BotOptionsValidator : IValidateOptions<BotOptions>;

/// <summary>Checks what data annotations cannot: the time zone exists on this machine.</summary>
internal sealed class BotTimeZoneValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
            return ValidateOptionsResult.Success;
        }
        catch (TimeZoneNotFoundException)
        {
            return ValidateOptionsResult.Fail($"Bot:TimeZone '{options.TimeZone}' is not a known time zone.");
        }
    }
}
