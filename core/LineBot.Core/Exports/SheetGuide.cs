namespace LineBot.Exports;

/// <summary>
/// The first sheet of an export workbook, in Thai: what the file is, how its dates and links work, then each
/// sheet (a link to it) and what each of its columns means. Officers forward these files to people who never saw
/// the bot; the workbook has to explain itself.
/// </summary>
internal static class SheetGuide
{
    public const string Name = "คำอธิบาย";

    public const string DatesNote =
        "วันที่ในไฟล์เป็นวันที่จริงของ Excel แสดงเป็นปีพุทธศักราช จึงเรียงลำดับและกรองตามช่วงวันได้ครับ";

    public const string FilterNote =
        "แถวหัวตารางของทุกแผ่นงานตรึงไว้และมีตัวกรอง กดลูกศรที่หัวคอลัมน์เพื่อกรองหรือเรียงข้อมูลได้ครับ";

    public static Sheet For(string about, IReadOnlyList<Sheet> sheets) => new(
        Name,
        [new SheetColumn("แผ่นงาน", Width: 22), new SheetColumn("คอลัมน์", Width: 26), new SheetColumn("ความหมาย", ColumnKind.LongText, 90)],
        Rows(about, sheets));

    private static IEnumerable<IReadOnlyList<object?>> Rows(string about, IReadOnlyList<Sheet> sheets)
    {
        yield return ["ไฟล์นี้", null, about];
        yield return ["วันที่", null, DatesNote];
        yield return ["ตัวกรอง", null, FilterNote];
        // Sheets alike (one per district) share their column list: it is explained once, under the first of them.
        var explained = new Dictionary<IReadOnlyList<SheetColumn>, string>(ReferenceEqualityComparer.Instance);
        foreach (var sheet in sheets)
        {
            yield return [Link.ToCell(sheet.Name, 1, sheet.Name), null, sheet.About];
            if (explained.TryGetValue(sheet.Columns, out var same))
            {
                yield return [sheet.Name, "ทุกคอลัมน์", $"เหมือนแผ่นงาน \"{same}\""];
                continue;
            }

            explained[sheet.Columns] = sheet.Name;
            foreach (var column in sheet.Columns.Where(c => c.Meaning is not null))
            {
                yield return [sheet.Name, column.Name, column.Meaning];
            }

            foreach (var (label, meaning) in sheet.Notes)
            {
                yield return [sheet.Name, label, meaning];
            }
        }
    }
}
