namespace LineBot.Tests.Infrastructure;

/// <summary>The tests' clock keeps a run away from Bangkok's midnight, and leaves every other hour alone.</summary>
public sealed class TestTimeTests
{
    [Theory]
    [InlineData("2026-11-30T16:30:00Z", -2)] // 23:30 in Bangkok
    [InlineData("2026-11-30T17:00:00Z", -2)] // midnight
    [InlineData("2026-11-30T17:59:59Z", -2)] // 00:59:59
    [InlineData("2026-11-30T18:00:00Z", 0)] // 01:00
    [InlineData("2026-11-30T05:00:00Z", 0)] // noon
    [InlineData("2026-11-30T15:59:59Z", 0)] // 22:59:59
    public void OffsetFor_MovesOnlyTheHourAroundMidnight(string utc, int hours)
    {
        var now = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        var offset = TestTime.OffsetFor(now);

        Assert.Equal(TimeSpan.FromHours(hours), offset);
        // An hour of tests from the moved time stays on one Bangkok day.
        var start = TimeZoneInfo.ConvertTime(now + offset, TestTime.Instance.LocalTimeZone);
        Assert.Equal(start.Date, start.AddHours(1).AddSeconds(-1).Date);
    }
}
