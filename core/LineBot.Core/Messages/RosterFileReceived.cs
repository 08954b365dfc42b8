using System.Globalization;
using System.Text;
using LineBot.Commands;
using LineBot.Events;
using LineBot.Line;
using LineBot.Reporters;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>
/// A file an admin sends the bot in a 1:1 chat is a roster (CSV or .xlsx, the <c>linebot roster import</c> columns):
/// fetched from LINE's data API, imported, and answered with created / updated / rejected and each rejection's
/// reason. Files from anyone else, or in a group, are left to the media handler (recorded, not read).
/// </summary>
internal sealed class RosterFileReceived(
    LineContentClient content,
    RosterImport import,
    CommandRouter roles,
    MessageReplier replier,
    ILogger<RosterFileReceived> logger)
{
    /// <summary>False when this file is not an admin's roster (the caller hands it to the media handler).</summary>
    public async Task<bool> HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        if (evt.Source?.IsUser != true || evt.Message is not { Type: Webhook.MessageTypes.File } message || context.UserId is not { } userId)
        {
            return false;
        }

        var (role, _) = await roles.ResolveAsync(userId, cancellationToken);
        if (role != ReporterRole.Admin)
        {
            return false;
        }

        if (message.FileSize is > RosterFile.MaxBytes)
        {
            await replier.QuoteAsync(context, $"⚠️ ไฟล์ใหญ่เกินไป (รับได้ไม่เกิน {RosterFile.MaxBytes / 1024 / 1024} MB) สำหรับรายชื่อผู้รายงาน", cancellationToken);
            return true;
        }

        var bytes = await DownloadAsync(message.Id, cancellationToken);
        if (bytes is null)
        {
            await replier.QuoteAsync(context, "⚠️ ดาวน์โหลดไฟล์จาก LINE ไม่สำเร็จ กรุณาส่งไฟล์อีกครั้ง", cancellationToken);
            return true;
        }

        List<List<string>> rows;
        try
        {
            rows = RosterFile.Rows(bytes);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or FormatException)
        {
            Log.RosterUnreadable(logger, message.Id, ex.GetType().Name);
            await replier.QuoteAsync(context, "⚠️ อ่านไฟล์ไม่ได้ ส่งเป็น CSV (UTF-8) หรือ Excel (.xlsx) คอลัมน์: ชื่อ, ประเภทพื้นที่, ตำบล, อำเภอ, โทรศัพท์", cancellationToken);
            return true;
        }

        var result = await import.ImportRowsAsync(rows, cancellationToken);
        Log.RosterImported(logger, message.Id, result.Created, result.Updated, result.Rejected.Count);
        var messages = CommandReplies.Text(Summary(message.FileName, result)).Take(LineLimits.MaxMessages)
            .Select((m, i) => BotMessages.ToLine(m, i == 0 ? message.QuoteToken : null)).ToList();
        await replier.ReplyAsync(context, messages, cancellationToken);
        return true;
    }

    /// <summary>What the admin reads: the counts, then each rejected line and why.</summary>
    public static string Summary(string? fileName, RosterImportResult result)
    {
        var text = new StringBuilder();
        text.Append("📋 นำเข้ารายชื่อผู้รายงาน");
        if (!string.IsNullOrWhiteSpace(fileName))
        {
            text.Append(' ').Append(fileName.Trim());
        }

        text.Append('\n').Append(CultureInfo.InvariantCulture, $"เพิ่มใหม่ {result.Created} คน · ปรับปรุง {result.Updated} คน · ไม่นำเข้า {result.Rejected.Count} แถว");
        foreach (var rejected in result.Rejected)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"- แถว {rejected.Line}: {rejected.Reason}");
        }

        return text.ToString();
    }

    private async Task<byte[]?> DownloadAsync(string messageId, CancellationToken cancellationToken)
    {
        try
        {
            var result = await content.OpenContentAsync(messageId, cancellationToken);
            if (result is not ContentResult.Ready ready)
            {
                Log.RosterNotFetched(logger, messageId, result.GetType().Name);
                return null;
            }

            using (ready)
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await ready.Content.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    if (buffer.Length + read > RosterFile.MaxBytes)
                    {
                        Log.RosterNotFetched(logger, messageId, "too large");
                        return null;
                    }

                    buffer.Write(chunk, 0, read);
                }

                return buffer.ToArray();
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or LineApiException or TimeoutException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.RosterNotFetched(logger, messageId, ex.GetType().Name);
            return null;
        }
    }
}
