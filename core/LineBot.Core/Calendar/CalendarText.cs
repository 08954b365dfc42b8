using System.Globalization;
using System.Text;

namespace LineBot.Calendar;

/// <summary>Replies for <c>/วันหยุด</c> and <c>/ลา</c>.</summary>
internal static class CalendarText
{
    /// <summary>"วันหยุดปี 2569 (19 วัน)" then one line per day off: "- พฤ. 1 ม.ค. 2569 วันขึ้นปีใหม่".</summary>
    public static string Holidays(int year, IReadOnlyList<Holiday> holidays, DateOnly? from = null)
    {
        var shown = holidays.Where(h => from is null || h.Date >= from).OrderBy(h => h.Date).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"วันหยุดปี {ThaiDates.ToBuddhistYear(year)} ({shown.Count} วัน)");
        foreach (var h in shown)
        {
            text.Append("\n- ").Append(ThaiDates.DayAbbreviation(h.Date)).Append(' ').Append(ThaiDates.Short(h.Date)).Append(' ').Append(h.Name);
            if (h.Source == HolidaySource.Stored)
            {
                text.Append(" (เพิ่มโดยผู้ดูแล)");
            }
        }

        return text.ToString();
    }

    /// <summary>"บันทึกการลาของ นาย ก: 3–5 ธ.ค. 2569 (3 วันทำการ)".</summary>
    public static string LeaveRecorded(string name, DateOnly from, DateOnly to, IReadOnlySet<DateOnly> holidays)
    {
        var working = WorkCalendar.WorkingDays(from, to, holidays).Count;
        return $"บันทึกการลาของ {name}: {ThaiDates.Range(from, to)} ({working} วันทำการ)";
    }
}
