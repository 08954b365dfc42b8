using BenchmarkDotNet.Attributes;
using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Benchmarks;

/// <summary>
/// The pure digest path for a large province: 1,000 reporters in 20 districts, 5,000 reports in one week
/// (every working day, some duplicates and weekend reports, a problem in every tenth), holidays and leave.
/// dotnet run -c Release --project bench/LineBot.Benchmarks -- --filter '*DigestBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class DigestBenchmarks
{
    private DigestInput _input = null!;
    private WeeklyDigest _digest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var monday = new DateOnly(2026, 12, 7);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");
        var random = new Random(42);
        var reporters = Enumerable.Range(0, 1_000)
            .Select(i => new Reporter { Id = $"U{i:0000}", Name = $"นายทดสอบ {i}", District = $"อำเภอ{i % 20:00}", Latitude = i % 3 == 0 ? 13.7 : null, Longitude = i % 3 == 0 ? 101.1 : null })
            .ToList();
        var reports = new List<DailyReport>(5_000);
        while (reports.Count < 5_000)
        {
            var r = reporters[random.Next(reporters.Count)];
            var date = monday.AddDays(random.Next(7));
            reports.Add(new DailyReport
            {
                GroupId = "Cgroup",
                ReporterId = r.Id,
                ReporterName = r.Name,
                Site = new(null, null, r.District, null),
                Date = date,
                MessageId = $"m{reports.Count}",
                ReceivedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7)),
                Activities = ["ขุดคลองไส้ไก่", "ปลูกผักสวนครัว"],
                Problems = reports.Count % 10 == 0 ? ["น้ำท่วมขังในแปลง ต้นกล้าเสียหาย ต้องขุดร่องระบายน้ำเพิ่ม"] : [],
                CertifiedBy = reports.Count % 2 == 0 ? "เจ้าของแปลง" : null,
                PhotoCount = random.Next(4),
            });
        }

        var leave = reporters.Where((_, i) => i % 25 == 0).Select(r => new LeaveEntry(r.Id, monday.AddDays(1), monday.AddDays(2))).ToList();
        var holidays = new HashSet<DateOnly> { monday, monday.AddDays(3) };
        _input = new DigestInput(reporters, reports, holidays, leave, new ReportWeek(monday), new DateTimeOffset(monday.AddDays(7).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)), zone);
        _digest = WeeklyDigestCalculator.Calculate(_input);
    }

    [Benchmark]
    public int Calculate() => WeeklyDigestCalculator.Calculate(_input).Province.Received;

    [Benchmark]
    public int MissingThisWeek() => MissingReportsCalculator.ForWeek(_input).DayCount;

    [Benchmark]
    public int FlexPages() => DigestFlexBuilder.Build(_digest).Count;

    [Benchmark]
    public int TextDigest() => DigestText.Render(_digest).Length;
}
