using System.Text.Json;
using System.Text.Json.Nodes;
using LineBot.Calendar;
using LineBot.Digests;
using static LineBot.Tests.Digests.SyntheticProvince;

namespace LineBot.Tests.Digests;

public sealed class DigestFlexBuilderTests
{
    private static readonly Lazy<FlexSchema> Schema = new(FlexSchema.Load);

    // A long problem per worker per day (~600 characters of Thai, 1.8 KB of UTF-8) to push the size limits.
    private static string LongProblem(int d, DateOnly date) =>
        $"{Districts[d]} {date:dd/MM}: " + string.Concat(Enumerable.Repeat("น้ำท่วมขังในแปลงทำให้ต้นกล้าเสียหาย ต้องขุดร่องระบายน้ำเพิ่ม ", 10));

    private static WeeklyDigest Digest(Func<int, DateOnly, string>? problem = null, int extraDistricts = 0)
    {
        var reporters = SyntheticProvince.Reporters().ToList();
        var reports = SyntheticProvince.Reports(problem).ToList();
        // Many problems per district: every worker reports one every day.
        if (problem is not null)
        {
            reports = [.. reports.Select(r => r.Date is { } date && r.ReporterId.Length == 5 && r.ReporterId[0] == 'U' && char.IsDigit(r.ReporterId[1])
                ? r with { Problems = [problem(int.Parse(r.ReporterId[1..3], System.Globalization.CultureInfo.InvariantCulture) % Districts.Length, date)] }
                : r)];
        }

        for (var i = 0; i < extraDistricts; i++)
        {
            for (var j = 0; j < 10; j++)
            {
                reporters.Add(new LineBot.Reporters.Reporter { Id = $"X{i:00}{j:00}", Name = $"นายเพิ่ม{j} {i}", District = $"อำเภอเพิ่ม{i:00}" });
            }
        }

        return WeeklyDigestCalculator.Calculate(new DigestInput(reporters, reports, Holidays, Leave(), new ReportWeek(Mondays[0]), At(Mondays[1], 9), Zone));
    }

    [Fact]
    public void Build_ElevenDistricts_IsProvinceCardThenTheDistrictsInValidCarouselsWithinLimits()
    {
        var messages = DigestFlexBuilder.Build(Digest());

        // 12 districts (11 and ไม่ระบุอำเภอ) after the province card: 12 + 1 bubbles.
        Assert.Equal([12, 1], messages.Select(m => m["contents"]!["contents"]!.AsArray().Count));
        var message = messages[0];
        Assert.Empty(Schema.Value.Validate(message));
        var bubbles = message["contents"]!["contents"]!.AsArray();
        Assert.Equal(WeeklyDigestCalculator.ProvinceName, (string?)bubbles[0]!["header"]!["contents"]![0]!["text"]);
        Assert.All(bubbles, b => Assert.InRange(Bytes(b!), 1, 30_000));
        Assert.InRange(Bytes(message["contents"]!), 1, 50_000);
    }

    [Fact]
    public void Build_LongProblemTexts_StaysWithinBubbleAndCarouselLimits()
    {
        var digest = Digest(LongProblem);
        Assert.All(digest.Districts.Take(11), d => Assert.True(d.Problems.Count >= 40));

        var messages = DigestFlexBuilder.Build(digest);

        Assert.Equal(2, messages.Count);
        foreach (var message in messages)
        {
            Assert.Empty(Schema.Value.Validate(message));
            Assert.All(message["contents"]!["contents"]!.AsArray(), b => Assert.InRange(Bytes(b!), 1, 30_000));
            Assert.InRange(Bytes(message["contents"]!), 1, 50_000);
            Assert.InRange(Bytes(message), 1, 50_000 + 5_000);
        }
    }

    [Fact]
    public void Build_OneDistrictWithLongProblems_KeepsDetailButStaysUnder30KB()
    {
        var digest = Digest(LongProblem);
        var single = digest with { Districts = [digest.Districts[0]], OnlyDistrict = digest.Districts[0].District };

        var message = Assert.Single(DigestFlexBuilder.Build(single));

        Assert.Empty(Schema.Value.Validate(message));
        var bubble = message["contents"]!["contents"]![0]!;
        Assert.InRange(Bytes(bubble), 1, 30_000);
        Assert.Contains("น้ำท่วมขัง", bubble.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MoreThanTwelveDistricts_PagesEachWithItsOwnAltText()
    {
        var digest = Digest(LongProblem, extraDistricts: 4);
        Assert.Equal(16, digest.Districts.Count);

        var messages = DigestFlexBuilder.Build(digest);

        Assert.Equal(2, messages.Count);
        // The province card, then 16 districts: 12 + 5.
        Assert.Equal([12, 5], messages.Select(m => m["contents"]!["contents"]!.AsArray().Count));
        Assert.All(messages, m => Assert.Empty(Schema.Value.Validate(m)));
        Assert.All(messages, m => Assert.InRange(Bytes(m["contents"]!), 1, 50_000));
        Assert.Contains("(หน้า 1/2)", (string)messages[0]["altText"]!, StringComparison.Ordinal);
        Assert.Contains("(หน้า 2/2)", (string)messages[1]["altText"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Bubble_ShowsDistrictWeekAndProgressBar()
    {
        var digest = Digest();
        var message = DigestFlexBuilder.Build(digest)[0];
        var bubble = message["contents"]!["contents"]!.AsArray().Select(b => b!.AsObject())
            .Single(b => (string?)b["header"]!["contents"]![0]!["text"] == Districts[3]);

        Assert.Equal("สัปดาห์ 30 พ.ย. – 6 ธ.ค. 2569", (string?)bubble["header"]!["contents"]![1]!["text"]);
        // 44 of 50 expected days → a bar 88% wide inside the grey track.
        var district = digest.Districts.Single(d => d.District == Districts[3]);
        Assert.Equal(44, district.ReceivedExpected);
        var track = bubble["body"]!["contents"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["backgroundColor"] == "#E6E6E6");
        Assert.Equal("88%", (string?)track["contents"]![0]!["width"]);
        Assert.Equal("ส่งรายงาน 44/50 วัน (88%)", (string?)bubble["body"]!["contents"]![0]!["text"]);
    }

    [Fact]
    public void AltText_StandsOnItsOwn_WithTotalsAndWorstDistricts()
    {
        var digest = Digest();

        var alt = DigestFlexBuilder.AltText(digest);

        var p = digest.Province;
        Assert.InRange(alt.Length, 1, 1_500);
        Assert.Contains("สัปดาห์ 30 พ.ย. – 6 ธ.ค. 2569", alt, StringComparison.Ordinal);
        Assert.Contains($"ส่ง {p.ReceivedExpected}/{p.Expected} วัน", alt, StringComparison.Ordinal);
        Assert.Contains("อำเภอที่ยังขาดมาก", alt, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoDistricts_StillOneValidBubbleForTheProvince()
    {
        var empty = WeeklyDigestCalculator.Calculate(new DigestInput([], [], Holidays, [], new ReportWeek(Mondays[0]), At(Mondays[1], 9), Zone));

        var message = Assert.Single(DigestFlexBuilder.Build(empty));

        Assert.Empty(Schema.Value.Validate(message));
        Assert.Equal(WeeklyDigestCalculator.ProvinceName, (string?)message["contents"]!["contents"]![0]!["header"]!["contents"]![0]!["text"]);
        Assert.Contains("ทุกอำเภอส่งครบ", (string)message["altText"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MidWeek_SaysUpToWhichDay()
    {
        var digest = WeeklyDigestCalculator.Calculate(new DigestInput(SyntheticProvince.Reporters(), SyntheticProvince.Reports(), Holidays, Leave(), new ReportWeek(Mondays[2]), At(new DateOnly(2026, 12, 18), 15), Zone));

        var message = DigestFlexBuilder.Build(digest)[0];

        Assert.Empty(Schema.Value.Validate(message));
        Assert.Equal("สัปดาห์ 14–20 ธ.ค. 2569 (ถึง 18 ธ.ค.)", (string?)message["contents"]!["contents"]![0]!["header"]!["contents"]![1]!["text"]);
        Assert.Contains("ถึง 18 ธ.ค.", (string)message["altText"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncate_KeepsThaiCombiningMarksWithTheirConsonant()
    {
        // "น้ำ" is one text element (consonant + tone mark + vowel): never cut inside it.
        Assert.Equal("น้ำ…", DigestFlexBuilder.Truncate("น้ำท่วมขัง", 5));
        Assert.Equal("น้ำท่วมขัง", DigestFlexBuilder.Truncate("น้ำท่วมขัง", 10));
    }

    [Fact]
    public void Schema_CatchesWhatLineWouldReject()
    {
        var bad = JsonNode.Parse("""
            {"type":"flex","altText":"x","contents":{"type":"carousel","contents":[
              {"type":"bubble","body":{"type":"box","layout":"diagonal","contents":[{"type":"text","colour":"#000000","text":"a"},{"type":"box","layout":"vertical"}]}}]}}
            """)!.AsObject();

        var errors = Schema.Value.Validate(bad);

        Assert.Contains(errors, e => e.Contains("layout=diagonal", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("property colour", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("missing contents", StringComparison.Ordinal));
    }

    private static int Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node).Length;
}
