using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using LineBot.Cli;
using LineBot.Storage;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.Storage;

/// <summary><c>linebot storage prune</c> on seeded containers in Azurite: old kept-aside data goes, records stay.</summary>
public sealed class RetentionPruneTests
{
    private static readonly string[] RawBlobs = ["malformed/2026-11-01/body.json", "malformed/events/E1.json", "unknown/E2.json", "claims/c1.json"];

    [Fact]
    public async Task Prune_DeletesKeptEventsClaimChecksAndExportsPastRetention_NeverPhotos()
    {
        await using var services = CoreServices.Build();
        var storage = services.Storage();
        var names = services.Names();
        var raw = await storage.ContainerAsync(names.RawWebhookContainer);
        var exports = await storage.ContainerAsync(names.ExportsContainer);
        var photos = await storage.ContainerAsync(names.PhotosContainer);
        foreach (var name in RawBlobs)
        {
            await raw.UploadBlobAsync(name, BinaryData.FromString("{}"));
        }

        await exports.UploadBlobAsync("weekly/2026-11-23.xlsx", BinaryData.FromString("x"));
        await photos.UploadBlobAsync("2026/11/25/Cgroup/123.jpg", BinaryData.FromString("jpeg"));
        // Not under a pruned prefix: stays however old.
        await raw.UploadBlobAsync("other/keep.json", BinaryData.FromString("{}"));
        string[] settings = [$"--AzureWebJobsStorage={Azurite.ConnectionString}", $"--Storage:Prefix={services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LineBot.Configuration.StorageOptions>>().Value.Prefix}", $"--Line:ChannelSecret={BotHost.Secret}"];
        var now = TimeProvider.System.GetUtcNow();

        // Today nothing is old enough.
        using var today = new StringWriter();
        Assert.Equal(0, await StorageCommand.RunAsync(["prune", .. settings], today));
        Assert.Contains("0 blob(s) deleted.", today.ToString());

        // In 45 days the exports (30 days) are due, but not the rest (90): the dry run says so and deletes nothing.
        using var preview = new StringWriter();
        Assert.Equal(0, await StorageCommand.RunAsync(["prune", "--dry-run", "--at", now.AddDays(45).ToString("O"), .. settings], preview));
        Assert.Contains($"{names.ExportsContainer}/*: 1 blob(s) older than 30 days would be deleted", preview.ToString());
        Assert.Contains("1 blob(s) would be deleted (dry run: nothing deleted).", preview.ToString());
        Assert.Equal(5, await CountAsync(raw));
        Assert.Equal(1, await CountAsync(exports));

        // In 91 days everything kept aside is due; shorter settings are honoured too.
        using var due = new StringWriter();
        Assert.Equal(0, await StorageCommand.RunAsync(["prune", "--at", now.AddDays(91).ToString("O"), .. settings], due));
        var text = due.ToString();
        Assert.Contains($"{names.RawWebhookContainer}/malformed/*: 2 blob(s) older than 90 days deleted", text);
        Assert.Contains($"{names.RawWebhookContainer}/unknown/*: 1 blob(s) older than 90 days deleted", text);
        Assert.Contains($"{names.RawWebhookContainer}/claims/*: 1 blob(s) older than 90 days deleted", text);
        Assert.Contains($"{names.ExportsContainer}/*: 1 blob(s) older than 30 days deleted", text);
        Assert.Contains("5 blob(s) deleted.", text);

        Assert.Equal(["other/keep.json"], await NamesAsync(raw));
        Assert.Empty(await NamesAsync(exports));
        Assert.Equal(["2026/11/25/Cgroup/123.jpg"], await NamesAsync(photos));

        // Nothing left to do: a second run deletes nothing.
        using var again = new StringWriter();
        Assert.Equal(0, await StorageCommand.RunAsync(["prune", "--at", now.AddDays(91).ToString("O"), .. settings], again));
        Assert.Contains("0 blob(s) deleted.", again.ToString());
    }

    [Fact]
    public async Task Prune_ShorterRetentionSetting_IsHonoured()
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { ["Retention:KeptEventDays"] = "1" });
        var raw = await services.Storage().ContainerAsync(services.Names().RawWebhookContainer);
        await raw.UploadBlobAsync("unknown/E9.json", BinaryData.FromString("{}"));

        var counts = await services.GetRequiredService<RetentionPruner>().PruneAsync(TimeProvider.System.GetUtcNow().AddDays(2), dryRun: false, default);

        Assert.Equal(1, counts.Single(c => c.Prefix == "unknown/").Deleted);
        Assert.Empty(await NamesAsync(raw));
    }

    [Theory]
    [InlineData("Retention:KeptEventDays", "0")]
    [InlineData("Retention:ClaimCheckDays", "-5")]
    [InlineData("Retention:ExportDays", "4000")]
    public async Task Options_OutOfRange_RefusedNamingTheSetting(string setting, string value)
    {
        await using var services = CoreServices.Build(new Dictionary<string, string?> { [setting] = value });
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetentionOptions>>().Value);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(BlobContainerClient container) => (await NamesAsync(container)).Count;

    private static async Task<List<string>> NamesAsync(BlobContainerClient container)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, default))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
