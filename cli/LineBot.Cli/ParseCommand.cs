using System.Globalization;
using System.Text;
using System.Text.Json;
using LineBot.Configuration;
using LineBot.Reports.Parsing;
using Microsoft.Extensions.Configuration;

namespace LineBot.Cli;

/// <summary>
/// <c>linebot parse [--now ISO-8601]</c>: one message from stdin → one JSON object; <c>linebot parse --jsonl</c>:
/// lines <c>{"text": …, "now": …}</c> → one object per line, in order. Pure: no storage, no LINE, only the
/// <c>Bot</c> settings (province, gazetteer, time zone) from defaults, appsettings.Local.json or the environment.
/// <c>--explain</c> prints, before the JSON, what each line was taken as and why, and why the message is a report or not.
/// </summary>
internal static class ParseCommand
{
    private const string UsageText = "usage: linebot parse [--now ISO-8601] [--jsonl | --explain]";

    public static async Task<int> RunAsync(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var input = new StreamReader(Console.OpenStandardInput(), utf8);
        await using var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { NewLine = "\n" };
        return await RunAsync(args, input, output, Console.Error, TimeProvider.System, LoadOptions());
    }

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, TimeProvider time, BotOptions options)
    {
        var jsonl = false;
        var explain = false;
        string? nowText = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--jsonl":
                    jsonl = true;
                    break;
                case "--explain":
                    explain = true;
                    break;
                case "--now" when i + 1 < args.Length:
                    nowText = args[++i];
                    break;
                default:
                    await error.WriteLineAsync(UsageText);
                    return 2;
            }
        }

        ReportParser parser;
        try
        {
            parser = ReportParser.Create(options);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or InvalidOperationException or TimeZoneNotFoundException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"linebot parse: {e.Message}");
            return 1;
        }

        DateTimeOffset now;
        if (nowText is null)
        {
            now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), parser.Zone);
        }
        else if (!TryParseNow(nowText, parser.Zone, out now))
        {
            await error.WriteLineAsync($"linebot parse: --now '{nowText}' is not an ISO-8601 date and time.");
            return 2;
        }

        if (explain && !jsonl)
        {
            await ExplainAsync(await input.ReadToEndAsync(), parser, now, output);
            return 0;
        }

        if (!jsonl)
        {
            var text = await input.ReadToEndAsync();
            await output.WriteLineAsync(ParsedMessageJson.Serialize(parser.Parse(text, now)));
            await output.FlushAsync();
            return 0;
        }

        while (await input.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            await output.WriteLineAsync(ParsedMessageJson.Serialize(ParseLine(line, parser, now)));
        }

        await output.FlushAsync();
        return 0;
    }

    /// <summary>One line per message line: "N | text → taken as — why"; then the verdict and the JSON.</summary>
    private static async Task ExplainAsync(string text, ReportParser parser, DateTimeOffset now, TextWriter output)
    {
        var (message, notes) = parser.Explain(text, now);
        foreach (var note in notes.Where(n => n.Line > 0))
        {
            await output.WriteLineAsync($"{note.Line,3} | {note.Text} → {note.TakenAs} — {note.Why}");
        }

        foreach (var note in notes.Where(n => n.Line == 0))
        {
            await output.WriteLineAsync($"ผล: {note.TakenAs} — {note.Why}");
        }

        if (message.AsksAboutReport)
        {
            await output.WriteLineAsync("ผล: ถามถึงรายงานที่ส่ง (ควรตอบพร้อมแบบรายงาน)");
        }

        await output.WriteLineAsync(ParsedMessageJson.Serialize(message));
        await output.FlushAsync();
    }

    private static ParsedMessage ParseLine(string line, ReportParser parser, DateTimeOffset defaultNow)
    {
        ParseInput? item;
        try
        {
            item = ParsedMessageJson.ReadInput(line);
        }
        catch (JsonException)
        {
            return new ParsedMessage { Errors = ["บรรทัดนี้ไม่ใช่ JSON ที่ถูกต้อง (ต้องเป็น {\"text\": \"…\", \"now\": \"…\"})"] };
        }

        if (item?.Text is null)
        {
            return new ParsedMessage { Errors = ["ไม่พบ \"text\" ในบรรทัดนี้"] };
        }

        var now = defaultNow;
        if (item.Now is not null && !TryParseNow(item.Now, parser.Zone, out now))
        {
            return new ParsedMessage { Errors = [$"\"now\" ไม่ใช่วันเวลาแบบ ISO-8601: {item.Now}"] };
        }

        return parser.Parse(item.Text, now);
    }

    /// <summary>ISO-8601 with an offset, or a local date/time taken in the bot's zone (Asia/Bangkok).</summary>
    public static bool TryParseNow(string text, TimeZoneInfo zone, out DateTimeOffset now)
    {
        now = default;
        text = text.Trim();
        var timePart = text.IndexOf('T', StringComparison.Ordinal) is var t and >= 0 ? text[t..] : "";
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || timePart.Contains('+', StringComparison.Ordinal) || timePart.Contains('-', StringComparison.Ordinal);
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out now);
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        now = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    private static BotOptions LoadOptions()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(LocalDefaults.Values)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.Local.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new BotOptions();
        configuration.GetSection(BotOptions.Section).Bind(options);
        return options;
    }
}
