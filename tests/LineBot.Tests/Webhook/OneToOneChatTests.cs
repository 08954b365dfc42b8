using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Webhook;

/// <summary>1:1 chats: served only for people the bot knows; a stranger who adds the bot gets nothing stored.</summary>
public sealed class OneToOneChatTests
{
    private const int Processed = 2009;
    private const int UnknownUser = 2014;

    [Fact]
    public async Task DirectMessage_FromStranger_IsDroppedBeforeStorage()
    {
        await using var bot = await BotHost.StartAsync();

        var response = await bot.PostWebhookAsync(WebhookBuilder.Body(WebhookBuilder.Event("follow", null, "Ustranger")));

        Assert.Equal(200, (int)response.StatusCode);
        await bot.WaitForAsync(l => l.Count(UnknownUser) == 1);
        Assert.Equal(0, bot.Logs.Count(Processed));
    }

    [Fact]
    public async Task DirectMessage_FromAdmin_IsProcessed()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:AdminUserIds:0"] = "Uadmin" });

        await bot.PostWebhookAsync(WebhookBuilder.Body(WebhookBuilder.Event("follow", null, "Uadmin")));

        await bot.WaitForAsync(l => l.Count(Processed) == 1);
        Assert.Equal(0, bot.Logs.Count(UnknownUser));
    }
}
