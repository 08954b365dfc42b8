namespace LineBot.Simulator;

/// <summary>The simulator page: one HTML file (with its CSS and JS) embedded in the assembly; no front-end build.</summary>
internal static class SimulatorPage
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(SimulatorPage).Assembly.GetManifestResourceStream("LineBot.Simulator.simulator.html")
            ?? throw new InvalidOperationException("simulator.html is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Html => Page.Value;
}
