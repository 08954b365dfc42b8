using LineBot.Line;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Line;

public sealed class LineHttpOptionsTests
{
    [Theory]
    [InlineData("Line:Http:MaxRetries", "11", "MaxRetries")]
    [InlineData("Line:Http:AttemptTimeout", "00:05:00", "AttemptTimeout")]
    [InlineData("Line:Http:BreakerFailureRatio", "0", "BreakerFailureRatio")]
    public async Task Options_OutOfRange_FailNamingTheSetting(string key, string value, string named)
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LineHttpOptions>>().Value);

        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public async Task Options_AttemptLongerThanTotal_Fail()
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { ["Line:Http:AttemptTimeout"] = "00:00:20", ["Line:Http:TotalTimeout"] = "00:00:10" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LineHttpOptions>>().Value);

        Assert.Contains("must not exceed", ex.Message);
    }

    [Fact]
    public async Task Endpoints_NoAccessToken_LineHostsAndNoToken()
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { ["Line:ChannelAccessToken"] = "" });

        var endpoints = services.GetRequiredService<LineEndpoints>();

        // Product code has no token of its own to fall back on; local mode's placeholder lives in dev/LineBot.Local.
        Assert.Equal("", endpoints.AccessToken);
        Assert.Equal("https://api.line.me/", endpoints.Api.AbsoluteUri);
        Assert.Equal("https://api-data.line.me/", endpoints.Data.AbsoluteUri);
    }
}

public sealed class RequireLineAccessTokenTests
{
    [Fact]
    public void RequireLineAccessToken_WithoutToken_FailsValidation()
    {
        using var services = CoreServices.Build(configure: s => s.RequireLineAccessToken());

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LineBot.Configuration.LineOptions>>().Value);

        Assert.Contains("Line:ChannelAccessToken is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireLineAccessToken_WithToken_Passes()
    {
        using var services = CoreServices.Build(new Dictionary<string, string?> { ["Line:ChannelAccessToken"] = "token" }, configure: s => s.RequireLineAccessToken());

        Assert.Equal("token", services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LineBot.Configuration.LineOptions>>().Value.ChannelAccessToken);
    }
}
