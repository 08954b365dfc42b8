using LineBot.Calendar;
using LineBot.Configuration;
using LineBot.Digests;
using LineBot.Line;
using LineBot.Reporters;
using Microsoft.Extensions.Options;

namespace LineBot.Jobs;

/// <summary>Friday's reminder: who is missing which days this week, to each group; admins and officers if the quota is short.</summary>
internal sealed class ReminderJob(DigestService digests, PushFanOut fanOut, IOptions<BotOptions> options, IOptions<ReminderOptions> reminderOptions) : IJob
{
    public string Name => JobNames.Reminder;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var week = WorkCalendar.WeekOf(run.Date);
        var missing = MissingReportsCalculator.From(await digests.WeekAsync(run.Date, run.At, ct));
        if (missing.NobodyMissing && !reminderOptions.Value.ThankWhenComplete)
        {
            run.Skip("nobody is missing and Bot:ThankWhenComplete is off");
            return;
        }

        var roster = await digests.ReportersAsync(ct);
        await fanOut.ToGroupsAsync(
            run,
            JobPeriod.Week(week.Monday),
            Messages(missing, roster),
            roster,
            district => Messages(missing with { Districts = [.. missing.Districts.Where(d => d.District == district)] }, roster),
            ct);
    }

    /// <summary>The reminder text, split for LINE; with @-mentions of those missing when <c>Bot:MentionMissing</c> is on.</summary>
    private IReadOnlyList<BotMessage> Messages(MissingReports missing, IReadOnlyList<Reporter> roster)
    {
        var messages = DigestMessages.Text(DigestText.Reminder(missing, reminderOptions.Value.ReminderDeadline));
        if (!options.Value.MentionMissing)
        {
            return messages;
        }

        var userIds = roster.Where(r => r.UserId is not null).GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().UserId!, StringComparer.Ordinal);
        var gaps = missing.Districts.SelectMany(d => d.Reporters).Where(g => userIds.ContainsKey(g.ReporterId)).ToList();
        return [.. messages.Select(m => m with
        {
            Mentions = [.. gaps.Where(g => m.Text.Contains(g.Name, StringComparison.Ordinal)).Select(g => new NamedMention(userIds[g.ReporterId], g.Name))],
        })];
    }
}
