using BenchmarkDotNet.Attributes;
using LineBot.Configuration;
using LineBot.Webhook;
using Microsoft.Extensions.Options;

namespace LineBot.Benchmarks;

/// <summary>
/// Per request at the webhook edge, without I/O: the signature check (HMAC-SHA256 in fixed time) and the envelope
/// parse, on the bodies of bench/fixtures — the same bodies <c>node bench/peer/signature-bench.js</c> gives LINE's
/// SDK (<c>validateSignature</c> + <c>JSON.parse</c>), for the ratio in docs/performance.md.
/// dotnet run -c Release --project bench/LineBot.Benchmarks -- --filter '*WebhookEdgeBenchmarks*'
/// node bench/peer/edge-compare.js runs both sides alternately and prints the ratios.
/// </summary>
[MemoryDiagnoser]
public class WebhookEdgeBenchmarks
{
    private const string Secret = "benchmark-channel-secret";
    private byte[] _body = null!;
    private string _signature = null!;
    private SignatureValidator _validator = null!;

    // bench/fixtures/webhook-{Body}.json (short names, so that BenchmarkDotNet's tables and bench/peer/edge-compare.js show them whole).
    [Params("1-report", "3-images", "50-mixed")]
    public string Body { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _body = File.ReadAllBytes(Path.Combine(FixturesDirectory(), $"webhook-{Body}.json"));
        _signature = SignatureValidator.Sign(Secret, _body);
        _validator = new SignatureValidator(new FixedOptions(new LineOptions { ChannelSecret = Secret }));
    }

    [Benchmark]
    public int SignatureAndParse()
    {
        if (!_validator.IsValid(_body, _signature))
        {
            throw new InvalidOperationException("signature");
        }

        return WebhookBatchParser.TryParse(_body, out _)!.Events.Count;
    }

    private static string FixturesDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("bench/fixtures not found above " + AppContext.BaseDirectory);
    }

    private sealed class FixedOptions(LineOptions value) : IOptionsMonitor<LineOptions>
    {
        public LineOptions CurrentValue => value;

        public LineOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<LineOptions, string?> listener) => null;
    }
}
