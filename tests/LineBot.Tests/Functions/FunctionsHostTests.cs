using System.Reflection;
using LineBot.Configuration;
using LineBot.Functions;
using LineBot.Tests.Deploy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Functions;

/// <summary>
/// The Functions app's own wiring (Program.cs calls <c>AddLineBotFunctions</c>) in a plain host, since the Functions
/// runtime cannot run here: with the settings the deployed app has, the container validates, options validate as
/// at start-up, and the runtime could build every function class; a missing required setting stops it.
/// </summary>
public sealed class FunctionsHostTests
{
    /// <summary>The app settings infra/modules/functionapp.bicep gives the app (Key Vault references resolved).</summary>
    private static Dictionary<string, string?> DeployedSettings() => new()
    {
        ["AzureWebJobsStorage__accountName"] = "stlinebotprod",
        ["Line__ChannelSecret"] = "0123456789abcdef0123456789abcdef",
        ["Line__ChannelAccessToken"] = "a-long-lived-channel-access-token",
        ["Bot__Province"] = "ฉะเชิงเทรา",
        ["Bot__GazetteerPath"] = "",
        ["Bot__TimeZone"] = "Asia/Bangkok",
        ["Bot__MentionMissing"] = "False",
        ["Bot__GroupIds__0"] = "C0123456789abcdef0123456789abcdef",
        ["Bot__AdminUserIds__0"] = "U0123456789abcdef0123456789abcdef",
        ["Schedules__WeeklyReminder"] = "0 0 8 * * 5",
        ["Schedules__WeeklyDigest"] = "0 0 1 * * 1",
        ["Schedules__Monthly"] = "0 30 1 * * 1-5",
    };

    /// <summary>Every type of the Functions app with a [Function] method: what the runtime instantiates per call.</summary>
    private static List<Type> FunctionClasses() =>
        [.. AppSettingsReadByApp.FunctionsAssembly.GetTypes()
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))];

    [Fact]
    public void FunctionClasses_AreFoundForEveryFunction()
    {
        Assert.Contains(typeof(WebhookFunction), FunctionClasses());
        Assert.Contains(typeof(EventQueueFunction), FunctionClasses());
        Assert.Equal(AppSettingsReadByApp.Functions().Count, FunctionClasses().Sum(t => t.GetMethods().Count(m => m.GetCustomAttribute<FunctionAttribute>() is not null)));
    }

    [Fact]
    public void Host_WithTheDeployedSettings_ValidatesAndBuildsEveryFunctionClass()
    {
        using var host = Build(DeployedSettings());

        Start(host);

        Assert.Equal("a-long-lived-channel-access-token", host.Services.GetRequiredService<IOptions<LineOptions>>().Value.ChannelAccessToken);
    }

    [Theory]
    [InlineData("Line__ChannelAccessToken", "", "Line:ChannelAccessToken")]
    [InlineData("Line__ChannelAccessToken", null, "Line:ChannelAccessToken")]
    [InlineData("Line__ChannelSecret", " ", "Line:ChannelSecret")]
    [InlineData("Line__ChannelSecret", null, "Line:ChannelSecret")]
    [InlineData("AzureWebJobsStorage__accountName", null, "AzureWebJobsStorage")]
    [InlineData("Bot__TimeZone", "Asia/Nowhere", "Bot:TimeZone")]
    public void Host_MissingOrBadSetting_FailsNamingIt(string key, string? value, string named)
    {
        var settings = DeployedSettings();
        settings[key] = value;
        using var host = Build(settings);

        var error = Assert.ThrowsAny<Exception>(() => Start(host));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> appSettings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.Sources.Clear();
        // App settings reach the app as environment variables: '__' is the section separator.
        builder.Configuration.AddInMemoryCollection(appSettings
            .Where(kv => kv.Value is not null)
            .Select(kv => KeyValuePair.Create(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)));
        builder.Logging.ClearProviders();
        builder.Services.AddLineBotFunctions(builder.Configuration);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }

    /// <summary>What the runtime does before and on the first calls: validate options, then build each function class.</summary>
    private static void Start(IHost host)
    {
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        foreach (var type in AppSettingsReadByApp.OptionTypes())
        {
            var options = host.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            Assert.NotNull(options.GetType().GetProperty("Value")!.GetValue(options));
        }

        using var scope = host.Services.CreateScope();
        foreach (var type in FunctionClasses())
        {
            Assert.IsType(type, ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
    }
}
