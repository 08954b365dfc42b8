using LineBot.Load.Rig;

namespace LineBot.Tests.Reliability;

/// <summary>
/// The bench rig (bench/LineBot.Load) at CI size: Azurite, the fake LINE and <c>linebot serve</c> as a process, the
/// same build configuration as these tests; the worker retries after 1 s instead of 30 s so a test stays short.
/// </summary>
internal static class Rigs
{
    public static string Dll => BotProcess.DefaultDll(AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug");

    public static Task<BotRig> StartAsync(bool persistentStorage = false, int seed = 1, Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string> { ["Worker:RetryDelay"] = "00:00:01", ["Worker:PollInterval"] = "00:00:00.100" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return BotRig.StartAsync(Dll, persistentStorage, seed, all);
    }
}
