using System.Globalization;
using System.Text;
using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Reporters;

namespace LineBot.Commands;

/// <summary>The Thai wording of command replies (digest layouts are in <c>Digests/</c>).</summary>
internal static class CommandText
{
    /// <summary>"ยังไม่ส่งรายงาน (…): N คน" then by district, names with their missing days.</summary>
    public static string Missing(MissingReports missing, string? district)
    {
        var districts = missing.Districts.Where(d => district is null || d.District == district).ToList();
        var period = ThaiDates.Range(missing.From, missing.Through);
        if (districts.Count == 0)
        {
            return $"✅ ส่งรายงานครบทุกคน ({period}){(district is null ? "" : " อำเภอ" + district)}";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"ยังไม่ส่งรายงาน ({period}): {districts.Sum(d => d.Reporters.Count)} คน {districts.Sum(d => d.Reporters.Sum(r => r.MissingDates.Count))} วัน\n");
        foreach (var d in districts)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nอำเภอ{d.District} ({d.Reporters.Count} คน)\n");
            foreach (var r in d.Reporters)
            {
                text.Append("- ").Append(r.Name).Append(": ").AppendJoin(", ", r.MissingDates.Select(ThaiDates.DayOfWeekAndDay)).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// Everyone expected to report today, by district, with each person's last report date, or since when they are
    /// expected when they have never reported (counted in the headline). Those who left are not listed.
    /// </summary>
    public static string Roster(IReadOnlyList<Reporter> roster, string? district, DateOnly today)
    {
        var people = roster.Where(r => r.ExpectedOn(today) && (district is null || DigestService.DistrictOf(r.District) == district)).ToList();
        var never = people.Count(r => r.LastReportDate is null);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"👥 ผู้รายงาน {people.Count} คน (ผู้ที่ต้องส่งรายงาน)");
        if (never > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" · ยังไม่เคยส่ง {never} คน");
        }

        text.Append('\n');
        foreach (var group in people.GroupBy(r => DigestService.DistrictOf(r.District)).OrderBy(g => g.Key, WeeklyDigestCalculator.ThaiOrder))
        {
            text.Append(CultureInfo.InvariantCulture, $"\nอำเภอ{group.Key} ({group.Count()} คน)\n");
            foreach (var r in group.OrderBy(r => r.Name, WeeklyDigestCalculator.ThaiOrder))
            {
                text.Append("- ").Append(r.Name).Append(": ").Append(
                    r.LastReportDate is { } d ? "ส่งล่าสุด " + ThaiDates.Short(d)
                    : r.StartDate is { } start ? "ยังไม่เคยส่ง (ต้องส่งตั้งแต่ " + ThaiDates.Short(start) + ")"
                    : "ยังไม่เคยส่ง").Append('\n');
            }
        }

        var officers = roster.Where(r => r.Role == ReporterRole.Officer && (district is null || r.OfficerDistrict == district)).ToList();
        if (officers.Count > 0)
        {
            text.Append("\nเจ้าหน้าที่อำเภอ\n");
            foreach (var o in officers.OrderBy(o => o.OfficerDistrict, WeeklyDigestCalculator.ThaiOrder))
            {
                text.Append("- ").Append(o.OfficerDistrict).Append(": ").Append(o.Name).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>One reporter's week: days sent, days still missing, leave.</summary>
    public static string Mine(Reporter me, WeeklyDigest digest, IReadOnlyList<DateOnly> sent, ReporterGap? gap, IReadOnlyList<LeaveEntry> leave)
    {
        var text = new StringBuilder();
        text.Append("🙋 ").Append(me.Name);
        if (!string.IsNullOrWhiteSpace(me.District))
        {
            text.Append(" อำเภอ").Append(me.District);
        }

        text.Append('\n').Append(ThaiDates.Week(digest.Week)).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"ส่งแล้ว {sent.Count} วัน");
        if (sent.Count > 0)
        {
            text.Append(": ").AppendJoin(", ", sent.Select(ThaiDates.DayOfWeekAndDay));
        }

        text.Append('\n');
        text.Append(gap is null ? "ยังไม่มีวันที่ขาดส่ง 👍" : "ยังขาด: " + string.Join(", ", gap.MissingDates.Select(ThaiDates.DayOfWeekAndDay))).Append('\n');
        foreach (var l in leave)
        {
            text.Append("ลา ").Append(ThaiDates.Range(l.From, l.To)).Append('\n');
        }

        if (me.LastReportDate is { } last)
        {
            text.Append("ส่งล่าสุด ").Append(ThaiDates.Short(last)).Append('\n');
        }

        return text.ToString().TrimEnd();
    }
}
