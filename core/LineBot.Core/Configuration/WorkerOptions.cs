using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LineBot.Configuration;

/// <summary>The in-process queue worker of <c>linebot serve</c> (section <c>Worker</c>); Functions uses host.json.</summary>
internal sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Attempts before a message goes to the poison queue (host.json maxDequeueCount for Functions).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a failed message stays invisible before the next attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause between polls of an empty queue.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Messages asked for per receive (the queue service gives at most 32).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// Messages handled at once (one sender's events in one chat still one at a time). A message may hold the
    /// events of many senders (group commit), run up to eight senders at once, so 16 already keeps storage busy;
    /// 64 left the webhook's ack p99 at 261–274 ms at 300 req/s against 100–111 ms with 16, for 3–6% more events
    /// per second (docs/performance.md).
    /// </summary>
    [Range(1, 512)]
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>
    /// How long a received message stays invisible (renewed while its handler runs). Under a reply token's life:
    /// the events of a process that died come back while they can still be answered.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:00:45")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

[OptionsValidator]
internal sealed partial class WorkerOptionsValidator : IValidateOptions<WorkerOptions>;
