using Cronos;
using Microsoft.Extensions.Options;

namespace LineBot.Jobs;

/// <summary>
/// When the jobs run (section <c>Schedules</c>): 6-field NCRONTAB (seconds first) in UTC, the same settings the
/// Functions timers read. Defaults: Friday 15:00, Monday 08:00 and weekdays 08:30 Bangkok (UTC+7).
/// </summary>
internal sealed class ScheduleOptions
{
    public const string Section = "Schedules";

    public string WeeklyReminder { get; set; } = "0 0 8 * * 5";

    public string WeeklyDigest { get; set; } = "0 0 1 * * 1";

    /// <summary>Every weekday; the job itself acts only on the first working day of the month.</summary>
    public string Monthly { get; set; } = "0 30 1 * * 1-5";

    public IReadOnlyList<(string Job, string Expression)> Entries() =>
        [(JobNames.Reminder, WeeklyReminder), (JobNames.Digest, WeeklyDigest), (JobNames.Monthly, Monthly)];

    public static CronExpression Parse(string expression) => CronExpression.Parse(expression.Trim(), CronFormat.IncludeSeconds);
}

internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var errors = new List<string>();
        foreach (var (job, expression) in options.Entries())
        {
            try
            {
                ScheduleOptions.Parse(expression);
            }
            catch (CronFormatException ex)
            {
                errors.Add($"Schedules for {job} '{expression}' is not a 6-field NCRONTAB expression (seconds minutes hours day month weekday): {ex.Message}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
