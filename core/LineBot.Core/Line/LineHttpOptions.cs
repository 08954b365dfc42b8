using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace LineBot.Line;

/// <summary>Resilience settings for calls to LINE (section <c>Line:Http</c>); defaults suit production.</summary>
internal sealed class LineHttpOptions
{
    public const string Section = "Line:Http";

    /// <summary>Retries after the first attempt (5xx, timeouts, rate-limit 429). Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay; doubles each retry, with jitter. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one attempt (until response headers). Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Budget for all attempts and back-offs together. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed attempts within the sampling window that opens the circuit (per host). Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the window before the breaker may open. Default 10.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit rejects calls. Default 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}

[OptionsValidator]
internal sealed partial class LineHttpOptionsValidator : IValidateOptions<LineHttpOptions>;

/// <summary>The attempt timeout must leave room for at least one attempt inside the total budget.</summary>
internal sealed class LineHttpBudgetValidator : IValidateOptions<LineHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, LineHttpOptions options) =>
        options.AttemptTimeout > options.TotalTimeout
            ? ValidateOptionsResult.Fail("Line:Http:AttemptTimeout must not exceed Line:Http:TotalTimeout.")
            : ValidateOptionsResult.Success;
}
