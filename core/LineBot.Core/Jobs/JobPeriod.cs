using System.Globalization;

namespace LineBot.Jobs;

/// <summary>The period a job run serves: a week (by its Monday) or a month. Its <see cref="Key"/> goes into the push keys.</summary>
internal sealed record JobPeriod(string Key)
{
    /// <summary>A week: <c>yyyy-MM-dd</c> of its Monday.</summary>
    public static JobPeriod Week(DateOnly monday) => new(monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A month: <c>yyyy-MM</c>.</summary>
    public static JobPeriod Month(DateOnly first) => new(first.ToString("yyyy-MM", CultureInfo.InvariantCulture));

    public override string ToString() => Key;
}
