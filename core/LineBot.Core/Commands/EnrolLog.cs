using Microsoft.Extensions.Logging;

namespace LineBot.Commands;

/// <summary>Log lines of enrolment and removal by admins.</summary>
internal static partial class Log
{
    [LoggerMessage(6011, LogLevel.Information, "Enrolment by {AdminId}: {Enrolled} enrolled, {Refused} line(s) refused.")]
    public static partial void Enrolled(ILogger logger, int enrolled, int refused, string? adminId);

    [LoggerMessage(6012, LogLevel.Information, "Reporter {ReporterId} removed by {AdminId}: no longer expected from today.")]
    public static partial void Removed(ILogger logger, string reporterId, string? adminId);
}
