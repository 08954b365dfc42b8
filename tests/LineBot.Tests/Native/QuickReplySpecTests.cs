using System.Text.Json;
using LineBot.Commands;
using LineBot.Digests;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.Tests.Line;

namespace LineBot.Tests.Native;

/// <summary>Every quick reply and button the bot offers fits LINE's limits and its spec.</summary>
public sealed class QuickReplySpecTests
{
    public static TheoryData<string> Sets => ["reporter", "officer", "after-report", "after-errors"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void QuickReplySet_ValidatesAgainstLimitsAndSpec(string name)
    {
        var quickReply = name switch
        {
            "reporter" => CommandNextSteps.For(ReporterRole.Reporter),
            "officer" => CommandNextSteps.For(ReporterRole.Officer),
            "after-report" => CommandNextSteps.AfterReport,
            _ => CommandNextSteps.AfterReportErrors,
        };
        LineMessage message = new TextMessage("ข้อความ") { QuickReply = quickReply };

        LineLimits.Validate([message]);
        Assert.Empty(LineSpec.Instance.Validate("Message", JsonSerializer.SerializeToNode(message, LineJsonContext.Default.LineMessage)));
        Assert.All(quickReply.Items, i => Assert.InRange(i.Action.Label!.Length, 1, LineLimits.MaxActionLabelLength));
    }

    [Fact]
    public void AdminsGetTheOfficersSet_FieldWorkersTheirOwn()
    {
        Assert.Same(CommandNextSteps.For(ReporterRole.Officer), CommandNextSteps.For(ReporterRole.Admin));
        Assert.NotSame(CommandNextSteps.For(ReporterRole.Officer), CommandNextSteps.For(ReporterRole.Reporter));
    }

    [Fact]
    public void PostbackDataOverLinesLimit_IsRefusedBeforeSending()
    {
        LineMessage message = new TextMessage("ข้อความ") { QuickReply = QuickReplies.Of(QuickReplies.Command("ยาว", "/" + new string('ก', 300))) };

        var error = Assert.Throws<LineMessageLimitException>(() => LineLimits.Validate([message]));
        Assert.Contains("postback", error.Message);
    }

    [Fact]
    public void DigestFooter_ButtonsAreValidFlexPostbacks()
    {
        var footer = DigestButtons.Footer("พนมสารคาม", new DateOnly(2026, 11, 23));
        var bubble = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "bubble",
            ["body"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "box", ["layout"] = "vertical", ["contents"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "text", ["text"] = "x" }) },
            ["footer"] = footer,
        };
        LineMessage message = new FlexMessage("สรุป", bubble);

        Assert.Empty(LineSpec.Instance.Validate("Message", JsonSerializer.SerializeToNode(message, LineJsonContext.Default.LineMessage)));
        var data = footer["contents"]!.AsArray().Select(b => b!["action"]!["data"]!.GetValue<string>()).ToList();
        Assert.Equal(["/ยังไม่ส่ง อ.พนมสารคาม", "/สรุป สัปดาห์ 23/11/2569 อ.พนมสารคาม", "/ส่งออก สัปดาห์ 23/11/2569 อ.พนมสารคาม"], data);
        Assert.All(data, d => Assert.InRange(d.Length, 1, QuickReplies.MaxPostbackData));
        Assert.Equal(["/ยังไม่ส่ง", "/สรุป สัปดาห์ 23/11/2569", "/ส่งออก สัปดาห์ 23/11/2569"], DigestButtons.Footer(null, new DateOnly(2026, 11, 23))["contents"]!.AsArray().Select(b => b!["action"]!["data"]!.GetValue<string>()));
    }
}
