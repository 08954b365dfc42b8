using LineBot.Configuration;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Configuration;

/// <summary>Both channel secrets are HMAC keys: a blank one would let anyone sign a webhook (issue 12).</summary>
public sealed class ChannelSecretTests
{
    [Theory]
    [InlineData(" ")]
    [InlineData("        ")]
    public async Task Serve_BlankPreviousSecret_RefusedAtStartUpNamingTheSetting(string previous)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotHost.StartAsync(new Dictionary<string, string?> { ["Line:PreviousChannelSecret"] = previous }));

        Assert.Contains("Line:PreviousChannelSecret is blank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_EmptyPreviousSecret_MeansNoRotation_AndABodySignedWithItIsRejected()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Line:PreviousChannelSecret"] = "" });
        var body = WebhookBuilder.Body(WebhookBuilder.Event("join", "Cempty", null));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await bot.PostWebhookAsync(body, secret: "")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await bot.PostWebhookAsync(body, secret: " ")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await bot.PostWebhookAsync(body)).StatusCode);
    }

    [Theory]
    [InlineData("Line:ChannelSecret", "        ", "is blank")]
    [InlineData("Line:ChannelSecret", " test-channel-secret-0123456789", "white space")]
    [InlineData("Line:PreviousChannelSecret", "short", "characters long")]
    [InlineData("Line:PreviousChannelSecret", "previous-secret-0123456789 ", "white space")]
    public async Task Options_SecretsAreValidatedAlike(string setting, string value, string problem)
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { [setting] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LineOptions>>().Value);

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ARealLookingPreviousSecret_IsAccepted()
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { ["Line:PreviousChannelSecret"] = "0123456789abcdef0123456789abcdef" });
        Assert.Equal("0123456789abcdef0123456789abcdef", services.GetRequiredService<IOptions<LineOptions>>().Value.PreviousChannelSecret);
    }
}
