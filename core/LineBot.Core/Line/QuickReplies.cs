namespace LineBot.Line;

/// <summary>
/// Quick reply buttons and the postback that runs a command: the postback's data is the command text itself
/// (e.g. <c>/ยังไม่ส่ง สัปดาห์ อ.บางปะกง</c>), so a button is answered exactly as the typed command, role checks included.
/// </summary>
internal static class QuickReplies
{
    /// <summary>LINE's limit for a postback's data and displayText.</summary>
    public const int MaxPostbackData = 300;

    public static QuickReply Of(params LineAction[] actions) =>
        new([.. actions.Take(LineLimits.MaxQuickReplyItems).Select(a => new QuickReplyItem(a))]);

    /// <summary>A button that runs <paramref name="command"/>; the chat shows the command as if typed.</summary>
    public static PostbackAction Command(string label, string command) => new(label, command, command);

    /// <summary>The messages with <paramref name="quickReply"/> on the last one (the only one whose buttons LINE shows).</summary>
    public static IReadOnlyList<BotMessage> OnLast(IReadOnlyList<BotMessage> messages, QuickReply? quickReply) =>
        OnLast(messages, quickReply, static (m, q) => m with { QuickReply = q });

    /// <inheritdoc cref="OnLast(IReadOnlyList{BotMessage}, QuickReply?)"/>
    public static IReadOnlyList<LineMessage> OnLast(IReadOnlyList<LineMessage> messages, QuickReply? quickReply) =>
        OnLast(messages, quickReply, static (m, q) => m with { QuickReply = q });

    private static IReadOnlyList<T> OnLast<T>(IReadOnlyList<T> messages, QuickReply? quickReply, Func<T, QuickReply, T> withQuickReply)
    {
        if (quickReply is null || messages.Count == 0)
        {
            return messages;
        }

        var copy = messages.ToList();
        copy[^1] = withQuickReply(copy[^1], quickReply);
        return copy;
    }
}
