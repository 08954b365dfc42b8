using LineBot.Calendar;
using LineBot.Reporters;
using LineBot.Reports;

namespace LineBot.Tests.Digests;

/// <summary>
/// A made-up province: 11 districts × 10 field workers (plus 2 without a district, an officer and a stranger)
/// over four weeks (30 Nov – 27 Dec 2026) with holidays, leave, late, duplicate and weekend reports. Each
/// worker's index j (0–9) fixes their behaviour, so tests can state the expected numbers by arithmetic:
/// j0 has registered coordinates; j1 sends coordinates on Mondays; j2 reports a problem every Tuesday;
/// j3 also reports on the 10 Dec holiday; j4 sends Monday's report late (Tuesday 08:00); j5 sends Monday twice
/// (the second copy certified, 1 more photo); j6 also reports on Saturdays; j7 never reports on Wednesdays;
/// j8 is on leave 8–9 Dec; j9 never reports and is on leave the whole last week. Even j certify; each copy
/// carries 2 photos; reports arrive at noon on their date.
/// </summary>
internal static class SyntheticProvince
{
    public static readonly string[] Districts =
    [
        "เมืองฉะเชิงเทรา", "บางคล้า", "บางน้ำเปรี้ยว", "บางปะกง", "บ้านโพธิ์", "พนมสารคาม", "ราชสาส์น", "สนามชัยเขต", "แปลงยาว", "ท่าตะเกียบ", "คลองเขื่อน",
    ];

    public static readonly DateOnly[] Mondays = [new(2026, 11, 30), new(2026, 12, 7), new(2026, 12, 14), new(2026, 12, 21)];

    /// <summary>Stated by hand (not read from the code under test): Sat 5 Dec, the Mon 7 Dec substitution, Thu 10 Dec, and an ad-hoc provincial day off Thu 24 Dec.</summary>
    public static readonly IReadOnlySet<DateOnly> Holidays = new HashSet<DateOnly> { new(2026, 12, 5), new(2026, 12, 7), new(2026, 12, 10), new(2026, 12, 24) };

    // Per week, worked out on a calendar: working days, whether Monday is a working day, j8's and j9's leave days.
    public static readonly int[] WorkingDays = [5, 3, 5, 4];
    public static readonly int[] MondayWorking = [1, 0, 1, 1];
    public static readonly int[] Leave8 = [0, 2, 0, 0];
    public static readonly int[] Leave9 = [0, 0, 0, 4];
    public static readonly int[] HolidayReport = [0, 1, 0, 0];

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    public const string StrangerDistrict = "บางคล้า";

    public static string Id(int district, int j) => $"U{district:00}{j:00}";

    public static string Name(int district, int j) => $"นายทดสอบ{j} {Districts[district]}";

    public static IReadOnlyList<Reporter> Reporters()
    {
        var list = new List<Reporter>();
        for (var d = 0; d < Districts.Length; d++)
        {
            for (var j = 0; j < 10; j++)
            {
                list.Add(new Reporter
                {
                    Id = Id(d, j),
                    Name = Name(d, j),
                    District = Districts[d],
                    SiteType = j % 2 == 0 ? "HLM" : "CLM",
                    Subdistrict = "ตำบล" + j,
                    Latitude = j == 0 ? 13.69 + d / 100.0 : null,
                    Longitude = j == 0 ? 101.07 : null,
                });
            }
        }

        list.Add(new Reporter { Id = "U9900", Name = "นางไร้อำเภอ หนึ่ง" });
        list.Add(new Reporter { Id = "U9901", Name = "นางไร้อำเภอ สอง", District = "  " });
        // Officers are registered but never expected to report.
        list.Add(new Reporter { Id = "UOFF", Name = "เจ้าหน้าที่ อำเภอ", District = Districts[0], Role = ReporterRole.Officer });
        return list;
    }

    public static IReadOnlyList<LeaveEntry> Leave() =>
    [
        .. Enumerable.Range(0, Districts.Length).Select(d => new LeaveEntry(Id(d, 8), new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 9))),
        .. Enumerable.Range(0, Districts.Length).Select(d => new LeaveEntry(Id(d, 9), new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 27))),
    ];

    public static IReadOnlyList<DailyReport> Reports(Func<int, DateOnly, string>? problem = null)
    {
        problem ??= (d, date) => $"น้ำท่วมแปลง {Districts[d]} วันที่ {date:dd/MM}";
        var reports = new List<DailyReport>();
        var holidayReport = new DateOnly(2026, 12, 10);
        foreach (var monday in Mondays)
        {
            for (var offset = 0; offset < 7; offset++)
            {
                var date = monday.AddDays(offset);
                var working = offset < 5 && !Holidays.Contains(date);
                for (var d = 0; d < Districts.Length; d++)
                {
                    for (var j = 0; j < 10; j++)
                    {
                        var sends = j switch
                        {
                            9 => false,
                            8 => working && date != new DateOnly(2026, 12, 8) && date != new DateOnly(2026, 12, 9),
                            7 => working && date.DayOfWeek != DayOfWeek.Wednesday,
                            6 => working || date.DayOfWeek == DayOfWeek.Saturday,
                            3 => working || date == holidayReport,
                            _ => working,
                        };
                        if (!sends)
                        {
                            continue;
                        }

                        var receivedAt = At(date, 12);
                        if (j == 4 && date.DayOfWeek == DayOfWeek.Monday)
                        {
                            receivedAt = At(date.AddDays(1), 8);
                        }

                        var report = Report(d, j, date, receivedAt) with
                        {
                            CertifiedBy = j % 2 == 0 ? "เจ้าของแปลง " + j : null,
                            Latitude = j == 1 && date.DayOfWeek == DayOfWeek.Monday ? 13.7 : null,
                            Longitude = j == 1 && date.DayOfWeek == DayOfWeek.Monday ? 101.1 : null,
                            Problems = j == 2 && date.DayOfWeek == DayOfWeek.Tuesday ? [problem(d, date)] : [],
                        };
                        reports.Add(report);
                        if (j == 5 && date.DayOfWeek == DayOfWeek.Monday)
                        {
                            reports.Add(report with { MessageId = report.MessageId + "b", ReceivedAt = At(date, 13), CertifiedBy = "เจ้าของแปลง 5", PhotoCount = 1 });
                        }
                    }
                }

                // Two workers without a district: every working day, uncertified, no photos.
                if (working)
                {
                    foreach (var id in new[] { "U9900", "U9901" })
                    {
                        reports.Add(new DailyReport
                        {
                            GroupId = "Cgroup",
                            ReporterId = id,
                            ReporterName = id == "U9900" ? "นางไร้อำเภอ หนึ่ง" : "นางไร้อำเภอ สอง",
                            Date = date,
                            MessageId = $"m-{id}-{date:yyyyMMdd}",
                            ReceivedAt = At(date, 12),
                            Activities = ["ดูแลแปลง"],
                        });
                    }
                }
            }
        }

        // Someone not in the roster, naming a known district.
        reports.Add(new DailyReport
        {
            GroupId = "Cgroup",
            ReporterId = "Ustranger",
            ReporterName = "นายแปลกหน้า",
            Site = new(null, null, StrangerDistrict, null),
            Date = new DateOnly(2026, 12, 1),
            MessageId = "m-stranger",
            ReceivedAt = At(new DateOnly(2026, 12, 1), 12),
            PhotoCount = 2,
        });

        // Ignored: a report whose date could not be read, and one outside the four weeks.
        reports.Add(Report(0, 0, new DateOnly(2026, 12, 1), At(new DateOnly(2026, 12, 1), 12)) with { Date = null, MessageId = "m-undated" });
        reports.Add(Report(0, 0, new DateOnly(2026, 12, 28), At(new DateOnly(2026, 12, 28), 12)) with { MessageId = "m-next-week" });
        return reports;
    }

    public static DailyReport Report(int d, int j, DateOnly date, DateTimeOffset receivedAt) => new()
    {
        GroupId = "Cgroup",
        ReporterId = Id(d, j),
        ReporterName = Name(d, j),
        Date = date,
        Site = new(j % 2 == 0 ? "HLM" : "CLM", "ฉะเชิงเทรา", Districts[d], "ตำบล" + j),
        Activities = ["ขุดคลองไส้ไก่", "ปลูกผักสวนครัว"],
        Plans = ["ห่มดิน"],
        PhotoCount = 2,
        MessageId = $"m-{Id(d, j)}-{date:yyyyMMdd}",
        ReceivedAt = receivedAt,
    };

    /// <summary>A local Bangkok time on a date.</summary>
    public static DateTimeOffset At(DateOnly date, int hour, int minute = 0) =>
        new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(7));
}
