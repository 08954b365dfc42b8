using System.Text.Json.Nodes;
using LineBot.Cli;
using LineBot.LineStandIn;
using LineBot.Simulator;
using LineBot.Reports;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Line;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Simulator;

/// <summary>samples/week.json replayed through the simulator API of the real serve app: the transcript holds the whole week.</summary>
public sealed class SampleWeekTests
{
    [Fact]
    public async Task SampleWeek_Replayed_TranscriptShowsEveryStepAndTheBotsAnswers()
    {
        // The script runs the jobs itself; the scheduler (waking every 30 s) must not race it to them.
        await using var bot = await BotHost.StartAsync(NoSchedule);
        var path = Path.Combine(RepoPaths.Root, "samples", "week.json");
        var script = ConversationScript.Load(path);
        using var transcript = new StringWriter();
        var runner = new SimulateRunner(bot.Http, transcript, Path.GetDirectoryName(path)!);

        await runner.RunAsync(script, CancellationToken.None);

        var text = transcript.ToString();
        Assert.Equal(0, runner.Unprocessed);
        Assert.StartsWith("# สัปดาห์หนึ่งของกลุ่ม นพต.", text);
        Assert.Contains("นายสมชาย ใจดี: รายงานการปฏิบัติงานประจำวัน", text);
        Assert.Contains("นางสาวสุดา รักงาน: [รูป 2 รูป]", text);
        Assert.Contains("นายมานะ ขยันยิ่ง: [ตำแหน่ง] ต.หน้าเมือง", text);
        Assert.Contains("นายสมชาย ใจดี แก้ไขข้อความเป็น: รายงานการปฏิบัติงานประจำวัน", text);
        Assert.Contains("นางพิมพ์ใจ ศรีสุข ยกเลิกข้อความ (pim-wrong)", text);
        Assert.Contains("[จ. 30 พ.ย. 08:00] -- เลื่อนนาฬิกาเป็น", text);
        InOrder(text, "[จ. 23 พ.ย. 08:30] -- เลื่อนนาฬิกาเป็น จ. 23 พ.ย. 2569 08:30", "[จ. 23 พ.ย. 08:30] -- บอทเข้าร่วมกลุ่ม", "[จ. 23 พ.ย. 08:30] -- นายสมชาย ใจดี เข้าร่วมกลุ่ม");

        // Each report is confirmed right after it, with the reporter and the day in Thai (Buddhist Era).
        InOrder(
            text,
            "[จ. 23 พ.ย. 16:30] นายสมชาย ใจดี: รายงานการปฏิบัติงานประจำวัน",
            "บอท (ตอบ): ✅ รับรายงานแล้ว\n                    ผู้รายงาน: นายสมชาย ใจดี\n                    วันที่: วันจันทร์ที่ 23 พฤศจิกายน 2569",
            "นางสาวสุดา รักงาน: รายงานการปฏิบัติงานประจำวัน",
            "บอท (ตอบ): ✅ รับรายงานแล้ว\n                    ผู้รายงาน: นางสาวสุดา รักงาน\n                    วันที่: วันจันทร์ที่ 23 พฤศจิกายน 2569",
            "นางสาวสุดา รักงาน: [รูป 2 รูป]",
            "บอท (ตอบ): 📷 แนบภาพถ่ายกับรายงานของวันนี้แล้ว รวม 2 ภาพ",
            "[อ. 24 พ.ย. 16:30] นายมานะ ขยันยิ่ง: รายงานการปฏิบัติงานประจำวัน",
            "วันที่: วันอังคารที่ 24 พฤศจิกายน 2569",
            "[พ. 25 พ.ย. 16:30] นางพิมพ์ใจ ศรีสุข: รายงานการปฏิบัติงานประจำวัน",
            "วันที่: วันพุธที่ 25 พฤศจิกายน 2569",
            "นางพิมพ์ใจ ศรีสุข: [รูป 1 รูป]",
            "บอท (ตอบ): 📷 แนบภาพถ่ายกับรายงานของวันนี้แล้ว รวม 1 ภาพ",
            "นายวิชัย ผู้อำนวยการ: /เจ้าหน้าที่ @นางวันดี พัฒนาชุมชน อ.เมืองฉะเชิงเทรา",
            "บอท (ตอบ): ✅ ตั้ง นางวันดี พัฒนาชุมชน เป็นเจ้าหน้าที่อำเภอเมืองฉะเชิงเทรา แล้ว",
            "นางวันดี พัฒนาชุมชน: /สถานะ",
            "บอท (ตอบ): 📋 สถานะการส่งรายงาน พ. 25 พ.ย. 2569 16.30 น.\n                    วันนี้: ส่งแล้ว 1/4 คน",
            // Issue 13: each worker owes days from their first report (มานะ from Tue, พิมพ์ใจ from Wed): 3 + 3 + 2 + 1 by Wednesday.
            "- เมืองฉะเชิงเทรา: 1/4 · 4/9",
            "[ศ. 27 พ.ย. 15:00]   บอท (ส่งเข้ากลุ่ม): ⏰ แจ้งเตือนส่งรายงานประจำวัน (23–27 พ.ย. 2569)\n                    ยังขาด 13 วัน จาก 4 คน",
            "- @นายมานะ ขยันยิ่ง: พ. 25, พฤ. 26, ศ. 27",
            "- @นายสมชาย ใจดี: อ. 24, พ. 25, พฤ. 26, ศ. 27",
            "-- งาน reminder: reminder: ส่ง 1 ข้อความ",
            "-- วันจันทร์ 08:00 น. — สรุปประจำสัปดาห์ที่ผ่านมา",
            "-- งาน digest: digest: ส่ง 2 ข้อความ");
        Assert.Contains("[จ. 30 พ.ย. 08:00]   บอท (ส่งเข้ากลุ่ม): [Flex] สรุปรายงาน นพต. สัปดาห์ 23–29 พ.ย. 2569\n                    ทั้งจังหวัด: ส่ง 4/17 วัน (24%)", text);
        Assert.Contains("[จ. 30 พ.ย. 08:00]   บอท (ส่งส่วนตัวถึง นางวันดี พัฒนาชุมชน): [Flex] สรุปรายงาน นพต. สัปดาห์ 23–29 พ.ย. 2569", text);
        Assert.Contains("รับรอง 100% · ภาพ 3 · พิกัด 1/4 คน · ปัญหา 3 เรื่อง", text);
        Assert.Contains("• นางพิมพ์ใจ ศรีสุข (25 พ.ย.): รถขุดเข้าพื้นที่ไม่ได้", text);
        Assert.DoesNotContain("ขออภัย", text);
        // A new member is greeted (a free reply) with how to register in one step; the configured admin is not.
        InOrder(text, "[จ. 23 พ.ย. 08:30] -- นายสมชาย ใจดี เข้าร่วมกลุ่ม", "บอท (ตอบ): ยินดีต้อนรับครับ", "เช่น", ReportReplies.RegistrationExample);
        Assert.DoesNotContain("นายวิชัย ผู้อำนวยการ เข้าร่วมกลุ่ม\n[จ. 23 พ.ย. 08:30]   บอท (ตอบ): ยินดีต้อนรับ", text);
        // The officer's copy headlines her district, and the province line under it is true.
        Assert.Contains("บอท (ส่งส่วนตัวถึง นางวันดี พัฒนาชุมชน): [Flex] สรุปรายงาน นพต. สัปดาห์ 23–29 พ.ย. 2569\n                    อำเภอเมืองฉะเชิงเทรา: ส่ง 4/17 วัน (24%)", text);

        // What LINE received: the digest is a Flex push to the simulated group, with its alt text.
        var standIn = bot.Services.GetRequiredService<StandInState>();
        var groupId = bot.Services.GetRequiredService<SimulatorSession>().GroupId;
        var digest = Assert.Single(standIn.Recorded(), r => r.Kind == "push" && r.To == groupId && r.Body["messages"]![0]!["type"]!.GetValue<string>() == "flex");
        Assert.StartsWith("สรุปรายงาน นพต. สัปดาห์ 23–29 พ.ย. 2569\nทั้งจังหวัด: ส่ง 4/17 วัน (24%)", digest.Body["messages"]![0]!["altText"]!.GetValue<string>());
        Assert.Contains(digest.Body["messages"]![0]!["contents"]!["type"]!.GetValue<string>(), new[] { "bubble", "carousel" });

        // The reminder again the same week (the scheduler catching up after a jump would do this): nothing new is sent.
        using (var back = await bot.Http.PostAsync("simulator/api/clock", new StringContent("""{"set":"2026-11-27T15:30:00+07:00"}""", System.Text.Encoding.UTF8, "application/json")))
        {
            back.EnsureSuccessStatusCode();
        }

        var before = standIn.Recorded().Count;
        using var again = await bot.Http.PostAsync("simulator/api/jobs/reminder", null);
        var summary = JsonNode.Parse(await again.Content.ReadAsStringAsync())!["summary"]!.GetValue<string>();
        Assert.Equal("reminder: ส่ง 0 ข้อความ, ส่งไปแล้วก่อนหน้า 1", summary);
        Assert.Equal(before, standIn.Recorded().Count);

        // Every request the bot sent to the stand-in is valid against LINE's Messaging API spec.
        var spec = LineSpec.Instance;
        var sent = standIn.Recorded().Where(r => r.Kind is "reply" or "push" or "multicast").ToList();
        Assert.True(sent.Count >= 10, $"{sent.Count} requests");
        foreach (var record in sent)
        {
            Assert.Empty(spec.ValidateRequest("POST", "/v2/bot/message/" + record.Kind, record.Body.ToJsonString()));
        }
    }

    /// <summary>Schedules that never come due in the test's simulated November (1 January, 00:00 UTC).</summary>
    internal static readonly Dictionary<string, string?> NoSchedule = new()
    {
        ["Schedules:WeeklyReminder"] = "0 0 0 1 1 *",
        ["Schedules:WeeklyDigest"] = "0 0 0 1 1 *",
        ["Schedules:Monthly"] = "0 0 0 1 1 *",
    };

    private static void InOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Not found after position {at}: {part}\n--- transcript ---\n{text}");
            at = found + part.Length;
        }
    }

    [Fact]
    public void Load_UnknownMemberOrLabel_FailsWithStepNumber()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, """{ "members": [{ "key": "a", "name": "ก" }], "steps": [{ "from": "a", "text": "x" }, { "from": "a", "edit": "nope", "text": "y" }] }""");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => ConversationScript.Load(file));
            Assert.Contains("step 2", error.Message);
            Assert.Contains("nope", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
