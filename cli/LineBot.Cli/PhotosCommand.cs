using LineBot.Photos;
using Microsoft.Extensions.DependencyInjection;

namespace LineBot.Cli;

/// <summary><c>linebot photos retry</c>: downloads that failed are tried again while LINE still keeps the content.</summary>
internal static class PhotosCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["retry", ..])
        {
            return Usage.Wrong("usage: linebot photos retry");
        }

        await using var services = CliServices.Build(args[1..]);
        var (tried, stored) = await services.GetRequiredService<PhotoIngest>().RetryFailedAsync(CancellationToken.None);
        Console.WriteLine($"{tried} failed download(s) tried again: {stored} stored, {tried - stored} still not stored.");
        return 0;
    }
}
