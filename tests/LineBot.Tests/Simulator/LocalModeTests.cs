using LineBot.Cli;
using LineBot.Configuration;
using LineBot.Line;
using LineBot.LineStandIn;
using LineBot.Simulator;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Simulator;

/// <summary>What local mode (dev/LineBot.Local/LocalMode.cs) changes in the serve app, and that a token leaves it all out.</summary>
public sealed class LocalModeTests
{
    [Fact]
    public async Task Serve_WithoutToken_ReplacesClockAndLineEndpointsAndAddsTheSimulatorAdmin()
    {
        await using var app = ServeCommand.Build(["--urls=http://127.0.0.1:0", $"--AzureWebJobsStorage={Azurite.Unreachable}"]);

        Assert.IsType<SimulatorClock>(app.Services.GetRequiredService<TimeProvider>());
        var endpoints = app.Services.GetRequiredService<LineEndpoints>();
        Assert.Same(LocalLineRedirectHandler.Endpoints, endpoints);
        Assert.Equal(LocalLineRedirectHandler.AccessToken, endpoints.AccessToken);
        Assert.Single(app.Services.GetServices<LineEndpoints>());
        Assert.Contains(SimulatorSession.AdminUserId, app.Services.GetRequiredService<IOptions<BotOptions>>().Value.AdminUserIds);
        Assert.NotNull(app.Services.GetService<StandInState>());
    }

    [Fact]
    public async Task Serve_WithToken_HasNoneOfIt()
    {
        await using var app = ServeCommand.Build(["--urls=http://127.0.0.1:0", "--Line:ChannelAccessToken=real-token", "--Line:ChannelSecret=" + BotHost.Secret, $"--AzureWebJobsStorage={Azurite.Unreachable}"]);

        Assert.Same(TimeProvider.System, app.Services.GetRequiredService<TimeProvider>());
        var endpoints = app.Services.GetRequiredService<LineEndpoints>();
        Assert.Equal("real-token", endpoints.AccessToken);
        Assert.Equal("https://api.line.me/", endpoints.Api.AbsoluteUri);
        Assert.Null(app.Services.GetService<StandInState>());
        Assert.Null(app.Services.GetService<SimulatorSession>());
        Assert.DoesNotContain(SimulatorSession.AdminUserId, app.Services.GetRequiredService<IOptions<BotOptions>>().Value.AdminUserIds);
    }

    [Fact]
    public void AddLocalMode_BeforeAddLineBot_Refuses()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddLocalMode());

        Assert.Contains("after AddLineBot", error.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }
}
