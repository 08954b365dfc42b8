namespace LineBot.Reports.Parsing;

/// <summary>Fields of a daily report, for saying which ones a message left out.</summary>
[Flags]
internal enum ReportField
{
    None = 0,
    Date = 1,
    Reporter = 2,
    Site = 4,
    Activities = 8,
    Certifier = 16,
}

/// <summary>
/// The one Thai sentence per missing field. A reply that fills a field from the sender's profile drops that
/// field's sentence (<see cref="ParsedMessage.WarningsExcept"/>) so it never names a reporter and says
/// "ไม่พบชื่อผู้รายงาน" beside it.
/// </summary>
internal static class MissingFieldText
{
    public const string Reporter = "ไม่พบชื่อผู้รายงาน (ชื่อ: นาย/นาง/นางสาว …)";
    public const string SiteType = "ไม่ระบุประเภทพื้นที่ (CLM หรือ HLM)";
    public const string Place = "ไม่ระบุพื้นที่ (ต.… อ.…)";
    public const string Site = "ไม่ระบุพื้นที่ (CLM หรือ HLM ต.… อ.…)";
    public const string Certifier = "ยังไม่มีผู้รับรอง (เจ้าของแปลง/เจ้าของพื้นที่)";
    public const string Activities = "ไม่พบกิจกรรม/งานที่ทำ (พิมพ์ \"กิจกรรม:\" แล้วตามด้วยงานที่ทำ บรรทัดละหนึ่งข้อ)";

    /// <summary>The sentences that belong to <paramref name="field"/>.</summary>
    public static bool Belongs(string warning, ReportField field) => field switch
    {
        ReportField.Reporter => warning == Reporter,
        ReportField.Site => warning is SiteType or Place or Site,
        ReportField.Certifier => warning == Certifier,
        ReportField.Date => warning.StartsWith("ไม่พบวันที่", StringComparison.Ordinal),
        _ => false,
    };
}
