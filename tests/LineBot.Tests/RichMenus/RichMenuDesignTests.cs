using System.Text.Json;
using System.Text.Json.Nodes;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.RichMenus;
using LineBot.Tests.Line;

namespace LineBot.Tests.RichMenus;

/// <summary>The three menus as we send them: valid for LINE's spec and rules, one per role, buttons that run real commands.</summary>
public sealed class RichMenuDesignTests
{
    [Theory]
    [InlineData("Reporter")]
    [InlineData("Officer")]
    [InlineData("Admin")]
    public void Request_EveryRole_ValidAgainstLineSpecAndLimits(string roleName)
    {
        var role = Enum.Parse<ReporterRole>(roleName);
        var design = RichMenuCatalog.Designs.Single(d => d.Role == role);
        var request = design.ToRequest(RichMenuCatalog.NameOf(role, "0123456789ab"));

        RichMenuLimits.Validate(request);
        var json = JsonSerializer.Serialize(request, LineJsonContext.Default.RichMenuRequest);
        var errors = LineSpec.Instance.ValidateRequest("POST", "/v2/bot/richmenu", json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var areas = JsonNode.Parse(json)!["areas"]!.AsArray();
        Assert.Equal(design.Buttons.Count, areas.Count);
        Assert.All(areas, a => Assert.Equal("postback", a!["action"]!["type"]!.GetValue<string>()));
    }

    [Fact]
    public void Catalog_OneMenuPerRole_AliasesValidAndDistinct()
    {
        Assert.Equal(Enum.GetValues<ReporterRole>().Order(), RichMenuCatalog.Designs.Select(d => d.Role).Order());
        foreach (var design in RichMenuCatalog.Designs)
        {
            RichMenuLimits.ValidateAlias(design.AliasId);
            Assert.Equal(design.Role, RichMenuCatalog.RoleOf(RichMenuCatalog.NameOf(design.Role, "abc")));
        }

        Assert.Null(RichMenuCatalog.RoleOf("someone-elses-menu"));
    }

    [Fact]
    public void Cells_TileTheMenuExactly_NoGapNoOverlap()
    {
        foreach (var design in RichMenuCatalog.Designs)
        {
            var cells = design.Cells();
            Assert.Equal((long)design.Size.Width * design.Size.Height, cells.Sum(c => (long)c.Width * c.Height));
            Assert.All(cells, c => Assert.True(c.X + c.Width <= design.Size.Width && c.Y + c.Height <= design.Size.Height));
        }
    }

    [Fact]
    public void Buttons_RunCommandsTheRouterKnows_AndFieldWorkersOnlyTheirOwn()
    {
        string[] known = ["ช่วยเหลือ", "ของฉัน", "ลา", "วันหยุด", "ลงทะเบียน", "สถานะ", "ยังไม่ส่ง", "สรุป", "ส่งออก", "ผู้รายงาน"];
        foreach (var button in RichMenuCatalog.Designs.SelectMany(d => d.Buttons))
        {
            Assert.Contains(button.Command.TrimStart('/').Split(' ')[0], known);
        }

        string[] officerOnly = ["/สถานะ", "/ยังไม่ส่ง", "/สรุป", "/ส่งออก", "/ผู้รายงาน"];
        var reporter = RichMenuCatalog.Designs.Single(d => d.Role == ReporterRole.Reporter);
        Assert.DoesNotContain(reporter.Buttons, b => officerOnly.Any(c => b.Command.StartsWith(c, StringComparison.Ordinal)));
    }

    [Fact]
    public void Limits_TooNarrowOrTooSquareOrLongChatBar_Refused()
    {
        var design = RichMenuCatalog.Designs[0];
        var good = design.ToRequest("linebot-test");
        Assert.Throws<LineMessageLimitException>(() => RichMenuLimits.Validate(good with { Size = new RichMenuSize(799, 500) }));
        Assert.Throws<LineMessageLimitException>(() => RichMenuLimits.Validate(good with { Size = new RichMenuSize(2500, 1800) }));
        Assert.Throws<LineMessageLimitException>(() => RichMenuLimits.Validate(good with { ChatBarText = new string('ก', 15) }));
        Assert.Throws<LineMessageLimitException>(() => RichMenuLimits.Validate(good with { Name = new string('a', 301) }));
        Assert.Throws<LineMessageLimitException>(() => RichMenuLimits.ValidateAlias("Linebot-Reporter"));
    }

    [Fact]
    public void Draft_VersionFollowsDesignAndImage()
    {
        var design = RichMenuCatalog.Designs[0];
        byte[] image = [1, 2, 3];
        var same = new RichMenuDraft(design, [1, 2, 3]);
        Assert.Equal(new RichMenuDraft(design, image).Name, same.Name);
        Assert.NotEqual(same.Name, new RichMenuDraft(design, [1, 2, 4]).Name);
        var relabelled = design with { Buttons = [design.Buttons[0] with { Label = "อื่น" }, .. design.Buttons.Skip(1)] };
        Assert.NotEqual(same.Name, new RichMenuDraft(relabelled, image).Name);
        Assert.StartsWith("linebot-reporter-", same.Name, StringComparison.Ordinal);
    }
}
