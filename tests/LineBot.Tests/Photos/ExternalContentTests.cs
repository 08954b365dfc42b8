using System.Text.Json.Nodes;
using LineBot.Photos;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LineBot.Tests.Photos;

/// <summary><c>contentProvider.type = external</c>: fetched from the sender's URL, https only.</summary>
public sealed class ExternalContentTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    private static JsonObject ExternalImage(string id, string url) => PhotoHarness.MediaEvent("image", id, PhotoHarness.At(Day, 10), extra: new()
    {
        ["contentProvider"] = new JsonObject { ["type"] = "external", ["originalContentUrl"] = url, ["previewImageUrl"] = url + "?preview" },
    });

    [Fact]
    public async Task ExternalProvider_IsFetchedFromItsUrl_NotFromLine()
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        var bytes = TestImages.Png(40_000);
        h.Line.Given(Request.Create().WithPath("/ext/site.png").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/png").WithBody(bytes));

        await h.ProcessAsync(ExternalImage(id, h.Line.Url + "/ext/site.png"));

        var photo = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Stored, photo!.Status);
        Assert.Equal("external", photo.Provider);
        Assert.EndsWith($"/{id}.png", photo.BlobName);
        Assert.Equal(0, h.ContentRequests(id));
        // No bearer token goes to someone else's server.
        var request = Assert.Single(h.Line.LogEntries, e => e.RequestMessage.Path == "/ext/site.png").RequestMessage;
        Assert.False(request.Headers?.ContainsKey("Authorization") ?? false);
        Assert.Equal(bytes, (await (await h.BlobAsync(photo.BlobName!)).DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task ExternalProvider_PlainHttpToAnotherHost_IsRefused()
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();

        await h.ProcessAsync(ExternalImage(id, "http://photos.example.invalid/site.jpg"));

        var photo = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Refused, photo!.Status);
        Assert.Contains("https", photo.Error);
        Assert.Null(photo.BlobName);
        Assert.Equal(1, h.Logs.Count(4009));
    }

    [Theory]
    [InlineData("https://photos.example/site.jpg", false, true)]
    [InlineData("http://photos.example/site.jpg", true, false)]
    [InlineData("http://127.0.0.1:5000/site.jpg", true, true)]
    [InlineData("http://localhost:5000/site.jpg", true, true)]
    [InlineData("http://127.0.0.1:5000/site.jpg", false, false)]
    [InlineData("ftp://photos.example/site.jpg", true, false)]
    [InlineData("not a url", true, false)]
    public void Refusal_HttpsOnly_LoopbackHttpOnlyWhenAllowed(string url, bool allowLoopbackHttp, bool allowed)
    {
        using var services = CoreServices.Build(new Dictionary<string, string?> { ["Photos:AllowLoopbackHttp"] = allowLoopbackHttp.ToString() });
        var source = services.GetRequiredService<ExternalContentSource>();

        Assert.Equal(allowed, source.Refusal(url) is null);
    }
}
