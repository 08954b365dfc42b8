namespace LineBot.Load.Scenarios;

internal static class FaultScenarios
{
    public static Task<int> StorageOutageAsync(Options options) => Task.FromResult(options.Seed > 0 ? 2 : 2);
    public static Task<int> KillAsync(Options options) => Task.FromResult(options.Seed > 0 ? 2 : 2);
    public static Task<int> LineFailuresAsync(Options options) => Task.FromResult(options.Seed > 0 ? 2 : 2);
    public static Task<int> QuotaAsync(Options options) => Task.FromResult(options.Seed > 0 ? 2 : 2);
}
