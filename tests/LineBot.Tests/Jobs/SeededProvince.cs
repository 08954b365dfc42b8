using LineBot.Calendar;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Tests.Digests;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Jobs;

/// <summary>
/// The synthetic province (<see cref="SyntheticProvince"/>) stored in Azurite under one prefix, for the weeks a test
/// class needs: reporters (LINE user ID = reporter ID), the officer of เมืองฉะเชิงเทรา (UOFF), the ad-hoc 24 Dec
/// day off, leave and reports saved through the real stores. Tests build their own services over the same prefix.
/// </summary>
public abstract class SeededProvince : IAsyncLifetime
{
    public const string Admin = "Uadmin";
    public const string Group = "Cgroup1";
    public const string Officer = "UOFF";

    private readonly int[] _weeks;

    protected SeededProvince(params int[] weeks) => _weeks = weeks;

    public string Prefix { get; } = Azurite.NewPrefix();

    /// <summary>Services over the seeded data, with a fake clock at <paramref name="now"/> and a recording pusher.</summary>
    internal (ServiceProvider Services, RecordingPusher Pusher, FakeTimeProvider Time) Build(DateTimeOffset now, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var time = new FakeTimeProvider(now);
        var pusher = new RecordingPusher(time);
        var values = new Dictionary<string, string?>
        {
            ["Storage:Prefix"] = Prefix,
            ["Bot:AdminUserIds:0"] = Admin,
            ["Bot:GroupIds:0"] = Group,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        var services = CoreServices.Build(values, configure: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<LineBot.Jobs.IBotPusher>(pusher);
            configure?.Invoke(s);
        });
        return (services, pusher, time);
    }

    public async Task InitializeAsync()
    {
        var (services, _, _) = Build(SyntheticProvince.At(new DateOnly(2026, 11, 29), 9));
        await using var _s = services;
        var reporters = services.GetRequiredService<ReporterStore>();
        var roster = SyntheticProvince.Reporters()
            .Select(r => r.Id == Officer ? r with { UserId = Officer, OfficerDistrict = SyntheticProvince.Districts[0] } : r with { UserId = r.Id })
            .ToList();
        await Parallel.ForEachAsync(roster, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, ct) => await reporters.SaveAsync(r, ct));

        await services.GetRequiredService<HolidayStore>().AddAsync(new DateOnly(2026, 12, 24), "วันหยุดพิเศษของจังหวัด", Admin, CancellationToken.None);
        var leave = services.GetRequiredService<LeaveStore>();
        foreach (var entry in SyntheticProvince.Leave())
        {
            await leave.AddAsync(entry, CancellationToken.None);
        }

        var weeks = _weeks.Select(w => new ReportWeek(SyntheticProvince.Mondays[w])).ToList();
        var store = services.GetRequiredService<ReportStore>();
        var days = SyntheticProvince.Reports()
            .Where(r => r.Date is { } d && weeks.Exists(w => w.Contains(d)))
            .GroupBy(r => (r.ReporterId, r.Date))
            .ToList();
        // Copies of one reporter-day in order (the later one replaces the earlier); different days in parallel.
        await Parallel.ForEachAsync(days, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (day, ct) =>
        {
            foreach (var report in day.OrderBy(r => r.ReceivedAt))
            {
                await store.SaveAsync(report, report.ReceivedAt.ToUnixTimeMilliseconds(), ct);
            }
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Week 1 (7–13 Dec 2026: holidays Mon 7 and Thu 10, j8 on leave Tue–Wed).</summary>
public sealed class ProvinceWeek1 : SeededProvince
{
    public ProvinceWeek1()
        : base(1)
    {
    }
}

/// <summary>Weeks 0 and 1 (30 Nov – 13 Dec 2026), for the monthly job on 1 Dec as well.</summary>
public sealed class ProvinceWeeks01 : SeededProvince
{
    public ProvinceWeeks01()
        : base(0, 1)
    {
    }
}
