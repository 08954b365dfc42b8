using System.Text;
using LineBot.Calendar;
using LineBot.Configuration;
using LineBot.Line;
using LineBot.Reporters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Commands;

/// <summary>
/// Admin, officer and reporter commands: a name → handler map (Thai names and English aliases), the sender's role
/// (admins from <c>Bot:AdminUserIds</c>, officers from the roster, everyone else a reporter), help for unknown
/// commands and a polite, logged refusal for commands above the sender's role. Replies are free: no push quota.
/// </summary>
internal sealed class CommandRouter
{
    private readonly Dictionary<string, CommandSpec> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<CommandSpec> _specs;
    private readonly IOptions<BotOptions> _options;
    private readonly ReporterStore _reporters;
    private readonly ILogger<CommandRouter> _logger;

    public CommandRouter(IOptions<BotOptions> options, ReporterStore reporters, ReportCommands reports, ExportCommands exports, AdminCommands admin, CalendarCommands calendar, EnrolCommands enrol, ILogger<CommandRouter> logger)
    {
        _options = options;
        _reporters = reporters;
        _logger = logger;
        _specs =
        [
            new("ช่วยเหลือ", ["help", "วิธีใช้"], ReporterRole.Reporter, "คำสั่งที่ใช้ได้", (c, _) => Task.FromResult(c.Request.Args is [var topic, ..] && IsReportTopic(topic) ? ReportTemplate(c.Sender, c.Request.At) : Help(c.Role))),
            new("ของฉัน", ["me", "mine"], ReporterRole.Reporter, "การส่งรายงานของฉันสัปดาห์นี้", reports.MineAsync),
            new("ลา", ["leave"], ReporterRole.Reporter, "บันทึกการลา เช่น /ลา 3-5 ธ.ค. ลาป่วย (ยกเลิก เช่น /ลา ยกเลิก 3 ธ.ค.)", calendar.LeaveAsync),
            new("วันหยุด", ["holidays", "holiday"], ReporterRole.Reporter, "วันหยุดที่เหลือของปี (ผู้ดูแล: /วันหยุด เพิ่ม 5 ธ.ค. 2569 วันพ่อ, /วันหยุด ลบ 5 ธ.ค. 2569)", calendar.HolidaysAsync),
            new("สถานะ", ["status"], ReporterRole.Officer, "วันนี้และสัปดาห์นี้ ส่งแล้ว/ต้องส่ง รายอำเภอ", reports.StatusAsync),
            new("ยังไม่ส่ง", ["missing"], ReporterRole.Officer, "ผู้ที่ยังไม่ส่ง เช่น /ยังไม่ส่ง วันนี้ หรือ /ยังไม่ส่ง สัปดาห์ อ.บางปะกง", reports.MissingAsync),
            new("สรุป", ["digest", "summary"], ReporterRole.Officer, "สรุปรายงาน เช่น /สรุป สัปดาห์ หรือ /สรุป เดือน พ.ย. อ.บางปะกง", reports.DigestAsync),
            new("ส่งออก", ["export"], ReporterRole.Officer, "ไฟล์ Excel เช่น /ส่งออก สัปดาห์ หรือ /ส่งออก เดือน พ.ย. อ.บางปะกง (ต่อท้าย csv ได้ไฟล์ CSV)", exports.ExportAsync),
            new("ผู้รายงาน", ["reporters", "roster"], ReporterRole.Officer, "ผู้ที่ต้องส่งรายงาน วันที่ส่งล่าสุด และผู้ที่ยังไม่เคยส่ง", reports.RosterAsync),
            new("เจ้าหน้าที่", ["officer"], ReporterRole.Admin, "ตั้งเจ้าหน้าที่อำเภอ เช่น /เจ้าหน้าที่ @สมหญิง อ.บางปะกง", admin.AssignOfficerAsync),
            new("เพิ่มผู้รายงาน", ["enrol", "enroll"], ReporterRole.Admin, "เพิ่มผู้ที่ต้องส่งรายงาน หนึ่งคนต่อบรรทัด เช่น /เพิ่มผู้รายงาน @สมศรี อ.บางคล้า หรือ นางสมศรี มีสุข CLM ต.บางสวน อ.บางคล้า (หรือส่งไฟล์รายชื่อ CSV/Excel ในแชตส่วนตัว)", enrol.EnrolAsync),
            new("ลบผู้รายงาน", ["unenrol", "unenroll"], ReporterRole.Admin, "ไม่ต้องส่งรายงานอีกตั้งแต่วันนี้ เช่น /ลบผู้รายงาน @สมศรี หรือ /ลบผู้รายงาน นางสมศรี มีสุข", enrol.RemoveAsync),
        ];
        foreach (var spec in _specs)
        {
            _byName.Add(spec.Name, spec);
            foreach (var alias in spec.Aliases)
            {
                _byName.Add(alias, spec);
            }
        }
    }

    /// <summary>Every name and alias the router answers to (without the slash).</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The least role that may run <paramref name="name"/> (a name or alias, without the slash); null if unknown.</summary>
    public ReporterRole? MinRoleOf(string name) => _byName.TryGetValue(name.Trim().TrimStart('/'), out var spec) ? spec.MinRole : null;

    public async Task<IReadOnlyList<BotMessage>> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        var (role, sender) = await ResolveAsync(request.UserId, ct);
        var context = new CommandContext(request, role, sender);
        if (!_byName.TryGetValue(request.Name.Trim().TrimStart('/'), out var spec))
        {
            Log.Unknown(_logger, role);
            return QuickReplies.OnLast(Help(role), CommandNextSteps.For(role));
        }

        if (role < spec.MinRole)
        {
            Log.Refused(_logger, spec.Name, request.UserId, role);
            return QuickReplies.OnLast(CommandReplies.Text(CommandReplies.RefusedFor(spec.MinRole)), CommandNextSteps.For(role));
        }

        var reply = await spec.Handler(context, ct);
        Log.Handled(_logger, spec.Name, role);
        return QuickReplies.OnLast(reply, CommandNextSteps.For(role));
    }

    /// <summary>Admins by configuration (or a stored Admin role), officers by the roster with a district, else reporter.</summary>
    public async Task<(ReporterRole Role, Reporter? Sender)> ResolveAsync(string? userId, CancellationToken ct)
    {
        var sender = userId is null ? null : await _reporters.FindByUserIdAsync(userId, ct);
        if (_options.Value.IsAdmin(userId) || sender?.Role == ReporterRole.Admin)
        {
            return (ReporterRole.Admin, sender);
        }

        return sender is { Role: ReporterRole.Officer, OfficerDistrict.Length: > 0 }
            ? (ReporterRole.Officer, sender)
            : (ReporterRole.Reporter, sender);
    }

    /// <summary><c>/ช่วยเหลือ รายงาน</c>: how to write a daily report, and a template to copy (its own message).</summary>
    public static IReadOnlyList<BotMessage> ReportTemplate() =>
        [new BotMessage(Reports.ReportReplies.TemplateIntro), new BotMessage(Reports.ReportReplies.Template)];

    /// <summary>The template filled with what is known of the sender (name, site) and today's date; the generic one for strangers.</summary>
    private IReadOnlyList<BotMessage> ReportTemplate(Reporter? sender, DateTimeOffset at) =>
        sender is null
            ? ReportTemplate()
            : [new BotMessage(Reports.ReportReplies.TemplateIntro), new BotMessage(FilledReportTemplate.For(sender, BotClock.DateIn(at, TimeZoneInfo.FindSystemTimeZoneById(_options.Value.TimeZone))))];

    private static bool IsReportTopic(string topic) =>
        topic.Trim() is "รายงาน" or "report" or "แบบรายงาน" or "ตัวอย่าง";

    public IReadOnlyList<BotMessage> Help(ReporterRole role)
    {
        var text = new StringBuilder();
        text.Append(role switch
        {
            ReporterRole.Admin => "คำสั่งสำหรับผู้ดูแลระบบ",
            ReporterRole.Officer => "คำสั่งสำหรับเจ้าหน้าที่อำเภอ (ข้อมูลเฉพาะอำเภอของท่าน)",
            _ => "คำสั่งที่ใช้ได้",
        }).Append('\n');
        foreach (var spec in _specs.Where(s => s.MinRole <= role))
        {
            text.Append('/').Append(spec.Name).Append(" — ").Append(spec.Help).Append('\n');
        }

        if (role == ReporterRole.Reporter)
        {
            text.Append("/ลงทะเบียน — ลงทะเบียนครั้งเดียว เช่น ").Append(Reports.ReportReplies.RegistrationExample).Append('\n');
        }

        text.Append("/ช่วยเหลือ รายงาน — แบบรายงานประจำวันสำหรับคัดลอก\n");

        return CommandReplies.Text(text.ToString().TrimEnd());
    }
}
