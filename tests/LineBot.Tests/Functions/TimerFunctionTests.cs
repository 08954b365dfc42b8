using System.Globalization;
using System.Reflection;
using LineBot.Functions;
using LineBot.Jobs;
using LineBot.Tests.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LineBot.Tests.Functions;

/// <summary>The timer functions run the real jobs; pushes LINE refused make the run throw, so the trigger's retry resends them.</summary>
public sealed class TimerFunctionTests(ProvinceWeek1 province) : IClassFixture<ProvinceWeek1>
{
    // Friday 18 Dec 2026, 15:00 Bangkok: a week no other test of this fixture pushes for.
    private static readonly DateTimeOffset ReminderAt = new(2026, 12, 18, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reminder_AllPushesTaken_Completes()
    {
        var (services, pusher, time) = province.Build(ReminderAt);
        await using var _ = services;
        var function = new ReminderTimerFunction(services.GetRequiredService<JobRunner>(), time, NullLogger<ReminderTimerFunction>.Instance);

        await function.RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.NotEmpty(pusher.Sent);
    }

    [Fact]
    public async Task Reminder_LineRefusesAPush_ThrowsForTheRetry_AndTheRetrySendsOnlyWhatWasMissing()
    {
        var (services, pusher, time) = province.Build(ReminderAt);
        await using var _ = services;
        var function = new ReminderTimerFunction(services.GetRequiredService<JobRunner>(), time, NullLogger<ReminderTimerFunction>.Instance);
        pusher.Fails = _ => true;

        await Assert.ThrowsAsync<JobPushesFailedException>(() => function.RunAsync(new TimerInfo(), CancellationToken.None));
        Assert.Empty(pusher.Sent);

        pusher.Fails = _ => false;
        time.Advance(TimeSpan.FromMinutes(5));
        await function.RunAsync(new TimerInfo(), CancellationToken.None);
        var sent = pusher.Sent.Count;
        await function.RunAsync(new TimerInfo(), CancellationToken.None);

        Assert.True(sent > 0);
        Assert.Equal(sent, pusher.Sent.Count);
    }

    [Theory]
    [InlineData(typeof(ReminderTimerFunction))]
    [InlineData(typeof(DigestTimerFunction))]
    [InlineData(typeof(MonthlyTimerFunction))]
    public void Timers_RetryAsTheJobRetryPolicySays_FiveTriesFiveMinutesApart(Type function)
    {
        var retry = function.GetMethod("RunAsync")!.GetCustomAttribute<FixedDelayRetryAttribute>();

        Assert.NotNull(retry);
        Assert.Equal(5, retry.MaxRetryCount);
        Assert.Equal(TimeSpan.FromMinutes(5), TimeSpan.Parse(retry.DelayInterval, CultureInfo.InvariantCulture));
        Assert.Equal(JobRetryPolicy.MaxRetries, retry.MaxRetryCount);
        Assert.Equal(JobRetryPolicy.Delay, TimeSpan.Parse(retry.DelayInterval, CultureInfo.InvariantCulture));
    }
}
