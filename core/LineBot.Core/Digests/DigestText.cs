using System.Globalization;
using System.Text;
using LineBot.Calendar;
using LineBot.Photos;

namespace LineBot.Digests;

/// <summary>
/// Plain-text digests and reminders: replies to commands, the officer's 1:1 copy, and where Flex is not
/// wanted. Everything is complete here (no truncation of names or problems); long text is split into LINE
/// text messages of at most 5,000 characters at line breaks.
/// </summary>
internal static class DigestText
{
    public const int MaxTextMessageLength = 5_000;

    /// <summary>
    /// The full digest, or only <paramref name="district"/>'s part (null = province and every district). Map links
    /// of the reporters' sites are listed only for one district: for the whole province they would be a hundred
    /// lines nobody reads in a chat (the export has them per row).
    /// </summary>
    public static string Render(WeeklyDigest digest, string? district = null)
    {
        var text = new StringBuilder();
        text.Append("📊 สรุปรายงาน นพต. ").Append(ThaiDates.Week(digest.Week));
        if (!digest.IsComplete)
        {
            text.Append(" (ถึง ").Append(ThaiDates.Long(digest.CountedThrough)).Append(')');
        }

        text.Append('\n');
        if (district is null)
        {
            AppendDistrict(text, digest.Province, details: false);
        }

        foreach (var d in digest.Districts.Where(d => district is null || d.District == district))
        {
            text.Append('\n');
            AppendDistrict(text, d, details: true);
            if (district is not null && d.Sites.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"พิกัดพื้นที่ {d.Sites.Count} คน:\n");
                foreach (var site in d.Sites)
                {
                    text.Append("- ").Append(site.Name).Append(": ").Append(MapLink.For(site.Latitude, site.Longitude)).Append('\n');
                }
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// The weekly reminder: per district, who is missing which days, and the deadline; or a thank-you when
    /// everyone has reported. <paramref name="deadline"/> is free text such as "วันศุกร์ 16.30 น.".
    /// </summary>
    public static string Reminder(MissingReports missing, string? deadline = null)
    {
        var period = ThaiDates.Range(missing.From, missing.Through);
        if (missing.NobodyMissing)
        {
            return $"🙏 ขอบคุณ นพต. ทุกท่าน ส่งรายงานประจำวันครบทุกวันแล้ว ({period})";
        }

        var text = new StringBuilder();
        text.Append("⏰ แจ้งเตือนส่งรายงานประจำวัน (").Append(period).Append(")\n");
        text.Append(CultureInfo.InvariantCulture, $"ยังขาด {missing.DayCount} วัน จาก {missing.ReporterCount} คน\n");
        foreach (var d in missing.Districts)
        {
            text.Append("\nอำเภอ").Append(d.District == WeeklyDigestCalculator.UnknownDistrict ? " (ไม่ระบุ)" : d.District).Append('\n');
            foreach (var r in d.Reporters)
            {
                text.Append("- ").Append(r.Name).Append(": ").AppendJoin(", ", r.MissingDates.Select(ThaiDates.DayOfWeekAndDay)).Append('\n');
            }
        }

        if (!string.IsNullOrWhiteSpace(deadline))
        {
            text.Append("\nกรุณาส่งภายใน").Append(deadline).Append(" ขอบคุณครับ");
        }
        else
        {
            text.Append("\nกรุณาส่งรายงานที่ยังขาด ขอบคุณครับ");
        }

        return text.ToString();
    }

    /// <summary>Splits text into LINE text messages (≤ 5,000 characters), at line breaks where possible.</summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxTextMessageLength)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var piece = line;
            while (piece.Length > max)
            {
                Flush();
                parts.Add(piece[..max]);
                piece = piece[max..];
            }

            if (current.Length > 0 && current.Length + 1 + piece.Length > max)
            {
                Flush();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(piece);
        }

        Flush();
        return parts;

        void Flush()
        {
            if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static void AppendDistrict(StringBuilder text, DistrictDigest d, bool details)
    {
        var name = d.District is WeeklyDigestCalculator.ProvinceName or WeeklyDigestCalculator.UnknownDistrict ? d.District : "อำเภอ" + d.District;
        text.Append("▪️ ").Append(name).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"ส่ง {d.ReceivedExpected}/{d.Expected} วัน ({DigestFlexBuilder.Percent(d.Completion)}) · ผู้รายงาน {d.Registered} คน\n");
        text.Append(CultureInfo.InvariantCulture, $"รับรอง {DigestFlexBuilder.Percent(d.CertificationRate)} ({d.Certified}/{d.Received}) · ภาพ {d.Photos} · มีพิกัด {d.ReportersWithLocation} คน\n");
        if (d.PhotosWithoutReport > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"ภาพที่ยังไม่มีรายงานของวันนั้น {d.PhotosWithoutReport} ภาพ\n");
        }

        if (d.ReceivedOnDaysOff > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"ส่งในวันหยุด/วันลา {d.ReceivedOnDaysOff} วัน\n");
        }

        if (!details)
        {
            return;
        }

        if (d.Gaps.Count == 0)
        {
            text.Append("ส่งครบทุกคน\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"ยังขาดส่ง {d.Gaps.Count} คน:\n");
            foreach (var gap in d.Gaps)
            {
                text.Append("- ").Append(gap.Name).Append(": ").AppendJoin(", ", gap.MissingDates.Select(ThaiDates.DayOfWeekAndDay)).Append('\n');
            }
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
