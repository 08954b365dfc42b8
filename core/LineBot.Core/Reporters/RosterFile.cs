using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace LineBot.Reporters;

/// <summary>A roster file's rows of cells, from CSV (UTF-8, with or without BOM) or .xlsx (the first sheet).</summary>
internal static class RosterFile
{
    /// <summary>Largest roster file read (a province's roster is a few hundred rows: kilobytes).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>An .xlsx is a zip ("PK"); anything else is read as CSV text.</summary>
    public static bool IsXlsx(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K';

    public static List<List<string>> Rows(byte[] bytes) => IsXlsx(bytes) ? XlsxRows(bytes) : CsvRows(bytes);

    public static List<List<string>> CsvRows(byte[] bytes)
    {
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes).TrimStart('\ufeff');
        return [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(RosterImport.SplitCsvLine)];
    }

    public static List<List<string>> XlsxRows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var rows = new List<List<string>>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows.Add([.. row.Values.Select(Cell)]);
        }

        return rows;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
