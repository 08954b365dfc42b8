using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LineBot.Line;

/// <summary>A message object we send (reply, push, multicast); serialized with its <c>type</c> first.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextMessage), "text")]
[JsonDerivedType(typeof(TextV2Message), "textV2")]
[JsonDerivedType(typeof(ImageMessage), "image")]
[JsonDerivedType(typeof(FlexMessage), "flex")]
[JsonDerivedType(typeof(StickerMessage), "sticker")]
internal abstract record LineMessage
{
    [JsonPropertyOrder(100)]
    public QuickReply? QuickReply { get; init; }

    /// <summary>Other people's words quoted in the message (e.g. a reported problem): <see cref="Persona"/> leaves them as written.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Verbatim { get; init; } = [];
}

/// <summary>Plain text, optionally quoting the message with <paramref name="QuoteToken"/>.</summary>
internal sealed record TextMessage(string Text, string? QuoteToken = null) : LineMessage;

/// <summary>
/// Text with <c>{name}</c> placeholders replaced by mentions, e.g. <c>"{who} ส่งรายงานแล้ว"</c> with
/// <c>who</c> → <see cref="MentionSubstitution"/> of a user.
/// </summary>
internal sealed record TextV2Message(string Text, IReadOnlyDictionary<string, Substitution>? Substitution = null, string? QuoteToken = null) : LineMessage
{
    /// <summary>A text mentioning one user at the placeholder <c>{key}</c>.</summary>
    public static TextV2Message Mention(string text, string key, string userId, string? quoteToken = null) =>
        new(text, new Dictionary<string, Substitution> { [key] = new MentionSubstitution(new UserMentionTarget(userId)) }, quoteToken);
}

internal sealed record ImageMessage(string OriginalContentUrl, string PreviewImageUrl) : LineMessage;

/// <summary>A Flex message; <paramref name="Contents"/> is a bubble or carousel (see <c>DigestFlexBuilder</c>).</summary>
internal sealed record FlexMessage(string AltText, JsonObject Contents) : LineMessage
{
    /// <summary>From a whole flex message object (<c>{"type":"flex","altText":…,"contents":…}</c>, as DigestFlexBuilder builds).</summary>
    public static FlexMessage FromJson(JsonObject message) => new(
        message["altText"]?.GetValue<string>() ?? throw new ArgumentException("A flex message needs altText.", nameof(message)),
        (message["contents"] as JsonObject ?? throw new ArgumentException("A flex message needs contents.", nameof(message))).DeepClone().AsObject());
}

internal sealed record StickerMessage(string PackageId, string StickerId, string? QuoteToken = null) : LineMessage;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MentionSubstitution), "mention")]
internal abstract record Substitution;

internal sealed record MentionSubstitution(MentionTarget Mentionee) : Substitution;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(UserMentionTarget), "user")]
[JsonDerivedType(typeof(AllMentionTarget), "all")]
internal abstract record MentionTarget;

internal sealed record UserMentionTarget(string UserId) : MentionTarget;

internal sealed record AllMentionTarget : MentionTarget;

internal sealed record QuickReply(IReadOnlyList<QuickReplyItem> Items);

internal sealed record QuickReplyItem(LineAction Action, string? ImageUrl = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "action";
}

/// <summary>Actions usable in quick replies.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MessageAction), "message")]
[JsonDerivedType(typeof(PostbackAction), "postback")]
[JsonDerivedType(typeof(UriAction), "uri")]
[JsonDerivedType(typeof(CameraAction), "camera")]
[JsonDerivedType(typeof(CameraRollAction), "cameraRoll")]
[JsonDerivedType(typeof(LocationAction), "location")]
internal abstract record LineAction([property: JsonPropertyOrder(-1)] string? Label);

internal sealed record MessageAction(string Label, string Text) : LineAction(Label);

/// <summary><paramref name="InputOption"/> (<c>openKeyboard</c>, …) and <paramref name="FillInText"/> are for rich menus and quick replies alike.</summary>
internal sealed record PostbackAction(string Label, string Data, string? DisplayText = null, string? InputOption = null, string? FillInText = null) : LineAction(Label);

internal sealed record UriAction(string Label, string Uri) : LineAction(Label);

internal sealed record CameraAction(string Label) : LineAction(Label);

internal sealed record CameraRollAction(string Label) : LineAction(Label);

internal sealed record LocationAction(string Label) : LineAction(Label);
