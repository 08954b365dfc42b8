using BenchmarkDotNet.Attributes;
using LineBot.Reports.Parsing;

namespace LineBot.Benchmarks;

/// <summary>
/// The report parser on typical messages: full daily reports (HLM and CLM, emoji, Thai digits, numbered lists,
/// certification), a monthly plan, a registration and chatter, and the whole kept corpus. One operation = one message.
/// dotnet run -c Release --project bench/LineBot.Benchmarks -- --filter '*ParserBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.FromHours(7));

    private static readonly string[] Reports =
    [
        """
        📝รายงานการปฏิบัติงานประจำวัน
        วันที่ ๒๕ พ.ย. ๖๙
        ชื่อ: นางสาวสมหญิง ใจงาม
        พื้นที่: HLM ต.บางพระ อ.เมือง
        กิจกรรม
        1. ขุดคลองไส้ไก่
        2) ปลูกผักสวนครัว
        • ให้อาหารปลา
        ปัญหา/อุปสรรค: ไม่มี
        แผนงานพรุ่งนี้ - ปลูกกล้วย
        ลงชื่อ นายดำ มั่นคง (เจ้าของแปลง) ผู้รับรอง
        """,
        """
        รายงานประจำวัน
        วันที่ 24 พฤศจิกายน 2569
        ชื่อ-สกุล นายสมชาย ใจดี
        พื้นที่ CLM ศูนย์เรียนรู้ ต.บางสวน อ.บางคล้า
        งานที่ทำวันนี้
        - ประชุมคณะกรรมการศูนย์เรียนรู้
        - ตรวจระบบน้ำหยด
        ปัญหา
        - ปั๊มน้ำเสีย รอช่างซ่อม
        แผนงานวันถัดไป
        - ติดตามการซ่อมปั๊มน้ำ
        ผู้รับรอง นางมาลี ศรีสุข
        """,
        """
        บันทึกการปฏิบัติงานประจำวัน
        วันที่: 23/11/2569
        ผู้รายงาน: นายวิชัย รักนา
        แปลง: ครัวเรือนต้นแบบ ตำบลโยธะกา อำเภอบางน้ำเปรี้ยว จังหวัดฉะเชิงเทรา
        กิจกรรม: ปรับหน้าดินปลูกข้าว
        ปัญหาอุปสรรค: -
        รับรองโดย นายบุญมี ทองดี
        """,
        """
        🌾 รายงานประจำวัน 🌾
        📅 วันพุธที่ 25 พ.ย. 69 เวลา 16.30 น.
        👤 ชื่อ นายชาติ กล้าหาญ
        📍 พื้นที่ HLM ต.บางไผ่ อ.เมือง
        ✅ กิจกรรม
        🌱 ปลูกต้นกล้วย
        💧 รดน้ำแปลงผัก
        ⚠️ ปัญหา: น้ำท่วมขังในแปลง ต้นกล้าเสียหาย
        """,
    ];

    private static readonly string[] Others =
    [
        "แผนการปฏิบัติงานประจำเดือน ธันวาคม 2569\nชื่อ นายชาติ กล้าหาญ\nพื้นที่ HLM ต.บางพระ อ.เมือง\n1. ขุดบ่อเพิ่ม\n2. ปลูกไม้ยืนต้น 50 ต้น\n3. อบรมทำปุ๋ย",
        "/ลงทะเบียน นายสมชาย ใจดี HLM ต.บางพระ อ.เมือง",
        "ส่งรายงานแล้วครับ",
        "พรุ่งนี้ประชุมวันที่ 5 นะคะ",
    ];

    private ReportParser _parser = null!;
    private ParserCorpus.Message[] _corpusReports = [];
    private ParserCorpus.Message[] _corpus = [];

    [GlobalSetup]
    public void Setup()
    {
        _parser = new ReportParser(ChachoengsaoGazetteer.Create());
        _corpus = [.. ParserCorpus.Load()];
        _corpusReports = [.. _corpus.Where(m => m.IsReport)];
    }

    /// <summary>Every report of the corpus, once each (divide by the count: the per-report mean is reported).</summary>
    [Benchmark]
    public int CorpusReports()
    {
        var n = 0;
        foreach (var m in _corpusReports)
        {
            n += _parser.Parse(m.Text, m.Now).Activities.Count;
        }

        return n;
    }

    /// <summary>The whole corpus, reports and chatter, once each.</summary>
    [Benchmark]
    public int WholeCorpus()
    {
        var n = 0;
        foreach (var m in _corpus)
        {
            n += (int)_parser.Parse(m.Text, m.Now).Kind;
        }

        return n;
    }

    /// <summary>Four typical daily reports per operation (divide by 4 for one report).</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    public int TypicalReport()
    {
        var n = 0;
        foreach (var text in Reports)
        {
            n += _parser.Parse(text, Now).Activities.Count;
        }

        return n;
    }

    /// <summary>A plan, a registration and two chatter lines (divide by 4 for one message).</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    public int PlanRegistrationAndChatter()
    {
        var n = 0;
        foreach (var text in Others)
        {
            n += (int)_parser.Parse(text, Now).Kind;
        }

        return n;
    }
}
