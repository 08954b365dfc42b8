using System.Text;
using LineBot.Tests.Infrastructure;
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
        await using var bot = await BotHost.StartAsync(SampleWeekTests.NoSchedule);

        // Monday 23 Nov 2026 16:30 Bangkok: the report below is for that day; the digest later covers its week.
        using (var set = await bot.Http.PostAsync("simulator/api/clock", new StringContent("""{"set":"2026-11-23T16:30:00+07:00"}""", Encoding.UTF8, "application/json")))
        {
            set.EnsureSuccessStatusCode();
        }

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
            var report = "รายงานการปฏิบัติงานประจำวัน\nวันที่ 23 พ.ย. 2569\nชื่อ นายสมชาย ใจดี\nพื้นที่ HLM แปลงนายบุญมี ศรีสุข ต.คลองนา อ.เมืองฉะเชิงเทรา\nกิจกรรม ปลูกหญ้าแฝก 200 ต้น\nผู้รับรอง นายบุญมี ศรีสุข (เจ้าของแปลง)";
            await page.GetByLabel("ข้อความ (Enter เพื่อส่ง, Shift+Enter ขึ้นบรรทัดใหม่)").FillAsync(report);
            await page.GetByLabel("ข้อความ (Enter เพื่อส่ง, Shift+Enter ขึ้นบรรทัดใหม่)").PressAsync("Enter");
            await Assertions.Expect(timeline.Locator("li.user").Filter(new() { HasText = "ปลูกหญ้าแฝก 200 ต้น" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("ส่งข้อความแล้ว");
            await Assertions.Expect(timeline.Locator("li").Filter(new() { HasText = "✅ รับรายงานแล้ว" })).ToContainTextAsync("วันจันทร์ที่ 23 พฤศจิกายน 2569");

            // Two photos: one imageSet, shown from the stand-in's content endpoint.
            await page.GetByLabel("ส่งรูปภาพ (เลือกได้หลายรูป)").SetInputFilesAsync(
                [Path.Combine(RepoPaths.Root, "samples", "photos", "khok-planting.png"), Path.Combine(RepoPaths.Root, "samples", "photos", "nong-pond.png")]);
            await page.GetByRole(AriaRole.Button, new() { Name = "ส่งรูป", Exact = true }).ClickAsync();
            var second = page.GetByAltText("รูปที่ 2 จาก 2");
            await Assertions.Expect(second).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.photos img')].every(i => i.complete && i.naturalWidth === 64)");
            await Assertions.Expect(timeline.Locator("li").Filter(new() { HasText = "📷 แนบภาพถ่ายกับรายงานของวันนี้แล้ว" })).ToContainTextAsync("รวม 2 ภาพ");

            // Edit the report (LINE's messageEdited).
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync(report.Replace("200 ต้น", "250 ต้น", StringComparison.Ordinal));
            await timeline.GetByRole(AriaRole.Button, new() { Name = "แก้ไขข้อความ" }).First.ClickAsync();
            await Assertions.Expect(timeline.Locator("li.user").Filter(new() { HasText = "(แก้ไขแล้ว)" })).ToContainTextAsync("250 ต้น");

            // A week later the real weekly digest job pushes its Flex to the group, rendered as a readable card.
            await page.GetByRole(AriaRole.Button, new() { Name = "+7 วัน" }).ClickAsync();
            await Assertions.Expect(timeline.Locator("li").Filter(new() { HasText = "เลื่อนนาฬิกาเป็น จ. 30 พ.ย. 2569" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "สรุปประจำสัปดาห์" }).ClickAsync();
            var card = timeline.Locator(".card").First;
            await Assertions.Expect(card).ToContainTextAsync("เมืองฉะเชิงเทรา");
            await Assertions.Expect(card).ToContainTextAsync("ส่งรายงาน 1/5 วัน (20%)");
            await Assertions.Expect(card).ToContainTextAsync("ภาพถ่าย");
            await Assertions.Expect(timeline.Locator("li").Filter(new() { HasText = "งาน digest: digest: ส่ง 1 ข้อความ" })).ToBeVisibleAsync();
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine("Screenshot: " + screenshot);
        }

        Assert.True(new FileInfo(screenshot).Length > 1000);
    }
}
