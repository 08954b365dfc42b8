using System.Globalization;
using System.Text;
using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Exports;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Jobs;

/// <summary>
/// On the first working day of a month, for the previous month: each reporter's แผน–ผล draft as an export link
/// (to the reporter and, bundled per district, to its officer), and the per-district summary to admins.
/// </summary>
internal sealed class MonthlyJob(DigestService digests, HolidayStore holidays, MonthlyPlanStore plans, ExportStore exports, PushFanOut fanOut) : IJob
{
    private const string DryRunLink = "(ลิงก์จะสร้างเมื่อส่งจริง)";
    private const string SentLink = "(ส่งแล้ว)";

    public string Name => JobNames.Monthly;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        if (await NotFirstWorkingDayAsync(run.Date, ct) is { } reason)
        {
            run.Skip(reason);
            return;
        }

        var month = await LoadAsync(run, ct);
        var links = new List<(Reporter Reporter, string District, string Link)>();
        // The month's reporters are those its digest counted (started before its end, not left before its start).
        var counted = month.Data.Digest.Province.Tallies.Select(t => t.ReporterId).ToHashSet(StringComparer.Ordinal);
        foreach (var reporter in month.Roster.Where(r => r.ExpectedToReport && counted.Contains(r.Id)).OrderBy(r => r.Name, WeeklyDigestCalculator.ThaiOrder))
        {
            links.Add((reporter, DigestService.DistrictOf(reporter.District), await DraftAsync(run, month, reporter, ct)));
        }

        foreach (var officer in month.Officers)
        {
            var bundle = links.Where(l => l.District == officer.District).Select(l => (l.Reporter, l.Link)).ToList();
            if (bundle.Count > 0)
            {
                await fanOut.PushAsync(run, month.Period, officer, DigestMessages.Text(BundleText(month.First, officer.District, bundle)), ct);
            }
        }

        await fanOut.ToAdminsAsync(run, month.Period, DigestMessages.Text(MonthDigestText.Render(month.Data.Digest), DigestMessages.Quoted(month.Data.Digest.Districts)), ct);
    }

    /// <summary>Null on the month's first working day; else why the job does nothing today.</summary>
    private async Task<string?> NotFirstWorkingDayAsync(DateOnly today, CancellationToken ct)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        var thisMonth = await holidays.DatesAsync(first, first.AddMonths(1).AddDays(-1), ct);
        var firstWorkingDay = WorkCalendar.FirstWorkingDayOfMonth(today.Year, today.Month, thisMonth);
        return today == firstWorkingDay
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{today:yyyy-MM-dd} is not the first working day of the month ({firstWorkingDay:yyyy-MM-dd})");
    }

    /// <summary>The previous month: one read per week of it gives the reports, the photo records and the admins' summary.</summary>
    private async Task<Month> LoadAsync(JobRun run, CancellationToken ct)
    {
        var first = new DateOnly(run.Date.Year, run.Date.Month, 1).AddMonths(-1);
        var last = first.AddMonths(1).AddDays(-1);
        var period = JobPeriod.Month(first);
        var data = await digests.MonthDataAsync(first.Year, first.Month, run.At, ct);
        var photos = PhotoEvidence.ByReporterDay(data.Photos, data.Reporters, first, last, run.At)
            .ToLookup(p => p.Key.ReporterId, p => (p.Key.Date, p.Value.Count), StringComparer.Ordinal);
        var roster = await digests.ReportersAsync(ct);
        var officers = Audience.Officers(roster).ToList();
        // A rerun (or a retry after a crash) must not upload every workbook again for pushes the outbox will not
        // send: a workbook is uploaded only while the reporter's push or an officer's bundle that links it is unsent.
        var officerSent = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var officer in officers)
        {
            officerSent[officer.UserId] = await fanOut.IsSentAsync(run, period, officer, ct);
        }

        return new Month(first, period, data, roster, officers, officerSent)
        {
            Holidays = await holidays.DatesAsync(first, last, ct),
            Reports = data.Reports.ToLookup(r => r.ReporterId, StringComparer.Ordinal),
            Photos = photos,
            Plans = (await plans.ListMonthAsync(first.Year, first.Month, ct)).ToDictionary(p => p.ReporterId, StringComparer.Ordinal),
        };
    }

    /// <summary>A reporter's แผน–ผล draft: uploaded when someone still needs it, pushed to them; returns the link for the officer's bundle.</summary>
    private async Task<string> DraftAsync(JobRun run, Month month, Reporter reporter, CancellationToken ct)
    {
        var planned = month.Plans.TryGetValue(reporter.Id, out var plan) ? plan.Items : [];
        var days = month.Photos[reporter.Id].ToDictionary(p => p.Date, p => p.Count);
        // Owed and received days as the month's digest counts them (one rule: OwedDays), so the worker, their officer and the admins read the same numbers.
        var tally = month.Data.Digest.Province.Tallies.FirstOrDefault(t => t.ReporterId == reporter.Id);
        var results = MonthlyResultsExport.Calculate(reporter.Name, month.First.Year, month.First.Month, [.. month.Reports[reporter.Id]], planned, month.Holidays, days, tally?.Owed);
        Audience? to = reporter.UserId is { } userId ? new Audience.Reporter(reporter.Id, userId) : null;
        var district = DigestService.DistrictOf(reporter.District);
        var needed = (to is not null && !await fanOut.IsSentAsync(run, month.Period, to, ct))
            || month.Officers.Exists(o => o.District == district && !month.OfficerSent[o.UserId]);
        var link = run.DryRun ? DryRunLink
            : !needed ? SentLink
            : (await exports.UploadAsync($"แผนผล-{month.Period}-{reporter.Name}.xlsx", MonthlyResultsExport.Xlsx(results, Days(month, reporter)), Workbook.XlsxContentType, cancellationToken: ct)).Uri.AbsoluteUri;
        if (to is not null)
        {
            var text = $"📄 ร่างรายงานผลการปฏิบัติงาน (แผน–ผล) เดือน{ThaiDates.MonthYear(month.First.Year, month.First.Month)}\n{reporter.Name}: ส่งรายงาน {tally?.Received ?? results.DaysReported}/{results.WorkingDays} วัน · แผน {results.Plan.Count} รายการ ทำแล้ว {results.Plan.Count(p => p.Done)}\n{link}";
            await fanOut.PushAsync(run, month.Period, to, [new BotMessage(text)], ct);
        }

        return link;
    }

    /// <summary>The reporter's days of the month (sent, missing, leave, holidays), by the digests' rule.</summary>
    private static DayGridInput Days(Month month, Reporter reporter) =>
        new([reporter], [.. month.Reports[reporter.Id]], month.Data.Holidays, month.Data.Leave, month.Data.GoLive, month.First, month.First.AddMonths(1).AddDays(-1), month.Data.Digest.CountedThrough);

    /// <summary>An officer's bundle: each reporter of the district with their draft's link.</summary>
    private static string BundleText(DateOnly first, string district, IReadOnlyList<(Reporter Reporter, string Link)> bundle)
    {
        var text = new StringBuilder();
        text.Append("📄 ร่างรายงานผล (แผน–ผล) เดือน").Append(ThaiDates.MonthYear(first.Year, first.Month)).Append(" อำเภอ").Append(district).Append('\n');
        foreach (var (reporter, link) in bundle)
        {
            text.Append("\n").Append(reporter.Name).Append('\n').Append(link).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>What the month's run reads once.</summary>
    private sealed record Month(DateOnly First, JobPeriod Period, MonthData Data, IReadOnlyList<Reporter> Roster, List<Audience.Officer> Officers, Dictionary<string, bool> OfficerSent)
    {
        public required IReadOnlySet<DateOnly> Holidays { get; init; }
        public required ILookup<string, DailyReport> Reports { get; init; }
        public required ILookup<string, (DateOnly Date, int Count)> Photos { get; init; }
        public required Dictionary<string, MonthlyPlan> Plans { get; init; }
    }
}
