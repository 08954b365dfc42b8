using System.Globalization;
using Microsoft.Extensions.Options;

namespace LineBot.Calendar;

/// <summary>
/// Extra days off from configuration, read from the <c>Bot</c> section beside <see cref="Configuration.BotOptions"/>:
/// <c>Bot:Holidays:2026-12-07 = ชดเชยวันพ่อ</c> (date yyyy-MM-dd, CE → name). Merged over the built-in list.
/// </summary>
internal sealed class CalendarOptions
{
    public Dictionary<string, string> Holidays { get; set; } = [];

    public IEnumerable<Holiday> Parsed() =>
        Holidays.Select(kv => DateOnly.TryParseExact(kv.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new Holiday(date, kv.Value, HolidaySource.Configured)
                : null)
            .OfType<Holiday>();
}

internal sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var bad = options.Holidays.Keys
            .Where(k => !DateOnly.TryParseExact(k, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Bot:Holidays keys must be dates as yyyy-MM-dd (CE): {string.Join(", ", bad)}");
    }
}
