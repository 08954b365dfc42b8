using LineBot.Configuration;
using LineBot.Groups;
using LineBot.Line;
using LineBot.Reporters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Jobs;

/// <summary>
/// Where the jobs' messages go. The group fan-out: each group gets the message; a group this month's push quota
/// cannot cover is skipped (the shortfall recorded) and the admins get the whole message and each officer their
/// district's part 1:1 instead. Every push goes through <see cref="PushAsync"/>, once per key and run.
/// </summary>
internal sealed class PushFanOut(IBotPusher pusher, GroupStore groups, QuotaShortfallStore shortfalls, IOptions<BotOptions> options, ILogger<PushFanOut> logger)
{
    /// <summary>
    /// The group fan-out: <paramref name="messages"/> to every group; when the quota cannot cover one, to the admins
    /// and to each officer of <paramref name="roster"/> (their district's messages from <paramref name="forDistrict"/>).
    /// </summary>
    public async Task ToGroupsAsync(JobRun run, JobPeriod period, IReadOnlyList<BotMessage> messages, IReadOnlyList<Reporter> roster, Func<string, IReadOnlyList<BotMessage>> forDistrict, CancellationToken ct)
    {
        var fallback = false;
        foreach (var groupId in await GroupIdsAsync(run, ct))
        {
            var group = new Audience.Group(groupId);
            if (await AffordableAsync(run, period, group, ct))
            {
                await PushAsync(run, period, group, messages, ct);
            }
            else
            {
                fallback = true;
            }
        }

        if (fallback)
        {
            await ToAdminsAsync(run, period, messages, ct);
            await ToOfficersAsync(run, period, roster, forDistrict, ct);
        }
    }

    /// <summary>Each admin (<c>Bot:AdminUserIds</c>) 1:1.</summary>
    public async Task ToAdminsAsync(JobRun run, JobPeriod period, IReadOnlyList<BotMessage> messages, CancellationToken ct)
    {
        foreach (var admin in options.Value.AdminUserIds)
        {
            await PushAsync(run, period, new Audience.Admin(admin), messages, ct);
        }
    }

    /// <summary>Each officer of the roster 1:1, their own district's messages.</summary>
    public async Task ToOfficersAsync(JobRun run, JobPeriod period, IReadOnlyList<Reporter> roster, Func<string, IReadOnlyList<BotMessage>> forDistrict, CancellationToken ct)
    {
        foreach (var officer in Audience.Officers(roster))
        {
            await PushAsync(run, period, officer, forDistrict(officer.District), ct);
        }
    }

    /// <summary>One push under the key of (job, period, audience); a key already pushed in this run is not pushed again.</summary>
    public async Task PushAsync(JobRun run, JobPeriod period, Audience audience, IReadOnlyList<BotMessage> messages, CancellationToken ct)
    {
        var key = run.Key(period, audience);
        if (run.Pushes.Exists(p => p.Key == key))
        {
            return;
        }

        PushOutcome? outcome = run.DryRun ? null : await pusher.PushOnceAsync(key.Value, audience.To, messages, ct);
        run.Pushes.Add(new JobPush(key, audience, messages, outcome));
    }

    /// <summary>Whether the push to (job, period, audience) was sent by an earlier run (never, in a dry run).</summary>
    public async Task<bool> IsSentAsync(JobRun run, JobPeriod period, Audience audience, CancellationToken ct) =>
        !run.DryRun && await pusher.IsSentAsync(run.Key(period, audience).Value, ct);

    /// <summary>Bot:GroupIds; when empty (local use), the groups the bot is in.</summary>
    private async Task<IReadOnlyList<string>> GroupIdsAsync(JobRun run, CancellationToken ct)
    {
        var configured = options.Value.GroupIds;
        IReadOnlyList<string> ids = configured.Count > 0
            ? configured
            : [.. (await groups.ListGroupsAsync(ct)).Where(g => g.Active).Select(g => g.GroupId).Order(StringComparer.Ordinal)];
        if (ids.Count == 0)
        {
            Log.NoGroups(logger, run.Job);
        }

        return ids;
    }

    private async Task<bool> AffordableAsync(JobRun run, JobPeriod period, Audience.Group group, CancellationToken ct)
    {
        if (await pusher.CanAffordPushAsync(group.GroupId, ct))
        {
            return true;
        }

        var shortfall = new QuotaShortfall(run.Job, group.GroupId, run.At, run.Key(period, group).Value);
        run.Shortfalls.Add(shortfall);
        Log.QuotaShortfall(logger, run.Job, group.GroupId);
        if (!run.DryRun)
        {
            await shortfalls.RecordAsync(shortfall, ct);
        }

        return false;
    }
}
