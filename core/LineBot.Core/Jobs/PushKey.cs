namespace LineBot.Jobs;

/// <summary>
/// A push's logical key in the outbox: the job, the period and the recipient only (never the run time), so a second
/// run, or a retry after a crash, hands the outbox the same keys and nothing is sent twice. The format is stored in
/// outbox and shortfall rows, so it stays as it is: <c>job|period|recipient</c>, where the weekly jobs name the chat
/// and the monthly job names what it sends (<c>officer|…</c>, <c>summary|…</c>, <c>reporterId|userId</c>).
/// </summary>
internal sealed record PushKey
{
    public PushKey(string job, JobPeriod period, Audience audience) =>
        Value = $"{job}|{period.Key}|{Recipient(job, audience)}";

    public string Value { get; }

    public override string ToString() => Value;

    private static string Recipient(string job, Audience audience) => audience switch
    {
        Audience.Reporter r => r.ReporterId + "|" + r.UserId,
        Audience.Officer o when job == JobNames.Monthly => "officer|" + o.UserId,
        Audience.Admin a when job == JobNames.Monthly => "summary|" + a.UserId,
        _ => audience.To,
    };
}
