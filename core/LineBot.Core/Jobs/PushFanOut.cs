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
/// district's part 1:1 instead. Every push goes through <see cref="PushAsync"/>, once per key and run; LINE found
/// unavailable stops the run's pushes (left pending for the retry), and a monthly-limit 429 is a shortfall.
/// </summary>
internal sealed class PushFanOut(IBotPusher pusher, GroupStore groups, QuotaShortfallStore shortfalls, IOptions<BotOptions> options, ILogger<PushFanOut> logger)
{
    /// <summary>
    /// The group fan-out: <paramref name="messages"/> to every group; when the quota cannot cover one, to the admins
    /// and to each officer of <paramref name="roster"/> (their district's messages from <paramref name="forDistrict"/>).
    /// </summary>
    public async Task ToGroupsAsync(JobRun run, JobPeriod period, IReadOnlyList<BotMessage> messages, IReadOnlyList<Reporter> roster, Func<string, IReadOnlyList<BotMessage>> forDistrict, CancellationToken ct)
    {
        var skipped = new List<QuotaShortfall>();
        foreach (var groupId in await GroupIdsAsync(run, ct))
        {
            var group = new Audience.Group(groupId);
            if (run.StoppedBy is null && !await pusher.CanAffordPushAsync(group.GroupId, ct))
            {
                Log.QuotaShortfall(logger, run.Job, group.GroupId);
                skipped.Add(new QuotaShortfall(run.Job, group.GroupId, run.At, run.Key(period, group).Value));
                continue;
            }

            if (await PushAsync(run, period, group, messages, ct) == PushOutcome.QuotaExceeded)
            {
                // Refused for the monthly limit: a shortfall like any other (recorded below, with what went instead).
                skipped.Add(new QuotaShortfall(run.Job, group.GroupId, run.At, run.Key(period, group).Value, QuotaShortfall.MonthlyLimit));
            }
        }

        if (skipped.Count == 0)
        {
            return;
        }

        var before = run.Pushes.Count;
        await ToAdminsAsync(run, period, messages, ct);
        await ToOfficersAsync(run, period, roster, forDistrict, ct);
        // Only what actually went out counts as "sent instead" (a dry run says what would be).
        var delivered = run.Pushes.Skip(before).Count(p => p.Outcome is null or PushOutcome.Sent or PushOutcome.AlreadySent);
        foreach (var shortfall in skipped)
        {
            await RecordShortfallAsync(run, shortfall with { DeliveredInstead = delivered }, ct);
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

    /// <summary>
    /// One push under the key of (job, period, audience); a key already pushed in this run is not pushed again. Once
    /// LINE is found unavailable (or at its monthly limit) the run tries no more pushes: the rest are recorded as
    /// pending (or refused) without a call, and the run's retry sends them.
    /// </summary>
    public Task<PushOutcome?> PushAsync(JobRun run, JobPeriod period, Audience audience, IReadOnlyList<BotMessage> messages, CancellationToken ct) =>
        PushAsync(run, run.Key(period, audience), audience, messages, ct);

    /// <summary>
    /// A notice to each admin 1:1 under its own key (<c>{job}-{topic}|period|admin</c>), apart from the job's own
    /// pushes to them: e.g. the weekly digest's word about events waiting in the poison queue.
    /// </summary>
    public async Task NoticeAdminsAsync(JobRun run, JobPeriod period, string topic, IReadOnlyList<BotMessage> messages, CancellationToken ct)
    {
        foreach (var admin in options.Value.AdminUserIds)
        {
            var audience = new Audience.Admin(admin);
            await PushAsync(run, new PushKey($"{run.Job}-{topic}", period, audience), audience, messages, ct);
        }
    }

    private async Task<PushOutcome?> PushAsync(JobRun run, PushKey key, Audience audience, IReadOnlyList<BotMessage> messages, CancellationToken ct)
    {
        if (run.Pushes.Find(p => p.Key == key) is { } done)
        {
            return done.Outcome;
        }

        PushOutcome? outcome = run.DryRun ? null
            : run.StoppedBy is { } stopped ? stopped
            : await pusher.PushOnceAsync(key.Value, audience.To, messages, ct);
        if (outcome is PushOutcome.Pending or PushOutcome.QuotaExceeded && run.StoppedBy is null)
        {
            run.StoppedBy = outcome;
            if (outcome == PushOutcome.Pending)
            {
                // The push that found LINE unavailable was tried and failed; the ones after it are not tried (pending).
                Log.LineUnavailable(logger, run.Job, key.Value);
                outcome = PushOutcome.Failed;
            }
        }

        run.Pushes.Add(new JobPush(key, audience, messages, outcome));

        if (outcome == PushOutcome.QuotaExceeded)
        {
            Log.MonthlyLimit(logger, run.Job, key.Value);
            if (audience is not Audience.Group)
            {
                await RecordShortfallAsync(run, new QuotaShortfall(run.Job, audience.To, run.At, key.Value, QuotaShortfall.MonthlyLimit), ct);
            }
        }

        return outcome;
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

    private async Task RecordShortfallAsync(JobRun run, QuotaShortfall shortfall, CancellationToken ct)
    {
        run.Shortfalls.RemoveAll(s => s.LogicalKey == shortfall.LogicalKey);
        run.Shortfalls.Add(shortfall);
        if (!run.DryRun)
        {
            await shortfalls.RecordAsync(shortfall, ct);
        }
    }
}
