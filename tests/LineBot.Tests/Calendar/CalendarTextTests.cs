using LineBot.Calendar;

namespace LineBot.Tests.Calendar;

public sealed class CalendarTextTests
{
    [Fact]
    public void Holidays_ListsDaysWithThaiDatesAndMarksAdminAdded()
    {
        List<Holiday> list = [new(new DateOnly(2026, 12, 5), "วันพ่อแห่งชาติ"), new(new DateOnly(2026, 12, 24), "หยุดพิเศษจังหวัด", HolidaySource.Stored)];

        var text = CalendarText.Holidays(2026, list);

        Assert.Equal("วันหยุดปี 2569 (2 วัน)\n- ส. 5 ธ.ค. 2569 วันพ่อแห่งชาติ\n- พฤ. 24 ธ.ค. 2569 หยุดพิเศษจังหวัด (เพิ่มโดยผู้ดูแล)", text);
    }

    [Fact]
    public void LeaveRecorded_CountsWorkingDaysOnly() =>
        Assert.Equal(
            "บันทึกการลาของ นางสาวทดสอบ: 4–8 ธ.ค. 2569 (2 วันทำการ)",
            CalendarText.LeaveRecorded("นางสาวทดสอบ", new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 8), new HashSet<DateOnly> { new(2026, 12, 7) }));
}
