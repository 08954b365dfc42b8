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
            Console.Error.WriteLine("usage: linebot photos retry");
            return 2;
        }

        await using var services = CliServices.Build(args[1..]);
        var (tried, stored) = await services.GetRequiredService<PhotoIngest>().RetryFailedAsync(CancellationToken.None);
        Console.WriteLine($"{tried} failed download(s) tried again: {stored} stored, {tried - stored} still not stored.");
        return 0;
    }
}
