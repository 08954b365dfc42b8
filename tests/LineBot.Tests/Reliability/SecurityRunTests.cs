using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using LineBot.Load;
using LineBot.Load.Rig;

namespace LineBot.Tests.Reliability;

/// <summary>
/// The security checks of one run against <c>linebot serve</c> as a process: signature bypass attempts, a replayed
/// signed body, a group not allow-listed, a non-admin trying every officer and admin command, containers not public,
/// and no secret, access token or message text in any log line of the run.
/// </summary>
[Collection(nameof(ProcessRigs))]
public sealed class SecurityRunTests
{
    private static readonly string[] OfficerAndAdminCommands =
    [
        "/สถานะ", "/status", "/ยังไม่ส่ง", "/missing", "/สรุป", "/digest", "/summary", "/ส่งออก", "/export", "/ส่งออก เดือน csv",
        "/ผู้รายงาน", "/reporters", "/roster", "/เจ้าหน้าที่ @สมชาย อ.เมืองฉะเชิงเทรา", "/officer @x อ.บางปะกง",
        "/วันหยุด เพิ่ม 5 ธ.ค. 2569 วันทดสอบ", "/วันหยุด ลบ 5 ธ.ค. 2569", "/holidays add 2026-12-05 test",
    ];

    [Fact]
    public async Task Run_BypassAttempts_Refused_NothingProcessed_NoLeaks()
    {
        await using var rig = await Rigs.StartAsync(seed: 5);
        var attempts = new WebhookMix(rig.Mix.GroupId, 77);

        // Signatures an attacker without the secret can make.
        var statuses = new List<(string Case, int Status)>();
        foreach (var (name, forged) in Forgeries(attempts, out var bodies))
        {
            statuses.Add((name, await rig.Sender.PostAsync(bodies[name], forged)));
        }

        var duplicated = attempts.Next(LoadRunner.Now()).Body(false);
        statuses.Add(("two forged headers", await RawPostAsync(rig.Bot.Port, duplicated, [Forge(duplicated), "AAAA"])));
        statuses.Add(("forged, then empty", await RawPostAsync(rig.Bot.Port, duplicated, [Forge(duplicated), ""])));
        Assert.All(statuses, s => Assert.True(s.Status == 401, $"{s.Case}: {s.Status}"));

        // A signed body replayed, and events from a group that is not allow-listed.
        var report = rig.Mix.Next(LoadRunner.Now());
        var replayBody = report.Body(false);
        var signature = Signature.Sign(BotProcess.Secret, replayBody);
        Assert.Equal(200, await rig.Sender.PostAsync(replayBody, signature));
        var stranger = new WebhookMix("C" + new string('e', 32), 78);
        var foreign = stranger.Next(LoadRunner.Now());
        Assert.Equal(200, await rig.Sender.SendAsync(foreign, redeliverOnFailure: false));

        // A reporter (no role) trying every officer and admin command.
        var commands = OfficerAndAdminCommands.Select(c => rig.Mix.TextFrom("U" + new string('7', 32), c, LoadRunner.Now())).ToArray();
        foreach (var command in commands)
        {
            Assert.Equal(200, await rig.Sender.SendAsync(command, redeliverOnFailure: false));
        }

        Assert.True(await rig.WaitProcessedAsync(TimeSpan.FromSeconds(120)));
        Assert.Equal(200, await rig.Sender.PostAsync(replayBody, signature));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.True(await rig.WaitProcessedAsync(TimeSpan.FromSeconds(60)));

        var done = await Accounting.DoneIdsAsync(rig.Storage, rig.Prefix);
        Assert.DoesNotContain(attempts.Ledger.Keys, done.Contains);
        Assert.DoesNotContain(stranger.Ledger.Keys, done.Contains);
        var accounting = await rig.AccountAsync();
        Assert.True(accounting.ExactlyOnce, accounting.ToString());
        foreach (var command in commands)
        {
            var token = command.Events[0]["replyToken"]!.GetValue<string>();
            Assert.True(rig.Line.ReplyTextByToken.TryGetValue(token, out var reply), $"{command.Events[0]["message"]!["text"]}: no reply");
            Assert.Contains("ขออภัย", reply, StringComparison.Ordinal);
        }

        var blobs = new BlobServiceClient(rig.Storage);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: rig.Prefix))
        {
            Assert.Equal(PublicAccessType.None, container.Properties.PublicAccess ?? PublicAccessType.None);
        }

        Assert.Empty(LogScan.Leaks([rig.Bot.LogPath]));
    }

    private static Dictionary<string, string?> Forgeries(WebhookMix mix, out Dictionary<string, byte[]> bodies)
    {
        var names = new[] { "no header", "empty", "truncated", "other secret", "base64url", "no padding", "hex", "other body", "valid with a space", "lower case" };
        bodies = names.ToDictionary(n => n, _ => mix.Next(LoadRunner.Now()).Body(false));
        var real = bodies.ToDictionary(b => b.Key, b => Signature.Sign(BotProcess.Secret, b.Value));
        var hmac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(BotProcess.Secret), bodies["hex"]);
        return new Dictionary<string, string?>
        {
            ["no header"] = null,
            ["empty"] = " ",
            ["truncated"] = real["truncated"][..^4],
            ["other secret"] = Signature.Sign("another-channel-secret-123", bodies["other secret"]),
            ["base64url"] = real["base64url"].Replace('+', '-').Replace('/', '_').TrimEnd('='),
            ["no padding"] = real["no padding"].TrimEnd('=') + "A",
            ["hex"] = Convert.ToHexStringLower(hmac),
            ["other body"] = Signature.Sign(BotProcess.Secret, Encoding.UTF8.GetBytes("{\"destination\":\"U0\",\"events\":[]}")),
            ["valid with a space"] = " " + real["valid with a space"][..^1] + " ",
            ["lower case"] = real["lower case"].ToLowerInvariant() == real["lower case"] ? "x" + real["lower case"] : real["lower case"].ToLowerInvariant(),
        };
    }

    private static string Forge(byte[] body) => Signature.Sign("not-the-secret-0000", body);

    // HttpClient folds repeated headers into one; a raw request sends each on its own line, as an attacker can.
    private static async Task<int> RawPostAsync(int port, byte[] body, string[] signatures)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        await using var stream = client.GetStream();
        var head = new StringBuilder();
        head.Append("POST /api/line/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n");
        foreach (var signature in signatures)
        {
            head.Append("x-line-signature: ").Append(signature).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync() ?? "";
        return int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
