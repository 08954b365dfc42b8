using System.Text;
using LineBot.Calendar;

namespace LineBot.Exports;

/// <summary>Writes sheets as .xlsx (<see cref="XlsxWriter"/>) or CSV; keeps Excel's sheet-name rules in one place.</summary>
internal static class Workbook
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Excel's limit; longer names make the file fail to open.</summary>
    public const int MaxSheetNameLength = 31;

    /// <summary>
    /// The workbook as bytes. With <paramref name="about"/>, an explanation sheet (<see cref="SheetGuide"/>) comes
    /// first: what the file is, then what each sheet and column means.
    /// </summary>
    public static byte[] Xlsx(IEnumerable<Sheet> sheets, string? about = null)
    {
        using var stream = new MemoryStream();
        WriteXlsx(stream, sheets, about);
        return stream.ToArray();
    }

    public static void WriteXlsx(Stream output, IEnumerable<Sheet> sheets, string? about = null)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (about is not null)
        {
            used.Add(SheetGuide.Name);
        }

        List<Sheet> named = [.. sheets.Select(s => s with { Name = SafeSheetName(s.Name, used) })];
        XlsxWriter.Write(output, about is null ? named : [SheetGuide.For(about, named), .. named]);
    }

    /// <summary>CSV with a UTF-8 BOM (without it Excel reads Thai as mojibake), CRLF line ends, RFC 4180 quoting.</summary>
    public static byte[] Csv(Sheet sheet)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', sheet.Columns.Select(c => Quote(c.Name))).Append("\r\n");
        foreach (var row in sheet.Rows)
        {
            text.AppendJoin(',', row.Select(v => Quote(v is string or Link or Shaded ? Inert(Format(v)) : Format(v)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Removes []:*?/\ , trims to 31 characters and makes the name unique in the workbook.</summary>
    public static string SafeSheetName(string name, ISet<string> used)
    {
        var clean = new string([.. name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\') && !char.IsControl(c))]).Trim().Trim('\'');
        if (clean.Length == 0)
        {
            clean = "Sheet";
        }

        var candidate = clean.Length > MaxSheetNameLength ? clean[..MaxSheetNameLength] : clean;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (clean.Length + suffix.Length > MaxSheetNameLength ? clean[..(MaxSheetNameLength - suffix.Length)] : clean) + suffix;
        }

        return candidate;
    }

    /// <summary>A cell as CSV text: dates as Thai officials write them, a link as its address.</summary>
    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly date => ThaiDates.Short(date),
        YearMonth month => ThaiDates.MonthYear(month.Year, month.Month),
        Link link => link.IsInWorkbook ? link.Text : link.Target,
        Shaded shaded => shaded.Text,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Text that people typed must never run as a spreadsheet formula when the CSV is opened (CSV injection):
    /// a leading = + - @ (or tab/CR) gets an apostrophe, which Excel shows as plain text.
    /// </summary>
    internal static string Inert(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
