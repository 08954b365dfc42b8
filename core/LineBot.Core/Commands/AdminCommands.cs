using LineBot.Line;
using LineBot.Reporters;
using Microsoft.Extensions.Logging;

namespace LineBot.Commands;

/// <summary><c>/เจ้าหน้าที่ @mention อ.district</c>: an admin makes the mentioned user the officer of a district.</summary>
internal sealed class AdminCommands(ReporterStore reporters, ILogger<AdminCommands> logger)
{
    public async Task<IReadOnlyList<BotMessage>> AssignOfficerAsync(CommandContext context, CancellationToken ct)
    {
        var request = context.Request;
        var typed = CommandArgs.TakeDistrict(request.Args, out _);
        if (request.Mentions.Count != 1 || typed is null)
        {
            return CommandReplies.Text("ใช้: /เจ้าหน้าที่ @ชื่อผู้ใช้ อ.ชื่ออำเภอ (กล่าวถึงหนึ่งคน)");
        }

        var roster = await reporters.ListAsync(ct);
        var known = roster.Where(r => !string.IsNullOrWhiteSpace(r.District)).Select(r => r.District!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var district = known.Count == 0 ? typed : CommandArgs.Match(typed, known);
        if (district is null)
        {
            return CommandReplies.Text($"ไม่พบอำเภอ \"{typed}\"\nอำเภอที่มีผู้รายงาน: {string.Join(", ", known.Order(Digests.WeeklyDigestCalculator.ThaiOrder))}");
        }

        var mention = request.Mentions[0];
        var existing = await reporters.FindByUserIdAsync(mention.UserId, ct);
        var name = existing?.Name ?? mention.DisplayText?.TrimStart('@').Trim() ?? "เจ้าหน้าที่";
        var officer = (existing ?? new Reporter { Id = mention.UserId, Name = name, UserId = mention.UserId }) with
        {
            Role = ReporterRole.Officer,
            OfficerDistrict = district,
            District = existing?.District ?? district,
        };
        await reporters.SaveAsync(officer, ct);
        Log.OfficerAssigned(logger, mention.UserId, district, request.UserId);
        request.RolesStored.Add(officer);
        var note = existing is { Role: ReporterRole.Reporter } ? "\n(เดิมเป็นผู้รายงาน: จากนี้จะไม่นับเป็นผู้ที่ต้องส่งรายงาน)" : "";
        return CommandReplies.Text($"✅ ตั้ง {name} เป็นเจ้าหน้าที่อำเภอ{district} แล้ว จะได้รับสรุปประจำสัปดาห์ของอำเภอทางแชตส่วนตัว{note}");
    }
}
