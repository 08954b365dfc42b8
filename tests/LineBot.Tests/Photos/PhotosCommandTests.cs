using LineBot.Cli;
using LineBot.Configuration;
using LineBot.Photos;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Photos;

public sealed class PhotosCommandTests
{
    [Fact]
    public async Task PhotosRetry_StoresFailedDownloadsLineStillHas()
    {
        await using var h = PhotoHarness.Start(new Dictionary<string, string?> { ["Photos:MaxAttempts"] = "1" });
        var id = PhotoHarness.NewMessageId();
        h.ServeStatus(id, 503);
        await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(new DateOnly(2026, 11, 25), 10)));
        Assert.Equal(PhotoStatus.Failed, (await h.Photos.GetAsync(id, CancellationToken.None))!.Status);
        h.Line.Reset();
        h.ServeContent(id, [0xFF, 0xD8, 0xFF]);

        var exit = await PhotosCommand.RunAsync(
        [
            "retry",
            "--AzureWebJobsStorage", Azurite.ConnectionString,
            "--Storage:Prefix", h.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix,
            "--Line:DataApiBaseUrl", h.Line.Url + "/data",
            "--Line:ChannelAccessToken", PhotoHarness.Token, "--Line:ChannelSecret", BotHost.Secret,
        ]);

        Assert.Equal(0, exit);
        var stored = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Stored, stored!.Status);
        Assert.Equal(3, stored.Size);
    }

    [Fact]
    public async Task Photos_WithoutAVerb_PrintsUsageAndFails() =>
        Assert.Equal(2, await PhotosCommand.RunAsync([]));
}
