using System.Text;
using LineBot.Calendar;

namespace LineBot.Reports.Parsing;

/// <summary>
/// A daily report to copy, fix and resend, filled with what the bot already knows about the sender (name, site,
/// today's date in Thai BE); what it does not know stays a blank to fill. Pure: the reply side supplies the values.
/// </summary>
internal static class ReportTemplate
{
    public static string Render(string? name, string? site, DateOnly date, ParsedMessage? understood = null)
    {
        var text = new StringBuilder();
        text.Append("รายงานการปฏิบัติงานประจำวัน\n");
        text.Append("วันที่: ").Append(ThaiDates.Short(understood?.Date ?? date)).Append('\n');
        text.Append("ชื่อ: ").Append(understood?.Reporter ?? name ?? "นาย/นาง/นางสาว …").Append('\n');
        text.Append("พื้นที่: ").Append(SiteOf(understood) ?? site ?? "CLM/HLM ต.… อ.…").Append('\n');
        text.Append("กิจกรรม:\n");
        var activities = understood?.Activities ?? [];
        if (activities.Count == 0)
        {
            text.Append("1. …\n");
        }

        for (var i = 0; i < activities.Count; i++)
        {
            text.Append(i + 1).Append(". ").Append(activities[i]).Append('\n');
        }

        text.Append("ปัญหา/อุปสรรค: ").Append(understood?.Problems is { Count: > 0 } problems ? string.Join(", ", problems) : "ไม่มี").Append('\n');
        text.Append("แผนงานวันถัดไป: ").Append(understood?.Plans is { Count: > 0 } plans ? string.Join(", ", plans) : "…").Append('\n');
        text.Append("ผู้รับรอง: ").Append(understood?.CertifiedBy ?? "… (เจ้าของแปลง)");
        return text.ToString();
    }

    private static string? SiteOf(ParsedMessage? parsed)
    {
        if (parsed is null || (parsed.SiteType is null && parsed.Subdistrict is null && parsed.District is null))
        {
            return null;
        }

        var parts = new List<string>(3);
        if (parsed.SiteType is { } type)
        {
            parts.Add(type);
        }

        if (parsed.Subdistrict is { } subdistrict)
        {
            parts.Add("ต." + subdistrict);
        }

        if (parsed.District is { } district)
        {
            parts.Add("อ." + district);
        }

        return string.Join(' ', parts);
    }
}
