using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using LineBot.Calendar;

namespace LineBot.Tests.Exports;

/// <summary>
/// An export workbook read back with the Open XML SDK, the way Excel sees it: rows as header → value (text, a
/// double for a number, a <see cref="DateOnly"/> for a number in a date format), hyperlinks, and the sheet's view,
/// filter, widths and cell formats.
/// </summary>
internal sealed class XlsxBook : IDisposable
{
    private readonly MemoryStream stream;
    private readonly SpreadsheetDocument document;

    public XlsxBook(byte[] bytes)
        : this(new MemoryStream(bytes, writable: false))
    {
    }

    public XlsxBook(MemoryStream stream)
    {
        this.stream = stream;
        document = SpreadsheetDocument.Open(stream, isEditable: false);
    }

    public WorkbookPart Book => document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames => [.. Book.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public IReadOnlyList<ValidationErrorInfo> ValidationErrors() => [.. new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)];

    public WorksheetPart Part(string sheet)
    {
        var entry = Book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet);
        return (WorksheetPart)Book.GetPartById(entry.Id!);
    }

    public Worksheet Worksheet(string sheet) => Part(sheet).Worksheet;

    public IReadOnlyList<Row> RawRows(string sheet) => [.. Worksheet(sheet).GetFirstChild<SheetData>()!.Elements<Row>()];

    /// <summary>Data rows as header → value; header cells that are dates are named "1 ธ.ค." (<see cref="ThaiDates.DayMonth"/>).</summary>
    public List<Dictionary<string, object?>> Rows(string sheet)
    {
        var rows = RawRows(sheet);
        var header = rows[0].Elements<Cell>().ToDictionary(c => ColumnOf(c.CellReference!), HeaderName);
        return [.. rows.Skip(1).Select(r =>
        {
            var values = header.Values.ToDictionary(h => h, _ => (object?)null);
            foreach (var cell in r.Elements<Cell>())
            {
                values[header[ColumnOf(cell.CellReference!)]] = Value(cell);
            }

            return values;
        })];
    }

    public Cell Cell(string sheet, string reference) =>
        RawRows(sheet).SelectMany(r => r.Elements<Cell>()).Single(c => c.CellReference == reference);

    /// <summary>The cell under <paramref name="header"/> in the data row <paramref name="index"/> (0 = the first under the header).</summary>
    public Cell Cell(string sheet, string header, int index)
    {
        var rows = RawRows(sheet);
        var column = ColumnOf(rows[0].Elements<Cell>().Single(c => HeaderName(c) == header).CellReference!);
        return rows[index + 1].Elements<Cell>().Single(c => ColumnOf(c.CellReference!) == column);
    }

    private string HeaderName(Cell cell) => Value(cell) switch
    {
        DateOnly d => ThaiDates.DayMonth(d),
        var v => (string)v!,
    };

    public object? Value(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.Text!.Text;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return Book.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText;
        }

        if (cell.CellValue is null)
        {
            return null;
        }

        var number = double.Parse(cell.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture);
        return IsDateFormat(FormatCode(cell)) ? DateOnly.FromDayNumber(new DateOnly(1899, 12, 30).DayNumber + (int)number) : number;
    }

    public CellFormat Format(Cell cell) =>
        Book.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    /// <summary>The number format code of the cell's style ("General" for none).</summary>
    public string FormatCode(Cell cell)
    {
        var id = Format(cell).NumberFormatId?.Value ?? 0;
        var custom = Book.WorkbookStylesPart!.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId?.Value == id);
        return custom?.FormatCode?.Value ?? (id == 0 ? "General" : $"builtin {id}");
    }

    /// <summary>Every hyperlink of the sheet: its cell, its external target (from the relationship) or in-workbook location, and its text.</summary>
    public IReadOnlyList<(string Cell, string? Target, string? Location)> Links(string sheet)
    {
        var part = Part(sheet);
        var links = part.Worksheet.GetFirstChild<Hyperlinks>()?.Elements<Hyperlink>() ?? [];
        return [.. links.Select(l => (
            l.Reference!.Value!,
            l.Id?.Value is { } id ? part.HyperlinkRelationships.Single(r => r.Id == id).Uri.OriginalString : null,
            l.Location?.Value))];
    }

    public static string ColumnOf(string reference) => new([.. reference.TakeWhile(char.IsLetter)]);

    public static int RowOf(string reference) => int.Parse(reference[ColumnOf(reference).Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsDateFormat(string code) => code.Contains("yy", StringComparison.Ordinal) || code.Contains("mmm", StringComparison.Ordinal) || code.Contains(" d", StringComparison.Ordinal);

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }
}
