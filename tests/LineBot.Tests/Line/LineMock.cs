using LineBot.Line;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.Server;

namespace LineBot.Tests.Line;

/// <summary>
/// A WireMock server standing in for both LINE hosts over real HTTP (api under /api, content under /data, so the
/// base URLs carry a path like local mode's), plus the bot's services pointed at it with fast back-offs.
/// </summary>
internal sealed class LineMock : IAsyncDisposable
{
    public const string Token = "test-access-token";

    private LineMock(WireMockServer server, ServiceProvider services)
    {
        Server = server;
        Services = services;
    }

    public WireMockServer Server { get; }
    public ServiceProvider Services { get; }
    public LineMessagingClient Messaging => Services.GetRequiredService<LineMessagingClient>();
    public LineContentClient Content => Services.GetRequiredService<LineContentClient>();

    public static LineMock Start(IDictionary<string, string?>? settings = null, CapturedLogs? logs = null, Action<IServiceCollection>? configure = null)
    {
        var server = WireMockServer.Start();
        var values = new Dictionary<string, string?>
        {
            ["Line:ChannelAccessToken"] = Token,
            ["Line:ApiBaseUrl"] = server.Url + "/api",
            ["Line:DataApiBaseUrl"] = server.Url + "/data",
            ["Line:Http:RetryBaseDelay"] = "00:00:00.010",
            ["Line:Http:AttemptTimeout"] = "00:00:05",
            ["Line:Http:TotalTimeout"] = "00:00:20",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new LineMock(server, CoreServices.Build(values, logs, configure));
    }

    /// <summary>Requests received on the messaging host (path relative to /api).</summary>
    public IReadOnlyList<ILogEntry> ApiRequests(string? path = null) =>
        Server.LogEntries.Where(e => e.RequestMessage.Path.StartsWith("/api/", StringComparison.Ordinal)
                                     && (path is null || e.RequestMessage.Path == "/api" + path)).ToList();

    /// <summary>Every request so far must exist in LINE's spec and carry a body valid for it.</summary>
    public void AssertRequestsMatchSpec()
    {
        var spec = LineSpec.Instance;
        var errors = new List<string>();
        foreach (var entry in Server.LogEntries)
        {
            var request = entry.RequestMessage;
            var path = request.Path.StartsWith("/api/", StringComparison.Ordinal) ? request.Path[4..]
                : request.Path.StartsWith("/data/", StringComparison.Ordinal) ? request.Path[5..]
                : request.Path;
            errors.AddRange(spec.ValidateRequest(request.Method, path, request.Body));
            if (request.Headers?.TryGetValue("Authorization", out var auth) != true || auth!.ToString() != "Bearer " + Token)
            {
                errors.Add($"{request.Method} {path}: no bearer token");
            }
        }

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }
}
