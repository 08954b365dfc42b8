using System.Text;
using System.Text.Json.Nodes;
using LineBot.Simulator;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LineBot.Tests.Simulator;

/// <summary>The simulator page in headless Chromium on a phone-sized screen, against the real serve app.</summary>
public sealed class SimulatorBrowserTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task Page_PostReportSendPhotosEditRunDigest_AllShowInTimeline()
    {
        Assert.True(File.Exists(ChromiumFactAttribute.Path), $"{ChromiumFactAttribute.Path} is missing (CI=true): scripts/install-test-deps.sh must install chromium.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var jobs = new FlexDigestJobs();
        await using var bot = await BotHost.StartAsync(configure: b => b.Services.AddSingleton<ISimulatorJobs>(jobs));
        jobs.Bot = bot;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "th-TH" });
        page.SetDefaultTimeout(15_000);
        var screenshot = Path.Combine(RepoPaths.Root, "tests", "LineBot.Tests", "TestResults", "simulator.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        try
        {
            await page.GotoAsync(new Uri(bot.BaseAddress, "/simulator").ToString());
            var timeline = page.GetByRole(AriaRole.Log, new() { Name = "ข้อความในกลุ่ม" });
            await Assertions.Expect(page.GetByLabel("ส่งในนามของ")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^U[0-9a-f]{32}$"));

            // A report typed and sent with Enter (keyboard only).
            var report = "รายงานการปฏิบัติงานประจำวัน\nวันที่ 23 พ.ย. 2569\nกิจกรรม ปลูกหญ้าแฝก 200 ต้น";
            await page.GetByLabel("ข้อความ (Enter เพื่อส่ง, Shift+Enter ขึ้นบรรทัดใหม่)").FillAsync(report);
            await page.GetByLabel("ข้อความ (Enter เพื่อส่ง, Shift+Enter ขึ้นบรรทัดใหม่)").PressAsync("Enter");
            await Assertions.Expect(timeline.Locator("li.user").Filter(new() { HasText = "ปลูกหญ้าแฝก 200 ต้น" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("ส่งข้อความแล้ว");

            // Two photos: one imageSet, shown from the stand-in's content endpoint.
            await page.GetByLabel("ส่งรูปภาพ (เลือกได้หลายรูป)").SetInputFilesAsync(
                [Path.Combine(RepoPaths.Root, "samples", "photos", "khok-planting.png"), Path.Combine(RepoPaths.Root, "samples", "photos", "nong-pond.png")]);
            await page.GetByRole(AriaRole.Button, new() { Name = "ส่งรูป", Exact = true }).ClickAsync();
            var second = page.GetByAltText("รูปที่ 2 จาก 2");
            await Assertions.Expect(second).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.photos img')].every(i => i.complete && i.naturalWidth === 64)");

            // Edit the report (LINE's messageEdited).
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync("รายงานการปฏิบัติงานประจำวัน\nกิจกรรม ปลูกหญ้าแฝก 250 ต้น");
            await timeline.GetByRole(AriaRole.Button, new() { Name = "แก้ไขข้อความ" }).First.ClickAsync();
            await Assertions.Expect(timeline.Locator("li.user").Filter(new() { HasText = "(แก้ไขแล้ว)" })).ToContainTextAsync("250 ต้น");

            // The weekly digest, pushed as Flex, rendered as a readable card.
            await page.GetByRole(AriaRole.Button, new() { Name = "สรุปประจำสัปดาห์" }).ClickAsync();
            var card = timeline.Locator(".card");
            await Assertions.Expect(card).ToContainTextAsync("อ.เมืองฉะเชิงเทรา");
            await Assertions.Expect(card).ToContainTextAsync("ส่งรายงาน 4/5 วัน");
            Assert.Equal("digest", jobs.Ran);
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine("Screenshot: " + screenshot);
        }

        Assert.True(new FileInfo(screenshot).Length > 1000);
    }

    /// <summary>Stands for the jobs feature at the seam: pushes a digest-like Flex bubble through the stand-in.</summary>
    private sealed class FlexDigestJobs : ISimulatorJobs
    {
        public BotHost? Bot { get; set; }
        public string? Ran { get; private set; }
        public IReadOnlyList<string> Names => ["reminder", "digest", "monthly"];

        public async Task<SimulatorJobResult> RunAsync(string name, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Ran = name;
            var push = JsonNode.Parse("""
                {"to":"GROUP","messages":[{"type":"flex","altText":"สรุปประจำสัปดาห์",
                 "contents":{"type":"bubble","body":{"type":"box","layout":"vertical","contents":[
                   {"type":"text","text":"อ.เมืองฉะเชิงเทรา","weight":"bold"},
                   {"type":"box","layout":"baseline","contents":[{"type":"text","text":"นายสมชาย ใจดี"},{"type":"text","text":"ส่งรายงาน 4/5 วัน"}]}]}}}]}
                """.Replace("GROUP", Bot!.Services.GetRequiredService<SimulatorSession>().GroupId, StringComparison.Ordinal))!;
            var response = await Bot!.Http.PostAsync("_line/v2/bot/message/push", new StringContent(push.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
            return new SimulatorJobResult(response.IsSuccessStatusCode, "ส่งสรุปแล้ว");
        }
    }
}
