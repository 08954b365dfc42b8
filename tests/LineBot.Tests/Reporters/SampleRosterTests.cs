using LineBot.Cli;
using LineBot.Configuration;
using LineBot.Reporters;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot.Tests.Reporters;

/// <summary>samples/roster.csv, which the Thai guide tells admins to copy, imports whole with the built-in gazetteer.</summary>
public sealed class SampleRosterTests
{
    [Fact]
    public async Task SampleRoster_ImportsEveryRow()
    {
        await using var services = CoreServices.Build();
        var prefix = services.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix;
        var output = new StringWriter();

        var exit = await RosterCommand.RunAsync(["import", Path.Combine(RepoPaths.Root, "samples", "roster.csv"), "--AzureWebJobsStorage", Azurite.ConnectionString, "--Storage:Prefix", prefix, "--Line:ChannelSecret", BotHost.Secret], output);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("created 5, updated 0, rejected 0", output.ToString(), StringComparison.Ordinal);
        var manee = await services.GetRequiredService<ReporterStore>().FindByNameAsync("นายมานะ ขยันยิ่ง", default);
        Assert.Equal(("HLM", "ท่าข้าม", "บางปะกง"), (manee!.SiteType, manee.Subdistrict, manee.District));
    }
}
