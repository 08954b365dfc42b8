using System.Text;
using MiniExcelLibs;

namespace LineBot.Exports;

/// <summary>One sheet: column names in order and rows of values (string, int, double or null).</summary>
internal sealed record Sheet(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Writes sheets as .xlsx (MiniExcel) or CSV; keeps Excel's sheet-name rules in one place.</summary>
internal static class Workbook
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Excel's limit; longer names make the file fail to open.</summary>
    public const int MaxSheetNameLength = 31;

    public static byte[] Xlsx(IEnumerable<Sheet> sheets)
    {
        var book = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            book.Add(SafeSheetName(sheet.Name, used), ToRows(sheet));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(book, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>CSV with a UTF-8 BOM (without it Excel reads Thai as mojibake), CRLF line ends, RFC 4180 quoting.</summary>
    public static byte[] Csv(Sheet sheet)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', sheet.Columns.Select(Quote)).Append("\r\n");
        foreach (var row in sheet.Rows)
        {
            text.AppendJoin(',', row.Select(v => Quote(v is string t ? Inert(t) : Format(v)))).Append("\r\n");
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

    private static List<Dictionary<string, object?>> ToRows(Sheet sheet)
    {
        var rows = new List<Dictionary<string, object?>>(Math.Max(1, sheet.Rows.Count));
        foreach (var row in sheet.Rows)
        {
            var dict = new Dictionary<string, object?>(sheet.Columns.Count);
            for (var i = 0; i < sheet.Columns.Count; i++)
            {
                dict[sheet.Columns[i]] = i < row.Count ? row[i] : null;
            }

            rows.Add(dict);
        }

        if (rows.Count == 0)
        {
            // MiniExcel takes the header from the first row; an empty sheet still shows its columns.
            rows.Add(sheet.Columns.ToDictionary(c => c, _ => (object?)null));
        }

        return rows;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
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
