namespace LineBot.Tests.Infrastructure;

/// <summary>
/// The clock of tests that run the real bot on "now": real time, moved once per test run by two hours when the
/// run starts within an hour of midnight in Bangkok. A test computes "today" and then sends events stamped a
/// moment (or, on purpose, minutes) later; across midnight those are two different days and the test fails for
/// the clock, not the code. CI runs at any hour, so the run is kept away from the day's edge. Storage signs and
/// checks links on its own clock, so bots on this clock sign links with the real time.
/// </summary>
internal sealed class TestTime : TimeProvider
{
    private static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    private TestTime(TimeSpan offset) => Offset = offset;

    public static TestTime Instance { get; } = new(OffsetFor(TimeProvider.System.GetUtcNow()));

    /// <summary>How far this run's clock is from the real one (zero, or two hours back).</summary>
    public TimeSpan Offset { get; }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => Bangkok;

    /// <summary>Two hours back when <paramref name="utcNow"/> is within an hour of Bangkok's midnight, else none.</summary>
    public static TimeSpan OffsetFor(DateTimeOffset utcNow)
    {
        var hour = TimeZoneInfo.ConvertTime(utcNow, Bangkok).TimeOfDay;
        return hour < TimeSpan.FromHours(1) || hour >= TimeSpan.FromHours(23) ? TimeSpan.FromHours(-2) : TimeSpan.Zero;
    }
}
