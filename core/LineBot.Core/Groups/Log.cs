using LineBot.Line;
using Microsoft.Extensions.Logging;

namespace LineBot.Groups;

internal static partial class Log
{
    [LoggerMessage(2101, LogLevel.Information, "Bot joined group {GroupId}.")]
    public static partial void Joined(ILogger logger, string groupId);

    [LoggerMessage(2111, LogLevel.Information, "Greeted {Count} new member(s) with how to register ({Outcome}).")]
    public static partial void Greeted(ILogger logger, int count, ReplyOutcomeKind outcome);

    [LoggerMessage(2112, LogLevel.Warning, "Greeting new members failed ({Error}).")]
    public static partial void GreetingFailed(ILogger logger, string error);

    [LoggerMessage(2113, LogLevel.Information, "Reporter {ReporterId} left the group on {Day}: no longer expected from that day.")]
    public static partial void Left(ILogger logger, string reporterId, DateOnly day);
}
