using Microsoft.Extensions.Configuration;

namespace LineBot.Cli;

/// <summary>
/// Embedded defaults so that <c>linebot serve</c> runs on a fresh machine with no LINE account: Azurite,
/// local mode's channel secret, and local mode (no access token → the built-in LINE stand-in). Anything set in
/// appsettings.Local.json, the environment or the command line wins.
/// </summary>
internal static class LocalDefaults
{
    public static readonly Dictionary<string, string?> Values = new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Bot:Province"] = "ฉะเชิงเทรา",
        ["Bot:TimeZone"] = "Asia/Bangkok",
    };

    /// <summary>
    /// The layers, lowest first. The built-in channel secret is a default only in local mode: with a real access
    /// token, a missing Line:ChannelSecret must stop the app, never fall back to a secret published in this repository.
    /// </summary>
    public static IConfigurationBuilder AddLineBotSources(this IConfigurationBuilder builder, string[] args)
    {
        var jsonFile = Path.Combine(Directory.GetCurrentDirectory(), "appsettings.Local.json");
        var given = new ConfigurationBuilder().AddJsonFile(jsonFile, optional: true).AddEnvironmentVariables().AddCommandLine(args).Build();
        var defaults = new Dictionary<string, string?>(Values);
        if (LocalMode.IsOn(given))
        {
            defaults["Line:ChannelSecret"] = LocalMode.ChannelSecret;
        }

        return builder
            .AddInMemoryCollection(defaults)
            .AddJsonFile(jsonFile, optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
    }
}
