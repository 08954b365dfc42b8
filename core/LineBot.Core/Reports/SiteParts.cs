using LineBot.Reports.Parsing;

namespace LineBot.Reports;

/// <summary>
/// What reports, profiles and replies do with a <see cref="Site"/> (type, province, district, sub-district), so
/// that the four parts are never copied one by one.
/// </summary>
internal static class SiteParts
{
    /// <summary>Each part as stated here, else as in <paramref name="fallback"/> (a report's site completed from its reporter's profile).</summary>
    public static Site Or(this Site site, Site fallback) => new(
        site.Type ?? fallback.Type,
        site.Province ?? fallback.Province,
        site.District ?? fallback.District,
        site.Subdistrict ?? fallback.Subdistrict);

    /// <summary>How replies show a site: "HLM ต.บางพระ อ.เมือง" (parts not known are left out; empty when none is).</summary>
    public static string Label(this Site site) =>
        string.Join(' ', new[] { site.Type, Prefixed("ต.", site.Subdistrict), Prefixed("อ.", site.District) }.Where(s => !string.IsNullOrEmpty(s)));

    private static string? Prefixed(string prefix, string? name) => string.IsNullOrEmpty(name) ? null : prefix + name;
}
