using LineBot.Calendar;
using LineBot.Commands;
using LineBot.Events;
using LineBot.Line;
using LineBot.Photos;

namespace LineBot.Messages;

/// <summary>A shared location is acknowledged once, by free reply, saying what it was attached to.</summary>
internal sealed class LocationAcknowledged(MessageReplier replier)
{
    public Task ReplyAsync(EventContext context, LocationRecorded recorded, CancellationToken cancellationToken)
    {
        var message = new TextMessage(Text(recorded), context.Event.Message?.QuoteToken) { QuickReply = CommandNextSteps.AfterReport };
        return replier.ReplyAsync(context, [message], cancellationToken);
    }

    public static string Text(LocationRecorded recorded)
    {
        var place = recorded.Site.Title is { Length: > 0 } title ? $" ({title})" : "";
        return recorded.OnReport
            ? $"📍 รับตำแหน่งแปลงแล้ว{place}\nบันทึกกับรายงานวันที่ {ThaiDates.Short(recorded.Date)} และข้อมูลแปลงของท่าน"
            : $"📍 รับตำแหน่งแปลงแล้ว{place}\nบันทึกกับข้อมูลแปลงของท่าน และจะแนบกับรายงานวันที่ {ThaiDates.Short(recorded.Date)} เมื่อส่ง";
    }
}
