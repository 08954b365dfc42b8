using System.Text.Json.Serialization;

namespace LineBot.Webhook;

/// <summary>
/// One webhook event, every type in LINE's schema (webhook.yml) plus <c>messageEdited</c>. One flat record
/// rather than a class per type: the handlers <c>switch</c> on <see cref="Type"/> and read the part that
/// type carries. Unknown types still parse (common fields) and keep <see cref="RawJson"/>.
/// </summary>
internal sealed record WebhookEvent
{
    public required string Type { get; init; }
    public EventSource? Source { get; init; }
    public long Timestamp { get; init; }
    public string Mode { get; init; } = "active";
    public string WebhookEventId { get; init; } = "";
    public DeliveryContext? DeliveryContext { get; init; }
    public string? ReplyToken { get; init; }

    /// <summary>message and messageEdited.</summary>
    public MessageContent? Message { get; init; }
    public UnsendDetail? Unsend { get; init; }
    public FollowDetail? Follow { get; init; }
    public MemberList? Joined { get; init; }
    public MemberList? Left { get; init; }
    public PostbackContent? Postback { get; init; }
    public VideoPlayComplete? VideoPlayComplete { get; init; }
    public BeaconContent? Beacon { get; init; }
    public LinkContent? Link { get; init; }
    public MembershipContent? Membership { get; init; }
    public ModuleContent? Module { get; init; }
    public ChatControl? ChatControl { get; init; }
    public PnpDelivery? Delivery { get; init; }

    /// <summary>The event exactly as LINE sent it (kept for unknown types, the poison queue and re-processing).</summary>
    [JsonIgnore]
    public string RawJson { get; init; } = "";

    [JsonIgnore]
    public bool IsStandby => string.Equals(Mode, "standby", StringComparison.Ordinal);

    [JsonIgnore]
    public bool IsRedelivery => DeliveryContext?.IsRedelivery == true;

    /// <summary>Known to LINE's schema (or messageEdited). Others are kept raw and skipped.</summary>
    [JsonIgnore]
    public bool IsKnownType => EventTypes.Known.Contains(Type);
}

internal static class EventTypes
{
    public const string Message = "message";
    public const string MessageEdited = "messageEdited";
    public const string Unsend = "unsend";
    public const string Follow = "follow";
    public const string Unfollow = "unfollow";
    public const string Join = "join";
    public const string Leave = "leave";
    public const string MemberJoined = "memberJoined";
    public const string MemberLeft = "memberLeft";
    public const string Postback = "postback";
    public const string VideoPlayComplete = "videoPlayComplete";
    public const string Beacon = "beacon";
    public const string AccountLink = "accountLink";
    public const string Membership = "membership";
    public const string Module = "module";
    public const string Activated = "activated";
    public const string Deactivated = "deactivated";
    public const string BotSuspended = "botSuspended";
    public const string BotResumed = "botResumed";
    public const string Delivery = "delivery";

    public static readonly HashSet<string> Known =
    [
        Message, MessageEdited, Unsend, Follow, Unfollow, Join, Leave, MemberJoined, MemberLeft, Postback,
        VideoPlayComplete, Beacon, AccountLink, Membership, Module, Activated, Deactivated, BotSuspended, BotResumed, Delivery,
    ];
}

/// <summary>The message types of LINE's schema (<see cref="MessageContent.Type"/>).</summary>
internal static class MessageTypes
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Video = "video";
    public const string Audio = "audio";
    public const string File = "file";
    public const string Location = "location";
    public const string Sticker = "sticker";
}

/// <summary>Where an event comes from (<see cref="EventSource.Type"/>).</summary>
internal static class SourceTypes
{
    public const string User = "user";
    public const string Group = "group";
    public const string Room = "room";
}

/// <summary>Who a mention names (<see cref="Mentionee.Type"/>).</summary>
internal static class MentioneeTypes
{
    public const string User = "user";
    public const string All = "all";
}

/// <summary>user, group or room. <see cref="UserId"/> may be missing in groups (no consent).</summary>
internal sealed record EventSource
{
    public required string Type { get; init; }
    public string? UserId { get; init; }
    public string? GroupId { get; init; }
    public string? RoomId { get; init; }

    /// <summary>The chat to answer into: group, room or the user's 1:1 chat.</summary>
    [JsonIgnore]
    public string? ChatId => GroupId ?? RoomId ?? UserId;

    [JsonIgnore]
    public bool IsGroup => Type == SourceTypes.Group;

    [JsonIgnore]
    public bool IsUser => Type == SourceTypes.User;
}

internal sealed record DeliveryContext(bool IsRedelivery);

internal sealed record MessageContent
{
    public required string Type { get; init; }
    public required string Id { get; init; }
    public string? QuoteToken { get; init; }
    public string? MarkAsReadToken { get; init; }
    public string? QuotedMessageId { get; init; }

    // text
    public string? Text { get; init; }
    public IReadOnlyList<Emoji>? Emojis { get; init; }
    public Mention? Mention { get; init; }

    // image, video, audio
    public ContentProvider? ContentProvider { get; init; }
    public ImageSet? ImageSet { get; init; }
    public long? Duration { get; init; }

    // file
    public string? FileName { get; init; }
    public long? FileSize { get; init; }

    // location
    public string? Title { get; init; }
    public string? Address { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    // sticker
    public string? PackageId { get; init; }
    public string? StickerId { get; init; }
    public string? StickerResourceType { get; init; }
    public IReadOnlyList<string>? Keywords { get; init; }
}

internal sealed record Emoji(int Index, int Length, string ProductId, string EmojiId);

internal sealed record Mention(IReadOnlyList<Mentionee> Mentionees);

/// <summary>user (with <see cref="UserId"/> when consented) or all.</summary>
internal sealed record Mentionee(string Type, int Index, int Length, string? UserId = null, bool? IsSelf = null);

internal sealed record ContentProvider(string Type, string? OriginalContentUrl = null, string? PreviewImageUrl = null)
{
    [JsonIgnore]
    public bool IsExternal => Type == "external";
}

internal sealed record ImageSet(string Id, int? Index = null, int? Total = null);

internal sealed record UnsendDetail(string MessageId);

internal sealed record FollowDetail(bool IsUnblocked);

internal sealed record MemberList(IReadOnlyList<EventSource> Members);

internal sealed record PostbackContent(string Data, IReadOnlyDictionary<string, string>? Params = null);

internal sealed record VideoPlayComplete(string TrackingId);

internal sealed record BeaconContent(string Hwid, string Type, string? Dm = null);

internal sealed record LinkContent(string Result, string Nonce);

internal sealed record MembershipContent(string Type, long? MembershipId = null);

internal sealed record ModuleContent(string Type, string? BotId = null, IReadOnlyList<string>? Scopes = null, string? Reason = null);

internal sealed record ChatControl(long ExpireAt);

internal sealed record PnpDelivery(string Data);
