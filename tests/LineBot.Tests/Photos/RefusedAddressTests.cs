using System.Text.Json.Nodes;
using LineBot.Photos;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Photos;

/// <summary>
/// A sender's URL that resolves to a private address is refused for good at the first attempt: recorded as
/// refused, never queued for retry as if the network had failed (issue 12).
/// </summary>
public sealed class RefusedAddressTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    [Theory]
    [InlineData("https://10.1.2.3/site.jpg")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00::1]/site.jpg")]
    public async Task ExternalProvider_PrivateAddress_RecordedAsRefusedAtOnce(string url)
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        var evt = PhotoHarness.MediaEvent("image", id, PhotoHarness.At(Day, 10), extra: new()
        {
            ["contentProvider"] = new JsonObject { ["type"] = "external", ["originalContentUrl"] = url, ["previewImageUrl"] = url },
        });

        await h.ProcessAsync(evt);

        var photo = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Refused, photo!.Status);
        Assert.Equal(1, photo.Attempts);
        Assert.Contains("public address", photo.Error, StringComparison.Ordinal);
        Assert.Null(photo.BlobName);
        Assert.Equal(1, h.Logs.Count(4009)); // refused
        Assert.Equal(0, h.Logs.Count(4005)); // no retry scheduled
        var queue = await h.Services.Storage().QueueAsync(h.Services.Names().EventsQueue);
        Assert.Empty((await queue.PeekMessagesAsync(10)).Value);
    }
}
