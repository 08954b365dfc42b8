using System.Diagnostics;
using LineBot.Cli;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineBot.Tests.Cli;

/// <summary>Local runs: a quiet console under the simulator's polling, and <c>./linebot</c> as the README writes it.</summary>
public sealed class LocalToolingTests
{
    [Fact]
    public async Task LocalServe_LogsNoRequestLines_ButKeepsTheBotsOwn()
    {
        await using var app = ServeCommand.Build(["--urls=http://127.0.0.1:0", "--Line:ChannelAccessToken=", $"--AzureWebJobsStorage={Azurite.Unreachable}"]);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("System.Net.Http.HttpClient.line.LogicalHandler").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("LineBot.Events.EventWorker").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public async Task LinebotWrapper_RunsTheBuiltCli_FromAnyDirectory()
    {
        var start = new ProcessStartInfo(Path.Combine(RepoPaths.Root, "linebot"), ["parse"])
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync("/สถานะ");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("\"kind\":\"command\"", output.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
