using LineBot.Load.Rig;

namespace LineBot.Load;

/// <summary>Every captured log line of a run, searched for the channel secret, the access token and message text.</summary>
internal static class LogScan
{
    public static IReadOnlyList<string> Leaks(IEnumerable<string> logFiles)
    {
        string[] secrets = [BotProcess.Secret, BotProcess.AccessToken, WebhookMix.Marker, "ขุดคลองไส้ไก่"];
        var leaks = new List<string>();
        foreach (var file in logFiles.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                foreach (var secret in secrets.Where(s => line.Contains(s, StringComparison.Ordinal)))
                {
                    leaks.Add($"{Path.GetFileName(file)}:{number}: contains \"{secret}\"");
                }
            }
        }

        return leaks;
    }

    public static long Lines(IEnumerable<string> logFiles) =>
        logFiles.Where(File.Exists).Sum(f => (long)File.ReadLines(f).Count());
}
