using LineBot.Reporters;

namespace LineBot.RichMenus;

/// <summary>
/// The menus of one-to-one chats, one per role, and how ours are named on the channel: menus <c>linebot-{role}-{version}</c>
/// (the version is a hash of the menu and its image, so a change makes a new menu), aliases <c>linebot-{role}</c>
/// pointing at the current one. Only names with <see cref="Prefix"/> are ever replaced or deleted.
/// </summary>
internal static class RichMenuCatalog
{
    public const string Prefix = "linebot-";

    public static IReadOnlyList<RichMenuDesign> Designs { get; } =
    [
        new(ReporterRole.Reporter, "เมนูนักพัฒนาพื้นที่ (นพต.)", "เมนู นพต.",
        [
            new("แบบรายงาน", "คัดลอกไปกรอก", "/ช่วยเหลือ รายงาน"),
            new("สัปดาห์ของฉัน", "ส่งแล้วกี่วัน", "/ของฉัน"),
            new("แจ้งลา", "พิมพ์วันที่ลา", "/ลา", FillIn: "/ลา "),
            new("วันหยุด", "วันหยุดที่เหลือ", "/วันหยุด"),
            new("ลงทะเบียน", "ชื่อและพื้นที่", "/ลงทะเบียน", FillIn: "/ลงทะเบียน "),
            new("คำสั่งทั้งหมด", "วิธีใช้", "/ช่วยเหลือ"),
        ]),
        new(ReporterRole.Officer, "เมนูเจ้าหน้าที่อำเภอ", "เมนู จนท.",
        [
            new("สถานะวันนี้", "ส่งแล้ว/ต้องส่ง", "/สถานะ"),
            new("ใครยังไม่ส่ง", "วันนี้", "/ยังไม่ส่ง"),
            new("สรุปสัปดาห์", "รายงานของอำเภอ", "/สรุป สัปดาห์"),
            new("ส่งออก Excel", "สัปดาห์นี้", "/ส่งออก สัปดาห์"),
            new("ผู้รายงาน", "ส่งล่าสุดเมื่อใด", "/ผู้รายงาน"),
            new("คำสั่งทั้งหมด", "วิธีใช้", "/ช่วยเหลือ"),
        ]),
        new(ReporterRole.Admin, "เมนูผู้ดูแลระบบ", "เมนูผู้ดูแล",
        [
            new("สถานะวันนี้", "ทั้งจังหวัด", "/สถานะ"),
            new("ใครยังไม่ส่ง", "วันนี้", "/ยังไม่ส่ง"),
            new("สรุปสัปดาห์", "ทุกอำเภอ", "/สรุป สัปดาห์"),
            new("สรุปเดือน", "เดือนนี้", "/สรุป เดือน"),
            new("ส่งออก Excel", "เดือนนี้", "/ส่งออก เดือน"),
            new("คำสั่งทั้งหมด", "วิธีใช้", "/ช่วยเหลือ"),
        ]),
    ];

    public static string AliasOf(ReporterRole role) => Prefix + Word(role);

    public static string NameOf(ReporterRole role, string version) => $"{Prefix}{Word(role)}-{version}";

    public static bool IsOurs(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The role a menu or alias of ours is for; null for another owner's or an unknown word.</summary>
    public static ReporterRole? RoleOf(string name)
    {
        if (!IsOurs(name))
        {
            return null;
        }

        var word = name[Prefix.Length..].Split('-')[0];
        return Enum.GetValues<ReporterRole>().Cast<ReporterRole?>().FirstOrDefault(r => Word(r!.Value) == word);
    }

    private static string Word(ReporterRole role) => role.ToString().ToLowerInvariant();
}
