using System.Text.Json.Nodes;
using NCrontab;

namespace LineBot.Tests.Deploy;

/// <summary>
/// The default schedules in infra/main.bicep are NCRONTAB with seconds (what the timer trigger parses) and, read in
/// UTC as Linux Function Apps run them, fire at the Bangkok times docs/deploy.md promises.
/// </summary>
[Collection(DeployCollection.Name)]
public sealed class ScheduleTests(DeployArtifacts artifacts)
{
    private static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    // Thursday 1 January 2026, 00:00 UTC: a fortnight from here holds every weekday twice.
    private static readonly DateTime From = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private JsonObject Template => artifacts.Template ?? throw new InvalidOperationException("bicep build failed:\n" + artifacts.BicepBuild.Output);

    [Theory]
    [InlineData("scheduleWeeklyReminder", "Friday 15:00")]
    [InlineData("scheduleWeeklyDigest", "Monday 08:00")]
    [InlineData("scheduleMonthly", "Monday 08:30|Tuesday 08:30|Wednesday 08:30|Thursday 08:30|Friday 08:30")]
    public void DefaultSchedule_InUtc_FiresAtTheDocumentedBangkokTimes(string parameter, string bangkokTimes)
    {
        var expression = (string)Template["parameters"]![parameter]!["defaultValue"]!;
        var schedule = CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

        var fired = schedule.GetNextOccurrences(From, From.AddDays(14))
            .Select(utc => TimeZoneInfo.ConvertTimeFromUtc(utc, Bangkok))
            .Select(local => $"{local.DayOfWeek} {local:HH:mm}")
            .ToList();

        var expected = bangkokTimes.Split('|');
        Assert.Equal(expected.Length * 2, fired.Count); // each, once a week
        Assert.Equal(expected.Order(), fired.Distinct().Order());
    }
}
