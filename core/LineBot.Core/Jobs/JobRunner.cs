using System.Globalization;
using System.Text;
using LineBot.Calendar;
using LineBot.Commands;
using LineBot.Configuration;
using LineBot.Digests;
using LineBot.Exports;
using LineBot.Groups;
using LineBot.Reporters;
using LineBot.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Jobs;

/// <summary>
/// The scheduled jobs, run by the Functions timers, the <c>linebot serve</c> scheduler and <c>linebot jobs run</c>.
/// Every push has a logical key built from the job, the period and the recipient only (never the run time), so a
/// second run, or a retry after a crash, hands the outbox the same keys and nothing is sent twice.
/// </summary>
internal sealed class JobRunner(
    IBotPusher pusher,
    DigestService digests,
    HolidayStore holidays,
    GroupStore groups,
    MonthlyPlanStore plans,
    ExportStore exports,
    QuotaShortfallStore shortfalls,
    BotClock clock,
    IOptions<BotOptions> options,
    IOptions<ReminderOptions> reminderOptions,
    ILogger<JobRunner> logger)
{
    public async Task<JobRunResult> RunAsync(string name, DateTimeOffset at, bool dryRun, CancellationToken ct)
    {
        var job = JobNames.Normalize(name) ?? throw new ArgumentException($"Unknown job '{name}' (known: {string.Join(", ", JobNames.All)}).", nameof(name));
        var run = new Run(job, at, dryRun);
        switch (job)
        {
            case JobNames.Reminder:
                await ReminderAsync(run, ct);
                break;
            case JobNames.Digest:
                await DigestAsync(run, ct);
                break;
            default:
                await MonthlyAsync(run, ct);
                break;
        }

        var result = new JobRunResult(job, at, dryRun, run.Pushes, run.Shortfalls, run.SkippedBecause);
        if (result.Skipped)
        {
            Log.Skipped(logger, job, at, result.SkippedBecause!);
        }
        else
        {
            Log.Ran(logger, job, at, dryRun, result.Pushes.Count, result.Shortfalls.Count);
        }

        return result;
    }

    /// <summary>Friday's reminder: who is missing which days this week, to each group; admins and officers if the quota is short.</summary>
    private async Task ReminderAsync(Run run, CancellationToken ct)
    {
        var today = LocalDate(run.At);
        var week = WorkCalendar.WeekOf(today);
        var digest = await digests.WeekAsync(today, run.At, ct);
        var missing = MissingReportsCalculator.From(digest);
        var bot = options.Value;
        var wording = reminderOptions.Value;
        if (missing.NobodyMissing && !wording.ThankWhenComplete)
        {
            run.SkippedBecause = "nobody is missing and Bot:ThankWhenComplete is off";
            return;
        }

        var roster = await digests.ReportersAsync(ct);
        var messages = ReminderMessages(missing, roster, bot, wording.ReminderDeadline);
        var period = Key(week.Monday);
        var groupIds = await GroupIdsAsync(run, ct);
        var fallback = false;
        foreach (var groupId in groupIds)
        {
            if (await AffordableAsync(run, groupId, ct))
            {
                await PushAsync(run, $"{run.Job}|{period}|{groupId}", groupId, "group", messages, ct);
            }
            else
            {
                fallback = true;
            }
        }

        if (!fallback)
        {
            return;
        }

        foreach (var admin in bot.AdminUserIds)
        {
            await PushAsync(run, $"{run.Job}|{period}|{admin}", admin, "admin", messages, ct);
        }

        foreach (var officer in Officers(roster))
        {
            var own = missing with { Districts = [.. missing.Districts.Where(d => d.District == officer.OfficerDistrict)] };
            await PushAsync(run, $"{run.Job}|{period}|{officer.UserId}", officer.UserId!, "officer:" + officer.OfficerDistrict, ReminderMessages(own, roster, bot, wording.ReminderDeadline), ct);
        }
    }

    /// <summary>Monday's digest of the past week: the group once, each officer their own district (1:1).</summary>
    private async Task DigestAsync(Run run, CancellationToken ct)
    {
        var week = WorkCalendar.WeekOf(LocalDate(run.At)).Previous;
        var digest = await digests.WeekAsync(week.Monday, run.At, ct);
        var roster = await digests.ReportersAsync(ct);
        var period = Key(week.Monday);
        var messages = CommandText.Flex(digest);
        var fallback = false;
        foreach (var groupId in await GroupIdsAsync(run, ct))
        {
            if (await AffordableAsync(run, groupId, ct))
            {
                await PushAsync(run, $"{run.Job}|{period}|{groupId}", groupId, "group", messages, ct);
            }
            else
            {
                fallback = true;
            }
        }

        if (fallback)
        {
            foreach (var admin in options.Value.AdminUserIds)
            {
                await PushAsync(run, $"{run.Job}|{period}|{admin}", admin, "admin", CommandText.Flex(digest), ct);
            }
        }

        foreach (var officer in Officers(roster))
        {
            var own = DigestService.ForDistrict(digest, officer.OfficerDistrict!);
            await PushAsync(run, $"{run.Job}|{period}|{officer.UserId}", officer.UserId!, "officer:" + officer.OfficerDistrict, CommandText.Flex(own), ct);
        }
    }

    /// <summary>
    /// On the first working day of a month, for the previous month: each reporter's แผน–ผล draft as an export link
    /// (to the reporter and, bundled per district, to its officer), and the per-district summary to admins.
    /// </summary>
    private async Task MonthlyAsync(Run run, CancellationToken ct)
    {
        var today = LocalDate(run.At);
        var thisMonth = await holidays.DatesAsync(new DateOnly(today.Year, today.Month, 1), new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1), ct);
        var firstWorkingDay = WorkCalendar.FirstWorkingDayOfMonth(today.Year, today.Month, thisMonth);
        if (today != firstWorkingDay)
        {
            run.SkippedBecause = string.Create(CultureInfo.InvariantCulture, $"{today:yyyy-MM-dd} is not the first working day of the month ({firstWorkingDay:yyyy-MM-dd})");
            return;
        }

        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var last = first.AddMonths(1).AddDays(-1);
        var period = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var monthHolidays = await holidays.DatesAsync(first, last, ct);
        // One read per week of the month gives the reports, the photo records (attached or not) and the admins' summary.
        var month = await digests.MonthDataAsync(first.Year, first.Month, run.At, ct);
        var monthReports = month.Reports.ToLookup(r => r.ReporterId, StringComparer.Ordinal);
        var monthPhotos = PhotoEvidence.ByReporterDay(month.Photos, month.Reporters, first, last, run.At)
            .ToLookup(p => p.Key.ReporterId, p => (p.Key.Date, p.Value.Count), StringComparer.Ordinal);
        var monthPlans = (await plans.ListMonthAsync(first.Year, first.Month, ct)).ToDictionary(p => p.ReporterId, StringComparer.Ordinal);
        var roster = await digests.ReportersAsync(ct);
        var officers = Officers(roster).ToList();
        var forOfficer = new Dictionary<string, List<(Reporter Reporter, string Link)>>(StringComparer.Ordinal);
        // A rerun (or a retry after a crash) must not upload every workbook again for pushes the outbox will not
        // send: a workbook is uploaded only while the reporter's push or an officer's bundle that links it is unsent.
        var officerSent = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var officer in officers)
        {
            officerSent[officer.UserId!] = !run.DryRun && await pusher.IsSentAsync(OfficerKey(run, period, officer), ct);
        }

        foreach (var reporter in roster.Where(r => r.ExpectedToReport).OrderBy(r => r.Name, WeeklyDigestCalculator.ThaiOrder))
        {
            var planned = monthPlans.TryGetValue(reporter.Id, out var plan) ? plan.Items : [];
            var results = MonthlyResultsExport.Calculate(reporter.Name, first.Year, first.Month, [.. monthReports[reporter.Id]], planned, monthHolidays, monthPhotos[reporter.Id].ToDictionary(p => p.Date, p => p.Count));
            var district = DigestService.DistrictOf(reporter.District);
            var reporterKey = reporter.UserId is { } uid ? $"{run.Job}|{period}|{reporter.Id}|{uid}" : null;
            var needed = (reporterKey is not null && !await pusher.IsSentAsync(reporterKey, ct))
                || officers.Exists(o => o.OfficerDistrict == district && !officerSent[o.UserId!]);
            var link = run.DryRun
                ? "(ลิงก์จะสร้างเมื่อส่งจริง)"
                : !needed
                    ? "(ส่งแล้ว)"
                    : (await exports.UploadAsync($"แผนผล-{period}-{reporter.Name}.xlsx", MonthlyResultsExport.Xlsx(results), Workbook.XlsxContentType, cancellationToken: ct)).Uri.ToString();
            if (reporter.UserId is { } userId)
            {
                var text = $"📄 ร่างรายงานผลการปฏิบัติงาน (แผน–ผล) เดือน{ThaiDates.MonthYear(first.Year, first.Month)}\n{reporter.Name}: ส่งรายงาน {results.DaysReported}/{results.WorkingDays} วัน · แผน {results.Plan.Count} รายการ ทำแล้ว {results.Plan.Count(p => p.Done)}\n{link}";
                await PushAsync(run, reporterKey!, userId, "reporter", [new BotMessage(text)], ct);
            }

            if (!forOfficer.TryGetValue(district, out var list))
            {
                forOfficer[district] = list = [];
            }

            list.Add((reporter, link));
        }

        foreach (var officer in officers)
        {
            if (!forOfficer.TryGetValue(officer.OfficerDistrict!, out var list))
            {
                continue;
            }

            var text = new StringBuilder();
            text.Append("📄 ร่างรายงานผล (แผน–ผล) เดือน").Append(ThaiDates.MonthYear(first.Year, first.Month)).Append(" อำเภอ").Append(officer.OfficerDistrict).Append('\n');
            foreach (var (reporter, link) in list)
            {
                text.Append("\n").Append(reporter.Name).Append('\n').Append(link).Append('\n');
            }

            await PushAsync(run, OfficerKey(run, period, officer), officer.UserId!, "officer:" + officer.OfficerDistrict, CommandReplies.Text(text.ToString().TrimEnd()), ct);
        }

        var summary = month.Digest;
        var summaryMessages = CommandReplies.Text(CommandText.Month(summary, null));
        foreach (var admin in options.Value.AdminUserIds)
        {
            await PushAsync(run, $"{run.Job}|{period}|summary|{admin}", admin, "admin", summaryMessages, ct);
        }
    }

    /// <summary>The reminder text, split for LINE; with @-mentions of those missing when <c>Bot:MentionMissing</c> is on.</summary>
    private static IReadOnlyList<BotMessage> ReminderMessages(MissingReports missing, IReadOnlyList<Reporter> roster, BotOptions bot, string deadline)
    {
        var messages = CommandReplies.Text(DigestText.Reminder(missing, deadline));
        if (!bot.MentionMissing)
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

    private static IEnumerable<Reporter> Officers(IReadOnlyList<Reporter> roster) =>
        roster.Where(r => r is { Role: ReporterRole.Officer, UserId.Length: > 0, OfficerDistrict.Length: > 0 })
            .GroupBy(r => r.UserId, StringComparer.Ordinal)
            .Select(g => g.First());

    /// <summary>Bot:GroupIds; when empty (local use), the groups the bot is in.</summary>
    private async Task<IReadOnlyList<string>> GroupIdsAsync(Run run, CancellationToken ct)
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

    private async Task<bool> AffordableAsync(Run run, string groupId, CancellationToken ct)
    {
        if (await pusher.CanAffordPushAsync(groupId, ct))
        {
            return true;
        }

        var period = run.Job == JobNames.Digest ? WorkCalendar.WeekOf(LocalDate(run.At)).Previous.Monday : WorkCalendar.WeekOf(LocalDate(run.At)).Monday;
        var shortfall = new QuotaShortfall(run.Job, groupId, run.At, $"{run.Job}|{Key(period)}|{groupId}");
        run.Shortfalls.Add(shortfall);
        Log.QuotaShortfall(logger, run.Job, groupId);
        if (!run.DryRun)
        {
            await shortfalls.RecordAsync(shortfall, ct);
        }

        return false;
    }

    private async Task PushAsync(Run run, string key, string to, string audience, IReadOnlyList<BotMessage> messages, CancellationToken ct)
    {
        if (run.Pushes.Any(p => p.LogicalKey == key))
        {
            return;
        }

        PushOutcome? outcome = run.DryRun ? null : await pusher.PushOnceAsync(key, to, messages, ct);
        run.Pushes.Add(new JobPush(key, to, audience, messages, outcome));
    }

    private static string OfficerKey(Run run, string period, Reporter officer) => $"{run.Job}|{period}|officer|{officer.UserId}";

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(clock.ToLocal(at).DateTime);

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Run(string job, DateTimeOffset at, bool dryRun)
    {
        public string Job { get; } = job;
        public DateTimeOffset At { get; } = at;
        public bool DryRun { get; } = dryRun;
        public List<JobPush> Pushes { get; } = [];
        public List<QuotaShortfall> Shortfalls { get; } = [];
        public string? SkippedBecause { get; set; }
    }
}
