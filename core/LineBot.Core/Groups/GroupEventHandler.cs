using LineBot.Events;
using LineBot.Webhook;
using Microsoft.Extensions.Logging;

namespace LineBot.Groups;

/// <summary>join, leave, memberJoined, memberLeft: keeps <see cref="GroupStore"/> current.</summary>
internal sealed class GroupEventHandler(GroupStore groups, MemberChanges members, ILogger<GroupEventHandler> logger)
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
                Log.Joined(logger, groupId);
                await groups.SetGroupAsync(groupId, active: true, at, cancellationToken);
                break;
            case EventTypes.Leave:
                await groups.SetGroupAsync(groupId, active: false, at, cancellationToken);
                break;
            case EventTypes.MemberJoined:
                await members.JoinedAsync(context, await MarkAsync(groupId, evt.Joined?.Members, present: true, at, cancellationToken), cancellationToken);
                break;
            case EventTypes.MemberLeft:
                await members.LeftAsync(context, await MarkAsync(groupId, evt.Left?.Members, present: false, at, cancellationToken), cancellationToken);
                break;
        }
    }

    /// <summary>Marks each member who has a user id present or gone; returns those ids for the roster side.</summary>
    private async Task<IReadOnlyList<string>> MarkAsync(string groupId, IReadOnlyList<EventSource>? who, bool present, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var ids = (who ?? []).Select(m => m.UserId).OfType<string>().ToList();
        foreach (var id in ids)
        {
            await groups.SetMemberAsync(groupId, id, present, at, cancellationToken);
        }

        return ids;
    }
}
