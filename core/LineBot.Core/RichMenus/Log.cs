using LineBot.Reporters;
using Microsoft.Extensions.Logging;

namespace LineBot.RichMenus;

internal static partial class Log
{
    [LoggerMessage(3301, LogLevel.Information, "Rich menu of {Role} linked to {UserId}.")]
    public static partial void Linked(ILogger logger, string userId, ReporterRole role);

    [LoggerMessage(3302, LogLevel.Information, "No rich menu for {Role} yet (alias {AliasId} missing): run linebot richmenu sync; {UserId} not linked.")]
    public static partial void NoMenu(ILogger logger, ReporterRole role, string aliasId, string userId);

    [LoggerMessage(3303, LogLevel.Warning, "Rich menu of {Role} not linked to {UserId}: LINE unavailable or refused ({Reason}); linebot richmenu link-all repairs it.")]
    public static partial void LinkFailed(ILogger logger, string userId, ReporterRole role, string reason);

    [LoggerMessage(3304, LogLevel.Information, "Rich menu sync: {Action} {Name} ({RichMenuId}).")]
    public static partial void Synced(ILogger logger, string action, string name, string richMenuId);
}
