using System.Diagnostics;
using System.Globalization;
using LineBot.Reports.Parsing;
using Xunit.Abstractions;

namespace LineBot.Tests.Reports.Parsing;

/// <summary>
/// Long runs of spaces, tabs or zero-width characters cost time in proportion to their length. The long parser fuzz
/// (seed 20261130, message 42,174) found a 979-character report header split by 892 spaces and tabs taking 1.9 ms:
/// the titled-name search re-trimmed the rest of the run at every space, quadratic in the run. Timings are compared
/// as a ratio of medians, never against a wall-clock limit, so a loaded machine slows both sides alike.
/// </summary>
public sealed class ParserLinearTimeTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.FromHours(7));
    private static readonly ReportParser Parser = ReportParserTableTests.Parser;

    /// <summary>The fuzz's message, as generated: header, 308 spaces, 375 tabs, 209 spaces, the header's end and three fields.</summary>
    internal static readonly string FuzzMessage =
        "รายงานประจำวันผลการปฏิบั" + new string(' ', 308) + new string('\t', 375) + new string(' ', 209)
        + "ติงาน\nว\u4a97ันที่ 30 ธ.ค.\nชื่อ นายหนึ่ง สองสาม\nกิจกรรม44978 ปลูกผัก";

    private static readonly string[] Fillers = [" ", "\t", " \t", "\u200b", " \u200b", "\u00a0", "\u3000", " \u2003"];

    /// <summary>Messages of about <paramref name="size"/> characters: headers and fields with a long run of filler inside.</summary>
    private static IEnumerable<(string Name, Func<int, string> Build)> Family() =>
        Fillers.SelectMany(filler => new (string, Func<int, string>)[]
        {
            ($"header split {Show(filler)}", size => "รายงานประจำวันผลการปฏิบั" + Run(filler, size - 90) + "ติงาน\nวันที่ 30 ธ.ค.\nชื่อ นายหนึ่ง สองสาม\nกิจกรรม ปลูกผัก"),
            ($"#header then filler {Show(filler)}", size => "#รายงาน" + Run(filler, size - 30) + "ส่ง78035ที่ไจ.หนครับ"),
            ($"header word split twice {Show(filler)}", size => "รายงาน" + Run(filler, (size - 80) / 2) + "㇅" + Run(filler, (size - 80) / 2) + "ประจำวัน\nวันที่ 24 พ.ย. 69\nกิจกรรม ปลูกผัก\nนายทองใบ ใจดี ผู้รับรอง"),
            ($"fields padded {Show(filler)}", size => "รายงานประจำวัน\nชื่อ" + Run(filler, (size - 120) / 3) + "นายเอ บี HLM ต.บางพระ\nกิจกรรม\n- ปลูกผัก" + Run(filler, (size - 120) / 3) + "2. ให้น้ำ\nผู้รับรอง" + Run(filler, (size - 120) / 3) + "นายดำ"),
            ($"name line padded {Show(filler)}", size => "รายงานประจำวัน\nนาย" + Run(filler, size - 60) + "เอ บี (HLM ต.บางพระ)\nกิจกรรม ปลูกผัก"),
        });

    public static TheoryData<string> Names() => [.. Family().Select(f => f.Name)];

    [Fact]
    public void FuzzMessage_ParsesAsBefore_AndInLinearTime()
    {
        var result = Parser.Parse(FuzzMessage, Now);

        Assert.Equal(979, FuzzMessage.Length);
        Assert.Equal(MessageKind.DailyReport, result.Kind);
        Assert.Equal("นายหนึ่ง สองสาม", result.Reporter);
        AssertLinear(size => FuzzMessage.Replace(new string('\t', 375), new string('\t', 375 + (size - 979)), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void LongRunOfFiller_ParsesInLinearTime(string name) => AssertLinear(Family().Single(f => f.Name == name).Build);

    /// <summary>
    /// A 4,000-character message may take at most 6× as long as a 1,000-character one (linear work gives ≤ 4×,
    /// quadratic 16×). Medians of interleaved runs; a miss is measured again twice before it fails, so one burst of
    /// load cannot fail it but a super-linear step always does.
    /// </summary>
    private void AssertLinear(Func<int, string> build)
    {
        var small = build(1000);
        var large = build(4000);
        Assert.InRange(large.Length, 3600, 5000);
        Assert.Equal(ParsedMessageJson.Serialize(Parser.Parse(large, Now)), ParsedMessageJson.Serialize(Parser.Parse(large, Now)));
        var ratios = new List<double>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (smallTicks, largeTicks) = Medians(small, large);
            ratios.Add(largeTicks / smallTicks);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{small.Length} chars: {smallTicks * 1e6 / Stopwatch.Frequency:0.0} us, {large.Length} chars: {largeTicks * 1e6 / Stopwatch.Frequency:0.0} us, {ratios[^1]:0.00}x"));
            if (ratios[^1] <= 6)
            {
                return;
            }
        }

        Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"4,000 vs 1,000 characters took {string.Join(", ", ratios.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture)))}× as long (limit 6×)"));
    }

    private static (double Small, double Large) Medians(string small, string large)
    {
        const int Runs = 15;
        var smallTicks = new long[Runs];
        var largeTicks = new long[Runs];
        // Warm up first so that the JIT's recompilation of hot methods does not land inside the timed runs.
        for (var i = 0; i < 5; i++)
        {
            Parser.Parse(small, Now);
            Parser.Parse(large, Now);
        }

        for (var i = 0; i < Runs; i++)
        {
            smallTicks[i] = Ticks(small);
            largeTicks[i] = Ticks(large);
        }

        return (Median(smallTicks), Median(largeTicks));
    }

    private static long Ticks(string text)
    {
        var start = Stopwatch.GetTimestamp();
        Parser.Parse(text, Now);
        return Stopwatch.GetTimestamp() - start;
    }

    private static double Median(long[] values)
    {
        Array.Sort(values);
        return Math.Max(1, values[values.Length / 2]);
    }

    private static string Run(string filler, int length) => string.Concat(Enumerable.Repeat(filler, Math.Max(1, length / filler.Length)));

    private static string Show(string filler) => string.Concat(filler.Select(c => c == ' ' ? "sp" : $"u{(int)c:x4}"));
}
