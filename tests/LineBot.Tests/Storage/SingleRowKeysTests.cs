using Azure.Data.Tables;
using LineBot.Events;
using LineBot.Line;
using LineBot.Photos;
using LineBot.Reports;
using LineBot.Storage;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Line;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Storage;

/// <summary>
/// The tables with a row per partition (event claims, the report message index, photo records, the outbox) write
/// the partition key again as row key. Rows written before, with the row key "", are still found where missing
/// them would do work twice: each test moves a freshly written row to the old key and uses it from there.
/// </summary>
public sealed class SingleRowKeysTests
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    [Fact]
    public async Task NewRows_RepeatThePartitionKeyAsRowKey()
    {
        await using var services = CoreServices.Build();
        var names = services.GetRequiredService<StorageNames>();
        await services.GetRequiredService<EventDeduplicator>().BeginAsync("01NEWEVENT", default);
        await services.GetRequiredService<ReportStore>().SaveAsync(Report("msg-new"), 1764000000000, default);
        await services.GetRequiredService<PhotoStore>().SaveAsync(Photo("photo-new"), default);

        foreach (var (table, partition) in new[] { (names.ProcessedEventsTable, "01NEWEVENT"), (names.MessagesTable, "msg-new"), (names.PhotosTable, "m|photo-new") })
        {
            var client = await services.GetRequiredService<StorageClients>().TableAsync(table, default);
            var rows = await client.QueryAsync<TableEntity>(e => e.PartitionKey == partition).ToListAsync();
            Assert.Equal(partition, Assert.Single(rows).RowKey);
        }
    }

    [Fact]
    public async Task OldEventClaim_Done_ARedeliveryIsSkipped_AndForgetRemovesIt()
    {
        await using var services = CoreServices.Build();
        var dedupe = services.GetRequiredService<EventDeduplicator>();
        var table = await Table(services, services.GetRequiredService<StorageNames>().ProcessedEventsTable);
        await dedupe.BeginAsync("01OLDEVENT", default);
        await dedupe.CompleteAsync("01OLDEVENT", "message", default);
        await MoveToLegacyAsync(table, "01OLDEVENT");

        Assert.True(await dedupe.IsDoneAsync("01OLDEVENT", default));
        Assert.Equal(DedupeDecision.AlreadyDone, await dedupe.BeginAsync("01OLDEVENT", default, redelivered: true));

        await dedupe.ForgetAsync("01OLDEVENT", default);
        Assert.False(await dedupe.IsDoneAsync("01OLDEVENT", default));
        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == "01OLDEVENT").ToListAsync());
    }

    [Fact]
    public async Task OldMessageIndex_UnsendStillRemovesTheReport()
    {
        await using var services = CoreServices.Build();
        var reports = services.GetRequiredService<ReportStore>();
        await reports.SaveAsync(Report("msg-old"), 1764000000000, default);
        await MoveToLegacyAsync(await Table(services, services.GetRequiredService<StorageNames>().MessagesTable), "msg-old");

        Assert.NotNull(await reports.UnsendAsync("msg-old", default));

        Assert.Null(await reports.GetAsync("Rold", Day, default));
    }

    [Fact]
    public async Task OldPhotoRecord_IsFound_AndUnsendRemovesIt()
    {
        await using var services = CoreServices.Build();
        var photos = services.GetRequiredService<PhotoStore>();
        await photos.SaveAsync(Photo("photo-old"), default);
        var table = await Table(services, services.GetRequiredService<StorageNames>().PhotosTable);
        await MoveToLegacyAsync(table, "m|photo-old");

        Assert.Equal("photo-old", (await photos.GetAsync("photo-old", default))?.MessageId);
        Assert.NotNull(await photos.RemoveAsync("photo-old", default));

        Assert.Null(await photos.GetAsync("photo-old", default));
        Assert.Empty(await table.QueryAsync<TableEntity>(e => e.PartitionKey == "m|photo-old").ToListAsync());
    }

    [Fact]
    public async Task OldOutboxRow_Sent_IsNotPushedAgain()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("POST", "/api/v2/bot/message/push", Http.Json(200, Http.SentMessages));
        var outbox = line.Services.GetRequiredService<LineOutbox>();
        LineMessage[] digest = [new TextMessage("สรุปรายงานประจำสัปดาห์")];
        var first = await outbox.PushOnceAsync("digest|2026-W48|group|C1", "C1", digest, default);
        var key = TableKeys.Escape("digest|2026-W48|group|C1");
        await MoveToLegacyAsync(await Table(line.Services, line.Services.GetRequiredService<StorageNames>().OutboxTable), key);

        var again = await outbox.PushOnceAsync("digest|2026-W48|group|C1", "C1", digest, default);

        Assert.Equal(OutboxStatus.AlreadySent, again.Status);
        Assert.Equal(first.RetryKey, again.RetryKey);
        Assert.Single(line.ApiRequests("/v2/bot/message/push"));
    }

    private static Task<TableClient> Table(IServiceProvider services, string name) =>
        services.GetRequiredService<StorageClients>().TableAsync(name, default);

    /// <summary>Rewrites a partition's one row under the row key "", as the bot wrote it before.</summary>
    private static async Task MoveToLegacyAsync(TableClient table, string partition)
    {
        var row = (await table.GetEntityAsync<TableEntity>(partition, partition)).Value;
        await table.AddEntityAsync(new TableEntity(row) { RowKey = SingleRow.Legacy });
        await table.DeleteEntityAsync(partition, partition);
    }

    private static DailyReport Report(string messageId) => new()
    {
        GroupId = "Cgroup",
        ReporterId = "Rold",
        ReporterName = "นางสาวสมใจ ใจดี",
        Date = Day,
        Site = new(null, null, "บางคล้า", null),
        Activities = ["ปลูกผักสวนครัว"],
        MessageId = messageId,
    };

    private static PhotoRecord Photo(string messageId) => new()
    {
        MessageId = messageId,
        Kind = MediaKind.Image,
        GroupId = "Cgroup1",
        UserId = "Uphoto",
        Date = Day,
        Status = PhotoStatus.Stored,
        ContentType = "image/jpeg",
    };
}
