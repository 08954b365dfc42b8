using LineBot.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Cli;

public sealed class LocalDefaultsTests
{
    [Fact]
    public void LocalMode_GetsTheBuiltInDevSecret()
    {
        var configuration = new ConfigurationBuilder().AddLineBotSources(["--Line:ChannelAccessToken="]).Build();

        Assert.Equal(LocalMode.ChannelSecret, configuration["Line:ChannelSecret"]);
    }

    [Fact]
    public void WithAccessToken_NoBuiltInSecret()
    {
        var configuration = new ConfigurationBuilder().AddLineBotSources(["--Line:ChannelAccessToken=real-token"]).Build();

        Assert.Null(configuration["Line:ChannelSecret"]);
    }

    [Fact]
    public async Task Serve_WithAccessTokenButNoSecret_RefusesToStart()
    {
        await using var app = ServeCommand.Build(["--urls=http://127.0.0.1:0", "--Line:ChannelAccessToken=real-token", $"--AzureWebJobsStorage={Infrastructure.Azurite.Unreachable}"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Line:ChannelSecret", error.Message, StringComparison.Ordinal);
    }
}
