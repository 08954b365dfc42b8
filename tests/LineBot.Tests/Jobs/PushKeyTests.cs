using LineBot.Jobs;

namespace LineBot.Tests.Jobs;

/// <summary>The push keys are stored in outbox and shortfall rows: the one constructor must keep their format exactly.</summary>
public sealed class PushKeyTests
{
    private static readonly JobPeriod Week = JobPeriod.Week(new DateOnly(2026, 12, 7));
    private static readonly JobPeriod Month = JobPeriod.Month(new DateOnly(2026, 11, 1));

    [Theory]
    [InlineData(JobNames.Reminder, "group", "reminder|2026-12-07|Cgroup1")]
    [InlineData(JobNames.Reminder, "admin", "reminder|2026-12-07|Uadmin")]
    [InlineData(JobNames.Reminder, "officer", "reminder|2026-12-07|UOFF")]
    [InlineData(JobNames.Digest, "group", "digest|2026-12-07|Cgroup1")]
    [InlineData(JobNames.Digest, "admin", "digest|2026-12-07|Uadmin")]
    [InlineData(JobNames.Digest, "officer", "digest|2026-12-07|UOFF")]
    public void WeeklyJobs_KeyTheChat(string job, string audience, string expected) =>
        Assert.Equal(expected, new PushKey(job, Week, Audience(audience)).Value);

    [Theory]
    [InlineData("officer", "monthly|2026-11|officer|UOFF")]
    [InlineData("admin", "monthly|2026-11|summary|Uadmin")]
    [InlineData("reporter", "monthly|2026-11|R001|Urep")]
    public void MonthlyJob_KeysWhatItSends(string audience, string expected) =>
        Assert.Equal(expected, new PushKey(JobNames.Monthly, Month, Audience(audience)).Value);

    [Fact]
    public void Audience_LabelsAsTheCliPrintsThem()
    {
        Assert.Equal("group", Audience("group").ToString());
        Assert.Equal("admin", Audience("admin").ToString());
        Assert.Equal("officer:บางคล้า", Audience("officer").ToString());
        Assert.Equal("reporter", Audience("reporter").ToString());
        Assert.Equal("UOFF", Audience("officer").To);
        Assert.Equal("Urep", Audience("reporter").To);
    }

    [Fact]
    public void Officers_OnePerUserWithADistrict()
    {
        var roster = new[]
        {
            new LineBot.Reporters.Reporter { Id = "O1", Name = "ก", UserId = "UOFF", Role = LineBot.Reporters.ReporterRole.Officer, OfficerDistrict = "บางคล้า" },
            new LineBot.Reporters.Reporter { Id = "O2", Name = "ข", UserId = "UOFF", Role = LineBot.Reporters.ReporterRole.Officer, OfficerDistrict = "พนมสารคาม" },
            new LineBot.Reporters.Reporter { Id = "O3", Name = "ค", UserId = "UOFF3", Role = LineBot.Reporters.ReporterRole.Officer },
            new LineBot.Reporters.Reporter { Id = "R1", Name = "ง", UserId = "UR", District = "บางคล้า" },
        };

        var officer = Assert.Single(LineBot.Jobs.Audience.Officers(roster));

        Assert.Equal(new LineBot.Jobs.Audience.Officer("UOFF", "บางคล้า"), officer);
    }

    private static Audience Audience(string kind) => kind switch
    {
        "group" => new Audience.Group("Cgroup1"),
        "admin" => new Audience.Admin("Uadmin"),
        "officer" => new Audience.Officer("UOFF", "บางคล้า"),
        _ => new Audience.Reporter("R001", "Urep"),
    };
}
