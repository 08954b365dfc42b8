using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineBot.Cli;

/// <summary>
/// <c>linebot simulate FILE [--url URL | --storage CONNECTION]</c>: replays a conversation file against a
/// running local-mode bot, or against one started in this process (needs Azurite), and prints the transcript.
/// </summary>
internal static class SimulateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? file = null, url = null, storage = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Length:
                    url = args[++i];
                    break;
                case "--storage" when i + 1 < args.Length:
                    storage = args[++i];
                    break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal) && file is null:
                    file = a;
                    break;
                default:
                    Console.Error.WriteLine($"linebot simulate: unexpected '{args[i]}'.");
                    return 2;
            }
        }

        if (file is null || !File.Exists(file))
        {
            Console.Error.WriteLine("Usage: linebot simulate FILE [--url http://127.0.0.1:7071 | --storage CONNECTION_STRING]");
            return 2;
        }

        ConversationScript script;
        try
        {
            script = ConversationScript.Load(file);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        await using var inProcess = url is null ? await StartBotAsync(storage) : null;
        using var http = new HttpClient { BaseAddress = new Uri((url ?? inProcess!.Url).TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        var runner = new SimulateRunner(http, Console.Out, Path.GetDirectoryName(Path.GetFullPath(file))!);
        try
        {
            await runner.RunAsync(script, cancel.Token);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            Console.Error.WriteLine("linebot simulate: " + e.Message);
            return 1;
        }

        return runner.Unprocessed == 0 ? 0 : 1;
    }

    private static async Task<InProcessBot> StartBotAsync(string? storage)
    {
        var args = new List<string> { "--urls=http://127.0.0.1:0", "--Line:ChannelAccessToken=", "--Worker:PollInterval=00:00:00.100" };
        if (storage is not null)
        {
            args.Add("--AzureWebJobsStorage=" + storage);
        }

        var app = ServeCommand.Build([.. args], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessBot(app, address);
    }

    private sealed class InProcessBot(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url => url;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
