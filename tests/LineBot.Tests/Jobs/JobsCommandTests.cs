using LineBot.Cli;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Jobs;

public sealed class JobsCommandTests(ProvinceWeek1 province) : IClassFixture<ProvinceWeek1>
{
    private string[] Settings => [$"--AzureWebJobsStorage={Azurite.ConnectionString}", $"--Storage:Prefix={province.Prefix}", "--Bot:GroupIds:0=Cgroup1", "--Bot:AdminUserIds:0=Uadmin"];

    [Fact]
    public async Task JobsRun_DryRun_PrintsThePlanAndSendsNothing()
    {
        using var output = new StringWriter();

        var code = await JobsCommand.RunAsync(["run", "reminder", "--at", "2026-12-11T08:00:00Z", "--dry-run", .. Settings], output);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("dry run: nothing sent", text);
        Assert.Contains("1 push(es) would be sent", text);
        Assert.Contains("reminder|2026-12-07|Cgroup1 → Cgroup1 [group]", text);
        Assert.Contains("ยังขาด 44 วัน จาก 22 คน", text);
    }

    [Fact]
    public async Task JobsRun_MonthlyOnAnotherDay_SaysNothingToDo()
    {
        using var output = new StringWriter();

        var code = await JobsCommand.RunAsync(["run", "monthly", "--at", "2026-12-09T02:00:00Z", "--dry-run", .. Settings], output);

        Assert.Equal(0, code);
        Assert.Contains("nothing to do: 2026-12-09 is not the first working day of the month (2026-12-01)", output.ToString());
    }

    [Fact]
    public async Task JobsRun_WithoutPusher_FailsWithoutSending()
    {
        using var output = new StringWriter();

        var code = await JobsCommand.RunAsync(["run", "digest", "--at", "2026-12-14T01:00:00Z", .. Settings], output);

        Assert.Equal(1, code);
    }

    [Fact]
    public async Task ExportProjectSummary_PrintsTheLink()
    {
        using var output = new StringWriter();

        var code = await ExportCommand.RunAsync(["project-summary", "--from", "2026-12-01", "--to", "2026-12-31", .. Settings], output);

        Assert.Equal(0, code);
        Assert.Contains("2026-12-01..2026-12-31", output.ToString());
        Assert.Contains("link (valid until", output.ToString());
    }
}
