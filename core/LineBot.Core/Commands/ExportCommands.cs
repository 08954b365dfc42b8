using System.Globalization;
using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Exports;
using LineBot.Line;
using LineBot.Photos;
using LineBot.Reporters;
using LineBot.Reports;
using Microsoft.Extensions.Logging;

namespace LineBot.Commands;

/// <summary>
/// <c>/ส่งออก [สัปดาห์|เดือน] [date] [อ.district] [csv]</c>: an .xlsx (or CSV) in Blob, shared as an expiring link, with a read-only
/// link per photo (valid as long as the export link) and a map link per reporter-day.
/// </summary>
internal sealed class ExportCommands(DigestService digests, ExportStore exports, ExportPhotos photos, BotClock clock, ILogger<ExportCommands> logger)
{
    public async Task<IReadOnlyList<BotMessage>> ExportAsync(CommandContext context, CancellationToken ct)
    {
        var district = CommandArgs.TakeDistrict(context.Request.Args, out var rest);
        // "csv" anywhere: the same rows as one CSV (UTF-8 with BOM) instead of the workbook.
        var csv = rest.RemoveAll(a => string.Equals(a.Trim(), "csv", StringComparison.OrdinalIgnoreCase)) > 0;
        var period = CommandArgs.TakePeriod(rest, Period.Week);
        var roster = await digests.ReportersAsync(ct);
        var scope = CommandScope.Resolve(context, district, roster, logger);
        if (scope.Reply is not null)
        {
            return scope.Reply;
        }

        var today = clock.DateOf(context.Request.At);
        var (date, dateError) = period == Period.Month ? CommandArgs.MonthOrToday(rest, today) : CommandArgs.DateOrToday(rest, today);
        if (dateError is not null)
        {
            return CommandReplies.Text(dateError);
        }

        var (link, what) = period == Period.Month
            ? await MonthAsync(date, scope.District, csv, context.Request.At, ct)
            : await WeekAsync(date, scope.District, csv, context.Request.At, ct);
        var expires = clock.DateOf(link.ExpiresOn);
        return CommandReplies.Text($"📎 ไฟล์รายงาน {what}{(scope.District is null ? "" : " อำเภอ" + scope.District)}\n{link.Uri.AbsoluteUri}\n(ลิงก์ใช้ได้ถึง {ThaiDates.Short(expires)})");
    }

    /// <summary>
    /// "Export the month" gives the month's compilation in the weekly workbook's layout (a row per reporter-day with
    /// activities, problems, certifier, photo and map links; the month's numbers per district on the summary sheet):
    /// district officers forward the month to the province the way they forward each week. The แผน–ผล drafts reach
    /// each reporter from the monthly job, and the whole-project workbook is <c>linebot export project-summary</c>;
    /// neither is what an officer means by the month's reports.
    /// </summary>
    private async Task<(ExportLink Link, string What)> MonthAsync(DateOnly date, string? district, bool csv, DateTimeOffset at, CancellationToken ct)
    {
        var validity = ExportStore.DefaultValidity;
        var suffix = district is null ? "" : "-" + district;
        var data = await digests.MonthDataAsync(date.Year, date.Month, at, ct);
        var first = new DateOnly(date.Year, date.Month, 1);
        var (total, districts) = district is { } only
            ? Only(data.Digest.Province, data.Digest.Districts, only)
            : (data.Digest.Province, data.Digest.Districts);
        var rows = await RowsAsync(data.Reports, data.Photos, data.Reporters, district, first, first.AddMonths(1).AddDays(-1), at, validity, ct);
        var link = csv
            ? await exports.UploadAsync(string.Create(CultureInfo.InvariantCulture, $"รายงานเดือน-{first:yyyy-MM}{suffix}.csv"), WeeklyExport.Csv(rows), Workbook.CsvContentType, validity, ct)
            : await exports.UploadAsync(
                string.Create(CultureInfo.InvariantCulture, $"รายงานเดือน-{first:yyyy-MM}{suffix}.xlsx"),
                WeeklyExport.Xlsx(total, districts, rows, new DayGridInput(data.Reporters, data.Reports, data.Holidays, data.Leave, data.GoLive, first, first.AddMonths(1).AddDays(-1), data.Digest.CountedThrough) { District = district }, "เดือน" + ThaiDates.MonthYear(date.Year, date.Month)),
                Workbook.XlsxContentType,
                validity,
                ct);
        return (link, "เดือน" + ThaiDates.MonthYear(date.Year, date.Month));
    }

    /// <summary>The week of <paramref name="date"/>: its digest's numbers and a row per reporter-day.</summary>
    private async Task<(ExportLink Link, string What)> WeekAsync(DateOnly date, string? district, bool csv, DateTimeOffset at, CancellationToken ct)
    {
        var validity = ExportStore.DefaultValidity;
        var suffix = district is null ? "" : "-" + district;
        var input = await digests.LoadWeekAsync(WorkCalendar.WeekOf(date), at, ct);
        var digest = WeeklyDigestCalculator.Calculate(input);
        if (district is { } only)
        {
            digest = DigestService.ForDistrict(digest, only);
        }

        var rows = await RowsAsync(input.Reports, input.Photos, input.Reporters, district, digest.Week.Monday, digest.Week.Sunday, at, validity, ct);
        var link = csv
            ? await exports.UploadAsync(string.Create(CultureInfo.InvariantCulture, $"รายงานสัปดาห์-{digest.Week.Monday:yyyy-MM-dd}{suffix}.csv"), WeeklyExport.Csv(rows), Workbook.CsvContentType, validity, ct)
            : await exports.UploadAsync(
                string.Create(CultureInfo.InvariantCulture, $"รายงานสัปดาห์-{digest.Week.Monday:yyyy-MM-dd}{suffix}.xlsx"),
                WeeklyExport.Xlsx(digest, rows, new DayGridInput(input.Reporters, input.Reports, input.Holidays, input.Leave, input.GoLive, digest.Week.Monday, digest.Week.Sunday, digest.CountedThrough) { District = district }),
                Workbook.XlsxContentType,
                validity,
                ct);
        return (link, ThaiDates.Week(digest.Week));
    }

    /// <summary>The export rows of a period, restricted to one district when asked, with photo links.</summary>
    private async Task<IReadOnlyList<ExportRow>> RowsAsync(
        IReadOnlyList<DailyReport> periodReports,
        IReadOnlyList<PhotoRecord> periodPhotos,
        IReadOnlyList<Reporter> roster,
        string? district,
        DateOnly from,
        DateOnly through,
        DateTimeOffset at,
        TimeSpan validity,
        CancellationToken ct)
    {
        var ids = district is null ? null : roster.Where(r => DigestService.DistrictOf(r.District) == district).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var selected = ids is null ? periodReports : [.. periodReports.Where(r => ids.Contains(r.ReporterId) || (r.District is { } d && d.Trim() == district))];
        var dayPhotos = await photos.LinksAsync(periodPhotos, roster, from, through, at, id => ids is null || ids.Contains(id), validity, ct);
        return WeeklyExport.Rows(selected, roster, dayPhotos: dayPhotos);
    }

    private static (DistrictDigest Total, IReadOnlyList<DistrictDigest> Districts) Only(DistrictDigest province, IReadOnlyList<DistrictDigest> districts, string district)
    {
        var only = districts.Where(d => d.District == district).ToList();
        return (only.Count == 1 ? only[0] : province with { District = district, Gaps = [], Problems = [], Sites = [] }, only);
    }
}
