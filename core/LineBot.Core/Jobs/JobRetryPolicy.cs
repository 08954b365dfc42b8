using System.Globalization;

namespace LineBot.Jobs;

/// <summary>
/// A job run whose pushes LINE refused runs again: up to 5 more times, 5 minutes apart. The refused pushes wait in
/// the outbox under the period's keys, so a retry sends only those. Used by the <c>linebot serve</c> scheduler and,
/// as constants for <c>[FixedDelayRetry]</c>, by the Functions timers.
/// </summary>
internal static class JobRetryPolicy
{
    public const int MaxRetries = 5;

    /// <summary>The delay as <c>[FixedDelayRetry]</c> takes it (hh:mm:ss).</summary>
    public const string DelayText = "00:05:00";

    public static readonly TimeSpan Delay = TimeSpan.Parse(DelayText, CultureInfo.InvariantCulture);
}
