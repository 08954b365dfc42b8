using LineBot.Jobs;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Jobs;

public sealed class JobSchedulerTests
{
    [Fact]
    public async Task Scheduler_DefaultSchedule_FiresTheReminderAtFriday0800Utc()
    {
        // Friday 11 Dec 2026 00:00 UTC; the default reminder is "0 0 8 * * 5" (15:00 Bangkok).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.Zero));
        var pusher = new RecordingPusher(time);
        await using var services = CoreServices.Build(
            new Dictionary<string, string?> { ["Bot:GroupIds:0"] = "Cgroup1" },
            configure: s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IBotPusher>(pusher);
                s.AddJobScheduler();
            });
        var reporters = services.GetRequiredService<LineBot.Reporters.ReporterStore>();
        await reporters.SaveAsync(new LineBot.Reporters.Reporter { Id = "Ua", Name = "นายเอ ทดสอบ", UserId = "Ua", District = "บางคล้า" }, CancellationToken.None);
        var scheduler = services.GetServices<IHostedService>().OfType<JobScheduler>().Single();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            time.Advance(TimeSpan.FromHours(8) - TimeSpan.FromSeconds(1));
            await Task.Delay(300);
            Assert.Empty(pusher.Sent);

            time.Advance(TimeSpan.FromSeconds(1));
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (pusher.Sent.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }

            var sent = Assert.Single(pusher.Sent);
            Assert.Equal("reminder|2026-12-07|Cgroup1", sent.Key);
            Assert.Equal(new DateTimeOffset(2026, 12, 11, 8, 0, 0, TimeSpan.Zero), sent.Value.At);
            Assert.Contains("นายเอ ทดสอบ", sent.Value.Messages[0].Text);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Scheduler_LineRefusesThePush_TriesAgainFiveMinutesLaterAndSendsItOnce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 11, 7, 59, 0, TimeSpan.Zero));
        var pusher = new RecordingPusher(time) { Fails = _ => true };
        var logs = new CapturedLogs();
        await using var services = CoreServices.Build(
            new Dictionary<string, string?> { ["Bot:GroupIds:0"] = "Cgroup1" },
            logs,
            configure: s =>
            {
                s.AddSingleton<TimeProvider>(time);
                s.AddSingleton<IBotPusher>(pusher);
                s.AddJobScheduler();
            });
        await services.GetRequiredService<LineBot.Reporters.ReporterStore>().SaveAsync(new LineBot.Reporters.Reporter { Id = "Ua", Name = "นายเอ ทดสอบ", UserId = "Ua", District = "บางคล้า" }, CancellationToken.None);
        var scheduler = services.GetServices<IHostedService>().OfType<JobScheduler>().Single();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(() => logs.Count(7005) >= 1); // the scheduler has read the clock
            await Task.Delay(100);
            time.Advance(TimeSpan.FromMinutes(1));
            await WaitUntilAsync(() => pusher.Calls >= 1);
            Assert.Empty(pusher.Sent);
            await WaitUntilAsync(() => logs.Count(7007) == 1); // the retry is planned; the scheduler goes back to sleep
            await Task.Delay(100);

            pusher.Fails = _ => false;
            time.Advance(JobRetryPolicy.Delay);
            await WaitUntilAsync(() => pusher.Sent.Count == 1);
            time.Advance(JobRetryPolicy.Delay);
            await Task.Delay(300);

            var sent = Assert.Single(pusher.Sent);
            Assert.Equal("reminder|2026-12-07|Cgroup1", sent.Key);
            Assert.Equal(new DateTimeOffset(2026, 12, 11, 8, 5, 0, TimeSpan.Zero), sent.Value.At);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "condition not reached");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Scheduler_SimulatorClockJumpsPastFriday_RemindsOnceAndAJumpBackAndForthSendsNothingNew()
    {
        // The simulator's clock over a fake timer source: Set() jumps, Advance() on the fake fires the sleeps.
        var timers = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        var clock = new LineBot.Simulator.SimulatorClock(timers);
        var pusher = new RecordingPusher(clock);
        await using var services = CoreServices.Build(
            new Dictionary<string, string?>
            {
                ["Bot:GroupIds:0"] = "Cgroup1",
                ["Schedules:WeeklyDigest"] = "0 0 0 1 1 *",
                ["Schedules:Monthly"] = "0 0 0 1 1 *",
            },
            configure: s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<IBotPusher>(pusher);
                s.AddJobScheduler();
            });
        var reporters = services.GetRequiredService<LineBot.Reporters.ReporterStore>();
        await reporters.SaveAsync(new LineBot.Reporters.Reporter { Id = "Ub", Name = "นางบี ทดสอบ", UserId = "Ub", District = "บางคล้า" }, CancellationToken.None);
        var scheduler = services.GetServices<IHostedService>().OfType<JobScheduler>().Single();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(200);

            // One jump to Friday 16:00 Bangkok (09:00 UTC): the scheduler slept at most MaxWait, not until Friday.
            clock.Set(new DateTimeOffset(2026, 12, 11, 9, 0, 0, TimeSpan.Zero));
            await WakeUntilAsync(timers, () => pusher.Calls > 0);
            var sent = Assert.Single(pusher.Sent);
            Assert.Equal("reminder|2026-12-07|Cgroup1", sent.Key);
            Assert.Equal(new DateTimeOffset(2026, 12, 11, 9, 0, 0, TimeSpan.Zero), sent.Value.At, TimeSpan.FromMinutes(1));
            Assert.Contains("นางบี ทดสอบ", sent.Value.Messages[0].Text);

            // More wake-ups the same afternoon: nothing is due (the next reminder is a week away).
            await WakeUntilAsync(timers, () => false, times: 4);
            Assert.Equal(1, pusher.Calls);

            // Back to 14:00 Bangkok and past 15:00 again, the same week: the reminder runs again, its key stops a second send.
            clock.Set(new DateTimeOffset(2026, 12, 11, 7, 0, 0, TimeSpan.Zero));
            await WakeUntilAsync(timers, () => false, times: 4);
            Assert.Equal(1, pusher.Calls);
            clock.Set(new DateTimeOffset(2026, 12, 11, 8, 30, 0, TimeSpan.Zero));
            await WakeUntilAsync(timers, () => pusher.Calls > 1);
            Assert.Equal(2, pusher.Calls);
            Assert.Single(pusher.Sent);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Lets the scheduler's timers fire (MaxWait each) until the condition holds, or a number of times.</summary>
    /// <remarks>
    /// After each wake-up the real scheduler gets up to 3 s of real time to act before the fake clock moves again, so
    /// a slow machine cannot push the simulated time on by several MaxWaits while one run is still reading storage.
    /// </remarks>
    private static async Task WakeUntilAsync(FakeTimeProvider timers, Func<bool> done, int times = 200)
    {
        for (var i = 0; i < times && !done(); i++)
        {
            timers.Advance(JobScheduler.MaxWait);
            var settle = System.Diagnostics.Stopwatch.StartNew();
            do
            {
                await Task.Delay(20);
            }
            while (!done() && settle.Elapsed < (times > 10 ? TimeSpan.FromSeconds(3) : TimeSpan.FromMilliseconds(150)));
        }
    }

    [Theory]
    [InlineData("0 0 8 * * 5", "2026-12-10T09:00:00Z", "2026-12-11T08:00:00Z")]
    [InlineData("0 0 1 * * 1", "2026-12-11T08:00:00Z", "2026-12-14T01:00:00Z")]
    [InlineData("0 30 1 * * 1-5", "2026-12-11T08:00:00Z", "2026-12-14T01:30:00Z")]
    public void Schedule_SixFieldUtc_NextOccurrence(string expression, string after, string expected)
    {
        var next = ScheduleOptions.Parse(expression).GetNextOccurrence(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void ScheduleOptions_FiveFieldExpression_FailsValidation()
    {
        var result = new ScheduleOptionsValidator().Validate(null, new ScheduleOptions { WeeklyDigest = "0 1 * * 1" });

        Assert.True(result.Failed);
        Assert.Contains("digest", result.FailureMessage);
    }
}
