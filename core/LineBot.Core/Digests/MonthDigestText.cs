using System.Globalization;
using System.Text;
using LineBot.Calendar;

namespace LineBot.Digests;

/// <summary>The month's summary as text: <c>/สรุป เดือน</c> and the monthly job's summary to admins.</summary>
internal static class MonthDigestText
{
    /// <summary>A month per district: progress and every problem raised, verbatim.</summary>
    public static string Render(MonthDigest month, string? district = null)
    {
        var text = new StringBuilder();
        text.Append("📊 สรุปรายงาน นพต. เดือน").Append(ThaiDates.MonthYear(month.Year, month.Month));
        var last = new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(-1);
        if (month.CountedThrough < last)
        {
            text.Append(" (ถึง ").Append(ThaiDates.DayMonth(month.CountedThrough)).Append(')');
        }

        text.Append('\n');
        var districts = month.Districts.Where(d => district is null || d.District == district).ToList();
        if (district is null)
        {
            Append(text, month.Province, problems: false);
        }

        foreach (var d in districts)
        {
            text.Append('\n');
            Append(text, d, problems: true);
        }

        return text.ToString().TrimEnd();

        static void Append(StringBuilder text, DistrictDigest d, bool problems)
        {
            text.Append("▪️ ").Append(d.District == WeeklyDigestCalculator.ProvinceName ? d.District : "อำเภอ" + d.District).Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"ส่ง {d.ReceivedExpected}/{d.Expected} วัน ({DigestFlexBuilder.Percent(d.Completion)}) · ผู้รายงาน {d.Registered} คน · รับรอง {DigestFlexBuilder.Percent(d.CertificationRate)} · ภาพ {d.Photos}\n");
            if (!problems)
            {
                return;
            }

            if (d.Gaps.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"ขาดส่ง {d.Gaps.Count} คน: ").AppendJoin(", ", d.Gaps.Select(g => $"{g.Name} ({g.MissingDates.Count} วัน)")).Append('\n');
            }

            if (d.Problems.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"ปัญหา/อุปสรรค {d.Problems.Count} เรื่อง:\n");
                foreach (var p in d.Problems)
                {
                    text.Append("- ").Append(p.ReporterName).Append(" (").Append(ThaiDates.DayMonth(p.Date)).Append("): ").Append(p.Text).Append('\n');
                }
            }
        }
    }
}
