using System.Text;

namespace LineBot.Line;

/// <summary>From what features say (<see cref="BotMessage"/>) to LINE's message objects.</summary>
internal static class BotMessages
{
    /// <summary>
    /// Flex when there is a layout (the text becomes its altText); textV2 with <c>{m0}</c>… placeholders when people
    /// are to be @-mentioned (the first occurrence of each name); plain text otherwise.
    /// </summary>
    public static LineMessage ToLine(BotMessage message, string? quoteToken = null) =>
        Convert(message, quoteToken) with { QuickReply = message.QuickReply, Verbatim = message.Verbatim };

    private static LineMessage Convert(BotMessage message, string? quoteToken)
    {
        if (message.Flex is { } flex)
        {
            return new FlexMessage(Truncate(message.Text, LineLimits.MaxAltTextLength), flex.DeepClone().AsObject());
        }

        var text = Truncate(message.Text, LineLimits.MaxTextLength);
        if (message.Mentions.Count == 0)
        {
            return new TextMessage(text, quoteToken);
        }

        // textV2 reads {…} as placeholders: keep literal braces out of the way.
        var builder = new StringBuilder(text.Replace('{', '(').Replace('}', ')'));
        var substitution = new Dictionary<string, Substitution>();
        foreach (var mention in message.Mentions)
        {
            var at = builder.ToString().IndexOf(mention.Name, StringComparison.Ordinal);
            if (at < 0 || substitution.Count >= LineLimits.MaxSubstitutions)
            {
                continue;
            }

            var key = "m" + substitution.Count;
            builder.Remove(at, mention.Name.Length).Insert(at, "{" + key + "}");
            substitution[key] = new MentionSubstitution(new UserMentionTarget(mention.UserId));
        }

        return substitution.Count == 0 ? new TextMessage(text, quoteToken) : new TextV2Message(builder.ToString(), substitution, quoteToken);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
