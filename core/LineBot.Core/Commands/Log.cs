using LineBot.Reporters;
using Microsoft.Extensions.Logging;

namespace LineBot.Commands;

internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Command {Command} from {Role} handled.")]
    public static partial void Handled(ILogger logger, string command, ReporterRole role);

    [LoggerMessage(6002, LogLevel.Warning, "Command {Command} refused for user {UserId} with role {Role}.")]
    public static partial void Refused(ILogger logger, string command, string? userId, ReporterRole role);

    [LoggerMessage(6003, LogLevel.Information, "Unknown command from {Role}: help sent.")]
    public static partial void Unknown(ILogger logger, ReporterRole role);

    [LoggerMessage(6004, LogLevel.Information, "User {UserId} made officer of {District} by {AdminId}.")]
    public static partial void OfficerAssigned(ILogger logger, string userId, string district, string? adminId);
}
