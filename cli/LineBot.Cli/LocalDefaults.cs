using Microsoft.Extensions.Configuration;

namespace LineBot.Cli;

/// <summary>
/// Embedded defaults so that <c>linebot serve</c> runs on a fresh machine with no LINE account: Azurite,
/// a local channel secret, and local mode (no access token → the built-in LINE stand-in). Anything set in
/// appsettings.Local.json, the environment or the command line wins.
/// </summary>
internal static class LocalDefaults
{
    public const string ChannelSecret = "local-channel-secret-not-for-production";

    public static readonly Dictionary<string, string?> Values = new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Line:ChannelSecret"] = ChannelSecret,
        ["Bot:Province"] = "ฉะเชิงเทรา",
        ["Bot:TimeZone"] = "Asia/Bangkok",
    };

    public static IConfigurationBuilder AddLineBotSources(this IConfigurationBuilder builder, string[] args) =>
        builder
            .AddInMemoryCollection(Values)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.Local.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
}
