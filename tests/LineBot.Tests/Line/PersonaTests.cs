using System.Text.Json.Nodes;
using LineBot.Configuration;
using LineBot.Digests;
using LineBot.Line;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Line;

/// <summary>Bot:Particle: one polite particle, applied where our messages become LINE's JSON.</summary>
public sealed class PersonaTests
{
    private const string Krub = ThaiPersona.Male;
    private const string Kha = ThaiPersona.Female;

    [Theory]
    [InlineData("ขออภัยครับ ระบบไม่พบรายงาน", "ขออภัยค่ะ ระบบไม่พบรายงาน")]
    [InlineData("กรุณาส่งรายงานที่ยังขาด ขอบคุณครับ", "กรุณาส่งรายงานที่ยังขาด ขอบคุณค่ะ")]
    [InlineData("ยินดีต้อนรับครับ 🙏", "ยินดีต้อนรับค่ะ 🙏")]
    [InlineData("ต้องการส่งออกไหมครับ", "ต้องการส่งออกไหมคะ")]
    [InlineData("ส่งแล้วหรือไม่ครับ", "ส่งแล้วหรือไม่คะ")]
    [InlineData("ลงทะเบียนแล้วหรือเปล่าครับ", "ลงทะเบียนแล้วหรือเปล่าคะ")]
    [InlineData("ต้องการดูอะไรครับ", "ต้องการดูอะไรคะ")]
    [InlineData("แปลงอยู่ที่ไหนครับ", "แปลงอยู่ที่ไหนคะ")]
    [InlineData("จะส่งเมื่อไรครับ", "จะส่งเมื่อไรคะ")]
    [InlineData("ขาดกี่วันครับ", "ขาดกี่วันคะ")]
    [InlineData("ใช่ไหมครับ", "ใช่ไหมคะ")]
    [InlineData("ส่งแล้วครับ?", "ส่งแล้วคะ?")]
    [InlineData("ส่งแล้วครับ ?", "ส่งแล้วคะ ?")]
    [InlineData("รอสักครู่นะครับ", "รอสักครู่นะคะ")]
    [InlineData("รับทราบครับผม", "รับทราบค่ะ")]
    [InlineData("ครับ", "ค่ะ")]
    [InlineData("ไม่มีครับ\nส่งแล้วใช่ไหมครับ\nขอบคุณครับ", "ไม่มีค่ะ\nส่งแล้วใช่ไหมคะ\nขอบคุณค่ะ")]
    public void Speak_Female_StatementsKhaQuestionsKha(string authored, string expected) =>
        Assert.Equal(expected, ThaiPersona.Speak(authored, Kha));

    [Theory]
    [InlineData("บ้านไหม้ครับ", "บ้านไหม้ค่ะ")] // ไหม้ (burnt) is no question
    [InlineData("ไม่เกี่ยวข้องครับ", "ไม่เกี่ยวข้องค่ะ")] // เกี่ยว holds กี่ but asks nothing
    [InlineData("มีกี่คน ส่งแล้วครับ", "มีกี่คน ส่งแล้วค่ะ")] // the question word is in another clause
    public void Speak_Female_LookAlikesStayStatements(string authored, string expected) =>
        Assert.Equal(expected, ThaiPersona.Speak(authored, Kha));

    [Fact]
    public void Speak_Male_ReturnsTheSameText()
    {
        const string text = "ต้องการส่งออกไหมครับ ขอบคุณครับ";
        Assert.Same(text, ThaiPersona.Speak(text, Krub));
    }

    [Fact]
    public void Speak_QuotedAndVerbatimWords_KeptAsWritten()
    {
        var text = "ขออภัยครับ ชื่อ \"สมชายครับ\" ในรายงานนี้ลงทะเบียนไว้กับผู้อื่นครับ\n- นายมานะ (24 พ.ย.): ฝนตกครับ ดินแฉะ\n- นายมานะ (25 พ.ย.): รถเสียครับ ซ่อมอยู่…";

        var spoken = ThaiPersona.Speak(text, Kha, ["ฝนตกครับ ดินแฉะ", "รถเสียครับ ซ่อมอยู่นานสามวัน"]);

        Assert.Equal("ขออภัยค่ะ ชื่อ \"สมชายครับ\" ในรายงานนี้ลงทะเบียนไว้กับผู้อื่นค่ะ\n- นายมานะ (24 พ.ย.): ฝนตกครับ ดินแฉะ\n- นายมานะ (25 พ.ย.): รถเสียครับ ซ่อมอยู่…", spoken);
    }

    [Fact]
    public void Speak_StrayQuote_KeepsNothing() =>
        Assert.Equal("ปัญหา: ท่อ 4\" แตก ขอบคุณค่ะ", ThaiPersona.Speak("ปัญหา: ท่อ 4\" แตก ขอบคุณครับ", Kha));

    [Fact]
    public void Speak_Messages_TextsAltTextsFlexAndLabelsButNeverCommandsOrLinks()
    {
        var persona = Persona(Kha);
        var flex = new JsonObject
        {
            ["type"] = "bubble",
            ["body"] = new JsonObject
            {
                ["type"] = "box",
                ["layout"] = "vertical",
                ["contents"] = new JsonArray(
                    new JsonObject { ["type"] = "text", ["text"] = "ส่งครบทุกคน ขอบคุณครับ" },
                    new JsonObject { ["type"] = "text", ["text"] = "• นายมานะ (24 พ.ย.): ฝนตกครับ" },
                    new JsonObject { ["type"] = "button", ["action"] = new JsonObject { ["type"] = "postback", ["label"] = "ดูไหมครับ", ["data"] = "/สรุป ครับ", ["displayText"] = "/สรุป ครับ" } }),
            },
        };
        LineMessage[] messages =
        [
            new TextMessage("ขออภัยครับ", "quote-1") { QuickReply = QuickReplies.Of(QuickReplies.Command("ส่งแล้วครับ", "/สถานะ ครับ"), new UriAction("เปิดครับ", "https://example.org/ครับ")) },
            new TextV2Message("{m0} ส่งแล้วครับ", new Dictionary<string, Substitution> { ["m0"] = new MentionSubstitution(new UserMentionTarget("U1")) }),
            new FlexMessage("สรุป ขอบคุณครับ", flex) { Verbatim = ["ฝนตกครับ"] },
        ];

        var spoken = persona.Speak(messages);

        var text = Assert.IsType<TextMessage>(spoken[0]);
        Assert.Equal(("ขออภัยค่ะ", "quote-1"), (text.Text, text.QuoteToken));
        var command = Assert.IsType<PostbackAction>(text.QuickReply!.Items[0].Action);
        Assert.Equal(("ส่งแล้วค่ะ", "/สถานะ ครับ", "/สถานะ ครับ"), (command.Label, command.Data, command.DisplayText));
        var link = Assert.IsType<UriAction>(text.QuickReply.Items[1].Action);
        Assert.Equal(("เปิดค่ะ", "https://example.org/ครับ"), (link.Label, link.Uri));
        Assert.Equal("{m0} ส่งแล้วค่ะ", Assert.IsType<TextV2Message>(spoken[1]).Text);
        var card = Assert.IsType<FlexMessage>(spoken[2]);
        Assert.Equal("สรุป ขอบคุณค่ะ", card.AltText);
        var body = card.Contents["body"]!["contents"]!.AsArray();
        Assert.Equal("ส่งครบทุกคน ขอบคุณค่ะ", body[0]!["text"]!.GetValue<string>());
        Assert.Equal("• นายมานะ (24 พ.ย.): ฝนตกครับ", body[1]!["text"]!.GetValue<string>());
        Assert.Equal("ดูไหมคะ", body[2]!["action"]!["label"]!.GetValue<string>());
        Assert.Equal("/สรุป ครับ", body[2]!["action"]!["data"]!.GetValue<string>());
        // The caller's Flex is not changed under it (a retry re-sends the same logical message).
        Assert.Equal("ส่งครบทุกคน ขอบคุณครับ", flex["body"]!["contents"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Verbatim_TravelsFromWhatFeaturesSayToTheBoundary()
    {
        var parts = DigestMessages.Text("ปัญหา/อุปสรรค 1 เรื่อง:\n- นายมานะ ขยันยิ่ง (24 พ.ย.): ฝนตกครับ ดินแฉะ\nขอบคุณครับ", ["ฝนตกครับ ดินแฉะ"]);

        var spoken = Persona(Kha).Speak([.. parts.Select(p => BotMessages.ToLine(p))]);

        Assert.Equal("ปัญหา/อุปสรรค 1 เรื่อง:\n- นายมานะ ขยันยิ่ง (24 พ.ย.): ฝนตกครับ ดินแฉะ\nขอบคุณค่ะ", Assert.IsType<TextMessage>(Assert.Single(spoken)).Text);
    }

    [Fact]
    public void Speak_DefaultParticle_SameMessages()
    {
        LineMessage[] messages = [new TextMessage("ขอบคุณครับ")];
        Assert.Same(messages, Persona(Krub).Speak(messages));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("ครับ", true)]
    [InlineData("ค่ะ", true)]
    [InlineData("คะ", false)]
    [InlineData("จ้า", false)]
    [InlineData("", false)]
    public async Task Start_Particle_OnlyKrubOrKha(string? particle, bool valid)
    {
        var settings = particle is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["Bot:Particle"] = particle };
        await using var services = CoreServices.Build(settings);

        if (valid)
        {
            Assert.Equal(particle ?? Krub, services.GetRequiredService<IOptions<BotOptions>>().Value.Particle);
        }
        else
        {
            var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BotOptions>>().Value);
            Assert.Contains("Bot:Particle", error.Message);
        }
    }

    private static Persona Persona(string particle) =>
        new(new StaticOptions(new BotOptions { Particle = particle }));

    private sealed class StaticOptions(BotOptions value) : IOptionsMonitor<BotOptions>
    {
        public BotOptions CurrentValue => value;

        public BotOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<BotOptions, string?> listener) => null;
    }
}
