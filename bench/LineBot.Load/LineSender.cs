using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace LineBot.Load;

/// <summary>How one phase of sending went: first-attempt ack latencies (ms, from the moment each request was due) and statuses.</summary>
internal sealed class PhaseResult
{
    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentQueue<(double DueSeconds, int Status)> _timeline = new();

    public IReadOnlyCollection<double> Latencies => _latencies;
    public IReadOnlyDictionary<int, int> Statuses => _statuses;
    public TimeSpan Elapsed { get; set; }
    public int Requests => _latencies.Count;
    public int Ok => _statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value);
    public double Throughput => Requests / Elapsed.TotalSeconds;

    /// <summary>When each request was due (seconds from the phase start) and how it was answered first.</summary>
    public IReadOnlyCollection<(double DueSeconds, int Status)> Timeline => _timeline;

    public void Add(double milliseconds, int status, double dueSeconds = 0)
    {
        _timeline.Enqueue((dueSeconds, status));
        _latencies.Enqueue(milliseconds);
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
    }

    public LatencySummary Summary() => LatencySummary.Of(_latencies);

    public string StatusText() => string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {s.Value}"));
}

internal readonly record struct LatencySummary(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencySummary Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return default;
        }

        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new LatencySummary(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
    }

    public override string ToString() => System.FormattableString.Invariant($"p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms");
}

/// <summary>
/// Posts signed webhooks the way LINE does: a non-2xx answer, a timeout or a refused connection is redelivered
/// later with the same events and <c>isRedelivery: true</c>, until it is accepted or the attempts run out.
/// </summary>
internal sealed class LineSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _secret;
    private readonly string _path;
    private readonly ConcurrentDictionary<Task, byte> _redeliveries = new();
    private long _redelivered;
    private long _abandoned;

    public LineSender(Uri target, string secret, string path = "/api/line/webhook", TimeSpan? timeout = null)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = target,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        };
        _secret = secret;
        _path = path;
    }

    public Uri Target
    {
        get => _http.BaseAddress!;
        set => _http.BaseAddress = value;
    }

    public TimeSpan RedeliveryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public int MaxAttempts { get; set; } = 60;
    public long Redelivered => Interlocked.Read(ref _redelivered);
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>Sends once and returns the status (0: no answer); on failure, schedules redeliveries when asked to.</summary>
    public async Task<int> SendAsync(WebhookRequest request, bool redeliverOnFailure)
    {
        var status = await PostAsync(request.Body(request.Redelivery));
        if (redeliverOnFailure && status is < 200 or >= 300)
        {
            var retry = RedeliverAsync(request);
            _redeliveries[retry] = 0;
            _ = retry.ContinueWith(t => _redeliveries.TryRemove(t, out _), TaskScheduler.Default);
        }

        return status;
    }

    /// <summary>Posts raw bytes with a signature (or the given header value; null: no header).</summary>
    public async Task<int> PostAsync(byte[] body, string? signature = "", CancellationToken cancellationToken = default)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        using var message = new HttpRequestMessage(HttpMethod.Post, _path) { Content = content };
        if (signature is not null)
        {
            message.Headers.TryAddWithoutValidation("x-line-signature", signature.Length == 0 ? Signature.Sign(_secret, body) : signature);
        }

        try
        {
            using var response = await _http.SendAsync(message, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    /// <summary>Waits until every scheduled redelivery has been accepted or abandoned.</summary>
    public async Task DrainRedeliveriesAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!_redeliveries.IsEmpty && clock.Elapsed < limit)
        {
            await Task.Delay(100);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task RedeliverAsync(WebhookRequest request)
    {
        var body = request.Body(redelivery: true);
        for (var attempt = 2; attempt <= MaxAttempts; attempt++)
        {
            await Task.Delay(RedeliveryDelay);
            Interlocked.Increment(ref _redelivered);
            var status = await PostAsync(body);
            if (status is >= 200 and < 300 or (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.RequestEntityTooLarge)
            {
                return;
            }
        }

        Interlocked.Increment(ref _abandoned);
    }
}
