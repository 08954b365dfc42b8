namespace LineBot.Jobs;

/// <summary>The jobs <see cref="JobRunner"/> knows, by the names the CLI and the schedules use.</summary>
internal static class JobNames
{
    public const string Reminder = "reminder";
    public const string Digest = "digest";
    public const string Monthly = "monthly";

    public static readonly IReadOnlyList<string> All = [Reminder, Digest, Monthly];

    /// <summary>The canonical name (lower case), or null for an unknown job.</summary>
    public static string? Normalize(string name) => All.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Thai(string job) => job switch
    {
        Reminder => "แจ้งเตือนประจำสัปดาห์",
        Digest => "สรุปประจำสัปดาห์",
        Monthly => "สรุปประจำเดือน",
        _ => job,
    };
}
