using System.Globalization;
using LineBot.Calendar;
using LineBot.Exports;
using LineBot.Reporters;
using LineBot.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Cli;

/// <summary><c>linebot export project-summary [--from date] [--to date]</c>: the whole-period workbook, as an expiring link.</summary>
internal static class ExportCommand
{
    public const string UsageLine = "usage: linebot export project-summary [--from 2026-01-01] [--to 2026-12-31]";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args is not ["project-summary", .. var rest])
        {
            return Usage.Wrong(UsageLine);
        }

        string? fromText = null, toText = null;
        var settings = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--from" && i + 1 < rest.Length)
            {
                fromText = rest[++i];
            }
            else if (rest[i] == "--to" && i + 1 < rest.Length)
            {
                toText = rest[++i];
            }
            else
            {
                settings.Add(rest[i]);
            }
        }

        await using var services = CliServices.Build([.. settings]);
        var today = services.GetRequiredService<BotClock>().Today;
        if (!TryDate(fromText, today, new DateOnly(today.Year, 1, 1), out var from) || !TryDate(toText, today, today, out var to) || to < from)
        {
            Console.Error.WriteLine("linebot: --from/--to must be dates (2026-12-31 or 31 ธ.ค. 2569), from ≤ to.");
            return 2;
        }

        var reporters = await services.GetRequiredService<ReporterStore>().ListAsync(CancellationToken.None);
        var reports = await services.GetRequiredService<ReportStore>().ListRangeAsync(from, to, cancellationToken: CancellationToken.None);
        var link = await services.GetRequiredService<ExportStore>().UploadAsync(
            $"สรุปโครงการ-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.xlsx", ProjectSummaryExport.Xlsx(reporters, reports), Workbook.XlsxContentType, cancellationToken: CancellationToken.None);
        output.WriteLine($"{reports.Count} report(s) of {reporters.Count} people, {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
        output.WriteLine($"blob: {link.BlobName}");
        output.WriteLine($"link (valid until {link.ExpiresOn:o}): {link.Uri}");
        return 0;
    }

    private static bool TryDate(string? text, DateOnly today, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        var parsed = CommandDateParser.ParseDate(text, today);
        date = parsed.From;
        return parsed.Success;
    }
}
