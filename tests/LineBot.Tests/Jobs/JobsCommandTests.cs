using LineBot.Cli;
using LineBot.LineStandIn;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Jobs;

/// <summary><c>linebot jobs run</c> and <c>linebot export</c> against Azurite and a LINE stand-in over HTTP.</summary>
public sealed class JobsCommandTests(ProvinceWeek1 province) : IClassFixture<ProvinceWeek1>, IAsyncLifetime
{
    private readonly LineStandInServer _line = new();

    private string[] Settings =>
    [
        $"--AzureWebJobsStorage={Azurite.ConnectionString}", $"--Storage:Prefix={province.Prefix}", "--Bot:GroupIds:0=Cgroup1", "--Bot:AdminUserIds:0=Uadmin",
        $"--Line:ApiBaseUrl={_line.BaseAddress}", $"--Line:DataApiBaseUrl={_line.BaseAddress}", "--Line:ChannelAccessToken=test-token", $"--Line:ChannelSecret={BotHost.Secret}",
    ];

    public async Task InitializeAsync() => await _line.StartAsync();

    public async Task DisposeAsync() => await _line.DisposeAsync();

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
    public async Task JobsRun_TwiceForTheSameWeek_PushesOnceThroughLine()
    {
        // A week of its own (the province fixture's other tests use 7 Dec): the outbox keys are per week.
        using var first = new StringWriter();
        using var second = new StringWriter();

        Assert.Equal(0, await JobsCommand.RunAsync(["run", "reminder", "--at", "2026-12-18T08:00:00Z", .. Settings], first));
        var pushed = _line.Recorded.Count(r => r.Kind == "push");
        Assert.Equal(0, await JobsCommand.RunAsync(["run", "reminder", "--at", "2026-12-18T08:00:00Z", .. Settings], second));

        Assert.True(pushed >= 1, first.ToString());
        Assert.Contains(": Sent", first.ToString());
        Assert.Contains(": AlreadySent", second.ToString());
        Assert.Equal(pushed, _line.Recorded.Count(r => r.Kind == "push"));
    }

    [Fact]
    public async Task JobsRun_LineUnreachable_ExitsWithOneAndReportsTheFailure()
    {
        using var output = new StringWriter();
        string[] unreachable = [.. Settings, $"--Line:ApiBaseUrl=http://127.0.0.1:{FreePort.Next()}/", "--Line:Http:MaxRetries=0", "--Line:Http:AttemptTimeout=00:00:02"];

        var code = await JobsCommand.RunAsync(["run", "digest", "--at", "2026-12-14T01:00:00Z", .. unreachable], output);

        Assert.Equal(1, code);
        Assert.Contains(": Failed", output.ToString());
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
