using LineBot.Calendar;
using LineBot.Configuration;
using Microsoft.Extensions.Options;

namespace LineBot.Groups;

/// <summary>
/// The day the bot went live: the Bangkok date it first joined a group it serves (the earliest, when it serves
/// several). Nothing before it is owed (<see cref="Reporters.OwedDays"/>). Null when no join was recorded (data
/// imported before the bot joined, or a test province): then only the reporters' own start dates bound what is owed.
/// </summary>
internal sealed class GoLive(GroupStore groups, IOptions<BotOptions> options, BotClock clock)
{
    public async Task<DateOnly?> DateAsync(CancellationToken cancellationToken)
    {
        var first = (await groups.ListGroupsAsync(cancellationToken))
            .Where(g => options.Value.ServesGroup(g.GroupId) && g.FirstJoinedAt is not null)
            .Select(g => g.FirstJoinedAt!.Value)
            .DefaultIfEmpty()
            .Min();
        return first == default ? null : clock.DateOf(first);
    }
}
