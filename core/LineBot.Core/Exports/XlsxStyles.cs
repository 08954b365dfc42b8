using DocumentFormat.OpenXml.Spreadsheet;

namespace LineBot.Exports;

/// <summary>The cell formats of every export workbook (indexes into cellXfs, in the order <see cref="XlsxStyles.Stylesheet"/> writes them).</summary>
internal enum XlsxStyle : uint
{
    Default = 0,
    Header = 1,
    HeaderDay = 2,
    Text = 3,
    Wrap = 4,
    Number = 5,
    Decimal = 6,
    Date = 7,
    Month = 8,
    Link = 9,
    MarkNone = 10,
    MarkGood = 11,
    MarkBad = 12,
    MarkAway = 13,
    MarkOff = 14,
}

/// <summary>
/// Fonts, fills and number formats. Dates are real date serials shown in the Buddhist Era with Thai month names:
/// <c>[$-107041E]</c> is Excel's locale-and-calendar code (01 = Western digits, 07 = Thai Buddhist calendar,
/// 041E = Thai), which Excel since 2007 and LibreOffice both read ("25 พ.ย. 2569"); the newer <c>[$-th-TH,107]</c>
/// form is Excel 365's only, and <c>bbbb</c> is not read by LibreOffice.
/// </summary>
internal static class XlsxStyles
{
    public const string DateFormat = "[$-107041E]d mmm yyyy";
    public const string MonthFormat = "[$-107041E]mmmm yyyy";
    public const string DayHeaderFormat = "[$-107041E]ddd d mmm";
    public const string DecimalFormat = "0.0";

    /// <summary>Tahoma has Thai glyphs on every Windows and Mac; Calibri falls back to a font of the reader's machine.</summary>
    public const string Font = "Tahoma";

    private const uint DecimalId = 164, DateId = 165, MonthId = 166, DayHeaderId = 167;

    public static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DecimalId, FormatCode = DecimalFormat },
            new NumberingFormat { NumberFormatId = DateId, FormatCode = DateFormat },
            new NumberingFormat { NumberFormatId = MonthId, FormatCode = MonthFormat },
            new NumberingFormat { NumberFormatId = DayHeaderId, FormatCode = DayHeaderFormat })
        { Count = 4 },
        new Fonts(
            FontOf(bold: false, link: false),
            FontOf(bold: true, link: false),
            FontOf(bold: false, link: true))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9E1F2"),  // 2 header
            Solid("FFC6EFCE"),  // 3 good
            Solid("FFFFC7CE"),  // 4 bad
            Solid("FFFFEB9C"),  // 5 away
            Solid("FFEDEDED"))  // 6 off
        { Count = 7 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(0, 0, 0, null),                                                     // Default
            Format(0, 1, 2, new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }), // Header
            Format(DayHeaderId, 1, 2, new Alignment { WrapText = true, Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }),
            Format(0, 0, 0, Top()),                                                    // Text
            Format(0, 0, 0, new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }), // Wrap
            Format(0, 0, 0, Top()),                                                    // Number
            Format(DecimalId, 0, 0, Top()),
            Format(DateId, 0, 0, new Alignment { Horizontal = HorizontalAlignmentValues.Left, Vertical = VerticalAlignmentValues.Top }),
            Format(MonthId, 0, 0, new Alignment { Horizontal = HorizontalAlignmentValues.Left, Vertical = VerticalAlignmentValues.Top }),
            Format(0, 2, 0, Top()),                                                    // Link
            Format(0, 0, 0, Centre()),
            Format(0, 0, 3, Centre()),
            Format(0, 0, 4, Centre()),
            Format(0, 0, 5, Centre()),
            Format(0, 0, 6, Centre()))
        { Count = 15 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    /// <summary>The style a value is written with in a column of <paramref name="kind"/>.</summary>
    public static XlsxStyle For(object value, ColumnKind kind) => value switch
    {
        DateOnly => XlsxStyle.Date,
        YearMonth => XlsxStyle.Month,
        Link => XlsxStyle.Link,
        Shaded s => s.Shade switch
        {
            Shade.Good => XlsxStyle.MarkGood,
            Shade.Bad => XlsxStyle.MarkBad,
            Shade.Away => XlsxStyle.MarkAway,
            Shade.Off => XlsxStyle.MarkOff,
            _ => XlsxStyle.MarkNone,
        },
        double or float or decimal when kind == ColumnKind.Decimal => XlsxStyle.Decimal,
        int or long or double or float or decimal => XlsxStyle.Number,
        _ => kind switch
        {
            ColumnKind.LongText => XlsxStyle.Wrap,
            ColumnKind.Mark => XlsxStyle.MarkNone,
            _ => XlsxStyle.Text,
        },
    };

    /// <summary>Column width in characters when the column does not set one.</summary>
    public static double DefaultWidth(ColumnKind kind) => kind switch
    {
        ColumnKind.LongText => 45,
        ColumnKind.Number or ColumnKind.Decimal => 12,
        ColumnKind.Date => 14,
        ColumnKind.Month => 16,
        ColumnKind.Link => 14,
        ColumnKind.Mark => 9,
        _ => 20,
    };

    private static Font FontOf(bool bold, bool link)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (link)
        {
            font.Append(new Underline());
        }

        font.Append(new FontSize { Val = 10 });
        font.Append(link ? new Color { Rgb = "FF0563C1" } : new Color { Theme = 1 });
        font.Append(new FontName { Val = Font });
        font.Append(new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint numberFormat, uint font, uint fill, Alignment? alignment)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = 0,
            FormatId = 0,
            ApplyNumberFormat = numberFormat != 0 ? true : null,
            ApplyFont = font != 0 ? true : null,
            ApplyFill = fill != 0 ? true : null,
        };
        if (alignment is not null)
        {
            format.Append(alignment);
            format.ApplyAlignment = true;
        }

        return format;
    }

    private static Alignment Top() => new() { Vertical = VerticalAlignmentValues.Top };

    private static Alignment Centre() => new() { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center };

    /// <summary>Excel's day number: days since 30 Dec 1899 (its 1900 leap-year bug only shifts dates before March 1900).</summary>
    public static int Serial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;
}
