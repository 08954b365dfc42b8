using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

internal static partial class Log
{
    [LoggerMessage(8101, LogLevel.Information, "Postback event {EventId} runs /{Command}.")]
    public static partial void Postback(ILogger logger, string eventId, string command);

    [LoggerMessage(8102, LogLevel.Information, "Postback event {EventId} carries no command; skipped.")]
    public static partial void PostbackSkipped(ILogger logger, string eventId);

    [LoggerMessage(8103, LogLevel.Information, "Event {EventId} ({Type}): greeting sent to a {Role}.")]
    public static partial void Greeted(ILogger logger, string eventId, string type, string role);
}
