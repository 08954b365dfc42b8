using System.Text;
using System.Text.Json.Nodes;
using LineBot.Exports;
using LineBot.Reporters;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Messages;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LineBot.Tests.Reporters;

/// <summary>
/// An admin sends the roster file to the bot in a 1:1 chat, as a LINE file message: the serve app fetches it from the
/// LINE stand-in's data API, imports it and answers with created / updated / rejected and each rejection's reason.
/// </summary>
public sealed class RosterFileInChatTests
{
    private static readonly string[] Header = ["ชื่อ-สกุล", "ประเภทพื้นที่", "ตำบล", "อำเภอ", "โทรศัพท์"];

    private static readonly string[][] Rows =
    [
        ["นายหนึ่ง ทดสอบไฟล์", "HLM", "บางพระ", "เมือง", "0812345678"],
        ["นางสอง ทดสอบไฟล์", "CLM", "", "บางคล้า", ""],
        ["นายสาม ทดสอบไฟล์", "HLM", "", "อ.ไม่มีจริงเลย", ""],
    ];

    [Fact]
    public async Task CsvWithThaiHeaderAndBom_SentByTheAdmin_IsImportedAndAnswered()
    {
        var csv = "\ufeff" + string.Join("\r\n", new[] { Header }.Concat(Rows).Select(r => string.Join(',', r)));
        await SendAndCheckAsync(Encoding.UTF8.GetBytes(csv), "รายชื่อ.csv");
    }

    [Fact]
    public async Task XlsxWithThaiHeader_SentByTheAdmin_IsImportedAndAnswered()
    {
        var xlsx = Workbook.Xlsx([new Sheet("รายชื่อ", Header, [.. Rows.Select(r => (IReadOnlyList<object?>)[.. r.Select(c => (object?)c)])])]);
        await SendAndCheckAsync(xlsx, "รายชื่อ.xlsx");
    }

    [Fact]
    public async Task FileFromSomeoneElse_IsNotImported()
    {
        await using var bot = await ReportBot.StartAsync();
        var id = Serve(bot, Encoding.UTF8.GetBytes("ชื่อ,อำเภอ\nนายแอบ ส่งไฟล์,บางคล้า"));
        // A known field worker (a stranger's 1:1 message is dropped before any handler).
        const string worker = "Uworker000000000000000000000000";
        await bot.Reporters.SaveAsync(new Reporter { Id = worker, Name = "นายงาน ขยัน", UserId = worker, District = "บางคล้า" }, default);

        await bot.SendAsync(FileEvent(worker, id, "x.csv"));

        Assert.Empty(bot.Replies());
        Assert.Null(await bot.Reporters.FindByNameAsync("นายแอบ ส่งไฟล์", default));
    }

    private static async Task SendAndCheckAsync(byte[] file, string fileName)
    {
        await using var bot = await ReportBot.StartAsync();
        var id = Serve(bot, file);

        await bot.SendAsync(FileEvent(ReportBot.Admin, id, fileName, file.Length));

        var reply = ReportBot.TextOf(Assert.Single(bot.Replies()));
        Assert.StartsWith("📋 นำเข้ารายชื่อผู้รายงาน " + fileName, reply);
        Assert.Contains("เพิ่มใหม่ 2 คน · ปรับปรุง 0 คน · ไม่นำเข้า 1 แถว", reply);
        Assert.Contains("- แถว 4: ไม่พบอำเภอ \"อ.ไม่มีจริงเลย\"", reply);
        var one = await bot.Reporters.FindByNameAsync("นายหนึ่ง ทดสอบไฟล์", default);
        Assert.Equal(("HLM", "บางพระ", "เมืองฉะเชิงเทรา", "0812345678"), (one!.SiteType, one.Subdistrict, one.District, one.Phone));
        // Expected from the day of the import (they have not posted yet).
        Assert.Equal(ReportBot.Today, one.StartDate);
        Assert.Equal("บางคล้า", (await bot.Reporters.FindByNameAsync("นางสอง ทดสอบไฟล์", default))!.District);
    }

    private static string Serve(ReportBot bot, byte[] body)
    {
        var id = Random.Shared.NextInt64(100000000000, 999999999999).ToString();
        bot.Line.Server.Given(Request.Create().WithPath($"/data/v2/bot/message/{id}/content").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody(body));
        return id;
    }

    private static JsonObject FileEvent(string userId, string messageId, string fileName, long size = 100) =>
        WebhookBuilder.Event("message", groupId: null, userId: userId, timestamp: ReportBot.Now, extra: new JsonObject
        {
            ["replyToken"] = Guid.NewGuid().ToString("N"),
            ["message"] = new JsonObject { ["type"] = "file", ["id"] = messageId, ["fileName"] = fileName, ["fileSize"] = size },
        });
}
