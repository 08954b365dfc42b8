using LineBot.Photos;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Photos;

/// <summary>Photos attach to the sender's report of their Bangkok date, whichever comes first.</summary>
public sealed class PhotoAttachmentTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    [Fact]
    public async Task PhotoBeforeReport_WaitsUnattached_ThenAttachesWhenTheReportArrives()
    {
        await using var h = PhotoHarness.Start();
        var id = PhotoHarness.NewMessageId();
        h.ServeContent(id, TestImages.Jpeg(1_000));

        await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 8)));

        // Counts as evidence already, but no report to attach to.
        Assert.Equal(1, await h.Photos.CountForAsync(PhotoHarness.User, Day, CancellationToken.None));
        Assert.False((await h.Photos.GetAsync(id, CancellationToken.None))!.Attached);

        await h.SaveReportAsync(Day);
        var count = await h.Photos.AttachPendingAsync(PhotoHarness.User, PhotoHarness.User, Day, CancellationToken.None);

        Assert.Equal(1, count);
        Assert.Equal(1, (await h.Reports.GetAsync(PhotoHarness.User, Day, CancellationToken.None))!.PhotoCount);
        var attached = await h.Photos.GetAsync(id, CancellationToken.None);
        Assert.True(attached!.Attached);
        Assert.Equal(PhotoHarness.User, attached.ReporterId);
    }

    [Fact]
    public async Task PhotoAfterReport_AttachesAtOnce_AndOnlyToThatDate()
    {
        await using var h = PhotoHarness.Start();
        await h.SaveReportAsync(Day);
        string first = PhotoHarness.NewMessageId(), second = PhotoHarness.NewMessageId(), nextDay = PhotoHarness.NewMessageId();
        foreach (var id in new[] { first, second, nextDay })
        {
            h.ServeContent(id, TestImages.Jpeg(1_000));
        }

        await h.ProcessAsync(PhotoHarness.ImageEvent(first, PhotoHarness.At(Day, 17, 30)));
        await h.ProcessAsync(PhotoHarness.ImageEvent(second, PhotoHarness.At(Day, 23, 59)));
        // 00:10 Bangkok is the next day (17:10 UTC of the same UTC day).
        await h.ProcessAsync(PhotoHarness.ImageEvent(nextDay, PhotoHarness.At(Day.AddDays(1), 0, 10)));

        Assert.Equal(2, (await h.Reports.GetAsync(PhotoHarness.User, Day, CancellationToken.None))!.PhotoCount);
        Assert.True((await h.Photos.GetAsync(first, CancellationToken.None))!.Attached);
        Assert.True((await h.Photos.GetAsync(second, CancellationToken.None))!.Attached);
        var late = await h.Photos.GetAsync(nextDay, CancellationToken.None);
        Assert.False(late!.Attached);
        Assert.Equal(Day.AddDays(1), late.Date);
    }

    [Fact]
    public async Task ImageSetOfFive_InReverseOrderWithTextBetween_IsGroupedInOrder()
    {
        await using var h = PhotoHarness.Start();
        await h.SaveReportAsync(Day);
        const string setId = "E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855";
        var ids = Enumerable.Range(1, 5).Select(_ => PhotoHarness.NewMessageId()).ToArray();
        var bodies = ids.Select(_ => TestImages.Jpeg(2_000)).ToArray();
        for (var i = 0; i < 5; i++)
        {
            h.ServeContent(ids[i], bodies[i]);
        }

        for (var index = 5; index >= 1; index--)
        {
            await h.ProcessAsync(PhotoHarness.ImageEvent(ids[index - 1], PhotoHarness.At(Day, 15, 10 - index), setId, index, 5));
            await h.ProcessAsync(WebhookBuilder.TextEvent($"ข้อความ {index}", PhotoHarness.Group, PhotoHarness.User, PhotoHarness.At(Day, 15, 10 - index)));
            if (index > 1)
            {
                Assert.Equal(0, h.Logs.Count(4011));
            }
        }

        var groups = PhotoGroup.Of(await h.Photos.ListDayAsync(PhotoHarness.User, Day, CancellationToken.None));
        var set = Assert.Single(groups);
        Assert.Equal(setId, set.Id);
        Assert.True(set.Complete);
        Assert.Equal([1, 2, 3, 4, 5], set.Photos.Select(p => p.ImageSetIndex ?? 0));
        Assert.Equal(ids, set.Photos.Select(p => p.MessageId));
        Assert.Equal(1, h.Logs.Count(4011));
        Assert.Equal(5, (await h.Reports.GetAsync(PhotoHarness.User, Day, CancellationToken.None))!.PhotoCount);

        var blob = await h.BlobAsync(set.Photos[2].BlobName!);
        var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;
        Assert.Equal(setId, metadata["imagesetid"]);
        Assert.Equal("3", metadata["imagesetindex"]);
        Assert.Equal("5", metadata["imagesettotal"]);
        Assert.Equal(bodies[2], (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Unsend_DeletesBlobAndRecord_AndLowersTheReportCount()
    {
        await using var h = PhotoHarness.Start();
        await h.SaveReportAsync(Day);
        string keep = PhotoHarness.NewMessageId(), unsend = PhotoHarness.NewMessageId();
        h.ServeContent(keep, TestImages.Jpeg(1_000));
        h.ServeContent(unsend, TestImages.Jpeg(1_000));
        await h.ProcessAsync(PhotoHarness.ImageEvent(keep, PhotoHarness.At(Day, 9)));
        await h.ProcessAsync(PhotoHarness.ImageEvent(unsend, PhotoHarness.At(Day, 9, 1)));
        Assert.Equal(2, (await h.Reports.GetAsync(PhotoHarness.User, Day, CancellationToken.None))!.PhotoCount);
        var blobName = (await h.Photos.GetAsync(unsend, CancellationToken.None))!.BlobName!;
        Assert.True(await (await h.BlobAsync(blobName)).ExistsAsync());

        await h.ProcessAsync(WebhookBuilder.Event("unsend", PhotoHarness.Group, PhotoHarness.User, PhotoHarness.At(Day, 9, 5),
            extra: new() { ["unsend"] = new System.Text.Json.Nodes.JsonObject { ["messageId"] = unsend } }));

        Assert.Null(await h.Photos.GetAsync(unsend, CancellationToken.None));
        Assert.False(await (await h.BlobAsync(blobName)).ExistsAsync());
        Assert.Single(await h.Photos.ListDayAsync(PhotoHarness.User, Day, CancellationToken.None));
        Assert.Equal(1, (await h.Reports.GetAsync(PhotoHarness.User, Day, CancellationToken.None))!.PhotoCount);
        Assert.Equal(1, h.Logs.Count(4012));
    }

    [Fact]
    public async Task RegisteredReporter_PhotosAttachUnderTheReporterId()
    {
        await using var h = PhotoHarness.Start();
        await h.Reporters.SaveAsync(new LineBot.Reporters.Reporter { Id = "n:สมชาย", Name = "นายสมชาย ใจดี", UserId = PhotoHarness.User }, CancellationToken.None);
        await h.SaveReportAsync(Day, reporterId: "n:สมชาย");
        var id = PhotoHarness.NewMessageId();
        h.ServeContent(id, TestImages.Jpeg(1_000));

        await h.ProcessAsync(PhotoHarness.ImageEvent(id, PhotoHarness.At(Day, 18)));

        Assert.Equal(1, (await h.Reports.GetAsync("n:สมชาย", Day, CancellationToken.None))!.PhotoCount);
        Assert.Equal("n:สมชาย", (await h.Photos.GetAsync(id, CancellationToken.None))!.ReporterId);
    }
}
