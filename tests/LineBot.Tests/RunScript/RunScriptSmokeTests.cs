using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LineBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LineBot.Tests.RunScript;

/// <summary>
/// <c>./run.sh</c> as a newcomer runs it: starts Azurite and the bot, answers health and a signed webhook,
/// and on Ctrl+C (SIGINT) stops everything it started. Own ports and data folder, so it never touches a
/// developer's Azurite on 10000-10002.
/// </summary>
public sealed class RunScriptSmokeTests(ITestOutputHelper output)
{
    private const string Secret = "smoke-test-channel-secret-123";

    [Fact]
    public async Task RunSh_StartsServesWebhookAndStopsEverythingOnSigint()
    {
        var data = Directory.CreateTempSubdirectory("linebot-run-");
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        // A shell started in the background without job control (as CI and `./test.sh &` may run us) passes SIGINT
        // down as "ignored", and bash cannot trap a signal ignored on entry: restore the default first (perl-base is
        // part of every Debian), as a terminal's Ctrl+C would find it.
        var start = new ProcessStartInfo("perl", ["-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!", "bash", Path.Combine(RepoPaths.Root, "run.sh")])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["LINEBOT_URL"] = url;
        start.Environment["LINEBOT_DATA_DIR"] = data.FullName;
        start.Environment["AZURITE_BLOB_PORT"] = FreePort.Next().ToString();
        start.Environment["AZURITE_QUEUE_PORT"] = FreePort.Next().ToString();
        start.Environment["AZURITE_TABLE_PORT"] = FreePort.Next().ToString();
        start.Environment["LINEBOT_AZURITE"] = Environment.GetEnvironmentVariable("LINEBOT_AZURITE") ?? RepoPaths.NodeBin("azurite");
        start.Environment["Line__ChannelSecret"] = Secret;
        start.Environment["Line__ChannelAccessToken"] = "";
        start.Environment["Worker__PollInterval"] = "00:00:00.100";
        start.Environment.Remove("AzureWebJobsStorage");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var tree = new List<int>();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
            await WaitForHealthAsync(http, process, log);
            tree = Descendants(process.Id);
            Assert.Contains(tree, pid => CommandLine(pid).Contains("linebot.dll", StringComparison.Ordinal));
            Assert.Contains(tree, pid => CommandLine(pid).Contains("azurite", StringComparison.Ordinal));

            var evt = WebhookBuilder.TextEvent("ทดสอบ run.sh");
            var accepted = await http.SendAsync(WebhookBuilder.Request(WebhookBuilder.Body(evt), Secret));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            var id = evt["webhookEventId"]!.GetValue<string>();
            var clock = Stopwatch.StartNew();
            while ((await http.GetFromJsonAsync<JsonObject>($"simulator/api/events/{id}"))!["done"]!.GetValue<bool>() is false)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "webhook event not processed:\n" + string.Join('\n', log));
                await Task.Delay(100);
            }

            Assert.Equal(0, Kill(process.Id, 2));
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "run.sh did not exit on SIGINT:\n" + string.Join('\n', log));
            var survivors = Stopwatch.StartNew();
            while (tree.Any(IsAlive) && survivors.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }

            Assert.Empty(tree.Where(IsAlive).Select(pid => $"{pid}: {CommandLine(pid)}"));
            Assert.Contains(log, l => l.Contains("Stopping", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var pid in tree.Append(process.Id).Where(IsAlive))
            {
                Kill(pid, 9);
            }

            output.WriteLine(string.Join('\n', log));
            data.Delete(recursive: true);
        }
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process process, IEnumerable<string> log)
    {
        // run.sh builds the CLI first: allow for a slow, shared machine.
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, "run.sh exited early:\n" + string.Join('\n', log));
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4), "no health answer:\n" + string.Join('\n', log));
            try
            {
                var health = await http.GetAsync("api/health");
                if (health.StatusCode == HttpStatusCode.OK && await health.Content.ReadAsStringAsync() == "ok")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Every process below <paramref name="root"/>, from /proc (parent IDs).</summary>
    private static List<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                }
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in parents.Where(p => p.Value == parent).Select(p => p.Key))
            {
                found.Add(child);
                frontier.Enqueue(child);
            }
        }

        return found;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            // A zombie (exited, not yet reaped) is not running anything.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Sends a signal with kill(1): SIGINT is what Ctrl+C sends; .NET's Process.Kill only sends SIGKILL.</summary>
    private static int Kill(int pid, int signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
