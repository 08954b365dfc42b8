using LineBot.Configuration;
using Microsoft.Extensions.Options;

namespace LineBot.Calendar;

/// <summary>
/// The one place calendar decisions get "now" and the time zone from (Asia/Bangkok by default). Everything
/// else takes a <see cref="TimeProvider"/> through this, so tests and the simulator can move the clock.
/// </summary>
internal sealed class BotClock(TimeProvider time, IOptions<BotOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeProvider Time => time;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>Now, in the bot's time zone.</summary>
    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOf(time.GetUtcNow());

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The local calendar date of a LINE event timestamp (milliseconds since the epoch).</summary>
    public DateOnly DateOf(long unixMilliseconds) => DateOf(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds));

    /// <summary>The local calendar date of an instant: the one way "which day was it in Bangkok" is answered.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateIn(instant, Zone);

    /// <summary>The calendar date of an instant in a given zone, for code that holds a zone rather than the clock.</summary>
    public static DateOnly DateIn(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant a local date and time occurs at.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly timeOfDay)
    {
        var local = date.ToDateTime(timeOfDay, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
