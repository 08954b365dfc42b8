using System.Text.Json.Nodes;

namespace LineBot.Line;

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

    /// <summary>Buttons under the message for the obvious next step (LINE shows them for the last message only).</summary>
    public QuickReply? QuickReply { get; init; }

    /// <summary>Other people's words quoted in <see cref="Text"/> or the Flex (see <see cref="LineMessage.Verbatim"/>).</summary>
    public IReadOnlyList<string> Verbatim { get; init; } = [];
}

/// <summary>Someone to @-mention in a text message, found by their name in the text.</summary>
internal sealed record NamedMention(string UserId, string Name);
