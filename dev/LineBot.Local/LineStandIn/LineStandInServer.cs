using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineBot.LineStandIn;

/// <summary>
/// The stand-in on its own free loopback port, for tests that need LINE over real HTTP without a whole local-mode
/// app: point the LINE client at <see cref="BaseAddress"/> and read <see cref="Recorded"/>.
/// </summary>
internal sealed class LineStandInServer : IAsyncDisposable
{
    private readonly WebApplication app;

    public LineStandInServer(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        State = new StandInState(clock ?? TimeProvider.System);
        builder.Services.AddSingleton(State);
        app = builder.Build();
        app.MapLineStandIn();
    }

    public StandInState State { get; }

    /// <summary>The stand-in's root, ending in <c>/_line/</c> (use it for both the API and the data host).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<StandInRecord> Recorded => State.Recorded();

    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + StandInEndpoints.Prefix + "/");
        return BaseAddress;
    }

    public string IssueReplyToken() => State.IssueReplyToken();

    public void UploadContent(string messageId, byte[] bytes, string contentType) => State.UploadContent(messageId, bytes, contentType);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
