using System.Globalization;
using Azure.Data.Tables;
using LineBot.Calendar;
using LineBot.Storage;
using Microsoft.Extensions.Logging;

namespace LineBot.Events;

/// <summary>
/// Messages that failed every attempt: the message goes to the poison queue (the Functions host does that
/// itself) and the reason is recorded here; <c>linebot events replay-poison</c> puts them back.
/// </summary>
internal sealed class PoisonStore(StorageClients storage, StorageNames names, BotClock clock, ILogger<PoisonStore> logger)
{
    public async Task RecordAsync(string messageText, string reason, long attempts, CancellationToken cancellationToken)
    {
        Log.Poisoned(logger, attempts, reason);
        var table = await storage.TableAsync(names.PoisonTable, cancellationToken);
        var now = clock.UtcNow;
        await table.AddEntityAsync(
            new TableEntity(now.ToString("yyyyMMdd", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{now:HHmmssfff}-{Guid.NewGuid():N}"))
            {
                ["Reason"] = Truncate(reason, 8000),
                ["Attempts"] = attempts,
                // A table string holds 32K characters; longer messages are in the queue anyway.
                ["Message"] = Truncate(messageText, 30000),
            },
            cancellationToken);
    }

    /// <summary>Moves a message to the poison queue (for hosts that do not do it themselves) and records why.</summary>
    public async Task PoisonAsync(string messageText, string reason, long attempts, CancellationToken cancellationToken)
    {
        var poison = await storage.QueueAsync(names.EventsPoisonQueue, cancellationToken);
        await poison.SendMessageAsync(messageText, cancellationToken);
        await RecordAsync(messageText, reason, attempts, cancellationToken);
    }

    /// <summary>
    /// Messages waiting in the poison queue (approximate, as the queue service counts): what admins are told about in
    /// <c>/สถานะ</c>, the weekly digest and the next reply, until <c>linebot events replay-poison</c> empties it.
    /// </summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var poison = await storage.QueueAsync(names.EventsPoisonQueue, cancellationToken);
        var properties = await poison.GetPropertiesAsync(cancellationToken);
        return properties.Value.ApproximateMessagesCount;
    }

    /// <summary>The admins' line about waiting poison messages, with the command that brings them back; null when none wait.</summary>
    public static string? Notice(int count) =>
        count <= 0 ? null : $"⚠️ มีเหตุการณ์ที่ประมวลผลไม่สำเร็จค้างอยู่ {count} รายการ (ยังไม่ได้บันทึก) — ส่งกลับเข้าคิว: linebot events replay-poison";

    /// <summary>Puts every poison message back on the events queue; returns how many.</summary>
    public async Task<int> ReplayAsync(CancellationToken cancellationToken)
    {
        var poison = await storage.QueueAsync(names.EventsPoisonQueue, cancellationToken);
        var events = await storage.QueueAsync(names.EventsQueue, cancellationToken);
        var count = 0;
        while (true)
        {
            var batch = await poison.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken);
            if (batch.Value.Length == 0)
            {
                return count;
            }

            foreach (var message in batch.Value)
            {
                await events.SendMessageAsync(message.MessageText, cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                count++;
            }
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
