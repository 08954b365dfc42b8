using LineBot.Cli;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Simulator;

/// <summary>samples/week.json replayed through the simulator API of the real serve app: the transcript holds the whole week.</summary>
public sealed class SampleWeekTests
{
    [Fact]
    public async Task SampleWeek_Replayed_TranscriptShowsEveryStepAndAllEventsProcessed()
    {
        await using var bot = await BotHost.StartAsync();
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
        Assert.Contains("นางวันดี พัฒนาชุมชน: /สถานะ", text);
        Assert.Contains("[จ. 30 พ.ย. 08:00] -- เลื่อนนาฬิกาเป็น", text);
        Assert.Contains("[จ. 23 พ.ย. 08:30] -- นายสมชาย ใจดี เข้าร่วมกลุ่ม", text);
        Assert.Contains("-- วันจันทร์ 08:00 น. — สรุปประจำสัปดาห์ที่ผ่านมา", text);
        Assert.Contains("งาน digest:", text);

        // Reports come in the order they were sent, each stamped with the simulator's (jumped) clock.
        Assert.True(text.IndexOf("[จ. 23 พ.ย. 16:30] นายสมชาย ใจดี", StringComparison.Ordinal) >= 0, text);
        Assert.True(text.IndexOf("[อ. 24 พ.ย. 16:30] นายมานะ ขยันยิ่ง", StringComparison.Ordinal) > text.IndexOf("นายสมชาย ใจดี:", StringComparison.Ordinal), text);
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
