using LineBot.Digests;
using LineBot.Line;
using LineBot.Reporters;
using Microsoft.Extensions.Logging;

namespace LineBot.Commands;

/// <summary>Which district a command may show: an officer only theirs, an admin any (or all).</summary>
internal sealed record Scope(string? District, IReadOnlyList<BotMessage>? Reply)
{
    public bool Includes(string district) => District is null || District == district;
}

internal static class CommandScope
{
    public static Scope Resolve(CommandContext context, string? typed, IReadOnlyList<Reporter> roster, ILogger logger)
    {
        var known = roster.Where(r => !string.IsNullOrWhiteSpace(r.District)).Select(r => r.District!.Trim()).Distinct(StringComparer.Ordinal).Order(WeeklyDigestCalculator.ThaiOrder).ToList();
        if (typed is null)
        {
            return new Scope(context.OfficerDistrict, null);
        }

        var district = CommandArgs.Match(typed, known);
        if (district is null)
        {
            return new Scope(null, CommandReplies.Text($"ไม่พบอำเภอ \"{typed}\"\nอำเภอที่มีผู้รายงาน: {string.Join(", ", known)}"));
        }

        if (context.OfficerDistrict is { } own && own != district)
        {
            Log.Refused(logger, context.Request.Name, context.Request.UserId, context.Role);
            return new Scope(null, CommandReplies.Text(CommandReplies.OtherDistrictRefused));
        }

        return new Scope(district, null);
    }
}
