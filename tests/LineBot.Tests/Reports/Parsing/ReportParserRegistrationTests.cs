using LineBot.Reports.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Reports.Parsing;

public sealed class ReportParserRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        settings["Line:ChannelSecret"] = "test-secret";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddLineBot(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddLineBot_RegistersOneParserForTheConfiguredProvince()
    {
        using var services = Build([]);

        var parser = services.GetRequiredService<ReportParser>();

        Assert.Same(parser, services.GetRequiredService<ReportParser>());
        Assert.Equal("ฉะเชิงเทรา", parser.Gazetteer.Province);
        Assert.Equal(11, parser.Gazetteer.Districts.Count);
    }

    [Theory]
    [InlineData("/nonexistent/gazetteer.json")]
    [InlineData("bad-json")]
    public void AddLineBot_BadGazetteerPath_FailsValidationNamingTheSetting(string path)
    {
        var file = path == "bad-json" ? Path.Combine(Path.GetTempPath(), $"gazetteer-{Guid.NewGuid():N}.json") : path;
        if (path == "bad-json")
        {
            File.WriteAllText(file, "{ not json");
        }

        try
        {
            using var services = Build(new() { ["Bot:GazetteerPath"] = file });

            var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LineBot.Configuration.BotOptions>>().Value);
            Assert.Contains("Bot:GazetteerPath", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (path == "bad-json")
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void AddLineBot_GazetteerPathSetting_LoadsThatProvince()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gazetteer-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "จังหวัด,อำเภอ,ตำบล\nนครนายก,เมืองนครนายก,ท่าช้าง\nนครนายก,บ้านนา,บ้านนา\n");
        try
        {
            using var services = Build(new() { ["Bot:Province"] = "นครนายก", ["Bot:GazetteerPath"] = path });

            var parser = services.GetRequiredService<ReportParser>();

            Assert.Equal(["เมืองนครนายก", "บ้านนา"], parser.Gazetteer.Districts.Select(d => d.Name));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
