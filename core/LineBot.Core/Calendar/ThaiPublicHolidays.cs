namespace LineBot.Calendar;

/// <summary>Where a holiday in the merged list came from.</summary>
internal enum HolidaySource
{
    /// <summary>Shipped with the bot (<see cref="ThaiPublicHolidays"/>).</summary>
    BuiltIn,

    /// <summary>From configuration (<c>Bot:Holidays</c>).</summary>
    Configured,

    /// <summary>Added by an admin with <c>/วันหยุด เพิ่ม</c> (Table Storage).</summary>
    Stored,
}

internal sealed record Holiday(DateOnly Date, string Name, HolidaySource Source = HolidaySource.BuiltIn);

/// <summary>
/// DATA: Thai government public holidays for 2025–2027 (พ.ศ. 2568–2570), shipped so that "expected days"
/// are right before anyone configures anything. Fixed-date holidays follow the standing list; lunar ones and
/// substitution days (a holiday on a weekend moves to the next working day) change every year: check each
/// year against the cabinet announcement and correct with <c>/วันหยุด เพิ่ม</c> / Bot:Holidays. 2025 and the
/// 2026 Makha Bucha (3 Mar, an adhikamasa year) were checked against published calendars; 2027 lunar dates
/// are from the astronomical full moon and still need the official announcement.
/// Not included: special days off the cabinet declares ad hoc (add them when announced).
/// </summary>
internal static class ThaiPublicHolidays
{
    public static IReadOnlyList<Holiday> All { get; } =
    [
        // 2025 / 2568
        H(2025, 1, 1, "วันขึ้นปีใหม่"),
        H(2025, 2, 12, "วันมาฆบูชา"),
        H(2025, 4, 6, "วันจักรี"),
        H(2025, 4, 7, "ชดเชยวันจักรี"),
        H(2025, 4, 13, "วันสงกรานต์"),
        H(2025, 4, 14, "วันสงกรานต์"),
        H(2025, 4, 15, "วันสงกรานต์"),
        H(2025, 4, 16, "ชดเชยวันสงกรานต์"),
        H(2025, 5, 1, "วันแรงงานแห่งชาติ"),
        H(2025, 5, 4, "วันฉัตรมงคล"),
        H(2025, 5, 5, "ชดเชยวันฉัตรมงคล"),
        H(2025, 5, 11, "วันวิสาขบูชา"),
        H(2025, 5, 12, "ชดเชยวันวิสาขบูชา"),
        H(2025, 6, 3, "วันเฉลิมพระชนมพรรษาสมเด็จพระราชินี"),
        H(2025, 7, 10, "วันอาสาฬหบูชา"),
        H(2025, 7, 11, "วันเข้าพรรษา"),
        H(2025, 7, 28, "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว"),
        H(2025, 8, 12, "วันแม่แห่งชาติ"),
        H(2025, 10, 13, "วันนวมินทรมหาราช"),
        H(2025, 10, 23, "วันปิยมหาราช"),
        H(2025, 12, 5, "วันพ่อแห่งชาติ"),
        H(2025, 12, 10, "วันรัฐธรรมนูญ"),
        H(2025, 12, 31, "วันสิ้นปี"),

        // 2026 / 2569
        H(2026, 1, 1, "วันขึ้นปีใหม่"),
        H(2026, 3, 3, "วันมาฆบูชา"),
        H(2026, 4, 6, "วันจักรี"),
        H(2026, 4, 13, "วันสงกรานต์"),
        H(2026, 4, 14, "วันสงกรานต์"),
        H(2026, 4, 15, "วันสงกรานต์"),
        H(2026, 5, 1, "วันแรงงานแห่งชาติ"),
        H(2026, 5, 4, "วันฉัตรมงคล"),
        H(2026, 5, 31, "วันวิสาขบูชา"),
        H(2026, 6, 1, "ชดเชยวันวิสาขบูชา"),
        H(2026, 6, 3, "วันเฉลิมพระชนมพรรษาสมเด็จพระราชินี"),
        H(2026, 7, 28, "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว"),
        H(2026, 7, 29, "วันอาสาฬหบูชา"),
        H(2026, 7, 30, "วันเข้าพรรษา"),
        H(2026, 8, 12, "วันแม่แห่งชาติ"),
        H(2026, 10, 13, "วันนวมินทรมหาราช"),
        H(2026, 10, 23, "วันปิยมหาราช"),
        H(2026, 12, 5, "วันพ่อแห่งชาติ"),
        H(2026, 12, 7, "ชดเชยวันพ่อแห่งชาติ"),
        H(2026, 12, 10, "วันรัฐธรรมนูญ"),
        H(2026, 12, 31, "วันสิ้นปี"),

        // 2027 / 2570 (lunar dates provisional, see above)
        H(2027, 1, 1, "วันขึ้นปีใหม่"),
        H(2027, 2, 20, "วันมาฆบูชา"),
        H(2027, 2, 22, "ชดเชยวันมาฆบูชา"),
        H(2027, 4, 6, "วันจักรี"),
        H(2027, 4, 13, "วันสงกรานต์"),
        H(2027, 4, 14, "วันสงกรานต์"),
        H(2027, 4, 15, "วันสงกรานต์"),
        H(2027, 5, 1, "วันแรงงานแห่งชาติ"),
        H(2027, 5, 3, "ชดเชยวันแรงงานแห่งชาติ"),
        H(2027, 5, 4, "วันฉัตรมงคล"),
        H(2027, 5, 20, "วันวิสาขบูชา"),
        H(2027, 6, 3, "วันเฉลิมพระชนมพรรษาสมเด็จพระราชินี"),
        H(2027, 7, 18, "วันอาสาฬหบูชา"),
        H(2027, 7, 19, "วันเข้าพรรษา"),
        H(2027, 7, 20, "ชดเชยวันอาสาฬหบูชา"),
        H(2027, 7, 28, "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว"),
        H(2027, 8, 12, "วันแม่แห่งชาติ"),
        H(2027, 10, 13, "วันนวมินทรมหาราช"),
        H(2027, 10, 23, "วันปิยมหาราช"),
        H(2027, 10, 25, "ชดเชยวันปิยมหาราช"),
        H(2027, 12, 5, "วันพ่อแห่งชาติ"),
        H(2027, 12, 6, "ชดเชยวันพ่อแห่งชาติ"),
        H(2027, 12, 10, "วันรัฐธรรมนูญ"),
        H(2027, 12, 31, "วันสิ้นปี"),
    ];

    public static IEnumerable<Holiday> ForYear(int year) => All.Where(h => h.Date.Year == year);

    private static Holiday H(int year, int month, int day, string name) => new(new DateOnly(year, month, day), name);
}
