using System.Globalization;

namespace LineBot.Load;

/// <summary>Command-line options shared by the scenarios (<c>--name value</c>).</summary>
internal sealed record Options(string? Dll, double Rate, int Seconds, int Seed, int DrainLimitSeconds, bool Ramp, int Rounds, int Concurrency, int PhaseSeconds, bool NoWorker = false, bool SingleAzurite = false)
{
    /// <summary>Settings for <c>linebot serve</c> from <c>--set Key=Value</c> (repeatable), e.g. <c>--set Worker:MaxConcurrency=16</c>.</summary>
    public IReadOnlyDictionary<string, string> BotSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>worker</c> scenario's pool of reporters (<c>--reporters</c>): one report each.</summary>
    public int Reporters { get; init; } = 6000;

    /// <summary><see cref="BotSettings"/> with <paramref name="extra"/> over them, or null when both are empty.</summary>
    public Dictionary<string, string>? BotSettingsWith(IReadOnlyDictionary<string, string>? extra = null)
    {
        var all = new Dictionary<string, string>(BotSettings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return all.Count == 0 ? null : all;
    }

    public static Options Parse(IReadOnlyList<string> args)
    {
        string? Value(string name)
        {
            for (var i = 0; i < args.Count - 1; i++)
            {
                if (args[i] == name)
                {
                    return args[i + 1];
                }
            }

            return null;
        }

        double Number(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(
            Value("--dll"),
            Number("--rate", 300),
            (int)Number("--seconds", 60),
            (int)Number("--seed", 1),
            (int)Number("--drain-limit", 600),
            !args.Contains("--no-ramp"),
            (int)Number("--rounds", 2),
            (int)Number("--concurrency", 32),
            (int)Number("--phase-seconds", 10),
            args.Contains("--no-worker"),
            args.Contains("--single-azurite"))
        {
            Reporters = (int)Number("--reporters", 6000),
            BotSettings = args.Select((a, i) => (a, i)).Where(x => x.a == "--set" && x.i + 1 < args.Count)
                .Select(x => args[x.i + 1].Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]),
        };
    }
}
