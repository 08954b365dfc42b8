using System.Collections.Concurrent;
using System.Diagnostics;

namespace LineBot.Load;

/// <summary>
/// Open loop (a fixed rate, each request due at its time whether or not earlier ones were answered; latency is
/// counted from when it was due, so a stalled server cannot hide its queueing) and closed loop (a fixed number of
/// senders, each sending as soon as its last request was answered). Both are bounded in count and time.
/// </summary>
internal static class LoadRunner
{
    private const int MaxInFlight = 5_000;

    public static async Task<PhaseResult> AtRateAsync(LineSender sender, Func<long, WebhookRequest> next, double perSecond, TimeSpan duration, bool redeliver = true, Action<TimeSpan>? tick = null)
    {
        var result = new PhaseResult();
        var total = (int)Math.Round(perSecond * duration.TotalSeconds);
        var inFlight = new ConcurrentDictionary<Task, byte>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < total)
        {
            var due = (int)Math.Min(total, Math.Floor(clock.Elapsed.TotalSeconds * perSecond) + 1);
            for (; sent < due; sent++)
            {
                var dueAt = TimeSpan.FromSeconds(sent / perSecond);
                if (inFlight.Count >= MaxInFlight)
                {
                    // The server is far behind: count the request as unanswered rather than pile up sockets.
                    result.Add((clock.Elapsed - dueAt).TotalMilliseconds, 0, dueAt.TotalSeconds);
                    continue;
                }

                var request = next(Now());
                var task = SendOneAsync(sender, request, redeliver, clock, dueAt, result);
                inFlight[task] = 0;
                _ = task.ContinueWith(t => inFlight.TryRemove(t, out _), TaskScheduler.Default);
            }

            tick?.Invoke(clock.Elapsed);
            await Task.Delay(1);
        }

        await Task.WhenAll(inFlight.Keys);
        result.Elapsed = clock.Elapsed;
        return result;
    }

    public static async Task<PhaseResult> AtConcurrencyAsync(LineSender sender, Func<long, WebhookRequest> next, int concurrency, TimeSpan duration, int maxRequests = 200_000)
    {
        var result = new PhaseResult();
        var clock = Stopwatch.StartNew();
        var remaining = maxRequests;
        var gate = new Lock();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration && Interlocked.Decrement(ref remaining) >= 0)
            {
                WebhookRequest request;
                lock (gate)
                {
                    request = next(Now());
                }

                var started = clock.Elapsed;
                await SendOneAsync(sender, request, redeliver: true, clock, started, result);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        result.Elapsed = clock.Elapsed;
        return result;
    }

    public static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    private static async Task SendOneAsync(LineSender sender, WebhookRequest request, bool redeliver, Stopwatch clock, TimeSpan dueAt, PhaseResult result)
    {
        await Task.Yield();
        var status = await sender.SendAsync(request, redeliver);
        result.Add((clock.Elapsed - dueAt).TotalMilliseconds, status, dueAt.TotalSeconds);
    }
}
