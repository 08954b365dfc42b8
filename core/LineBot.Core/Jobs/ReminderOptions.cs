namespace LineBot.Jobs;

/// <summary>
/// The weekly reminder's wording, read from the <c>Bot</c> section beside <see cref="Configuration.BotOptions"/>
/// (<c>Bot:ThankWhenComplete</c>, <c>Bot:ReminderDeadline</c>); the defaults serve deployments that set neither.
/// </summary>
internal sealed class ReminderOptions
{
    /// <summary>Whether the reminder thanks everyone when nobody is missing (false: no push at all).</summary>
    public bool ThankWhenComplete { get; set; } = true;

    /// <summary>The deadline the reminder states, after "กรุณาส่งภายใน".</summary>
    public string ReminderDeadline { get; set; } = "วันอาทิตย์นี้";
}
