using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LineBot.Simulator;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Simulator;

/// <summary>Local mode: export links work after a simulated clock jump (Azurite checks them against the real clock).</summary>
public sealed class SimulatorLinkTests
{
    [Fact]
    public async Task ExportLink_AfterAClockJumpAMonthAhead_Downloads()
    {
        await using var bot = await BotHost.StartAsync(SampleWeekTests.NoSchedule);
        var now = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var ahead = now.AddDays(30).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        using (var set = await bot.Http.PostAsync("simulator/api/clock", new StringContent(new JsonObject { ["set"] = ahead }.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            set.EnsureSuccessStatusCode();
        }

        using var sent = await bot.Http.PostAsync("simulator/api/messages", new StringContent(new JsonObject { ["userId"] = SimulatorSession.AdminUserId, ["text"] = "/ส่งออก" }.ToJsonString(), Encoding.UTF8, "application/json"));
        sent.EnsureSuccessStatusCode();
        var eventId = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!["eventIds"]![0]!.GetValue<string>();
        await SimulatorApiTests.WaitDoneAsync(bot, eventId);

        var reply = (await SimulatorApiTests.TimelineAsync(bot)).Last(i => i!["kind"]!.GetValue<string>() == "reply")!["messages"]![0]!["text"]!.GetValue<string>();
        var link = reply.Split('\n').Single(l => l.StartsWith("http", StringComparison.Ordinal));
        using var plain = new HttpClient();
        using var download = await plain.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True((await download.Content.ReadAsByteArrayAsync()).Length > 100);
    }
}
