namespace LineBot.Line;

// Request and response bodies of the endpoints we call (names as in LINE's messaging-api.yml).

internal sealed record ReplyMessageRequest(string ReplyToken, IReadOnlyList<LineMessage> Messages, bool? NotificationDisabled = null);

internal sealed record PushMessageRequest(string To, IReadOnlyList<LineMessage> Messages, bool? NotificationDisabled = null);

internal sealed record MulticastRequest(IReadOnlyList<string> To, IReadOnlyList<LineMessage> Messages, bool? NotificationDisabled = null);

internal sealed record SentMessage(string Id, string? QuoteToken);

internal sealed record SentMessagesResponse(IReadOnlyList<SentMessage>? SentMessages);

/// <summary>Outcome of a push: accepted now, or already accepted earlier under the same retry key (409).</summary>
internal sealed record PushResult(string? RequestId, bool AlreadyAccepted, IReadOnlyList<SentMessage> SentMessages);

internal sealed record UserProfile(string UserId, string? DisplayName, string? PictureUrl, string? StatusMessage, string? Language);

internal sealed record GroupMemberProfile(string UserId, string? DisplayName, string? PictureUrl);

internal sealed record GroupSummary(string GroupId, string? GroupName, string? PictureUrl);

internal sealed record MemberCount(int Count);

internal sealed record BotInfo(string UserId, string BasicId, string? PremiumId, string DisplayName, string? PictureUrl, string ChatMode, string MarkAsReadMode);

/// <summary><c>Type</c> is <c>none</c> (no limit) or <c>limited</c> (then <c>Value</c> is the monthly limit).</summary>
internal sealed record MessageQuota(string Type, long? Value);

internal sealed record QuotaConsumption(long TotalUsage);

/// <summary>Preparation status of a video/audio (or preview): <c>processing</c>, <c>succeeded</c>, <c>failed</c>.</summary>
internal sealed record TranscodingStatus(string Status);

internal sealed record LineErrorDetail(string? Message, string? Property);

internal sealed record LineErrorBody(string? Message, IReadOnlyList<LineErrorDetail>? Details);
