using System.Text.Json.Nodes;

namespace LineBot.Jobs;

/// <summary>
/// One message the bot sends (a reply or a push). <see cref="Text"/> is the plain text, and the Flex altText when
/// <see cref="Flex"/> (a bubble or carousel) is set: keep it ≤ 1,500 characters then, else ≤ 5,000.
/// </summary>
internal sealed record BotMessage(string Text, JsonObject? Flex = null)
{
    public const int MaxTextLength = 5_000;
    public const int MaxAltTextLength = 1_500;

    /// <summary>People to @-mention: the sender turns the first occurrence of each name in <see cref="Text"/> into a mention.</summary>
    public IReadOnlyList<NamedMention> Mentions { get; init; } = [];
}

/// <summary>Someone to @-mention in a text message, found by their name in the text.</summary>
internal sealed record NamedMention(string UserId, string Name);

internal enum PushOutcome
{
    /// <summary>Sent now.</summary>
    Sent,

    /// <summary>This logical key was sent before: nothing sent again.</summary>
    AlreadySent,

    /// <summary>LINE refused it or it could not be sent (the outbox keeps it for retry).</summary>
    Failed,
}

/// <summary>
/// The seam to LINE's push API (the real one is an outbox with LINE retry keys and a quota guard).
/// <see cref="PushOnceAsync"/> is idempotent per <c>logicalKey</c>: a job run twice sends nothing twice.
/// </summary>
internal interface IBotPusher
{
    Task<PushOutcome> PushOnceAsync(string logicalKey, string to, IReadOnlyList<BotMessage> messages, CancellationToken ct);

    /// <summary>Whether a push under <paramref name="logicalKey"/> was already sent (so preparing its content again is waste).</summary>
    Task<bool> IsSentAsync(string logicalKey, CancellationToken ct);

    /// <summary>Whether this month's push quota still covers a push to <paramref name="chatId"/> (paid per member).</summary>
    Task<bool> CanAffordPushAsync(string chatId, CancellationToken ct);
}
