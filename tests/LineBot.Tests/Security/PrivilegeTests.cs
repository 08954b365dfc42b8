using System.Reflection;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LineBot.Calendar;
using LineBot.Commands;
using LineBot.Digests;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Security;

/// <summary>
/// A field worker (and an officer, for admin commands) trying every command above their role and pressing every
/// postback button the bot ever sends, over the real app: each gets the polite refusal and nothing is stored.
/// Commands come from <see cref="CommandRouter.Names"/> and buttons from every <see cref="QuickReply"/> in the
/// core assembly and the digest cards, so a new command or button is covered without touching this test.
/// The positive control: the admin's same commands do change storage, so the "no effect" check can fail.
/// </summary>
public sealed class PrivilegeTests
{
    private const string Reporter = "Ureporter1";
    private const string Officer = "Uofficer000000000000000000000001";
    private const string District = "เมืองฉะเชิงเทรา";

    // Arguments that would change something if the role check were missing (names not listed are sent bare).
    private static readonly Dictionary<string, string> Arguments = new(StringComparer.Ordinal)
    {
        ["เจ้าหน้าที่"] = "@มานะ อ.บางคล้า",
        ["officer"] = "@มานะ อ.บางคล้า",
        ["เพิ่มผู้รายงาน"] = "นางสมศรี มีสุข CLM ต.บางสวน อ.บางคล้า",
        ["enrol"] = "นางสมศรี มีสุข CLM ต.บางสวน อ.บางคล้า",
        ["enroll"] = "นางสมศรี มีสุข CLM ต.บางสวน อ.บางคล้า",
        ["ลบผู้รายงาน"] = "นายมานะ ขยันยิ่ง",
        ["unenrol"] = "นายมานะ ขยันยิ่ง",
        ["unenroll"] = "นายมานะ ขยันยิ่ง",
        ["ส่งออก"] = "สัปดาห์",
        ["export"] = "เดือน csv",
    };

    // Admin-only forms of commands open to everyone (their refusal is the command's own, not the router's).
    private static readonly string[] AdminSubcommands =
    [
        "/วันหยุด เพิ่ม 24 ธ.ค. 2569 วันหยุดจังหวัด",
        "/holidays add 2026-12-24 test",
        "/วันหยุด ลบ 5 ธ.ค. 2569",
        "/ลา 17 ธ.ค. 2569 ลากิจ @บี",
    ];

    [Fact]
    public async Task NonAdmin_EveryCommandAboveTheirRole_IsRefusedPolitely_AndChangesNothing()
    {
        await using var bot = await StartAsync();
        var router = bot.Bot.Services.GetRequiredService<CommandRouter>();
        var bookkeeping = await BookkeepingTablesAsync(bot);

        var attempts = new List<(string User, string Text, string Expected)>();
        foreach (var name in router.Names.Order(StringComparer.Ordinal))
        {
            var needed = router.MinRoleOf(name)!.Value;
            var text = Arguments.TryGetValue(name, out var args) ? $"/{name} {args}" : "/" + name;
            if (needed > ReporterRole.Reporter)
            {
                attempts.Add((Reporter, text, CommandReplies.RefusedFor(needed)));
            }

            if (needed > ReporterRole.Officer)
            {
                attempts.Add((Officer, text, CommandReplies.RefusedFor(needed)));
            }
        }

        Assert.Contains(attempts, a => a.Expected == CommandReplies.AdminOnly);
        Assert.Contains(attempts, a => a.Expected == CommandReplies.Refused);
        var before = await SnapshotAsync(bot, bookkeeping);
        var replies = new List<string>();
        foreach (var (user, text, _) in attempts)
        {
            replies.Add(await SendTextAsync(bot, user, text));
        }

        var sub = new List<string>();
        foreach (var text in AdminSubcommands)
        {
            sub.Add(await SendTextAsync(bot, Reporter, text));
            sub.Add(await SendTextAsync(bot, Officer, text));
        }

        var after = await SnapshotAsync(bot, bookkeeping);

        Assert.All(attempts.Zip(replies), a => Assert.True(a.Second == a.First.Expected, $"{a.First.User} {a.First.Text}: {a.Second}"));
        Assert.All(sub, r => Assert.Contains("เฉพาะผู้ดูแลระบบ", r, StringComparison.Ordinal));
        Assert.Equal(before, after);

        // Positive control: the admin's enrol and export do change storage (the snapshot would have seen them).
        Assert.DoesNotContain("ขออภัย", await SendTextAsync(bot, ReportBot.Admin, "/เพิ่มผู้รายงาน " + Arguments["เพิ่มผู้รายงาน"]), StringComparison.Ordinal);
        Assert.DoesNotContain("ขออภัย", await SendTextAsync(bot, ReportBot.Admin, "/ส่งออก สัปดาห์"), StringComparison.Ordinal);
        var control = await SnapshotAsync(bot, bookkeeping);
        Assert.NotEqual(after, control);
        Assert.Contains(control, row => row.StartsWith("blob ", StringComparison.Ordinal) && !after.Contains(row));
    }

    [Fact]
    public async Task FieldWorker_EveryPostbackTheBotSends_AboveTheirRole_IsRefused_AndChangesNothing()
    {
        await using var bot = await StartAsync();
        var router = bot.Bot.Services.GetRequiredService<CommandRouter>();
        var bookkeeping = await BookkeepingTablesAsync(bot);
        var buttons = PostbackData().Where(d => router.MinRoleOf(d.Split(' ')[0]) > ReporterRole.Reporter).ToList();
        // The digest card's three buttons (province and district) and the officer's quick replies at least.
        Assert.True(buttons.Count >= 8, string.Join(", ", buttons));

        var before = await SnapshotAsync(bot, bookkeeping);
        var replies = new List<string>();
        foreach (var data in buttons)
        {
            replies.Add(await SendPostbackAsync(bot, Reporter, data));
        }

        var after = await SnapshotAsync(bot, bookkeeping);

        Assert.All(buttons.Zip(replies), b => Assert.True(b.Second == CommandReplies.RefusedFor(router.MinRoleOf(b.First.Split(' ')[0])!.Value), $"{b.First}: {b.Second}"));
        Assert.Equal(before, after);
        // Positive control: the officer pressing the same buttons is answered (not refused).
        foreach (var data in buttons.Where(b => !b.Contains("อ.", StringComparison.Ordinal) || b.Contains(District, StringComparison.Ordinal)).Take(4))
        {
            Assert.DoesNotContain("ขออภัย", await SendPostbackAsync(bot, Officer, data), StringComparison.Ordinal);
        }
    }

    /// <summary>Every postback's data the bot can send: each QuickReply held by a static member of the core
    /// assembly (and each role's, from methods taking a role), and the buttons of a rendered digest carousel.</summary>
    private static List<string> PostbackData()
    {
        var replies = new List<QuickReply>();
        foreach (var type in typeof(CommandRouter).Assembly.GetTypes())
        {
            const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
            replies.AddRange(type.GetFields(Static).Where(f => f.FieldType == typeof(QuickReply) && !f.FieldType.ContainsGenericParameters).Select(f => f.GetValue(null)).OfType<QuickReply>());
            replies.AddRange(type.GetProperties(Static).Where(p => p.PropertyType == typeof(QuickReply) && p.GetIndexParameters().Length == 0).Select(p => p.GetValue(null)).OfType<QuickReply>());
            foreach (var method in type.GetMethods(Static).Where(m => m.ReturnType == typeof(QuickReply) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(ReporterRole)))
            {
                replies.AddRange(Enum.GetValues<ReporterRole>().Select(role => method.Invoke(null, [role])).OfType<QuickReply>());
            }
        }

        var data = replies.SelectMany(q => q.Items).Select(i => i.Action).OfType<PostbackAction>().Select(a => a.Data).ToList();
        var monday = new DateOnly(2026, 11, 23);
        var roster = new[] { District, "บางคล้า" }.Select((d, i) => new Reporter { Id = "r" + i, Name = "นายทดสอบ " + i, UserId = "U" + i, District = d }).ToList();
        var digest = WeeklyDigestCalculator.Calculate(new DigestInput(roster, [], new HashSet<DateOnly>(), [], new ReportWeek(monday), new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok")));
        foreach (var card in DigestFlexBuilder.Build(digest))
        {
            data.AddRange(Nodes(card).OfType<JsonObject>().Where(o => o["type"] is JsonValue t && t.GetValue<string>() == "postback").Select(o => o["data"]!.GetValue<string>()));
        }

        return [.. data.Where(d => d.StartsWith('/')).Select(d => d[1..]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode node) => node switch
    {
        JsonObject o => o.Where(p => p.Value is not null).SelectMany(p => Nodes(p.Value!)).Prepend(o),
        JsonArray a => a.Where(n => n is not null).SelectMany(n => Nodes(n!)),
        _ => [node],
    };

    private static async Task<ReportBot> StartAsync()
    {
        var bot = await ReportBot.StartAsync();
        await bot.Reporters.SaveAsync(new Reporter { Id = "officer1", Name = "นางสาวใจ ดีมาก", UserId = Officer, Role = ReporterRole.Officer, OfficerDistrict = District }, default);
        await bot.Reporters.SaveAsync(new Reporter { Id = "reporter1", Name = "นายมานะ ขยันยิ่ง", UserId = Reporter, District = District }, default);
        await bot.Reporters.SaveAsync(new Reporter { Id = "reporter2", Name = "นางบี ทดสอบ", UserId = "Ub", District = "บางคล้า" }, default);
        return bot;
    }

    /// <summary>The tables an ordinary chat message writes to (claims, message log): they change whatever is said.</summary>
    private static async Task<HashSet<string>> BookkeepingTablesAsync(ReportBot bot)
    {
        var before = await SnapshotAsync(bot, new HashSet<string>());
        await SendTextAsync(bot, Reporter, "สวัสดีครับ วันนี้ฝนตก");
        await SendPostbackAsync(bot, Reporter, "/ของฉัน");
        var after = await SnapshotAsync(bot, new HashSet<string>());
        return [.. after.Except(before).Concat(before.Except(after)).Select(r => r.Split(' ')[1])];
    }

    /// <summary>Every entity of the run's tables (but <paramref name="excluded"/>) and every blob of its containers.</summary>
    private static async Task<SortedSet<string>> SnapshotAsync(ReportBot bot, IReadOnlySet<string> excluded)
    {
        var rows = new SortedSet<string>(StringComparer.Ordinal);
        var storage = bot.Bot.Storage;
        await foreach (var table in storage.Tables.QueryAsync())
        {
            if (!table.Name.StartsWith(bot.Bot.Prefix, StringComparison.Ordinal) || excluded.Contains(table.Name))
            {
                continue;
            }

            await foreach (var entity in storage.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var values = string.Join(";", entity.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
                rows.Add($"table {table.Name} {entity.PartitionKey}|{entity.RowKey} {values}");
            }
        }

        await foreach (var container in storage.Blobs.GetBlobContainersAsync(prefix: bot.Bot.Prefix))
        {
            await foreach (var blob in storage.Blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                rows.Add($"blob {container.Name} {blob.Name} {blob.Properties.ETag}");
            }
        }

        return rows;
    }

    private static async Task<string> SendTextAsync(ReportBot bot, string userId, string text)
    {
        var count = bot.Replies().Count;
        var evt = ReportBot.Text(text, userId);
        // "@บี" is a real mention of Ub, as LINE marks it (the bot reads mentions, not the @ text).
        if (text.IndexOf("@บี", StringComparison.Ordinal) is var at and >= 0)
        {
            evt["message"]!["mention"] = new JsonObject { ["mentionees"] = new JsonArray(new JsonObject { ["index"] = at, ["length"] = 3, ["type"] = "user", ["userId"] = "Ub" }) };
        }

        await bot.SendAsync(evt);
        return LastReplyText(bot, count);
    }

    private static async Task<string> SendPostbackAsync(ReportBot bot, string userId, string command)
    {
        var count = bot.Replies().Count;
        await bot.SendAsync(WebhookBuilder.Event("postback", ReportBot.Group, userId, ReportBot.Now, extra: new JsonObject
        {
            ["replyToken"] = Guid.NewGuid().ToString("N"),
            ["postback"] = new JsonObject { ["data"] = command.StartsWith('/') ? command : "/" + command },
        }));
        return LastReplyText(bot, count);
    }

    private static string LastReplyText(ReportBot bot, int before)
    {
        var replies = bot.Replies();
        Assert.True(replies.Count <= before + 1, $"expected at most one reply, got {replies.Count - before}");
        return replies.Count == before ? "(no reply)" : string.Join("\n", replies[^1]["messages"]!.AsArray().Select(m => m!["text"]?.GetValue<string>()).Where(t => t is not null));
    }
}
