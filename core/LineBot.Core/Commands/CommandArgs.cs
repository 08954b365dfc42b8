namespace LineBot.Commands;

/// <summary>Reading the words after a command: a district (<c>อ.บางคล้า</c>, <c>อำเภอบางคล้า</c>, <c>อ. บางคล้า</c>) and a period word.</summary>
internal static class CommandArgs
{
    public static readonly string[] WeekWords = ["สัปดาห์", "สัปดาห์นี้", "week", "อาทิตย์"];
    public static readonly string[] MonthWords = ["เดือน", "เดือนนี้", "month"];
    public static readonly string[] TodayWords = ["วันนี้", "today"];

    /// <summary>The date typed in what is left of the arguments, or <paramref name="today"/> when none; else the parser's Thai error.</summary>
    public static (DateOnly Date, string? Error) DateOrToday(IReadOnlyList<string> rest, DateOnly today)
    {
        if (rest.Count == 0)
        {
            return (today, null);
        }

        var parsed = Calendar.CommandDateParser.ParseDate(string.Join(' ', rest), today);
        return parsed.Success ? (parsed.From, null) : (today, parsed.Error);
    }

    /// <summary>
    /// For a month period: a month written on its own (<c>พ.ย.</c>, <c>พฤศจิกายน 2569</c>, <c>11/2569</c>) gives its
    /// first day; otherwise a date as <see cref="DateOrToday"/> reads it.
    /// </summary>
    public static (DateOnly Date, string? Error) MonthOrToday(IReadOnlyList<string> rest, DateOnly today) =>
        rest.Count > 0 && Calendar.CommandMonthParser.Parse(string.Join(' ', rest), today) is { } month ? (month, null) : DateOrToday(rest, today);

    /// <summary>Takes a district argument out of <paramref name="args"/>; null when there is none.</summary>
    public static string? TakeDistrict(IReadOnlyList<string> args, out List<string> rest)
    {
        rest = [];
        string? district = null;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i].Trim();
            string? name = null;
            if (a is "อ." or "อำเภอ")
            {
                if (i + 1 < args.Count)
                {
                    name = args[++i];
                }
            }
            else if (a.StartsWith("อ.", StringComparison.Ordinal))
            {
                name = a[2..];
            }
            else if (a.StartsWith("อำเภอ", StringComparison.Ordinal))
            {
                name = a["อำเภอ".Length..];
            }

            if (name is not null && district is null && name.Trim().Length > 0)
            {
                district = name.Trim();
            }
            else if (name is null && a.Length > 0)
            {
                rest.Add(a);
            }
        }

        return district;
    }

    /// <summary>Removes a leading period word; returns which (week when there is none).</summary>
    public static Period TakePeriod(List<string> args, Period fallback = Period.Week)
    {
        if (args.Count == 0)
        {
            return fallback;
        }

        var first = args[0].ToLowerInvariant();
        Period? found = WeekWords.Contains(first) ? Period.Week : MonthWords.Contains(first) ? Period.Month : TodayWords.Contains(first) ? Period.Today : null;
        if (found is { } period)
        {
            args.RemoveAt(0);
            return period;
        }

        return fallback;
    }

    /// <summary>The known district a typed name means (exact, else the only one it starts or is contained in).</summary>
    public static string? Match(string typed, IEnumerable<string> known)
    {
        var list = known.ToList();
        var exact = list.FirstOrDefault(k => string.Equals(k, typed, StringComparison.Ordinal));
        if (exact is not null)
        {
            return exact;
        }

        var partial = list.Where(k => k.StartsWith(typed, StringComparison.Ordinal) || k.Contains(typed, StringComparison.Ordinal)).ToList();
        return partial.Count == 1 ? partial[0] : null;
    }
}

internal enum Period
{
    Today,
    Week,
    Month,
}
