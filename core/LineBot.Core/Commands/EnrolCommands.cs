using System.Globalization;
using System.Text;
using LineBot.Calendar;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.Reports;
using LineBot.Reports.Parsing;
using Microsoft.Extensions.Logging;

namespace LineBot.Commands;

/// <summary>
/// An admin says who is expected to report before they post: <c>/เพิ่มผู้รายงาน</c> with one person per line, by
/// @mention (links their LINE user; the district is needed, the rest of the site optional) or by name with the site
/// as <c>/ลงทะเบียน</c> takes it; and <c>/ลบผู้รายงาน</c> (by @mention or name), which ends what they owe from today
/// and keeps their history. Start dates are today's.
/// </summary>
internal sealed class EnrolCommands(ReporterStore reporters, ReportParser parser, BotClock clock, ILogger<EnrolCommands> logger)
{
    public const string EnrolUsage =
        "ใช้: /เพิ่มผู้รายงาน แล้วตามด้วยหนึ่งคนต่อบรรทัด\n- @ชื่อในไลน์ อ.อำเภอ [CLM|HLM ต.ตำบล]\n- ชื่อ-สกุล CLM|HLM ต.ตำบล อ.อำเภอ";

    public async Task<IReadOnlyList<BotMessage>> EnrolAsync(CommandContext context, CancellationToken ct)
    {
        var request = context.Request;
        var lines = Lines(request);
        if (lines.Count == 0)
        {
            return CommandReplies.Text(EnrolUsage);
        }

        var today = clock.DateOf(request.At);
        var roster = (await reporters.ListAsync(ct)).ToList();
        var done = new List<string>();
        var refused = new List<string>();
        foreach (var line in lines)
        {
            var mentioned = request.Mentions.Where(m => m.DisplayText is { Length: > 0 } shown && line.Contains(shown, StringComparison.Ordinal)).ToList();
            var rest = mentioned.Aggregate(line, (text, m) => text.Replace(m.DisplayText!, " ", StringComparison.Ordinal)).Trim();
            if (mentioned.Count > 0)
            {
                // Read the site as a registration would, with a stand-in name: the person is the one mentioned.
                var site = parser.Parse(RegistrationOf("ชื่อ " + rest), request.At);
                if (site.District is null)
                {
                    refused.Add($"{line}: ไม่พบอำเภอ (อ.…)");
                    continue;
                }

                foreach (var mention in mentioned)
                {
                    var name = NameCleaner.Clean(mention.DisplayText!.TrimStart('@').Trim()) ?? mention.DisplayText!.TrimStart('@').Trim();
                    var existing = await reporters.FindByUserIdAsync(mention.UserId, ct) ?? Unlinked(roster, name);
                    done.Add(await SaveAsync(request, existing, name, mention.UserId, site.Site, today, ct));
                }

                continue;
            }

            var parsed = parser.Parse(RegistrationOf(rest), request.At);
            if (parsed.Errors.Count > 0 || parsed.Reporter is not { } written)
            {
                refused.Add($"{line}: {string.Join(", ", parsed.Errors)}");
                continue;
            }

            done.Add(await SaveAsync(request, Unlinked(roster, written) ?? roster.Find(r => PersonNames.Key(r.Name) == PersonNames.Key(written)), written, null, parsed.Site, today, ct));
        }

        Log.Enrolled(logger, done.Count, refused.Count, request.UserId);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"✅ เพิ่มผู้รายงาน {done.Count} คน (ต้องส่งรายงานตั้งแต่ {ThaiDates.Short(today)})");
        foreach (var who in done)
        {
            text.Append("\n- ").Append(who);
        }

        if (refused.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n⚠️ ไม่ได้เพิ่ม {refused.Count} บรรทัด:");
            foreach (var why in refused)
            {
                text.Append("\n- ").Append(why);
            }

            text.Append('\n').Append(EnrolUsage);
        }

        return CommandReplies.Text(text.ToString());
    }

    public async Task<IReadOnlyList<BotMessage>> RemoveAsync(CommandContext context, CancellationToken ct)
    {
        var request = context.Request;
        Reporter? target = null;
        if (request.Mentions.Count > 0)
        {
            target = await reporters.FindByUserIdAsync(request.Mentions[0].UserId, ct);
        }
        else if (request.Args.Count > 0)
        {
            target = await reporters.FindByNameAsync(string.Join(' ', request.Args), ct);
        }
        else
        {
            return CommandReplies.Text("ใช้: /ลบผู้รายงาน @ชื่อ หรือ /ลบผู้รายงาน ชื่อ-สกุล");
        }

        if (target is not { Role: ReporterRole.Reporter })
        {
            return CommandReplies.Text("ไม่พบผู้รายงานที่ระบุ");
        }

        var today = clock.DateOf(request.At);
        var end = today.AddDays(-1);
        await reporters.SaveAsync(target with { EndDate = target.StartDate is { } start && start > end ? start.AddDays(-1) : end }, ct);
        Log.Removed(logger, target.Id, request.UserId);
        return CommandReplies.Text($"✅ {target.Name} ไม่ต้องส่งรายงานตั้งแต่ {ThaiDates.Short(today)} (ข้อมูลรายงานเดิมยังอยู่)");
    }

    /// <summary>One person per line: what follows the command on its line, then each further line.</summary>
    private static List<string> Lines(CommandRequest request)
    {
        var text = request.Text ?? ("/" + request.Name + " " + string.Join(' ', request.Args));
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();
        if (lines.Count > 0)
        {
            var first = lines[0];
            var space = first.IndexOf(' ', StringComparison.Ordinal);
            lines[0] = first.StartsWith('/') ? (space < 0 ? "" : first[(space + 1)..].Trim()) : first;
        }

        return [.. lines.Where(l => l.Length > 0)];
    }

    /// <summary>A roster entry of that name not yet linked to a LINE user.</summary>
    private static Reporter? Unlinked(List<Reporter> roster, string name) =>
        roster.Find(r => r.UserId is null && PersonNames.Key(r.Name) == PersonNames.Key(name));

    private async Task<string> SaveAsync(CommandRequest request, Reporter? existing, string name, string? userId, Site site, DateOnly today, CancellationToken ct)
    {
        var id = existing?.Id ?? userId ?? ReporterStore.NameId(name);
        var reporter = (existing ?? new Reporter { Id = id, Name = name, StartDate = today }) with { UserId = userId ?? existing?.UserId };
        reporter = reporter.WithSite(site.Or(reporter.Site) with { District = site.District ?? reporter.District });
        if (reporter.EndDate is not null || reporter.StartDate is null)
        {
            // Someone who had left (or a profile from before start dates) is expected again from today.
            reporter = reporter with { StartDate = today, EndDate = null };
        }

        await reporters.SaveAsync(reporter, ct);
        request.RolesStored.Add(reporter);
        return reporter.Site.Label() is { Length: > 0 } label ? $"{reporter.Name} ({label})" : reporter.Name;
    }

    private static string RegistrationOf(string rest) => "/ลงทะเบียน " + rest;
}
