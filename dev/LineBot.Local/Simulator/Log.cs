using Microsoft.Extensions.Logging;

namespace LineBot.Simulator;

internal static partial class Log
{
    [LoggerMessage(7101, LogLevel.Information, "Local mode: LINE stand-in at {LineBase}, simulator at {Simulator}.")]
    public static partial void LocalModeReady(ILogger logger, Uri lineBase, Uri simulator);

    [LoggerMessage(7102, LogLevel.Warning, "The webhook answered the simulator's {EventCount} event(s) with HTTP {StatusCode}.")]
    public static partial void WebhookNotAccepted(ILogger logger, int eventCount, int statusCode);
}
