using System.Text;
using System.Text.Json.Nodes;
using LineBot.Photos;
using LineBot.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LineBot.Tests.Photos;

/// <summary>
/// What is stored is checked by its first bytes, not by the Content-Type a provider or LINE declares: only the
/// image types LINE sends, stored with the checked type and served as a download, never inline.
/// </summary>
public sealed class ContentTypeTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    private static readonly byte[] Html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");

    private static readonly byte[] Svg = Encoding.UTF8.GetBytes(
        """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>""");

    private static JsonObject ExternalImage(string id, string url) => PhotoHarness.MediaEvent("image", id, PhotoHarness.At(Day, 10), extra: new()
    {
        ["contentProvider"] = new JsonObject { ["type"] = "external", ["originalContentUrl"] = url, ["previewImageUrl"] = url + "?preview" },
    });

    private static void ServeExternal(PhotoHarness h, string path, byte[] body, string contentType) =>
        h.Line.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body));

    [Theory]
    [InlineData("html", "text/html")]
    [InlineData("svg", "image/svg+xml")]
    [InlineData("html", "image/jpeg")]
    public async Task ExternalNonImage_IsRefused_NotStored_NotCounted(string body, string declared)
    {
        await using var h = PhotoHarness.Start();
        await h.SaveReportAsync(Day);
        var id = PhotoHarness.NewMessageId();
        ServeExternal(h, "/ext/site." + body, body == "svg" ? Svg : Html, declared);

        await h.ProcessAsync(ExternalImage(id, h.Line.Url + "/ext/site." + body));

        var photo = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Refused, photo!.Status);
        Assert.Contains(declared, photo.Error);
        Assert.Null(photo.BlobName);
        Assert.Null(photo.ContentType);
        Assert.False(photo.Attached);
        var blobs = (await h.Services.Storage().ContainerAsync(h.Services.Names().PhotosContainer)).GetBlobsAsync();
        await foreach (var blob in blobs)
        {
            Assert.DoesNotContain(id, blob.Name);
        }

        Assert.Equal(0, await h.Photos.CountForAsync(PhotoHarness.User, Day, CancellationToken.None));
        Assert.Equal(0, (await h.Reports.GetAsync(PhotoHarness.User, Day, CancellationToken.None))!.PhotoCount);
        Assert.Empty(LineBot.Digests.PhotoEvidence.ByReporterDay(
            await h.Photos.ListWeekAsync(Day), [], Day, Day, DateTimeOffset.MaxValue));
        Assert.Equal(1, h.Logs.Count(4009));
    }

    [Fact]
    public async Task ExternalPng_DeclaredAsHtml_IsStoredAsPng_AsAnAttachment()
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        var png = TestImages.Png(5_000);
        ServeExternal(h, "/ext/real", png, "text/html");

        await h.ProcessAsync(ExternalImage(id, h.Line.Url + "/ext/real"));

        var photo = (await h.Photos.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(PhotoStatus.Stored, photo.Status);
        Assert.Equal("image/png", photo.ContentType);
        Assert.EndsWith($"/{id}.png", photo.BlobName);
        var properties = (await (await h.BlobAsync(photo.BlobName!)).GetPropertiesAsync()).Value;
        Assert.Equal(("image/png", "attachment"), (properties.ContentType, properties.ContentDisposition));
        Assert.Equal("image/png", properties.Metadata["contenttype"]);
        Assert.Equal(1, await h.Photos.CountForAsync(PhotoHarness.User, Day, CancellationToken.None));
    }

    [Fact]
    public async Task LineJpeg_StoredWithCheckedType_LinkServesItAsADownload()
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        var jpeg = TestImages.Jpeg(20_000);
        // LINE's header says PNG; the bytes say JPEG, and the bytes win.
        h.ServeContent(id, jpeg, "image/png");

        await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 9)));

        var photo = (await h.Photos.GetAsync(id, CancellationToken.None))!;
        Assert.Equal((PhotoStatus.Stored, "image/jpeg"), (photo.Status, photo.ContentType));
        Assert.EndsWith($"/{id}.jpg", photo.BlobName);
        var properties = (await (await h.BlobAsync(photo.BlobName!)).GetPropertiesAsync()).Value;
        Assert.Equal(("image/jpeg", "attachment"), (properties.ContentType, properties.ContentDisposition));

        using var http = new HttpClient();
        using var response = await http.GetAsync(await h.Photos.LinkAsync(photo));
        response.EnsureSuccessStatusCode();
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jpeg, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("text/html")]
    public async Task LineHostedBodyThatIsNotAnImage_IsRefused_NotCounted_NoReply(string declared)
    {
        await using var h = PhotoHarness.Start();
        await h.SaveReportAsync(Day);
        var id = PhotoHarness.NewMessageId();
        h.ServeContent(id, Html, declared);

        await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 9)));

        var photo = (await h.Photos.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(PhotoStatus.Refused, photo.Status);
        Assert.Contains("not an image", photo.Error);
        Assert.Null(photo.BlobName);
        Assert.Equal(1, h.ContentRequests(id));
        Assert.Equal(0, await h.Photos.CountForAsync(PhotoHarness.User, Day, CancellationToken.None));
        Assert.Equal(0, (await h.Reports.GetAsync(PhotoHarness.User, Day, CancellationToken.None))!.PhotoCount);
        // Settled: not retried, not listed for `linebot photos retry`.
        Assert.Empty(await h.Photos.ListFailedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task VideoPreviewThatIsNotAnImage_IsRefused()
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        h.ServeContent(id, Svg, "image/jpeg", suffix: "/preview");

        await h.ProcessAsync(PhotoHarness.MediaEvent("video", id, PhotoHarness.At(Day, 11), extra: new() { ["duration"] = 5000 }));

        var video = (await h.Photos.GetAsync(id, CancellationToken.None))!;
        Assert.Equal(PhotoStatus.Refused, video.Status);
        Assert.Null(video.PreviewBlobName);
        Assert.Equal(0, await h.Photos.CountForAsync(PhotoHarness.User, Day, CancellationToken.None));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "image/gif")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x37, 0x61 }, "image/gif")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x41, 0x56, 0x49, 0x20 }, null)]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)]
    [InlineData(new byte[] { 0xFF, 0xD8 }, null)]
    [InlineData(new byte[0], null)]
    public void Sniffer_KnowsOnlyTheImageTypesLineSends(byte[] head, string? expected) =>
        Assert.Equal(expected, ImageSniffer.TypeOf(head));
}
