using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LineBot.Cli;
using LineBot.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace LineBot.Tests.Reports.Parsing;

public sealed class ParseCommandTests
{
    private static readonly string[] Fields =
    [
        "kind", "date", "reporter", "siteType", "province", "district", "subdistrict", "activities", "problems", "plans", "certifiedBy", "command", "args", "errors", "warnings",
    ];

    private const string Report = "รายงานประจำวัน\nวันที่ 24 พ.ย. 69\nชื่อ นายชาติ กล้าหาญ\nพื้นที่ HLM ต.บางพระ อ.เมือง\nกิจกรรม\n- ขุดบ่อ\nผู้รับรอง นายดำ ดี";

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // 2026-11-25 18:30 UTC is already the 26th in Bangkok.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 18, 30, 0, TimeSpan.Zero));
        var exit = await ParseCommand.RunAsync(args, new StringReader(input), output, error, time, new BotOptions());
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Parse_OneMessage_PrintsOneObjectWithEveryField()
    {
        var (exit, output, _) = await RunAsync(Report, "--now", "2026-11-25T09:00:00+07:00");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        using var json = JsonDocument.Parse(lines[0]);
        var root = json.RootElement;
        Assert.Equal(Fields.Order(), root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("daily-report", root.GetProperty("kind").GetString());
        Assert.Equal("2026-11-24", root.GetProperty("date").GetString());
        Assert.Equal("เมืองฉะเชิงเทรา", root.GetProperty("district").GetString());
        Assert.Equal("บางพระ", root.GetProperty("subdistrict").GetString());
        Assert.Equal("ฉะเชิงเทรา", root.GetProperty("province").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("command").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("problems").ValueKind);
        Assert.Equal("ขุดบ่อ", root.GetProperty("activities")[0].GetString());
        Assert.Contains("นายชาติ กล้าหาญ", output, StringComparison.Ordinal); // Thai is not \u-escaped
    }

    [Fact]
    public async Task Parse_WithoutNow_UsesTheClockInBangkok()
    {
        var (exit, output, _) = await RunAsync("ชื่อ นายชาติ กล้าหาญ\nกิจกรรม: ขุดบ่อ");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2026-11-26", json.RootElement.GetProperty("date").GetString());
        Assert.Contains("ไม่พบวันที่", json.RootElement.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_Jsonl_PrintsOneObjectPerLineInOrder_AndABadLineBecomesOther()
    {
        var input = string.Join('\n',
            JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = Report, ["now"] = "2026-11-25T09:00:00+07:00" }),
            "{not json",
            """{"text": "/สรุป สัปดาห์"}""",
            """{"now": "2026-11-25"}""",
            """{"text": "แผนการปฏิบัติงานประจำเดือน ธันวาคม 2569\n- ขุดบ่อ", "now": "2026-11-28T10:00:00"}""",
            """{"text": "ส่งรายงานแล้วครับ", "now": "yesterday"}""",
            "[1,2]");

        var (exit, output, _) = await RunAsync(input, "--jsonl");

        Assert.Equal(0, exit);
        var objects = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["daily-report", "other", "command", "other", "monthly-plan", "other", "other"], objects.Select(o => o.GetProperty("kind").GetString()));
        Assert.Equal("2026-11-24", objects[0].GetProperty("date").GetString());
        Assert.NotEqual(0, objects[1].GetProperty("errors").GetArrayLength());
        Assert.Equal("สรุป", objects[2].GetProperty("command").GetString());
        Assert.Equal("สัปดาห์", objects[2].GetProperty("args")[0].GetString());
        Assert.NotEqual(0, objects[3].GetProperty("errors").GetArrayLength());
        Assert.Equal("2026-12", objects[4].GetProperty("month").GetString());
        Assert.NotEqual(0, objects[5].GetProperty("errors").GetArrayLength());
        Assert.NotEqual(0, objects[6].GetProperty("errors").GetArrayLength());
        foreach (var o in objects)
        {
            Assert.All(Fields, f => Assert.True(o.TryGetProperty(f, out _), f));
        }
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--now")]
    public async Task Parse_BadArguments_ExitsWithUsage(string argument)
    {
        var (exit, output, error) = await RunAsync("x", argument);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("usage", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_BadNow_ExitsWithAMessage()
    {
        var (exit, _, error) = await RunAsync("x", "--now", "soon");

        Assert.Equal(2, exit);
        Assert.Contains("--now", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseNow_LocalTimeIsBangkok_OffsetTimeIsKept()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

        Assert.True(ParseCommand.TryParseNow("2026-11-25T08:00:00", zone, out var local));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero), local.ToUniversalTime());
        Assert.True(ParseCommand.TryParseNow("2026-11-25T08:00:00Z", zone, out var utc));
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.True(ParseCommand.TryParseNow("2026-11-25T08:00:00-05:00", zone, out var west));
        Assert.Equal(TimeSpan.FromHours(-5), west.Offset);
    }

    [Fact]
    public async Task LinebotParse_AsAProcess_ReadsUtf8StdinWithoutStorage()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "linebot.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("parse");
        info.ArgumentList.Add("--now");
        info.ArgumentList.Add("2026-11-25T09:00:00+07:00");
        // Storage pointing nowhere proves the verb never touches it.
        info.Environment["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=none;AccountKey=bm9uZQ==;BlobEndpoint=http://127.0.0.1:1/none;";
        info.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(Report);
        process.StandardInput.Close();
        var outputTask = process.StandardOutput.ReadToEndAsync();
        var errorTask = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await outputTask;
        Assert.True(process.ExitCode == 0, await errorTask);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("นายชาติ กล้าหาญ", json.RootElement.GetProperty("reporter").GetString());
        Assert.Contains("นายชาติ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_Explain_SaysWhatEachLineWasTakenAsAndWhy()
    {
        var (exit, output, _) = await RunAsync("รายงานวันนี้ค่ะ\n📅 24 พ.ย. 69\n- ขุดบ่อ\nรับรอง นางสาวเอ บีซี", "--explain", "--now", "2026-11-25T18:00:00+07:00");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("1 | รายงานวันนี้ค่ะ → หัวเรื่องรายงาน", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2 | 📅 24 พ.ย. 69 → วันที่", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("3 | - ขุดบ่อ → กิจกรรม", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("4 | รับรอง นางสาวเอ บีซี → ผู้รับรอง", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ผล: รายงานประจำวัน", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(lines[^1]);
        Assert.Equal("2026-11-24", json.RootElement.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Parse_ExplainChatter_SaysWhyItStaysSilent()
    {
        var (exit, output, _) = await RunAsync("ขอลาป่วยวันที่ 26 พ.ย. 69 ค่ะ", "--explain");

        Assert.Equal(0, exit);
        Assert.Contains("ผล: ไม่ใช่รายงาน (ไม่ตอบ)", output, StringComparison.Ordinal);
    }
}
