using System.Globalization;
using LineBot.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Cli;

/// <summary><c>linebot jobs run &lt;reminder|digest|monthly&gt; [--at ISO-8601] [--dry-run]</c>: a scheduled job on demand.</summary>
internal static class JobsCommand
{
    public const string UsageLine = "usage: linebot jobs run <reminder|digest|monthly> [--at 2026-11-27T08:00:00Z] [--dry-run]";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        if (args is not ["run", var name, .. var rest] || JobNames.Normalize(name) is not { } job)
        {
            Console.Error.WriteLine(UsageLine);
            return 2;
        }

        DateTimeOffset? at = null;
        var dryRun = false;
        var settings = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            switch (rest[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--at" when i + 1 < rest.Length:
                    if (!DateTimeOffset.TryParse(rest[++i], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                    {
                        Console.Error.WriteLine($"linebot: --at '{rest[i]}' is not an ISO-8601 date and time.");
                        return 2;
                    }

                    at = parsed;
                    break;
                default:
                    settings.Add(rest[i]);
                    break;
            }
        }

        await using var services = CliServices.Build([.. settings]);
        var runner = services.GetRequiredService<JobRunner>();
        JobRunResult result;
        try
        {
            result = await runner.RunAsync(job, at ?? services.GetRequiredService<TimeProvider>().GetUtcNow(), dryRun, CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"linebot: {ex.Message}");
            return 1;
        }

        Print(result, output);
        // A push that failed, or was left pending while LINE was unavailable, waits for the next run; say so in the exit code.
        return result.FailedPushes > 0 ? 1 : 0;
    }

    public static void Print(JobRunResult result, TextWriter output)
    {
        output.WriteLine($"{result.Job} at {result.At:o}{(result.DryRun ? " (dry run: nothing sent)" : "")}");
        if (result.Skipped)
        {
            output.WriteLine($"nothing to do: {result.SkippedBecause}");
            return;
        }

        foreach (var s in result.Shortfalls)
        {
            output.WriteLine(s.Reason == QuotaShortfall.MonthlyLimit
                ? $"quota short: LINE's monthly limit refused {s.GroupId} ({s.LogicalKey})"
                : $"quota short: group {s.GroupId} skipped ({s.LogicalKey}){(s.DeliveredInstead is { } n ? $", {n} push(es) instead" : "")}");
        }

        if (result.PendingPushes > 0)
        {
            output.WriteLine($"LINE unavailable: {result.PendingPushes} push(es) pending, sent by the run's retry");
        }

        output.WriteLine($"{result.Pushes.Count} push(es){(result.DryRun ? " would be sent" : "")}:");
        foreach (var push in result.Pushes)
        {
            output.WriteLine($"- {push.LogicalKey} → {push.To} [{push.Audience}] {push.Messages.Count} message(s){(push.Outcome is { } o ? ": " + o : "")}");
            foreach (var message in push.Messages)
            {
                output.WriteLine(message.Flex is null ? "  text:" : "  flex, alt text:");
                foreach (var line in message.Text.Split('\n'))
                {
                    output.WriteLine("    " + line);
                }
            }
        }
    }
}
