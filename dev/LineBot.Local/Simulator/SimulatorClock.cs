namespace LineBot.Simulator;

/// <summary>
/// THE clock in local mode: the system clock plus an offset the simulator can jump forward (or back), so
/// reports, digests and the scheduler see "next Monday" without waiting for it. Timers still run on real time.
/// </summary>
internal sealed class SimulatorClock(TimeProvider? inner = null) : TimeProvider
{
    private readonly TimeProvider system = inner ?? System;
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    // Timers and timestamps are the inner clock's (real time for the system clock; a test's fake when given one).
    public override long TimestampFrequency => system.TimestampFrequency;

    public override long GetTimestamp() => system.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        system.CreateTimer(callback, state, dueTime, period);

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    /// <summary>Jumps so that now is <paramref name="at"/>; time keeps running from there.</summary>
    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref offsetTicks, (at - system.GetUtcNow()).Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
