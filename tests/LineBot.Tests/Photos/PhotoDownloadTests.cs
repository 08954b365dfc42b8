using System.Net;
using System.Security.Cryptography;
using LineBot.Events;
using LineBot.Photos;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Photos;

/// <summary>Image and video content from the LINE stand-in into the private photos container.</summary>
public sealed class PhotoDownloadTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    [Fact]
    public async Task SinglePhoto_IsStreamedIntoAPrivateBlobWithMetadataAndRecord()
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        var bytes = TestImages.Jpeg(300_000);
        h.ServeContent(id, bytes);

        Assert.Equal(WorkOutcome.Processed, await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 9, 30))));

        var photo = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.NotNull(photo);
        Assert.Equal(PhotoStatus.Stored, photo.Status);
        Assert.Equal($"{PhotoHarness.Group}/2026-11-25/{PhotoHarness.User}/{id}.jpg", photo.BlobName);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, photo.Sha256);
        Assert.Equal(bytes.Length, photo.Size);
        Assert.Equal("req-" + id, photo.RequestId);
        Assert.False(photo.Attached);

        var blob = await h.BlobAsync(photo.BlobName!);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("image/jpeg", properties.ContentType);
        Assert.Equal(id, properties.Metadata["messageid"]);
        Assert.Equal(PhotoHarness.User, properties.Metadata["userid"]);
        Assert.Equal(sha, properties.Metadata["sha256"]);
        Assert.Equal(bytes.Length.ToString(), properties.Metadata["size"]);
        Assert.Equal(bytes, (await blob.DownloadContentAsync()).Value.Content.ToArray());

        // The record is also in the user's day (one range query).
        Assert.Equal(1, await h.Photos.CountForAsync(PhotoHarness.User, Day, CancellationToken.None));
        Assert.Single(await h.Photos.ListWeekAsync(Day, PhotoHarness.Group));
        Assert.Empty(await h.Photos.ListWeekAsync(Day, "Cothergroup"));
    }

    [Fact]
    public async Task Link_IsReadOnlyExpiringSas_ContainerStaysPrivate()
    {
        await using var h = PhotoHarness.Start(new Dictionary<string, string?> { ["Photos:LinkValidity"] = "2.00:00:00" });
        var id = PhotoHarness.NewMessageId();
        var bytes = TestImages.Jpeg(10_000);
        h.ServeContent(id, bytes);
        await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 10)));
        var photo = (await h.Photos.GetAsync(id, CancellationToken.None))!;

        var link = await h.Photos.LinkAsync(photo);

        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("r", query["sp"]);
        var expires = DateTimeOffset.Parse(query["se"]!);
        Assert.InRange(expires - TimeProvider.System.GetUtcNow(), TimeSpan.FromDays(2) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        using var http = new HttpClient();
        Assert.Equal(bytes, await http.GetByteArrayAsync(link));
        using var anonymous = await http.GetAsync(new UriBuilder(link) { Query = "" }.Uri);
        Assert.False(anonymous.IsSuccessStatusCode);
        using var write = await http.PutAsync(link, new ByteArrayContent([1, 2, 3]));
        Assert.False(write.IsSuccessStatusCode);

        var shortLink = await h.Photos.LinkAsync(photo, TimeSpan.FromHours(1));
        var shortExpiry = DateTimeOffset.Parse(System.Web.HttpUtility.ParseQueryString(shortLink.Query)["se"]!);
        Assert.True(shortExpiry < expires);
    }

    [Fact]
    public async Task DuplicateDelivery_IsDownloadedAndStoredOnce()
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        h.ServeContent(id, TestImages.Jpeg(5_000));
        var evt = PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 10));

        await h.ProcessAsync(evt);
        // The same event redelivered, and the same message under another webhook event ID.
        Assert.Equal(WorkOutcome.Duplicate, await h.ProcessAsync(evt));
        var again = PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 10));
        Assert.Equal(WorkOutcome.Processed, await h.ProcessAsync(again));

        Assert.Equal(1, h.ContentRequests(id));
        Assert.Single(await h.Photos.ListDayAsync(PhotoHarness.User, Day, CancellationToken.None));
        var container = await h.Services.Storage().ContainerAsync(h.Services.Names().PhotosContainer);
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, null, CancellationToken.None))
        {
            blobs.Add(blob.Name);
        }

        Assert.Single(blobs);
    }

    [Fact]
    public async Task NotReady202_ThenReady_IsRetriedThroughTheQueue()
    {
        await using var h = PhotoHarness.Start(new Dictionary<string, string?> { ["Photos:RetryDelay"] = "00:00:02" });
        var id = PhotoHarness.NewMessageId();
        var bytes = TestImages.Jpeg(20_000);
        var path = $"/data/v2/bot/message/{id}/content";
        h.Line.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).UsingGet()).InScenario("prepare").WillSetStateTo("ready")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(202));
        h.Line.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).UsingGet()).InScenario("prepare").WhenStateIs("ready")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(bytes));

        await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 10)));
        var queued = System.Diagnostics.Stopwatch.StartNew();
        var queue = await h.Services.Storage().QueueAsync(h.Services.Names().EventsQueue);
        var early = await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(1));
        if (queued.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            // Queued with a visibility delay (Photos:RetryDelay = 2 s here): no worker sees it yet.
            Assert.Empty(early.Value);
        }

        var waiting = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.NotReady, waiting!.Status);
        Assert.Equal(0, await h.Photos.CountForAsync(PhotoHarness.User, Day, CancellationToken.None));

        var kinds = await h.PumpQueueAsync(1);

        Assert.Equal([ContentRetry.Kind], kinds);
        var stored = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Stored, stored!.Status);
        Assert.Equal(2, stored.Attempts);
        Assert.Equal(2, h.ContentRequests(id));
        Assert.Equal(bytes, (await (await h.BlobAsync(stored.BlobName!)).DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Gone410_IsRecordedWithRequestId_NothingStored()
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        h.ServeStatus(id, 410);

        await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 10)));

        var photo = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Gone, photo!.Status);
        Assert.Equal($"req-410-{id}", photo.RequestId);
        Assert.Null(photo.BlobName);
        Assert.Equal(0, await h.Photos.CountForAsync(PhotoHarness.User, Day, CancellationToken.None));
        Assert.Equal(1, h.Logs.Count(4007));
    }

    [Fact]
    public async Task ServerErrors_AfterRetries_RecordedFailedWithRequestId_ThenRetryCommandStoresIt()
    {
        await using var h = PhotoHarness.Start(new Dictionary<string, string?> { ["Photos:MaxAttempts"] = "2", ["Line:Http:RetryBaseDelay"] = "00:00:00.010" });
        var id = PhotoHarness.NewMessageId();
        h.ServeStatus(id, 500);

        await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 10)));
        Assert.Equal(PhotoStatus.Pending, (await h.Photos.GetAsync(id, CancellationToken.None))!.Status);
        await h.PumpQueueAsync(1);

        var failed = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Failed, failed!.Status);
        Assert.Equal(500, failed.FailStatus);
        Assert.Equal($"req-500-{id}", failed.RequestId);
        // Each queued attempt is also retried in-process by the LINE client (1 + Line:Http:MaxRetries = 4 requests).
        Assert.Equal(8, h.ContentRequests(id));
        Assert.Contains(failed, await h.Photos.ListFailedAsync(CancellationToken.None));

        // LINE recovers: `linebot photos retry`.
        h.Line.Reset();
        h.ServeContent(id, TestImages.Jpeg(4));
        var (tried, stored) = await h.Services.GetRequiredService<PhotoIngest>().RetryFailedAsync(CancellationToken.None);

        Assert.Equal((1, 1), (tried, stored));
        Assert.Equal(PhotoStatus.Stored, (await h.Photos.GetAsync(id, CancellationToken.None))!.Status);
        Assert.Empty(await h.Photos.ListFailedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Oversize_WithContentLength_IsRecordedNotStored()
    {
        await using var h = PhotoHarness.Start(new Dictionary<string, string?> { ["Photos:MaxBytes"] = "100000" });
        var id = PhotoHarness.NewMessageId();
        h.ServeContent(id, TestImages.Jpeg(150_000));

        await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 10)));

        var photo = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Oversize, photo!.Status);
        Assert.Null(photo.BlobName);
        Assert.False(await (await h.BlobAsync($"{PhotoHarness.Group}/2026-11-25/{PhotoHarness.User}/{id}.jpg")).ExistsAsync());
        Assert.Equal(1, h.Logs.Count(4008));
    }

    [Fact]
    public async Task Oversize_WithoutLength_UploadIsAbandonedMidStream_NoBlob()
    {
        await using var services = CoreServices.Build();
        var container = await services.Storage().ContainerAsync(services.Names().PhotosContainer);
        var blob = container.GetBlobClient("g/2026-11-25/u/big.jpg");
        // Non-seekable, no length: the cap is found only while streaming.
        await using var source = new UnknownLengthStream(3 * 1024 * 1024);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => BlobContentWriter.WriteAsync(blob, source, "image/jpeg", 2 * 1024 * 1024, new Dictionary<string, string>(), CancellationToken.None));

        Assert.True(error is ContentTooLargeException || error.InnerException is ContentTooLargeException, error.ToString());
        Assert.False(await blob.ExistsAsync());
        Assert.InRange(source.Position, 2 * 1024 * 1024, (3 * 1024 * 1024) - 1);
    }

    [Fact]
    public async Task Video_KeepsReferenceAndPreviewOnly()
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        var preview = TestImages.Jpeg(8_000);
        h.ServeContent(id, preview, suffix: "/preview");
        h.ServeContent(id, RandomNumberGenerator.GetBytes(50_000), "video/mp4");

        await h.ProcessAsync(PhotoHarness.MediaEvent("video", id, PhotoHarness.At(Day, 11), extra: new() { ["duration"] = 12000 }));

        var video = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Stored, video!.Status);
        Assert.Null(video.BlobName);
        Assert.Equal($"{PhotoHarness.Group}/2026-11-25/{PhotoHarness.User}/{id}.preview.jpg", video.PreviewBlobName);
        Assert.Equal(12000, video.Duration);
        Assert.Equal(0, h.ContentRequests(id));
        Assert.Equal(1, h.ContentRequests(id, "/preview"));
        Assert.Equal(1, await h.Photos.CountForAsync(PhotoHarness.User, Day, CancellationToken.None));
    }

    [Theory]
    [InlineData("audio")]
    [InlineData("file")]
    public async Task AudioAndFiles_AreRecordedAsReceived_NotDownloaded(string type)
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        h.ServeContent(id, [1, 2, 3], "audio/m4a");
        var extra = type == "file" ? new System.Text.Json.Nodes.JsonObject { ["fileName"] = "แผนงาน.pdf", ["fileSize"] = 12345 } : new() { ["duration"] = 6000 };

        Assert.Equal(WorkOutcome.Processed, await h.ProcessAsync(PhotoHarness.MediaEvent(type, id, PhotoHarness.At(Day, 12), extra: extra)));

        var record = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.Equal(PhotoStatus.Unsupported, record!.Status);
        Assert.Equal(type, record.Kind.Name());
        Assert.Equal(0, h.ContentRequests(id));
        Assert.Equal(0, await h.Photos.CountForAsync(PhotoHarness.User, Day, CancellationToken.None));
        Assert.Equal(1, h.Logs.Count(4003));
    }

    /// <summary>Zeros of a given length, readable once, with no Length (like a chunked HTTP body).</summary>
    private sealed class UnknownLengthStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
