using LineBot.Calendar;

namespace LineBot.Tests.Calendar;

public sealed class ThaiDatesTests
{
    [Fact]
    public void Short_And_Long_UseBuddhistEraAndThaiNames()
    {
        var date = new DateOnly(2026, 11, 25);

        Assert.Equal("25 พ.ย. 2569", ThaiDates.Short(date));
        Assert.Equal("วันพุธที่ 25 พฤศจิกายน 2569", ThaiDates.Long(date));
        Assert.Equal("25 พ.ย.", ThaiDates.DayMonth(date));
        Assert.Equal("พ. 25", ThaiDates.DayOfWeekAndDay(date));
        Assert.Equal("พฤศจิกายน 2569", ThaiDates.MonthYear(2026, 11));
    }

    [Theory]
    [InlineData("2026-11-17", "2026-11-23", "17–23 พ.ย. 2569")]
    [InlineData("2026-11-30", "2026-12-06", "30 พ.ย. – 6 ธ.ค. 2569")]
    [InlineData("2026-12-28", "2027-01-03", "28 ธ.ค. 2569 – 3 ม.ค. 2570")]
    [InlineData("2026-12-28", "2026-12-28", "28 ธ.ค. 2569")]
    public void Range_ThaiStyle(string from, string to, string expected) =>
        Assert.Equal(expected, ThaiDates.Range(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Week_MondayToSunday_WithPrefix() =>
        Assert.Equal("สัปดาห์ 23–29 พ.ย. 2569", ThaiDates.Week(new ReportWeek(new DateOnly(2026, 11, 23))));

    [Fact]
    public void Digits_RoundTrip()
    {
        Assert.Equal("๒๕๖๙", ThaiDates.ToThaiDigits("2569"));
        Assert.Equal("16.30 น.", ThaiDates.Time(new TimeOnly(16, 30)));
        Assert.Equal("5/12/2569", ThaiDates.ToArabicDigits("๕/๑๒/๒๕๖๙"));
    }
}
