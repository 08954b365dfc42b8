using System.Text;
using Azure;
using Azure.Data.Tables;
using LineBot.Calendar;
using LineBot.Configuration;
using LineBot.Events;
using LineBot.Jobs;
using LineBot.Storage;
using Microsoft.Extensions.Options;

namespace LineBot.Messages;

/// <summary>What an admin is told in a reply: the text, and what it covers (marked told once the reply went out).</summary>
internal sealed record AdminNotice(string Text, DateTimeOffset ShortfallsThrough, int Poisoned);

/// <summary>
/// The cheapest channel to admins: the next reply the bot sends them anyway (free) carries what no push told them —
/// this month's pushes LINE's monthly limit refused or that nobody got instead, and events waiting in the poison
/// queue. Each is told once (a row per admin in the shortfalls table, partition <c>notice</c>).
/// </summary>
internal sealed class AdminNotices(QuotaShortfallStore shortfalls, PoisonStore poison, StorageClients storage, StorageNames names, BotClock clock, IOptionsMonitor<BotOptions> bot)
{
    private const string Partition = "notice";

    public async Task<AdminNotice?> ForAsync(string? userId, CancellationToken ct)
    {
        if (!bot.CurrentValue.IsAdmin(userId))
        {
            return null;
        }

        var table = await storage.TableAsync(names.ShortfallsTable, ct);
        var seen = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(userId!), cancellationToken: ct);
        var toldThrough = seen.HasValue ? seen.Value!.GetDateTimeOffset("ShortfallsThrough") ?? DateTimeOffset.MinValue : DateTimeOffset.MinValue;
        var toldPoison = seen.HasValue ? seen.Value!.GetInt32("Poisoned") ?? 0 : 0;

        var untold = (await shortfalls.ListMonthAsync(clock.UtcNow, ct))
            .Where(s => s.At > toldThrough && (s.Reason == QuotaShortfall.MonthlyLimit || s.DeliveredInstead == 0))
            .ToList();
        var poisoned = await poison.CountAsync(ct);
        var poisonNews = poisoned > 0 && poisoned != toldPoison;
        if (untold.Count == 0 && !poisonNews)
        {
            return null;
        }

        var text = new StringBuilder("🔔 แจ้งผู้ดูแลระบบ");
        foreach (var s in untold.DistinctBy(s => (s.Job, s.At)))
        {
            var count = untold.Count(u => u.Job == s.Job && u.At == s.At);
            text.Append("\n⚠️ ").Append(JobNames.Thai(s.Job)).Append(' ').Append(ThaiDates.DayMonth(clock.DateOf(s.At)))
                .Append(": ส่งไม่สำเร็จ ").Append(count).Append(" ครั้ง (โควตาข้อความไม่พอ)");
        }

        if (poisonNews)
        {
            text.Append('\n').Append(PoisonStore.Notice(poisoned));
        }

        return new AdminNotice(text.ToString(), untold.Count > 0 ? untold.Max(s => s.At) : toldThrough, poisoned);
    }

    /// <summary>Marks a notice told (after the reply carrying it was delivered).</summary>
    public async Task ToldAsync(string userId, AdminNotice notice, CancellationToken ct)
    {
        var table = await storage.TableAsync(names.ShortfallsTable, ct);
        await table.UpsertEntityAsync(
            new TableEntity(Partition, TableKeys.Escape(userId)) { ["ShortfallsThrough"] = notice.ShortfallsThrough, ["Poisoned"] = notice.Poisoned },
            TableUpdateMode.Replace,
            ct);
    }

    /// <summary>Storage trouble while reading or marking a notice never costs the reply itself.</summary>
    public static bool IsStorageFailure(Exception ex) => ex is RequestFailedException or HttpRequestException;
}
