using LineBot.Cli;
using LineBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineBot.Tests.Infrastructure;

/// <summary>
/// The real <c>linebot serve</c> app on a free loopback port, over Azurite, with its own storage prefix:
/// end-to-end tests talk to it over HTTP exactly as LINE does.
/// </summary>
internal sealed class BotHost : IAsyncDisposable
{
    public const string Secret = "test-channel-secret-0123456789";

    private BotHost(WebApplication app, Uri baseAddress, CapturedLogs logs, string prefix)
    {
        App = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Prefix = prefix;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public CapturedLogs Logs { get; }
    public string Prefix { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => App.Services;
    public StorageClients Storage => Services.GetRequiredService<StorageClients>();
    public StorageNames Names => Services.GetRequiredService<StorageNames>();

    public static async Task<BotHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null, string? storage = null)
    {
        var prefix = Azurite.NewPrefix();
        var values = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = storage ?? Azurite.ConnectionString,
            ["Storage:Prefix"] = prefix,
            ["Line:ChannelSecret"] = Secret,
            ["Worker:PollInterval"] = "00:00:00.050",
            ["Worker:RetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var args = values.Where(kv => kv.Value is not null).Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
        var logs = new CapturedLogs();
        var app = ServeCommand.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotHost(app, new Uri(address), logs, prefix);
    }

    public Task<HttpResponseMessage> PostWebhookAsync(string body, string secret = Secret) =>
        Http.SendAsync(WebhookBuilder.Request(body, secret));

    /// <summary>Waits until a condition on the captured logs holds (the worker runs in the background).</summary>
    public async Task WaitForAsync(Func<CapturedLogs, bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition(Logs))
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException("Condition not reached. Logs:\n" + string.Join('\n', Logs.Entries.Select(e => $"{e.EventId} {e.Level} {e.Message}")));
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
