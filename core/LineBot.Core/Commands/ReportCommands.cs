using System.Globalization;
using System.Text;
using LineBot.Calendar;
using LineBot.Digests;
using LineBot.Jobs;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.Reports;
using Microsoft.Extensions.Logging;

namespace LineBot.Commands;

/// <summary><c>/สถานะ</c>, <c>/ยังไม่ส่ง</c>, <c>/สรุป</c>, <c>/ผู้รายงาน</c> and <c>/ของฉัน</c>: read-only views of the week.</summary>
internal sealed class ReportCommands(DigestService digests, QuotaShortfallStore shortfalls, ReportStore reports, Events.PoisonStore poison, BotClock clock, ILogger<ReportCommands> logger)
{
    public async Task<IReadOnlyList<BotMessage>> StatusAsync(CommandContext context, CancellationToken ct)
    {
        var at = context.Request.At;
        var district = CommandArgs.TakeDistrict(context.Request.Args, out _);
        var status = await digests.StatusAsync(at, ct);
        var scope = CommandScope.Resolve(context, district, await digests.ReportersAsync(ct), logger);
        if (scope.Reply is not null)
        {
            return scope.Reply;
        }

        var text = new StringBuilder();
        var local = clock.ToLocal(at);
        text.Append("📋 สถานะการส่งรายงาน ").Append(ThaiDates.DayAbbreviation(status.Today)).Append(' ').Append(ThaiDates.Short(status.Today))
            .Append(' ').Append(ThaiDates.Time(TimeOnly.FromDateTime(local.DateTime))).Append('\n');
        var today = status.TodayByDistrict.Where(d => scope.Includes(d.District)).ToList();
        var week = status.Week.Districts.Where(d => scope.Includes(d.District)).ToList();
        if (status.TodayIsWorkingDay)
        {
            text.Append(CultureInfo.InvariantCulture, $"วันนี้: ส่งแล้ว {today.Sum(d => d.Reported)}/{today.Sum(d => d.Expected)} คน\n");
        }
        else
        {
            text.Append("วันนี้เป็นวันหยุด\n");
        }

        var received = week.Sum(d => d.ReceivedExpected);
        var expected = week.Sum(d => d.Expected);
        text.Append(CultureInfo.InvariantCulture, $"สัปดาห์นี้ ({ThaiDates.Range(status.Week.Week.Monday, status.Week.CountedThrough)}): ส่ง {received}/{expected} วัน ({DigestFlexBuilder.Percent(expected == 0 ? 1 : (double)received / expected)})\n");
        text.Append("\nรายอำเภอ (วันนี้ คน · สัปดาห์ วัน):\n");
        foreach (var d in week)
        {
            var day = today.FirstOrDefault(t => t.District == d.District);
            text.Append("- ").Append(d.District).Append(CultureInfo.InvariantCulture, $": {day?.Reported ?? 0}/{day?.Expected ?? 0} · {d.ReceivedExpected}/{d.Expected}\n");
        }

        if (context.IsAdmin || context.OfficerDistrict is not null)
        {
            AppendShortfalls(text, await shortfalls.ListMonthAsync(at, ct));
        }

        if (context.IsAdmin && Events.PoisonStore.Notice(await poison.CountAsync(ct)) is { } stuck)
        {
            text.Append('\n').Append(stuck).Append('\n');
        }

        if (context.IsAdmin && await reports.ListDisputedAsync(at - DisputedText.Window, ct) is { Count: > 0 } disputed)
        {
            text.Append(DisputedText.For(disputed));
        }

        return CommandReplies.Text(text.ToString().TrimEnd());
    }

    /// <summary>The month's quota shortfalls, saying only what was actually delivered in their place.</summary>
    private void AppendShortfalls(StringBuilder text, IReadOnlyList<QuotaShortfall> all)
    {
        var groups = all.Where(s => s.IsGroup).ToList();
        if (groups.Count > 0)
        {
            var delivered = groups.Any(s => s.DeliveredInstead is null or > 0);
            text.Append(CultureInfo.InvariantCulture, $"\n⚠️ โควตาข้อความไม่พอ: เดือนนี้งดส่งเข้ากลุ่ม {groups.Count} ครั้ง")
                .Append(delivered ? " (ส่งถึงผู้ดูแลและเจ้าหน้าที่แทน)\n" : " (ส่งแทนถึงผู้ดูแลและเจ้าหน้าที่ไม่สำเร็จ)\n");
            foreach (var s in groups)
            {
                text.Append("- ").Append(JobNames.Thai(s.Job)).Append(' ').Append(ThaiDates.DayMonth(clock.DateOf(s.At)));
                text.Append(s.DeliveredInstead == 0 ? " (ไม่ได้ส่งถึงใคร)\n" : "\n");
            }
        }

        var direct = all.Count(s => !s.IsGroup);
        if (direct > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n⚠️ ครบโควตาข้อความรายเดือนของ LINE: ส่งถึงผู้ดูแล/เจ้าหน้าที่ไม่สำเร็จ {direct} ครั้ง\n");
        }
    }

    public async Task<IReadOnlyList<BotMessage>> MissingAsync(CommandContext context, CancellationToken ct)
    {
        var (rest, period, scope) = await PeriodScopeAsync(context, ct);
        if (scope.Reply is not null)
        {
            return scope.Reply;
        }

        var today = clock.DateOf(context.Request.At);
        var missing = period == Period.Today
            ? await digests.MissingDayAsync(today, context.Request.At, ct)
            : await digests.MissingWeekAsync(today, context.Request.At, ct);
        return CommandReplies.Text(CommandText.Missing(missing, scope.District));
    }

    public async Task<IReadOnlyList<BotMessage>> DigestAsync(CommandContext context, CancellationToken ct)
    {
        var (rest, period, scope) = await PeriodScopeAsync(context, ct);
        if (scope.Reply is not null)
        {
            return scope.Reply;
        }

        var today = clock.DateOf(context.Request.At);
        var (date, dateError) = period == Period.Month ? CommandArgs.MonthOrToday(rest, today) : CommandArgs.DateOrToday(rest, today);
        if (dateError is not null)
        {
            return CommandReplies.Text(dateError);
        }

        if (period == Period.Month)
        {
            var month = await digests.MonthAsync(date.Year, date.Month, context.Request.At, ct);
            return DigestMessages.Text(MonthDigestText.Render(month, scope.District), DigestMessages.Quoted(month.Districts));
        }

        var digest = await digests.WeekAsync(date, context.Request.At, ct);
        if (scope.District is { } only)
        {
            digest = DigestService.ForDistrict(digest, only);
        }

        return DigestMessages.Flex(digest);
    }

    /// <summary>"[อ.district] [period] …" as /ยังไม่ส่ง and /สรุป take it: the rest of the words, the period (a week if none) and who may see what.</summary>
    private async Task<(List<string> Words, Period Period, Scope Scope)> PeriodScopeAsync(CommandContext context, CancellationToken ct)
    {
        var district = CommandArgs.TakeDistrict(context.Request.Args, out var rest);
        var period = CommandArgs.TakePeriod(rest, Period.Week);
        return (rest, period, CommandScope.Resolve(context, district, await digests.ReportersAsync(ct), logger));
    }

    public async Task<IReadOnlyList<BotMessage>> RosterAsync(CommandContext context, CancellationToken ct)
    {
        var roster = await digests.ReportersAsync(ct);
        var scope = CommandScope.Resolve(context, CommandArgs.TakeDistrict(context.Request.Args, out _), roster, logger);
        return scope.Reply ?? CommandReplies.Text(CommandText.Roster(roster, scope.District, clock.DateOf(context.Request.At)));
    }

    public async Task<IReadOnlyList<BotMessage>> MineAsync(CommandContext context, CancellationToken ct)
    {
        if (context.Sender is not { } me)
        {
            return CommandReplies.Text(CommandReplies.NotRegistered);
        }

        var today = clock.DateOf(context.Request.At);
        var input = await digests.LoadWeekAsync(WorkCalendar.WeekOf(today), context.Request.At, ct);
        var digest = WeeklyDigestCalculator.Calculate(input);
        var gap = digest.Districts.SelectMany(d => d.Gaps).FirstOrDefault(g => g.ReporterId == me.Id);
        var days = input.Reports.Where(r => r.ReporterId == me.Id && r.Date is { } d && d <= digest.CountedThrough && r.ReceivedAt <= context.Request.At)
            .Select(r => r.Date!.Value).Distinct().Order().ToList();
        var leave = input.Leave.Where(l => l.ReporterId == me.Id).ToList();
        return CommandReplies.Text(CommandText.Mine(me, digest, days, gap, leave));
    }
}
