using System.Text;
using LineBot.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LineBot.Tests.Simulator;

/// <summary>
/// The simulator shows the bot's quick replies and Flex buttons, and pressing one sends LINE's postback: a field
/// worker's "my week" after a report, and the admin's "missing" button on the weekly digest card. Screenshots of
/// each step go to TestResults (the Thai guide's pictures in docs/images come from them).
/// </summary>
public sealed class SimulatorButtonsBrowserTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task QuickRepliesAndDigestButtons_ShowAndSendPostbacks()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await using var bot = await BotHost.StartAsync(SampleWeekTests.NoSchedule);
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
        var shots = Path.Combine(RepoPaths.Root, "tests", "LineBot.Tests", "TestResults", "guide");
        Directory.CreateDirectory(shots);
        await page.GotoAsync(new Uri(bot.BaseAddress, "/simulator").ToString());
        var timeline = page.GetByRole(AriaRole.Log, new() { Name = "ข้อความในกลุ่ม" });
        await Assertions.Expect(page.GetByLabel("ส่งในนามของ")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^U[0-9a-f]{32}$"));
        var composer = page.GetByLabel("ข้อความ (Enter เพื่อส่ง, Shift+Enter ขึ้นบรรทัดใหม่)");

        // The join greeting, then a report confirmed with quick replies under it.
        await Assertions.Expect(timeline.Locator("li.bot").First).ToContainTextAsync("/ลงทะเบียน");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "join.png") });
        await composer.FillAsync("รายงานการปฏิบัติงานประจำวัน\nวันที่ 23 พ.ย. 2569\nชื่อ นายสมชาย ใจดี\nพื้นที่ HLM ต.คลองนา อ.เมืองฉะเชิงเทรา\nกิจกรรม ปลูกหญ้าแฝก 200 ต้น\nผู้รับรอง นายบุญมี ศรีสุข (เจ้าของแปลง)");
        await composer.PressAsync("Enter");
        var quick = page.GetByRole(AriaRole.Group, new() { Name = "ตัวเลือกด่วน" });
        await Assertions.Expect(quick.GetByRole(AriaRole.Button, new() { Name = "ถ่ายภาพ" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "report.png") });

        // "My week" is a postback: the chat shows its text as the member's, and the bot answers it.
        await quick.GetByRole(AriaRole.Button, new() { Name = "สัปดาห์ของฉัน" }).ClickAsync();
        await Assertions.Expect(timeline.Locator("li.user").Filter(new() { HasText = "/ของฉัน" })).ToBeVisibleAsync();
        await Assertions.Expect(timeline.Locator("li.bot").Last).ToContainTextAsync("🙋 นายสมชาย ใจดี");

        // A week later the digest card carries buttons; the admin presses "ยังไม่ส่ง" for the district.
        await page.GetByRole(AriaRole.Button, new() { Name = "+7 วัน" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "สรุปประจำสัปดาห์" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("digest: ส่ง");
        var card = timeline.Locator(".card").Filter(new() { HasText = "เมืองฉะเชิงเทรา" }).First;
        await page.GetByLabel("ส่งในนามของ").SelectOptionAsync(new SelectOptionValue { Label = "วิชัย ผู้อำนวยการ (ผู้บริหาร)" });
        await card.GetByRole(AriaRole.Button, new() { Name = "ยังไม่ส่ง" }).ClickAsync();
        await Assertions.Expect(timeline.Locator("li.note").Filter(new() { HasText = "วิชัย ผู้อำนวยการ กดปุ่ม \"ยังไม่ส่ง\"" })).ToBeVisibleAsync();
        await Assertions.Expect(timeline.Locator("li.bot").Last).ToContainTextAsync("ตอบกลับ");
        await Assertions.Expect(timeline.Locator("li.bot").Last).ToContainTextAsync("เมืองฉะเชิงเทรา");
        await card.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "digest.png"), FullPage = true });
        output.WriteLine("Screenshots: " + shots);
    }
}
