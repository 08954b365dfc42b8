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

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The local calendar date of a LINE event timestamp (milliseconds since the epoch).</summary>
    public DateOnly DateOf(long unixMilliseconds) =>
        DateOnly.FromDateTime(ToLocal(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds)).DateTime);

    /// <summary>The instant a local date and time occurs at.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly timeOfDay)
    {
        var local = date.ToDateTime(timeOfDay, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
