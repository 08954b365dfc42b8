using Microsoft.Extensions.Configuration;
using LineBot.Configuration;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Configuration;

public sealed class OptionsValidationTests
{
    [Fact]
    public async Task Start_WithoutChannelSecret_FailsNamingTheSetting()
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { ["Line:ChannelSecret"] = "" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LineOptions>>().Value);
        Assert.Contains("Line:ChannelSecret", error.Message);
    }

    [Fact]
    public async Task Start_WithUnknownTimeZone_FailsNamingTheSetting()
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { ["Bot:TimeZone"] = "Mars/Olympus" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotOptions>>().Value);
        Assert.Contains("Bot:TimeZone", error.Message);
    }

    [Fact]
    public async Task Start_WithBadStoragePrefix_Fails()
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { ["Storage:Prefix"] = "Bad_Prefix" });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:Prefix", error.Message);
    }

    [Fact]
    public async Task Defaults_ProvinceAndTimeZone()
    {
        await using var services = CoreServices.Build();
        var bot = services.GetRequiredService<IOptions<BotOptions>>().Value;
        Assert.Equal("ฉะเชิงเทรา", bot.Province);
        Assert.Equal("Asia/Bangkok", bot.TimeZone);
        Assert.True(bot.ServesGroup("Canything"));
    }

    [Fact]
    public async Task GroupIds_WhenSet_OnlyThoseServed()
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { ["Bot:GroupIds:0"] = "Ca", ["Bot:GroupIds:1"] = "Cb" });
        var bot = services.GetRequiredService<IOptions<BotOptions>>().Value;
        Assert.True(bot.ServesGroup("Cb"));
        Assert.False(bot.ServesGroup("Cc"));
    }

    [Fact]
    public void Storage_IdentityBasedSettings_BuildClientsForTheAccount()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage:accountName"] = "linebotprod" })
            .Build();

        var clients = LineBot.Storage.StorageClients.FromConfiguration(configuration);

        Assert.Equal("https://linebotprod.table.core.windows.net/", clients.Tables.Uri.ToString());
        Assert.Equal("https://linebotprod.blob.core.windows.net/", clients.Blobs.Uri.ToString());
        Assert.Equal("https://linebotprod.queue.core.windows.net/", clients.Queues.Uri.ToString());
        Assert.False(clients.CanSignWithKey);
    }

    [Fact]
    public void Storage_NoSetting_FailsWithClearMessage()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var error = Assert.Throws<InvalidOperationException>(() => LineBot.Storage.StorageClients.FromConfiguration(configuration));
        Assert.Contains("AzureWebJobsStorage", error.Message);
    }
}
