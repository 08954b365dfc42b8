namespace LineBot.Load.Scenarios;

internal static class CompareScenario
{
    public static Task<int> RunAsync(Options options) => Task.FromResult(options.Rounds > 0 ? 2 : 2);
}
