namespace LineBot.Jobs;

/// <summary>
/// Who a job's push is for: <see cref="To"/> is the chat it goes to; the label (<see cref="ToString"/>) is what
/// <c>linebot jobs run</c> prints beside each push.
/// </summary>
internal abstract record Audience(string To)
{
    protected abstract string Label { get; }

    public sealed override string ToString() => Label;

    /// <summary>The district officers of a roster (one each, with a LINE user and a district).</summary>
    public static IEnumerable<Officer> Officers(IReadOnlyList<Reporters.Reporter> roster) =>
        roster.Where(r => r is { Role: Reporters.ReporterRole.Officer, UserId.Length: > 0, OfficerDistrict.Length: > 0 })
            .GroupBy(r => r.UserId, StringComparer.Ordinal)
            .Select(g => new Officer(g.First().UserId!, g.First().OfficerDistrict!));

    /// <summary>A LINE group (the provincial group the bot is in).</summary>
    public sealed record Group(string GroupId) : Audience(GroupId)
    {
        protected override string Label => "group";
    }

    /// <summary>One admin (<c>Bot:AdminUserIds</c>), 1:1.</summary>
    public sealed record Admin(string UserId) : Audience(UserId)
    {
        protected override string Label => "admin";
    }

    /// <summary>The officer of one district, 1:1.</summary>
    public sealed record Officer(string UserId, string District) : Audience(UserId)
    {
        protected override string Label => "officer:" + District;
    }

    /// <summary>One reporter, 1:1.</summary>
    public sealed record Reporter(string ReporterId, string UserId) : Audience(UserId)
    {
        protected override string Label => "reporter";
    }
}
