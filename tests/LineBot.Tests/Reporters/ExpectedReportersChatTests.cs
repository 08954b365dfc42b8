using System.Text.Json.Nodes;
using LineBot.Calendar;
using LineBot.Reporters;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Reporters;

/// <summary>Who is expected, in chat: an admin enrols people, a member leaves, an unsend, leave cancelled, a Thai month name.</summary>
public sealed class ExpectedReportersChatTests
{
    private const string Enrolled = "Uenrol00000000000000000000000001";

    [Fact]
    public async Task AdminEnrolsByMentionAndByName_RosterListsThemAsNeverReported_LeavingEndsTheirDays()
    {
        await using var bot = await ReportBot.StartAsync();
        const string text = "/เพิ่มผู้รายงาน @นายสมปอง ใจงาม อ.บางคล้า\nนางสมใจ รักดี HLM ต.บางพระ อ.เมือง\nนายผิด ไม่มีอำเภอ HLM";
        await bot.SendAsync(Mentioning(text, "@นายสมปอง ใจงาม", Enrolled, ReportBot.Admin));
        await bot.SendAsync(ReportBot.Text("/ผู้รายงาน", userId: ReportBot.Admin));

        var replies = bot.Replies();
        var enrolled = ReportBot.TextOf(replies[0]);
        Assert.StartsWith("✅ เพิ่มผู้รายงาน 2 คน (ต้องส่งรายงานตั้งแต่ " + ThaiDates.Short(ReportBot.Today) + ")", enrolled);
        Assert.Contains("- นายสมปอง ใจงาม (อ.บางคล้า)", enrolled);
        Assert.Contains("ไม่ได้เพิ่ม 1 บรรทัด", enrolled);
        Assert.Contains("นายผิด ไม่มีอำเภอ HLM: ", enrolled);
        var linked = await bot.Reporters.FindByUserIdAsync(Enrolled, default);
        Assert.Equal(("นายสมปอง ใจงาม", "บางคล้า", ReportBot.Today), (linked!.Name, linked.District, linked.StartDate));
        var roster = ReportBot.TextOf(replies[1]);
        Assert.Contains("ผู้รายงาน 2 คน (ผู้ที่ต้องส่งรายงาน) · ยังไม่เคยส่ง 2 คน", roster);
        Assert.Contains("- นายสมปอง ใจงาม: ยังไม่เคยส่ง (ต้องส่งตั้งแต่ " + ThaiDates.Short(ReportBot.Today) + ")", roster);
        Assert.Contains("- นางสมใจ รักดี: ยังไม่เคยส่ง", roster);

        // The enrolled member leaves the group: expected no more from today, the profile stays.
        await bot.SendAsync(WebhookBuilder.Event("memberLeft", ReportBot.Group, null, ReportBot.Now, extra: new JsonObject
        {
            ["left"] = new JsonObject { ["members"] = new JsonArray(new JsonObject { ["type"] = "user", ["userId"] = Enrolled }) },
        }));
        await bot.SendAsync(ReportBot.Text("/ผู้รายงาน", userId: ReportBot.Admin));

        var left = await bot.Reporters.FindByUserIdAsync(Enrolled, default);
        Assert.Equal(ReportBot.Today.AddDays(-1), left!.EndDate);
        var after = ReportBot.TextOf(bot.Replies()[2]);
        Assert.Contains("ผู้รายงาน 1 คน", after);
        Assert.DoesNotContain("นายสมปอง ใจงาม", after);
    }

    [Fact]
    public async Task ReporterUnsendsTheirLatestReport_LastReportDateGoesBackToTheOneBefore()
    {
        await using var bot = await ReportBot.StartAsync();
        var yesterday = ReportBot.Today.AddDays(-1);
        await bot.SendAsync(ReportBot.Text(ReportBot.ReportText(yesterday)));
        var latest = ReportBot.Text(ReportBot.ReportText(ReportBot.Today));
        await bot.SendAsync(latest);
        Assert.Equal(ReportBot.Today, (await bot.Reporters.FindByUserIdAsync("Ureporter1", default))!.LastReportDate);

        await bot.SendAsync(WebhookBuilder.Event("unsend", ReportBot.Group, "Ureporter1", ReportBot.Now, extra: new JsonObject
        {
            ["unsend"] = new JsonObject { ["messageId"] = latest["message"]!["id"]!.GetValue<string>() },
        }));

        Assert.Equal(yesterday, (await bot.Reporters.FindByUserIdAsync("Ureporter1", default))!.LastReportDate);
    }

    [Fact]
    public async Task LeaveCancelled_AndAThaiMonthNameForTheMonthExport()
    {
        await using var bot = await ReportBot.StartAsync();
        await bot.Reporters.SaveAsync(new Reporter { Id = "Ureporter1", Name = "นายสมชาย ใจดี", UserId = "Ureporter1", District = "บางคล้า" }, default);
        var day = ReportBot.Today.AddDays(7);
        var written = $"{day.Day}/{day.Month}/{day.Year + 543}";

        await bot.SendAsync(ReportBot.Text($"/ลา {written} ลาป่วย"));
        await bot.SendAsync(ReportBot.Text($"/ลา ยกเลิก {written}"));
        await bot.SendAsync(ReportBot.Text("/ส่งออก เดือน พ.ย.", userId: ReportBot.Admin));

        var replies = bot.Replies();
        Assert.StartsWith("✅ ยกเลิกการลาของ นายสมชาย ใจดี: " + ThaiDates.Short(day), ReportBot.TextOf(replies[1]));
        Assert.Empty(await bot.Bot.Services.GetRequiredService<LeaveStore>().ListAsync(day, day, default));
        Assert.StartsWith("📎 ไฟล์รายงาน เดือนพฤศจิกายน", ReportBot.TextOf(replies[2]));
    }

    private static JsonObject Mentioning(string text, string shown, string userId, string from)
    {
        var evt = ReportBot.Text(text, userId: from);
        evt["message"]!["mention"] = new JsonObject
        {
            ["mentionees"] = new JsonArray(new JsonObject { ["index"] = text.IndexOf(shown, StringComparison.Ordinal), ["length"] = shown.Length, ["type"] = "user", ["userId"] = userId }),
        };
        return evt;
    }
}
