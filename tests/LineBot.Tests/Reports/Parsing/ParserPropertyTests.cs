using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineBot.Reports.Parsing;

namespace LineBot.Tests.Reports.Parsing;

public sealed class ParserPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.FromHours(7));
    private static readonly ReportParser Parser = ReportParserTableTests.Parser;

    // Fragments that reach the parser's deeper paths: labels, dates, markers, bullets, digits, emoji, odd characters.
    private static readonly string[] Fragments =
    [
        "รายงานประจำวัน", "#", "รายงาน", "แผนการปฏิบัติงานประจำเดือน", "วันที่", "วันพุธที่", "ชื่อ", "นาย", "น.ส.", "พื้นที่", "HLM", "clm",
        "ต.", "อ.", "จ.", "ตำบล", "อำเภอ", "เมือง", "บางพระ", "กิจกรรม", "ปัญหา", "ไม่มี", "แผนงาน", "ลงชื่อ", "ผู้รับรอง", "(", ")", "เดือน",
        "25", "๒๕", "2569", "69", "0", "99", "31", "/", "-", ".", ":", " ", "  ", "\n", "\r\n", "\t", "พ.ย.", "ธค", "มีนาคม", "พ.ศ.", "เวลา",
        "16.30", "น.", "1.", "1)", "(1)", "•", "*", "\u200b", "\ufeff", "\u00a0", "🌱", "\ud83c", "\udf31", "ฯ", "......", "ครับ", "/ลงทะเบียน", "/",
    ];

    private static Arbitrary<string> ReportLike() =>
        Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 500)]
    public bool Parse_ArbitraryString_NeverThrowsOrFallsBack(string? text)
    {
        var result = Parser.Parse(text, Now);
        return !result.Errors.Any(e => e.StartsWith("อ่านข้อความไม่สำเร็จ", StringComparison.Ordinal));
    }

    [Property(MaxTest = 1500)]
    public Property Parse_ReportLikeFragments_NeverThrowsOrFallsBack() =>
        Prop.ForAll(ReportLike(), text =>
        {
            var result = Parser.Parse(text, Now);
            return !result.Errors.Any(e => e.StartsWith("อ่านข้อความไม่สำเร็จ", StringComparison.Ordinal))
                && (result.Date is null || result.Date <= DateOnly.FromDateTime(Now.Date).AddDays(1));
        });

    [Property(MaxTest = 800)]
    public Property Parse_TableCaseWithWhitespaceAndZeroWidthNoise_GivesTheSameResult() =>
        Prop.ForAll(Gen.Choose(0, ParserCases.All.Length - 1).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (index, seed) =>
        {
            var c = ParserCases.All[index];
            var now = DateTimeOffset.Parse(c.Now, CultureInfo.InvariantCulture);
            var noisy = AddNoise(c.Text, new Random(seed));
            var expected = ParsedMessageJson.Serialize(Parser.Parse(c.Text, now));
            var actual = ParsedMessageJson.Serialize(Parser.Parse(noisy, now));
            return (expected == actual).Label($"case '{c.Name}' with noise {Escape(noisy)}\nexpected {expected}\nactual   {actual}");
        });

    /// <summary>Zero-width characters anywhere; spaces/tabs at line ends; blank lines; NBSP for spaces.</summary>
    private static string AddNoise(string text, Random random)
    {
        var invisible = new[] { '\u200B', '\u200C', '\u200D', '\uFEFF' };
        var builder = new StringBuilder();
        var lines = text.Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            if (random.Next(4) == 0)
            {
                builder.Append(random.Next(2) == 0 ? "  " : "\t").Append('\n');
            }

            if (random.Next(3) == 0)
            {
                builder.Append(random.Next(2) == 0 ? "   " : "\t ");
            }

            foreach (var ch in lines[l])
            {
                if (random.Next(6) == 0)
                {
                    builder.Append(invisible[random.Next(invisible.Length)]);
                }

                builder.Append(ch == ' ' && random.Next(5) == 0 ? '\u00A0' : ch);
            }

            if (random.Next(3) == 0)
            {
                builder.Append(random.Next(2) == 0 ? "  " : " \t");
            }

            if (l < lines.Length - 1)
            {
                builder.Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string Escape(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u200B", "<zw>", StringComparison.Ordinal);
}
