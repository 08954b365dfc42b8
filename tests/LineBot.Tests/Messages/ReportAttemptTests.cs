using LineBot.Calendar;
using LineBot.Tests.Line;

namespace LineBot.Tests.Messages;

/// <summary>
/// Never silent on an attempt (issue 14): a report attempt, or a question about one, always gets an answer with the
/// template filled from the sender's profile; the confirmation never names a reporter and says "no name" beside
/// it; chatter from the same people stays silent.
/// </summary>
public sealed class ReportAttemptTests
{
    private const string Somsri = "Usomsri0000000000000000000000000";

    private static async Task<ReportBot> RegisteredAsync()
    {
        var bot = await ReportBot.StartAsync();
        bot.Line.Server.Answer("GET", $"/api/v2/bot/group/{ReportBot.Group}/member/{Somsri}", Http.Json(200, $$"""{"userId":"{{Somsri}}","displayName":"Somsri"}"""));
        await bot.SendAsync(ReportBot.Text("/ลงทะเบียน นางสมศรี มีสุข CLM ต.บางสวน อ.บางคล้า", userId: Somsri));
        return bot;
    }

    [Fact]
    public async Task AskingAboutAReport_HelpAndTemplateFilledForTheSender_NothingStored()
    {
        await using var bot = await RegisteredAsync();

        await bot.SendAsync(ReportBot.Text("ส่งรายงานค่ะ บอทไม่ตอบ", userId: Somsri));

        var reply = bot.Replies()[^1];
        Assert.Contains("ขออภัยครับ", ReportBot.TextOf(reply));
        var template = ReportBot.TextOf(reply, 1);
        Assert.Contains("ชื่อ: นางสมศรี มีสุข", template);
        Assert.Contains("พื้นที่: CLM ต.บางสวน อ.บางคล้า", template);
        Assert.Contains($"วันที่: {ThaiDates.Short(ReportBot.Today)}", template);
        Assert.Null(await bot.Reports.GetAsync(Somsri, ReportBot.Today, default));
    }

    [Fact]
    public async Task ARegisteredReportersDateAndList_IsAnAttempt_Answered()
    {
        await using var bot = await RegisteredAsync();
        var today = ReportBot.Today;

        await bot.SendAsync(ReportBot.Text($"{today.Day}/{today.Month}/{today.Year + 543}\n- ขุดบ่อ\n- ปลูกกล้วย", userId: Somsri));

        Assert.Equal(2, bot.Replies().Count);
        var reply = ReportBot.TextOf(bot.Replies()[^1]);
        Assert.Contains("นางสมศรี มีสุข", reply);
        var stored = await bot.Reports.GetAsync(Somsri, today, default);
        Assert.Equal(["ขุดบ่อ", "ปลูกกล้วย"], stored!.Activities);
    }

    [Fact]
    public async Task TheSameTextFromAStranger_StaysChatter()
    {
        await using var bot = await ReportBot.StartAsync();
        var today = ReportBot.Today;

        await bot.SendAsync(ReportBot.Text($"{today.Day}/{today.Month}/{today.Year + 543}\n- ขุดบ่อ\n- ปลูกกล้วย", userId: "Ustranger"));

        Assert.Empty(bot.Replies());
    }

    [Fact]
    public async Task ReportWithoutAName_FromARegisteredReporter_ConfirmationDoesNotContradictItself()
    {
        await using var bot = await RegisteredAsync();

        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(ReportBot.Today, name: ""), userId: Somsri));

        var reply = ReportBot.TextOf(bot.Replies()[^1]);
        Assert.Contains("ผู้รายงาน: นางสมศรี มีสุข", reply);
        Assert.DoesNotContain("ไม่พบชื่อผู้รายงาน", reply);
    }

    [Fact]
    public async Task IncompleteReportFromNobodyKnown_SaysTheMissingNameOnce_AndOffersTheTemplate()
    {
        await using var bot = await ReportBot.StartAsync();
        var today = ReportBot.Today;

        // No user ID and no name: kept unattributed; the reply asks for the name once and gives the template.
        await bot.SendAsync(ReportBot.Text($"รายงานการปฏิบัติงานประจำวัน\nวันที่ {today.Day}/{today.Month}/{today.Year + 543}\nกิจกรรม:\n1. ขุดบ่อ", userId: null));

        var reply = Assert.Single(bot.Replies());
        var all = ReportBot.TextOf(reply) + ReportBot.TextOf(reply, 1);
        Assert.Equal(1, CountOf(all, "ไม่พบชื่อผู้รายงาน") + CountOf(all, "ไม่ทราบว่ารายงานนี้เป็นของผู้ใด"));
        Assert.Contains("กิจกรรม:\n1. ขุดบ่อ", ReportBot.TextOf(reply, 1));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
