namespace LineBot.Exports;

/// <summary>How a column is shown in the workbook: its width, wrapping and alignment follow from it.</summary>
internal enum ColumnKind
{
    Text,

    /// <summary>Typed text that can run long (activities, problems): wide and wrapped.</summary>
    LongText,
    Number,

    /// <summary>A number with one decimal (percentages).</summary>
    Decimal,
    Date,
    Month,
    Link,

    /// <summary>A short centred word in a shaded cell (the day grid).</summary>
    Mark,
}

/// <summary>
/// A column: its header, kind, width in characters (null: the kind's default), what it means (for the
/// explanation sheet) and, for a column per day, the day (its header is then a date cell).
/// </summary>
internal sealed record SheetColumn(string Name, ColumnKind Kind = ColumnKind.Text, double? Width = null, string? Meaning = null)
{
    public DateOnly? Date { get; init; }

    public static implicit operator SheetColumn(string name) => new(name);
}

/// <summary>
/// One sheet: columns in order and rows of values: string, int, double, <see cref="DateOnly"/> (a real date cell),
/// <see cref="YearMonth"/>, <see cref="Link"/>, <see cref="Shaded"/> or null. <see cref="About"/> and
/// <see cref="Notes"/> (label, meaning) go to the explanation sheet.
/// </summary>
internal sealed record Sheet(string Name, IReadOnlyList<SheetColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows)
{
    public Sheet(string name, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
        : this(name, [.. columns.Select(c => new SheetColumn(c))], rows)
    {
    }

    public string? About { get; init; }

    public IReadOnlyList<(string Label, string Meaning)> Notes { get; init; } = [];

    /// <summary>Columns left of the day columns stay in view when scrolling right (the header row always does).</summary>
    public int FrozenColumns { get; init; }
}

/// <summary>A month as a date cell (its first day) shown as "พฤศจิกายน 2569", so that months sort and filter as dates.</summary>
internal readonly record struct YearMonth(int Year, int Month)
{
    public DateOnly First => new(Year, Month, 1);
}

/// <summary>
/// A clickable cell showing <paramref name="Text"/>: <paramref name="Target"/> is an absolute http(s) URL, or
/// "#'sheet'!A5" for a place in the same workbook.
/// </summary>
internal sealed record Link(string Target, string Text)
{
    public bool IsInWorkbook => Target.StartsWith('#');

    public static Link ToCell(string sheet, int row, string text) => new($"#'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!A{row}", text);
}

/// <summary>How a <see cref="Shaded"/> cell is coloured.</summary>
internal enum Shade
{
    None,
    Good,
    Bad,
    Away,
    Off,
}

/// <summary>A short word in a coloured, centred cell (sent, missing, leave, holiday).</summary>
internal sealed record Shaded(string Text, Shade Shade);
