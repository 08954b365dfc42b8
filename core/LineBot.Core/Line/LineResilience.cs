using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace LineBot.Line;

/// <summary>
/// The pipeline around every LINE call, outermost first: total budget, retry (jittered exponential back-off),
/// circuit breaker, per-attempt timeout. Retried: 5xx, 408, timeouts, connection failures and the rate-limit
/// 429; never other 4xx, nor the 429 for the monthly limit (a quota answer the caller must see).
/// </summary>
internal static class LineResilience
{
    public const string PipelineName = "line";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, LineHttpOptions options)
    {
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "line-total", Timeout = options.TotalTimeout });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "line-retry",
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.TotalTimeout,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => IsTransientAsync(args.Outcome),
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "line-breaker",
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = options.BreakDuration,
            ShouldHandle = args => IsTransientAsync(args.Outcome),
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "line-attempt", Timeout = options.AttemptTimeout });
    }

    public static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            // A caller's cancellation is not transient; a per-attempt timeout or a broken connection is.
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return true;
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests && !await IsMonthlyLimitAsync(response);
    }

    private static async Task<bool> IsMonthlyLimitAsync(HttpResponseMessage response)
    {
        // Buffered so that the client can still read LINE's error body afterwards; 429 bodies are tiny.
        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsStringAsync();
        return LineQuotaExceededException.IsMonthlyLimit(body);
    }
}
