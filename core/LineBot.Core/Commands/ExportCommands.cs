using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Exports;
using LineBot.Jobs;
using LineBot.Reports;
using Microsoft.Extensions.Logging;

namespace LineBot.Commands;

/// <summary><c>/ส่งออก [สัปดาห์|เดือน] [date] [อ.district]</c>: an .xlsx in Blob, shared as an expiring link.</summary>
internal sealed class ExportCommands(DigestService digests, ReportStore reports, ExportStore exports, BotClock clock, ILogger<ExportCommands> logger)
{
    public async Task<IReadOnlyList<BotMessage>> ExportAsync(CommandContext context, CancellationToken ct)
    {
        var district = CommandArgs.TakeDistrict(context.Request.Args, out var rest);
        var period = CommandArgs.TakePeriod(rest, Period.Week);
        var roster = await digests.ReportersAsync(ct);
        var scope = CommandScope.Resolve(context, district, roster, logger);
        if (scope.Reply is not null)
        {
            return scope.Reply;
        }

        var today = DateOnly.FromDateTime(clock.ToLocal(context.Request.At).DateTime);
        var date = today;
        if (rest.Count > 0)
        {
            var parsed = CommandDateParser.ParseDate(string.Join(' ', rest), today);
            if (!parsed.Success)
            {
                return CommandReplies.Text(parsed.Error!);
            }

            date = parsed.From;
        }

        var suffix = scope.District is null ? "" : "-" + scope.District;
        ExportLink link;
        string what;
        if (period == Period.Month)
        {
            var first = new DateOnly(date.Year, date.Month, 1);
            var monthReports = await reports.ListRangeAsync(first, first.AddMonths(1).AddDays(-1), district: scope.District, cancellationToken: ct);
            var people = roster.Where(r => scope.District is null || DigestService.DistrictOf(r.District) == scope.District).ToList();
            link = await exports.UploadAsync($"รายงานเดือน-{first:yyyy-MM}{suffix}.xlsx", ProjectSummaryExport.Xlsx(people, monthReports), Workbook.XlsxContentType, cancellationToken: ct);
            what = "เดือน" + ThaiDates.MonthYear(date.Year, date.Month);
        }
        else
        {
            var input = await digests.LoadWeekAsync(WorkCalendar.WeekOf(date), context.Request.At, ct);
            var digest = WeeklyDigestCalculator.Calculate(input);
            var weekReports = input.Reports;
            if (scope.District is { } only)
            {
                digest = DigestService.ForDistrict(digest, only);
                var ids = input.Reporters.Where(r => DigestService.DistrictOf(r.District) == only).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                weekReports = [.. weekReports.Where(r => ids.Contains(r.ReporterId) || (r.District is { } d && d.Trim() == only))];
            }

            var rows = WeeklyExport.Rows(weekReports, input.Reporters);
            link = await exports.UploadAsync($"รายงานสัปดาห์-{digest.Week.Monday:yyyy-MM-dd}{suffix}.xlsx", WeeklyExport.Xlsx(digest, rows), Workbook.XlsxContentType, cancellationToken: ct);
            what = ThaiDates.Week(digest.Week);
        }

        var expires = DateOnly.FromDateTime(clock.ToLocal(link.ExpiresOn).DateTime);
        return CommandReplies.Text($"📎 ไฟล์รายงาน {what}{(scope.District is null ? "" : " อำเภอ" + scope.District)}\n{link.Uri}\n(ลิงก์ใช้ได้ถึง {ThaiDates.Short(expires)})");
    }
}
