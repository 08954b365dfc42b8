using LineBot.Webhook;

namespace LineBot.Events;

/// <summary>
/// The chat an event belongs to, read strictly from its source: a group source counts only with its
/// <c>groupId</c>, a room with its <c>roomId</c>, a user with its <c>userId</c>. (<see cref="EventSource.ChatId"/>
/// falls back from one to the other, so a group source without a group ID would pass for a one-to-one chat.)
/// </summary>
internal static class EventChat
{
    /// <summary>Event types that only make sense inside a chat; without one they are dropped.</summary>
    private static readonly HashSet<string> NeedChat =
    [
        EventTypes.Message, EventTypes.MessageEdited, EventTypes.Unsend, EventTypes.Follow, EventTypes.Unfollow,
        EventTypes.Join, EventTypes.Leave, EventTypes.MemberJoined, EventTypes.MemberLeft, EventTypes.Postback,
        EventTypes.VideoPlayComplete, EventTypes.Beacon, EventTypes.AccountLink, EventTypes.Membership,
    ];

    public static bool NeedsChat(string type) => NeedChat.Contains(type);

    public static string? Of(EventSource? source) => source?.Type switch
    {
        "group" => NonEmpty(source.GroupId),
        "room" => NonEmpty(source.RoomId),
        "user" => NonEmpty(source.UserId),
        _ => null,
    };

    private static string? NonEmpty(string? id) => string.IsNullOrWhiteSpace(id) ? null : id;
}
