using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace LineBot.Exports;

/// <summary>
/// Writes sheets as .xlsx row by row: each part goes straight into a zip opened for creation (no part is held in
/// memory, unlike a package opened for update), its XML written with the Open XML SDK's SAX writer and typed
/// elements. Every sheet gets column widths, a frozen header row and an auto-filter; text is written inline (never
/// as a formula), dates as date serials, links as hyperlinks (one per cell).
/// </summary>
internal static class XlsxWriter
{
    /// <summary>Excel's limit of hyperlinks in one worksheet; links past it are written as plain text.</summary>
    public const int MaxLinksPerSheet = 65_530;

    /// <summary>Excel's limit of characters in a cell.</summary>
    public const int MaxCellText = 32_767;

    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string HyperlinkType = RelationshipsNamespace + "/hyperlink";
    private const string WorksheetType = RelationshipsNamespace + "/worksheet";
    private const string StylesType = RelationshipsNamespace + "/styles";
    private const string DocumentType = RelationshipsNamespace + "/officeDocument";

    /// <summary>Sheet names must already be safe and unique (<see cref="Workbook.SafeSheetName"/>).</summary>
    public static void Write(Stream output, IReadOnlyList<Sheet> sheets)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entries = new List<X.Sheet>(sheets.Count);
        var filters = new List<DefinedName>(sheets.Count);
        for (var i = 0; i < sheets.Count; i++)
        {
            var (range, links) = WriteSheet(zip, $"xl/worksheets/sheet{i + 1}.xml", sheets[i], selected: i == 0);
            if (links.Count > 0)
            {
                Relationships(zip, $"xl/worksheets/_rels/sheet{i + 1}.xml.rels", links.Select(l => (l.Id, HyperlinkType, l.Target, External: true)));
            }

            entries.Add(new X.Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" });
            filters.Add(new DefinedName($"{Quoted(sheets[i].Name)}!{Absolute(range)}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
        }

        Element(zip, "xl/styles.xml", XlsxStyles.Stylesheet());
        Element(zip, "xl/workbook.xml", new X.Workbook(new BookViews(new WorkbookView()), new Sheets(entries), new DefinedNames(filters)));
        Relationships(zip, "xl/_rels/workbook.xml.rels",
        [
            .. Enumerable.Range(1, sheets.Count).Select(n => ($"rId{n}", WorksheetType, $"worksheets/sheet{n}.xml", false)),
            ($"rId{sheets.Count + 1}", StylesType, "styles.xml", false),
        ]);
        Relationships(zip, "_rels/.rels", [("rId1", DocumentType, "xl/workbook.xml", false)]);
        ContentTypes(zip, sheets.Count);
    }

    /// <summary>Writes one worksheet; returns its header-and-data range (the auto-filter's) and its external links by relationship id.</summary>
    private static (string Range, List<(string Id, string Target)> Links) WriteSheet(ZipArchive zip, string path, Sheet sheet, bool selected)
    {
        var columns = sheet.Columns;
        var links = new List<Hyperlink>();
        var external = new List<(string Id, string Target)>();
        using var stream = zip.CreateEntry(path).Open();
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet(), [], [new KeyValuePair<string, string>("r", RelationshipsNamespace)]);
        writer.WriteElement(View(sheet.FrozenColumns, selected));
        if (columns.Count > 0)
        {
            writer.WriteStartElement(new Columns());
            for (var i = 0; i < columns.Count; i++)
            {
                writer.WriteElement(new X.Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = columns[i].Width ?? XlsxStyles.DefaultWidth(columns[i].Kind), CustomWidth = true });
            }

            writer.WriteEndElement();
        }

        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row { RowIndex = 1 });
        for (var i = 0; i < columns.Count; i++)
        {
            writer.WriteElement(columns[i].Date is { } day
                ? NumberCell(Reference(i, 1), XlsxStyles.Serial(day), XlsxStyle.HeaderDay)
                : TextCell(Reference(i, 1), columns[i].Name, XlsxStyle.Header));
        }

        writer.WriteEndElement();
        uint row = 1;
        foreach (var values in sheet.Rows)
        {
            row++;
            writer.WriteStartElement(new Row { RowIndex = row });
            for (var i = 0; i < columns.Count && i < values.Count; i++)
            {
                if (values[i] is { } value && Cell(Reference(i, row), value, columns[i].Kind, links, external) is { } cell)
                {
                    writer.WriteElement(cell);
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        var range = $"A1:{ColumnName(Math.Max(columns.Count, 1) - 1)}{row}";
        writer.WriteElement(new AutoFilter { Reference = range });
        if (links.Count > 0)
        {
            writer.WriteStartElement(new Hyperlinks());
            foreach (var link in links)
            {
                writer.WriteElement(link);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        return (range, external);
    }

    private static void Element(ZipArchive zip, string path, OpenXmlElement root)
    {
        using var stream = zip.CreateEntry(path).Open();
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        writer.WriteElement(root);
    }

    private static void Relationships(ZipArchive zip, string path, IEnumerable<(string Id, string Type, string Target, bool External)> relationships)
    {
        using var xml = XmlWriter.Create(zip.CreateEntry(path).Open(), new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
        xml.WriteStartElement("Relationships", PackageRelationshipsNamespace);
        foreach (var (id, type, target, external) in relationships)
        {
            xml.WriteStartElement("Relationship", PackageRelationshipsNamespace);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            if (external)
            {
                xml.WriteAttributeString("TargetMode", "External");
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void ContentTypes(ZipArchive zip, int sheets)
    {
        using var xml = XmlWriter.Create(zip.CreateEntry("[Content_Types].xml").Open(), new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
        xml.WriteStartElement("Types", ContentTypesNamespace);
        foreach (var (extension, type) in new[] { ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml") })
        {
            xml.WriteStartElement("Default", ContentTypesNamespace);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        var parts = Enumerable.Range(1, sheets).Select(n => ($"/xl/worksheets/sheet{n}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"))
            .Append(("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
            .Append(("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"));
        foreach (var (part, type) in parts)
        {
            xml.WriteStartElement("Override", ContentTypesNamespace);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static Cell? Cell(string reference, object value, ColumnKind kind, List<Hyperlink> links, List<(string Id, string Target)> external)
    {
        var style = XlsxStyles.For(value, kind);
        switch (value)
        {
            case string text:
                return TextCell(reference, text, style);
            case int or long or double or float or decimal:
                return NumberCell(reference, Convert.ToDouble(value, CultureInfo.InvariantCulture), style);
            case DateOnly date:
                return NumberCell(reference, XlsxStyles.Serial(date), style);
            case YearMonth month:
                return NumberCell(reference, XlsxStyles.Serial(month.First), style);
            case Shaded { Text.Length: 0 }:
                return new Cell { CellReference = reference, StyleIndex = (uint)style };
            case Shaded shaded:
                return TextCell(reference, shaded.Text, style);
            case Link link when links.Count < MaxLinksPerSheet && link.IsInWorkbook:
                links.Add(new Hyperlink { Reference = reference, Location = link.Target[1..], Display = Clean(link.Text) });
                return TextCell(reference, link.Text, style);
            case Link link when links.Count < MaxLinksPerSheet && IsWebAddress(link.Target):
                var id = $"rId{external.Count + 1}";
                external.Add((id, link.Target));
                links.Add(new Hyperlink { Reference = reference, Id = id, Display = Clean(link.Text) });
                return TextCell(reference, link.Text, style);
            case Link link:
                // Over the limit, or not a web address: the address as text, still there to copy.
                return TextCell(reference, link.IsInWorkbook ? link.Text : link.Target, XlsxStyle.Text);
            default:
                return TextCell(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", style);
        }
    }

    private static bool IsWebAddress(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static Cell TextCell(string reference, string text, XlsxStyle style) =>
        new(new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            StyleIndex = (uint)style,
        };

    private static Cell NumberCell(string reference, double number, XlsxStyle style) =>
        new() { CellReference = reference, StyleIndex = (uint)style, CellValue = new CellValue(number) };

    private static SheetViews View(int frozenColumns, bool selected)
    {
        var topLeft = Reference(frozenColumns, 2);
        var active = frozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft;
        var pane = new Pane { VerticalSplit = 1, TopLeftCell = topLeft, ActivePane = active, State = PaneStateValues.Frozen };
        if (frozenColumns > 0)
        {
            pane.HorizontalSplit = frozenColumns;
        }

        var selection = new Selection { Pane = active, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } };
        return new SheetViews(new SheetView(pane, selection) { WorkbookViewId = 0, TabSelected = selected ? true : null });
    }

    /// <summary>"A1", "L12", "AA3".</summary>
    public static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string Quoted(string sheet) => "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(r =>
        {
            var digits = r.IndexOfAny("0123456789".ToCharArray());
            return "$" + r[..digits] + "$" + r[digits..];
        }));

    /// <summary>Drops characters XML cannot hold (control characters people paste) and cuts to Excel's cell limit.</summary>
    internal static string Clean(string text)
    {
        var valid = true;
        for (var i = 0; i < text.Length && valid; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            valid = XmlConvert.IsXmlChar(text[i]);
        }

        if (!valid)
        {
            var clean = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                {
                    clean.Append(text, i, 2);
                    i++;
                }
                else if (XmlConvert.IsXmlChar(text[i]))
                {
                    clean.Append(text[i]);
                }
            }

            text = clean.ToString();
        }

        if (text.Length <= MaxCellText)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxCellText - 1]) ? MaxCellText - 1 : MaxCellText;
        return text[..cut];
    }
}
