using LineBot.Events;
using LineBot.Webhook;
using Microsoft.Extensions.Logging;

namespace LineBot.Groups;

/// <summary>join, leave, memberJoined, memberLeft: keeps <see cref="GroupStore"/> current.</summary>
internal sealed partial class GroupEventHandler(GroupStore groups, MemberChanges members, ILogger<GroupEventHandler> logger)
{
    public async Task HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        if (context.GroupId is not { } groupId)
        {
            return;
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp);
        switch (evt.Type)
        {
            case EventTypes.Join:
                LogJoined(logger, groupId);
                await groups.SetGroupAsync(groupId, active: true, at, cancellationToken);
                break;
            case EventTypes.Leave:
                await groups.SetGroupAsync(groupId, active: false, at, cancellationToken);
                break;
            case EventTypes.MemberJoined:
                foreach (var member in evt.Joined?.Members ?? [])
                {
                    if (member.UserId is { } id)
                    {
                        await groups.SetMemberAsync(groupId, id, present: true, at, cancellationToken);
                    }
                }

                await members.JoinedAsync(context, [.. (evt.Joined?.Members ?? []).Select(m => m.UserId).OfType<string>()], cancellationToken);
                break;
            case EventTypes.MemberLeft:
                foreach (var member in evt.Left?.Members ?? [])
                {
                    if (member.UserId is { } id)
                    {
                        await groups.SetMemberAsync(groupId, id, present: false, at, cancellationToken);
                    }
                }

                await members.LeftAsync(context, [.. (evt.Left?.Members ?? []).Select(m => m.UserId).OfType<string>()], cancellationToken);
                break;
        }
    }

    [LoggerMessage(2101, LogLevel.Information, "Bot joined group {GroupId}.")]
    private static partial void LogJoined(ILogger logger, string groupId);
}
