using LineBot.Calendar;
using LineBot.Line;
using LineBot.Reporters;
using Microsoft.Extensions.Logging;

namespace LineBot.Commands;

/// <summary>
/// <c>/วันหยุด [เพิ่ม date name | ลบ date]</c>, <c>/ลา date-or-range [reason]</c> and <c>/ลา ยกเลิก date</c> (cancels the
/// leave covering that date); for leave an admin may name or @-mention someone.
/// </summary>
internal sealed class CalendarCommands(HolidayStore holidays, LeaveStore leave, ReporterStore reporters, BotClock clock, ILogger<CalendarCommands> logger)
{
    private static readonly string[] AddWords = ["เพิ่ม", "add"];
    private static readonly string[] RemoveWords = ["ลบ", "remove"];
    private static readonly string[] CancelWords = ["ยกเลิก", "cancel"];

    public async Task<IReadOnlyList<BotMessage>> HolidaysAsync(CommandContext context, CancellationToken ct)
    {
        var args = context.Request.Args;
        var today = clock.DateOf(context.Request.At);
        var adding = args.Count > 0 && AddWords.Contains(args[0], StringComparer.OrdinalIgnoreCase);
        var removing = args.Count > 0 && RemoveWords.Contains(args[0], StringComparer.OrdinalIgnoreCase);
        if (!adding && !removing)
        {
            return CommandReplies.Text(CalendarText.Holidays(today.Year, await holidays.ListAsync(today.Year, ct), from: today));
        }

        if (!context.IsAdmin)
        {
            Log.Refused(logger, context.Request.Name, context.Request.UserId, context.Role);
            return CommandReplies.Text("ขออภัย การเพิ่มหรือลบวันหยุดทำได้เฉพาะผู้ดูแลระบบ 🙏");
        }

        var parsed = CommandDateParser.ParseDate(string.Join(' ', args.Skip(1)), today);
        if (!parsed.Success)
        {
            return CommandReplies.Text(parsed.Error!);
        }

        if (removing)
        {
            var removed = await holidays.RemoveAsync(parsed.From, context.Request.UserId, ct);
            return CommandReplies.Text(removed ? $"ลบวันหยุด {ThaiDates.Short(parsed.From)} แล้ว" : $"{ThaiDates.Short(parsed.From)} ไม่ได้เป็นวันหยุด");
        }

        if (parsed.Rest.Length == 0)
        {
            return CommandReplies.Text("ระบุชื่อวันหยุดด้วย เช่น /วันหยุด เพิ่ม 24 ธ.ค. 2569 วันหยุดพิเศษของจังหวัด");
        }

        await holidays.AddAsync(parsed.From, parsed.Rest, context.Request.UserId, ct);
        return CommandReplies.Text($"✅ เพิ่มวันหยุด {ThaiDates.DayAbbreviation(parsed.From)} {ThaiDates.Short(parsed.From)} {parsed.Rest} แล้ว");
    }

    public async Task<IReadOnlyList<BotMessage>> LeaveAsync(CommandContext context, CancellationToken ct)
    {
        var request = context.Request;
        var today = clock.DateOf(request.At);
        if (request.Args.Count > 0 && CancelWords.Contains(request.Args[0], StringComparer.OrdinalIgnoreCase))
        {
            return await CancelLeaveAsync(context, today, ct);
        }

        // Mentions arrive as "@name" words in the args; they name the person, not the reason.
        var words = request.Args.Where(a => !a.StartsWith('@')).ToList();
        var parsed = CommandDateParser.ParseRange(string.Join(' ', words), today);
        if (!parsed.Success)
        {
            return CommandReplies.Text(parsed.Error! + "\nใช้: /ลา 3-5 ธ.ค. [เหตุผล]");
        }

        if (parsed.To.DayNumber - parsed.From.DayNumber + 1 > LeaveStore.MaxDays)
        {
            return CommandReplies.Text($"ลาได้ครั้งละไม่เกิน {LeaveStore.MaxDays} วัน");
        }

        var reason = parsed.Rest;
        Reporter? other = null;
        if (request.Mentions.Count > 0)
        {
            other = await reporters.FindByUserIdAsync(request.Mentions[0].UserId, ct);
            if (other is null)
            {
                return CommandReplies.Text("ไม่พบผู้รายงานที่กล่าวถึง (ยังไม่ได้ลงทะเบียน)");
            }
        }
        else if (context.IsAdmin && reason.Length > 0 && await reporters.FindByNameAsync(reason, ct) is { } named)
        {
            other = named;
            reason = "";
        }

        var (target, refused) = Whose(context, other, "ขออภัย การบันทึกการลาแทนผู้อื่นทำได้เฉพาะผู้ดูแลระบบ 🙏");
        if (target is null)
        {
            return refused!;
        }

        await leave.AddAsync(new LeaveEntry(target.Id, parsed.From, parsed.To) { ReporterName = target.Name, Reason = reason.Length > 0 ? reason : null, AddedBy = request.UserId }, ct);
        var days = await holidays.DatesAsync(parsed.From, parsed.To, ct);
        return CommandReplies.Text(CalendarText.LeaveRecorded(target.Name, parsed.From, parsed.To, days));
    }

    /// <summary><c>/ลา ยกเลิก date</c>: removes the sender's leave on that date (an admin may name or @-mention someone).</summary>
    private async Task<IReadOnlyList<BotMessage>> CancelLeaveAsync(CommandContext context, DateOnly today, CancellationToken ct)
    {
        var request = context.Request;
        var words = request.Args.Skip(1).Where(a => !a.StartsWith('@')).ToList();
        var parsed = CommandDateParser.ParseDate(string.Join(' ', words), today);
        if (!parsed.Success)
        {
            return CommandReplies.Text(parsed.Error! + "\nใช้: /ลา ยกเลิก 3 ธ.ค.");
        }

        Reporter? other = request.Mentions.Count > 0 ? await reporters.FindByUserIdAsync(request.Mentions[0].UserId, ct)
            : context.IsAdmin && parsed.Rest.Length > 0 ? await reporters.FindByNameAsync(parsed.Rest, ct)
            : null;
        var (target, refused) = Whose(context, other, "ขออภัย การยกเลิกการลาแทนผู้อื่นทำได้เฉพาะผู้ดูแลระบบ 🙏");
        if (target is null)
        {
            return refused!;
        }

        var entry = (await leave.ListAsync(parsed.From, parsed.From, ct)).FirstOrDefault(l => l.ReporterId == target.Id);
        if (entry is null || !await leave.RemoveAsync(target.Id, entry.From, ct))
        {
            return CommandReplies.Text($"ไม่พบการลาของ {target.Name} ในวันที่ {ThaiDates.Short(parsed.From)}");
        }

        return CommandReplies.Text($"✅ ยกเลิกการลาของ {target.Name}: {ThaiDates.Range(entry.From, entry.To)} แล้ว");
    }

    /// <summary>Whose leave a request is about: the sender's, or (for an admin only) the person named or mentioned; otherwise the reply.</summary>
    private (Reporter? Target, IReadOnlyList<BotMessage>? Reply) Whose(CommandContext context, Reporter? other, string refusal)
    {
        var target = context.Sender;
        if (other is not null && other.Id != target?.Id)
        {
            if (!context.IsAdmin)
            {
                Log.Refused(logger, context.Request.Name, context.Request.UserId, context.Role);
                return (null, CommandReplies.Text(refusal));
            }

            target = other;
        }

        return target is null ? (null, CommandReplies.Text(CommandReplies.NotRegistered)) : (target, null);
    }
}
