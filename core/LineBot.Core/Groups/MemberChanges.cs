using LineBot.Calendar;
using LineBot.Configuration;
using LineBot.Events;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.Reports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Groups;

/// <summary>
/// What a member joining or leaving the group means for who is expected to report: a newcomer not yet known as a
/// reporter, officer or admin is greeted (a free reply, never a push) with how to register in one step; a reporter
/// who leaves is expected no more from that day (their end date is the day before), their history stays.
/// </summary>
internal sealed class MemberChanges(
    ReporterStore reporters,
    ReplySender replies,
    IOptions<BotOptions> options,
    BotClock clock,
    ILogger<MemberChanges> logger)
{
    public const string Greeting =
        "ยินดีต้อนรับครับ 🙏 นพต. ที่ต้องส่งรายงานประจำวัน กรุณาลงทะเบียนโดยพิมพ์ในกลุ่มนี้ข้อความเดียว "
        + "(ชื่อ-สกุลของท่าน ประเภทพื้นที่ CLM หรือ HLM ตำบล และอำเภอ) เช่น\n" + ReportReplies.RegistrationExample;

    public async Task JoinedAsync(EventContext context, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var newcomers = new List<string>();
        foreach (var userId in userIds)
        {
            var known = await reporters.FindByUserIdAsync(userId, cancellationToken);
            if (options.Value.IsAdmin(userId) || known is { Role: not ReporterRole.Reporter } || known is { EndDate: null })
            {
                continue;
            }

            newcomers.Add(userId);
        }

        var evt = context.Event;
        if (newcomers.Count == 0 || !context.CanAnswer || evt.ReplyToken is not { Length: > 0 } token || context.ChatId is not { } chatId)
        {
            return;
        }

        try
        {
            var outcome = await replies.SendReplyAsync(token, chatId, [new TextMessage(Greeting)], DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp), allowPushFallback: false, cancellationToken);
            Log.Greeted(logger, newcomers.Count, outcome.Kind);
        }
        catch (Exception ex) when (ex is LineApiException or HttpRequestException)
        {
            Log.GreetingFailed(logger, ex.GetType().Name);
        }
    }

    public async Task LeftAsync(EventContext context, IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var day = clock.DateOf(context.Event.Timestamp);
        foreach (var userId in userIds)
        {
            if (await reporters.FindByUserIdAsync(userId, cancellationToken) is { Role: ReporterRole.Reporter, EndDate: null } reporter)
            {
                // Owed through the day before they left; a start later than that means nothing was ever owed.
                var end = day.AddDays(-1);
                await reporters.SaveAsync(reporter with { EndDate = reporter.StartDate is { } start && start > end ? start.AddDays(-1) : end }, cancellationToken);
                Log.Left(logger, reporter.Id, day);
            }
        }
    }
}
