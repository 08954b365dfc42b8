using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using LineBot.Reports.Parsing;
using LineBot.Tests.Reports.Parsing;

namespace LineBot.Tests.Reliability;

/// <summary>
/// Parser fuzzing: random and mutated Thai messages (from the table cases) → no exception, every message under
/// 1 ms (no catastrophic backtracking), the same output twice. 20,000 messages in CI; the long run (category
/// Long, excluded from ./test.sh) reads 1,000,000.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261130;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.FromHours(7));
    private static readonly ReportParser Parser = ReportParserTableTests.Parser;
    private static readonly string[] Fragments =
    [
        "รายงานการปฏิบัติงานประจำวัน", "วันที่", "ชื่อ", "นาย", "นางสาว", "พื้นที่", "HLM", "CLM", "ต.", "อ.", "จ.", "กิจกรรม", "ผลการปฏิบัติงาน",
        "ปัญหา/อุปสรรค", "แผนวันถัดไป", "ผู้รับรอง", "พ.ย.", "2569", "๒๕๖๙", "25", "/", "-", ":", ".", " ", "\n", "\r\n", "\t", "\u200b", "\ufeff",
        "\u00a0", "🌱", "\ud83c", "\udf31", "(", ")", "1.", "•", "#", "@", "/สถานะ", "/ลงทะเบียน", "เมืองฉะเชิงเทรา", "บางพระ", "คลองนา", "ฯ", "ๆ",
    ];

    // CI (a Debug build on a shared machine) holds every message under 50 ms: catastrophic backtracking is orders of
    // magnitude past that. The 1 ms goal is the long run's (run it on Release): docs/reliability.md has the finding
    // that a 3,630-character monthly plan of repeated "อ." took 1.4 ms in Debug.
    [Fact]
    public void Fuzz_20000Messages_NoException_NoBacktracking_Deterministic() => Run(20_000, TimeSpan.FromMilliseconds(50), output);

    [Fact]
    [Trait("Category", "Long")]
    public void Fuzz_1000000Messages_NoException_EachUnder1ms_Deterministic() => Run(1_000_000, TimeSpan.FromMilliseconds(1), output);

    private static void Run(int count, TimeSpan limit, ITestOutputHelper output)
    {
        var random = new Random(Seed);
        var seeds = ParserCases.All.Select(c => c.Text).ToArray();
        var slowest = TimeSpan.Zero;
        string? slowestText = null;
        // Per message, first timing: wall clock and this thread's CPU (other processes on a shared machine do not
        // count in the latter), and whether a collection ran during it; printed as percentiles at the end.
        var stats = new FuzzStats(count);
        for (var i = 0; i < count; i++)
        {
            var text = Message(random, seeds);
            var collections = GC.CollectionCount(0);
            var cpu = ThreadCpu.Nanoseconds();
            var (result, elapsed) = Timed(text);
            stats.Add(elapsed, ThreadCpu.Nanoseconds() - cpu, GC.CollectionCount(0) != collections, text.Length);
            if (elapsed > limit)
            {
                // A GC pause or the scheduler on a shared machine is not the parser: the best of five more runs counts.
                elapsed = Enumerable.Range(0, 5).Select(_ => Timed(text).Elapsed).Min();
            }

            if (elapsed > slowest)
            {
                (slowest, slowestText) = (elapsed, text);
            }

            if (i % 10 == 0)
            {
                Assert.Equal(ParsedMessageJson.Serialize(result), ParsedMessageJson.Serialize(Parser.Parse(text, Now)));
            }
        }

        foreach (var line in stats.Summary(limit))
        {
            output.WriteLine(line);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest after best of six (messages over the limit at first timing re-run 5 times): {slowest.TotalMilliseconds:0.000} ms, {slowestText?.Length} chars: {Escape(slowestText)[..Math.Min(80, Escape(slowestText).Length)]}"));
        Assert.True(slowest < limit, string.Create(CultureInfo.InvariantCulture,
            $"slowest message took {slowest.TotalMilliseconds:0.000} ms ({slowestText?.Length} chars): {Escape(slowestText)}"));
    }

    private static (ParsedMessage Result, TimeSpan Elapsed) Timed(string text)
    {
        var clock = Stopwatch.StartNew();
        var result = Parser.Parse(text, Now);
        return (result, clock.Elapsed);
    }

    /// <summary>A message up to LINE's 5,000 characters: a mutated real case, or noise from fragments and random characters.</summary>
    internal static string Message(Random random, string[] seeds)
    {
        var text = new StringBuilder(random.Next(4) == 0 ? "" : seeds[random.Next(seeds.Length)]);
        var mutations = random.Next(1, 8);
        for (var m = 0; m < mutations; m++)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(8))
            {
                case 0:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1 when text.Length > 0:
                    text.Remove(at, Math.Min(text.Length - at, random.Next(1, 40)));
                    break;
                case 2:
                    // Long runs of one piece are what makes a backtracking pattern explode.
                    text.Insert(at, string.Concat(Enumerable.Repeat(Fragments[random.Next(Fragments.Length)], random.Next(10, 400))));
                    break;
                case 3:
                    text.Insert(at, (char)random.Next(0x0E01, 0x0E5C));
                    break;
                case 4:
                    text.Insert(at, (char)random.Next(0, 0xFFFF));
                    break;
                case 5 when text.Length > 0:
                    var length = Math.Min(text.Length - at, random.Next(1, 200));
                    text.Insert(at, text.ToString(at, length));
                    break;
                case 6:
                    text.Insert(at, random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Insert(at, new string(' ', random.Next(1, 300)));
                    break;
            }
        }

        return text.Length > 5000 ? text.ToString(0, 5000) : text.ToString();
    }

    private static string Escape(string? text) =>
        text is null ? "" : string.Concat(text.Take(200).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
