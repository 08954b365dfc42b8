using LineBot.Webhook;

namespace LineBot.Events;

/// <summary>What a handler gets: the event, our bot's user ID, and whether it may answer (never in standby mode).</summary>
internal sealed record EventContext(WebhookEvent Event, string Destination)
{
    public bool CanAnswer => !Event.IsStandby;

    public string? ChatId => Event.Source?.ChatId;

    public string? UserId => Event.Source?.UserId;

    public string? GroupId => Event.Source?.GroupId ?? Event.Source?.RoomId;
}
