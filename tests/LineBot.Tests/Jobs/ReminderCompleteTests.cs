using LineBot.Jobs;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Tests.Digests;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Jobs;

/// <summary>The reminder when everyone has reported (23–27 Nov 2026 has no holidays).</summary>
public sealed class ReminderCompleteTests
{
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static async Task<(ServiceProvider, RecordingPusher)> ServicesAsync(string? thank)
    {
        var time = new FakeTimeProvider(FridayAfternoon);
        var pusher = new RecordingPusher(time);
        var settings = new Dictionary<string, string?> { ["Bot:GroupIds:0"] = "Cgroup1" };
        if (thank is not null)
        {
            settings["Bot:ThankWhenComplete"] = thank;
        }

        var services = CoreServices.Build(
            settings,
            configure: s => s.AddSingleton<TimeProvider>(time).AddSingleton<IBotPusher>(pusher));
        await services.GetRequiredService<ReporterStore>().SaveAsync(new Reporter { Id = "Ua", UserId = "Ua", Name = "นายเอ ทดสอบ", District = "บางคล้า" }, CancellationToken.None);
        var reports = services.GetRequiredService<ReportStore>();
        for (var day = 0; day < 5; day++)
        {
            var date = new DateOnly(2026, 11, 23).AddDays(day);
            var at = SyntheticProvince.At(date, 12);
            await reports.SaveAsync(new DailyReport { GroupId = "Cgroup1", ReporterId = "Ua", ReporterName = "นายเอ ทดสอบ", Date = date, MessageId = $"m{day}", ReceivedAt = at }, at.ToUnixTimeMilliseconds(), CancellationToken.None);
        }

        return (services, pusher);
    }

    [Fact]
    public async Task Reminder_NobodyMissing_ThanksTheGroupByDefault()
    {
        var (services, pusher) = await ServicesAsync(null);
        await using var _s = services;

        await services.GetRequiredService<JobRunner>().RunAsync("reminder", FridayAfternoon, false, CancellationToken.None);

        Assert.StartsWith("🙏 ขอบคุณ", Assert.Single(pusher.Sent).Value.Messages[0].Text);
    }

    [Fact]
    public async Task Reminder_NobodyMissing_ThankWhenCompleteOff_SendsNothing()
    {
        var (services, pusher) = await ServicesAsync("false");
        await using var _s = services;

        var result = await services.GetRequiredService<JobRunner>().RunAsync("reminder", FridayAfternoon, false, CancellationToken.None);

        Assert.True(result.Skipped);
        Assert.Equal(0, pusher.Calls);
    }
}
