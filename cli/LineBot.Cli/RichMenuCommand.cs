using LineBot.Cli.RichMenus;
using LineBot.RichMenus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LineBot.Cli;

/// <summary>
/// <c>linebot richmenu sync [--dry-run] [--font PATH]</c>: draws each role's menu image and makes the channel's menus
/// match (<see cref="RichMenuSync"/>; the deploy runs it). <c>linebot richmenu link-all [--dry-run]</c>: links every
/// known person to their role's menu (after LINE was unavailable when their role became known). Both need the channel
/// access token; sync needs no storage.
/// </summary>
internal static class RichMenuCommand
{
    public const string UsageLine = "usage: linebot richmenu sync [--dry-run] [--font PATH] [--out DIR] | linebot richmenu link-all [--dry-run]";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args is not [("sync" or "link-all") and var verb, .. var rest])
        {
            return Usage.Wrong(UsageLine);
        }

        var dryRun = rest.Contains("--dry-run");
        string? outDir = null;
        var settings = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--font" && i + 1 < rest.Length)
            {
                settings.Add($"--{RichMenuOptions.Section}:{nameof(RichMenuOptions.FontPath)}={rest[++i]}");
            }
            else if (rest[i] == "--out" && i + 1 < rest.Length)
            {
                outDir = rest[++i];
            }
            else if (rest[i] != "--dry-run")
            {
                settings.Add(rest[i]);
            }
        }

        await using var services = CliServices.Build([.. settings], s =>
        {
            s.AddOptions<RichMenuOptions>().BindConfiguration(RichMenuOptions.Section);
            s.AddSingleton<IValidateOptions<RichMenuOptions>, RichMenuOptionsValidator>();
        });
        if (string.IsNullOrWhiteSpace(services.GetRequiredService<IConfiguration>()["Line:ChannelAccessToken"]))
        {
            Console.Error.WriteLine("linebot richmenu: Line:ChannelAccessToken is not set (rich menus live on the LINE channel; local mode has none).");
            return 2;
        }

        try
        {
            return verb == "sync"
                ? await SyncAsync(services, dryRun, outDir, output)
                : await LinkAllAsync(services, dryRun, output);
        }
        catch (OptionsValidationException ex)
        {
            Console.Error.WriteLine($"linebot richmenu: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> SyncAsync(IServiceProvider services, bool dryRun, string? outDir, TextWriter output)
    {
        var fontPath = services.GetRequiredService<IOptions<RichMenuOptions>>().Value.FontPath;
        using var font = RichMenuFont.Load(fontPath);
        var drafts = RichMenuCatalog.Designs.Select(d => new RichMenuDraft(d, RichMenuImage.Render(d, font))).ToList();
        output.WriteLine($"rich menus drawn with {font.Path}{(dryRun ? " (dry run: nothing changed on LINE)" : "")}");
        if (outDir is not null)
        {
            // To look at the images before (or without) changing LINE.
            Directory.CreateDirectory(outDir);
            foreach (var draft in drafts)
            {
                await File.WriteAllBytesAsync(Path.Combine(outDir, draft.Name + ".png"), draft.Image);
            }

            output.WriteLine($"images written to {outDir}");
        }

        var result = await services.GetRequiredService<RichMenuSync>().RunAsync(drafts, dryRun, CancellationToken.None);
        foreach (var line in result.Lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine(result.Changed || dryRun ? result.Summary : "nothing to change");
        return result.Kept > 0 ? 1 : 0;
    }

    private static async Task<int> LinkAllAsync(IServiceProvider services, bool dryRun, TextWriter output)
    {
        foreach (var line in await services.GetRequiredService<RichMenuLinker>().LinkAllAsync(dryRun, CancellationToken.None))
        {
            output.WriteLine(line);
        }

        return 0;
    }
}
