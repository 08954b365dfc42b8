namespace LineBot.Reports.Parsing;

/// <summary>What a group text message is. Only reports, plans, registrations and commands get a reply.</summary>
internal enum MessageKind
{
    Other,
    DailyReport,
    Command,
    Registration,
    MonthlyPlan,
}

internal static class MessageKindNames
{
    /// <summary>The names used by <c>linebot parse</c> and stored with a report.</summary>
    public static string Name(this MessageKind kind) => kind switch
    {
        MessageKind.DailyReport => "daily-report",
        MessageKind.Command => "command",
        MessageKind.Registration => "registration",
        MessageKind.MonthlyPlan => "monthly-plan",
        _ => "other",
    };
}
