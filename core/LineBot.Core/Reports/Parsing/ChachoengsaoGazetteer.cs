namespace LineBot.Reports.Parsing;

/// <summary>The default province: ฉะเชิงเทรา, 11 districts and 93 sub-districts (from docs/domain.md).</summary>
internal static class ChachoengsaoGazetteer
{
    public const string Province = "ฉะเชิงเทรา";

    /// <summary>The official abbreviation and the city's old name, both used in writing.</summary>
    public static readonly string[] Aliases = ["ฉช", "ฉ.ช.", "แปดริ้ว"];

    public static Gazetteer Create() => new(Province,
    [
        D("เมืองฉะเชิงเทรา", "หน้าเมือง ท่าไข่ บ้านใหม่ คลองนา บางตีนเป็ด บางไผ่ คลองจุกกระเฌอ บางแก้ว บางขวัญ คลองนครเนื่องเขต วังตะเคียน โสธร บางพระ บางกะไห หนามแดง คลองเปรง คลองอุดมชลจร คลองหลวงแพ่ง บางเตย"),
        D("บางคล้า", "บางคล้า บางสวน บางกระเจ็ด ปากน้ำ ท่าทองหลาง สาวชะโงก เสม็ดเหนือ เสม็ดใต้ หัวไทร"),
        D("บางน้ำเปรี้ยว", "บางน้ำเปรี้ยว บางขนาก สิงโตทอง หมอนทอง บึงน้ำรักษ์ ดอนเกาะกา โยธะกา ดอนฉิมพลี ศาลาแดง โพรงอากาศ"),
        D("บางปะกง", "บางปะกง ท่าสะอ้าน บางวัว บางสมัคร บางผึ้ง บางเกลือ สองคลอง หนองจอก พิมพา ท่าข้าม หอมศีล เขาดิน"),
        D("บ้านโพธิ์", "บ้านโพธิ์ เกาะไร่ คลองขุด คลองบ้านโพธิ์ คลองประเวศ ดอนทราย เทพราช ท่าพลับ หนองตีนนก หนองบัว บางซ่อน บางกรูด แหลมประดู่ ลาดขวาง สนามจันทร์ แสนภูดาษ สิบเอ็ดศอก"),
        D("พนมสารคาม", "เกาะขนุน บ้านซ่อง พนมสารคาม เมืองเก่า หนองยาว ท่าถ่าน หนองแหน เขาหินซ้อน") with { ShortNames = ["พนม"] },
        D("ราชสาส์น", "บางคา เมืองใหม่ ดงน้อย"),
        D("สนามชัยเขต", "คู้ยายหมี ท่ากระดาน ทุ่งพระยา ลาดกระทิง") with { ShortNames = ["สนามชัย"] },
        D("แปลงยาว", "แปลงยาว วังเย็น หัวสำโรง หนองไม้แก่น"),
        D("ท่าตะเกียบ", "ท่าตะเกียบ คลองตะเกรา"),
        D("คลองเขื่อน", "ก้อนแก้ว คลองเขื่อน บางเล่า บางโรง บางตลาด"),
    ], Aliases);

    private static GazetteerDistrict D(string name, string subdistricts) =>
        new(name, subdistricts.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
