using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineBot.Tests.Line;

/// <summary>A content host that serves <c>size</c> bytes for any message ID by writing one reused 64 KB block.</summary>
internal sealed class ContentHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ContentHost(WebApplication app, string baseUrl, byte[] expectedHash)
    {
        _app = app;
        BaseUrl = baseUrl;
        ExpectedHash = expectedHash;
    }

    public string BaseUrl { get; }
    public byte[] ExpectedHash { get; }

    public static async Task<ContentHost> StartAsync(int size)
    {
        var block = new byte[64 * 1024];
        new Random(7).NextBytes(block);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var sent = 0; sent < size; sent += block.Length)
        {
            hash.AppendData(block, 0, Math.Min(block.Length, size - sent));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/data/v2/bot/message/{id}/content", async (HttpContext context) =>
        {
            context.Response.ContentType = "video/mp4";
            context.Response.ContentLength = size;
            for (var sent = 0; sent < size; sent += block.Length)
            {
                await context.Response.Body.WriteAsync(block.AsMemory(0, Math.Min(block.Length, size - sent)), context.RequestAborted);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ContentHost(app, address, hash.GetHashAndReset());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
