using System.Buffers.Binary;
using LineBot.Cli;
using LineBot.Line;
using LineBot.LineStandIn;
using LineBot.Reporters;
using LineBot.RichMenus;
using LineBot.Tests.Infrastructure;
using LineBot.Tests.Line;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Tests.RichMenus;

/// <summary>
/// <c>linebot richmenu sync</c> against the LINE stand-in over real HTTP: the first run creates the three menus, a
/// second changes nothing, a changed design replaces only its menu (users moved, the old one deleted), and menus
/// that are not ours are never touched. Every request is checked against LINE's spec.
/// </summary>
public sealed class RichMenuSyncTests : IAsyncLifetime
{
    private readonly LineStandInServer line = new();
    private Uri baseAddress = null!;
    private ServiceProvider services = null!;

    private StandInRichMenus Menus => line.State.RichMenus;

    public async Task InitializeAsync()
    {
        baseAddress = await line.StartAsync();
        services = CoreServices.Build(new Dictionary<string, string?>
        {
            ["Line:ChannelAccessToken"] = "test-token",
            ["Line:ApiBaseUrl"] = baseAddress.AbsoluteUri,
            ["Line:DataApiBaseUrl"] = baseAddress.AbsoluteUri,
            ["Line:Http:RetryBaseDelay"] = "00:00:00.010",
        });
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await line.DisposeAsync();
    }

    [Fact]
    public async Task SyncCommand_SecondRun_ChangesNothing()
    {
        var first = new StringWriter();
        var second = new StringWriter();

        Assert.Equal(0, await RichMenuCommand.RunAsync(["sync", .. Settings()], first));
        var afterFirst = Menus.Calls.Count;
        Assert.Equal(0, await RichMenuCommand.RunAsync(["sync", .. Settings()], second));

        Assert.Equal(3, Menus.Count("create"));
        Assert.Equal(3, Menus.Count("upload"));
        Assert.Equal(3, Menus.Count("alias-create"));
        var secondCalls = Menus.Calls.Skip(afterFirst).Select(c => c.Kind).ToList();
        Assert.Equal(["list", "alias-list"], secondCalls);
        Assert.Contains("nothing to change", second.ToString(), StringComparison.Ordinal);
        Assert.Contains("3 created", first.ToString(), StringComparison.Ordinal);
        foreach (var design in RichMenuCatalog.Designs)
        {
            var id = Menus.Alias(design.AliasId);
            Assert.NotNull(id);
            Assert.Equal(design.Size.Height, Menus.Get(id!)!["size"]!["height"]!.GetValue<int>());
            Assert.Equal("image/png", RichMenuLimits.ImageHeader(Menus.Image(id!)).Type);
        }

        AssertCallsMatchSpec();
    }

    [Fact]
    public async Task SyncCommand_DryRun_NothingCreated()
    {
        var output = new StringWriter();

        Assert.Equal(0, await RichMenuCommand.RunAsync(["sync", "--dry-run", .. Settings()], output));

        Assert.Equal(0, Menus.Count("create") + Menus.Count("upload") + Menus.Count("alias-create"));
        Assert.Contains("would create linebot-officer-", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncCommand_WithoutAccessToken_RefusesWithExit2() =>
        Assert.Equal(2, await RichMenuCommand.RunAsync(["sync", $"--Line:ChannelSecret={BotHost.Secret}", "--Line:ChannelAccessToken="], TextWriter.Null));

    [Fact]
    public async Task Sync_ChangedDesign_ReplacesOnlyThatMenu_UsersMoved_OldDeleted()
    {
        var sync = services.GetRequiredService<RichMenuSync>();
        var linker = services.GetRequiredService<RichMenuLinker>();
        await sync.RunAsync(Drafts(), dryRun: false, CancellationToken.None);
        var oldReporter = Menus.Alias("linebot-reporter")!;
        var officer = Menus.Alias("linebot-officer")!;
        Assert.True(await linker.LinkAsync("Ufield", ReporterRole.Reporter, CancellationToken.None));
        Assert.True(await linker.LinkAsync("Uofficer", ReporterRole.Officer, CancellationToken.None));
        Assert.Equal(oldReporter, Menus.LinkedTo("Ufield"));

        var changed = Drafts(reporterLabel: "แบบฟอร์มรายงาน");
        var result = await sync.RunAsync(changed, dryRun: false, CancellationToken.None);
        var again = await sync.RunAsync(changed, dryRun: false, CancellationToken.None);

        Assert.Equal((1, 1, 1, 1, 1), (result.Created, result.Uploaded, result.AliasesSet, result.Moved, result.Deleted));
        var newReporter = Menus.Alias("linebot-reporter")!;
        Assert.NotEqual(oldReporter, newReporter);
        Assert.Equal(newReporter, Menus.LinkedTo("Ufield"));
        Assert.Null(Menus.Get(oldReporter));
        Assert.Equal(officer, Menus.Alias("linebot-officer"));
        Assert.Equal(officer, Menus.LinkedTo("Uofficer"));
        Assert.False(again.Changed);
        AssertCallsMatchSpec();
    }

    [Fact]
    public async Task Sync_OthersMenusKept_HalfMadeOfOursReplaced()
    {
        var client = services.GetRequiredService<LineMessagingClient>();
        var drafts = Drafts();
        var foreign = await client.CreateRichMenuAsync(RichMenuCatalog.Designs[0].ToRequest("campaign-2026"));
        // A run that died after creating the menu, before its image and alias.
        var halfMade = await client.CreateRichMenuAsync(drafts[0].Request);

        var result = await services.GetRequiredService<RichMenuSync>().RunAsync(drafts, dryRun: false, CancellationToken.None);

        Assert.NotNull(Menus.Get(foreign));
        Assert.Null(Menus.Get(halfMade));
        Assert.Equal(3, result.Created);
        Assert.Equal(1, result.Deleted);
        Assert.Equal(drafts[0].Name, Menus.Get(Menus.Alias("linebot-reporter")!)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task StandIn_ImageOfWrongSizeOrTypeOrUploadedTwice_Refused()
    {
        var client = services.GetRequiredService<LineMessagingClient>();
        var design = RichMenuCatalog.Designs[0];
        var id = await client.CreateRichMenuAsync(design.ToRequest("linebot-test"));
        using var http = new HttpClient { BaseAddress = baseAddress };

        var wrongSize = await http.PostAsync($"v2/bot/richmenu/{id}/content", Content(Png(2500, 843), "image/png"));
        var wrongType = await http.PostAsync($"v2/bot/richmenu/{id}/content", Content(Png(2500, 1686), "image/gif"));
        var tooBig = await http.PostAsync($"v2/bot/richmenu/{id}/content", Content(new byte[RichMenuLimits.MaxImageBytes + 1], "image/png"));
        var linkBeforeImage = await http.PostAsync($"v2/bot/user/Ux/richmenu/{id}", null);
        var ok = await http.PostAsync($"v2/bot/richmenu/{id}/content", Content(Png(2500, 1686), "image/png"));
        var twice = await http.PostAsync($"v2/bot/richmenu/{id}/content", Content(Png(2500, 1686), "image/png"));

        Assert.Equal([400, 415, 413, 400, 200, 400], new[] { wrongSize, wrongType, tooBig, linkBeforeImage, ok, twice }.Select(r => (int)r.StatusCode));
    }

    private string[] Settings() =>
    [
        "--Line:ChannelAccessToken", "test-token", "--Line:ChannelSecret", BotHost.Secret,
        "--Line:ApiBaseUrl", baseAddress.AbsoluteUri, "--Line:DataApiBaseUrl", baseAddress.AbsoluteUri,
    ];

    /// <summary>The catalog's menus with a stand-in image each (a PNG header of the menu's size: what LINE checks).</summary>
    private static List<RichMenuDraft> Drafts(string? reporterLabel = null) =>
    [
        .. RichMenuCatalog.Designs.Select(d => reporterLabel is not null && d.Role == ReporterRole.Reporter
            ? d with { Buttons = [d.Buttons[0] with { Label = reporterLabel }, .. d.Buttons.Skip(1)] }
            : d)
        .Select(d => new RichMenuDraft(d, Png(d.Size.Width, d.Size.Height))),
    ];

    private static byte[] Png(int width, int height)
    {
        var png = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(png, 0);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        return png;
    }

    private static ByteArrayContent Content(byte[] bytes, string type) =>
        new(bytes) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type) } };

    private void AssertCallsMatchSpec()
    {
        // The image upload's body is binary (no JSON schema); everything else as sent.
        var errors = Menus.Calls.SelectMany(c => LineSpec.Instance.ValidateRequest(c.Method, c.Path, c.Kind == "upload" ? null : c.Body)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
