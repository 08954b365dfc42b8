using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Line;

namespace LineBot.Jobs;

/// <summary>
/// Monday's digest of the past week, as Flex (<see cref="DigestMessages.Flex"/>): to each group (admins instead
/// when the quota is short), and each officer their own district 1:1; admins also hear of events waiting in the
/// poison queue.
/// </summary>
internal sealed class WeeklyDigestJob(DigestService digests, PushFanOut fanOut, Events.PoisonStore poison) : IJob
{
    public string Name => JobNames.Digest;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var week = WorkCalendar.WeekOf(run.Date).Previous;
        var digest = await digests.WeekAsync(week.Monday, run.At, ct);
        var roster = await digests.ReportersAsync(ct);
        var period = JobPeriod.Week(week.Monday);
        IReadOnlyList<BotMessage> ForDistrict(string district) => DigestMessages.Flex(DigestService.ForDistrict(digest, district));

        await fanOut.ToGroupsAsync(run, period, DigestMessages.Flex(digest), roster, ForDistrict, ct);
        // The officers' 1:1 copy goes out every week, not only when the group push was skipped.
        await fanOut.ToOfficersAsync(run, period, roster, ForDistrict, ct);

        // Poison is never silent: events that failed every attempt are named to the admins with the command that replays them.
        if (Events.PoisonStore.Notice(await poison.CountAsync(ct)) is { } stuck)
        {
            await fanOut.NoticeAdminsAsync(run, period, "poison", DigestMessages.Text(stuck), ct);
        }
    }
}
