using System.Net;
using System.Security.Cryptography;
using LineBot.Line;
using Xunit.Abstractions;

namespace LineBot.Tests.Line;

[Collection(MemoryMeasurement.Name)]
public sealed class LineContentClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task OpenContent_200_StreamsBodyWithTypeAndLength()
    {
        await using var line = LineMock.Start();
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9 };
        line.Server.Answer("GET", "/data/v2/bot/message/m1/content",
            WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(jpeg));

        var result = await line.Content.OpenContentAsync("m1");

        await using var ready = Assert.IsType<ContentResult.Ready>(result);
        Assert.Equal("image/jpeg", ready.ContentType);
        using var copy = new MemoryStream();
        await ready.Content.CopyToAsync(copy);
        Assert.Equal(jpeg, copy.ToArray());
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task OpenContent_202_IsNotReady()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("GET", "/data/v2/bot/message/m2/content", Http.Json(202, "{}"));

        Assert.IsType<ContentResult.NotReady>(await line.Content.OpenContentAsync("m2"));
        Assert.Single(line.Server.LogEntries);
    }

    [Fact]
    public async Task OpenContent_410_IsGone()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("GET", "/data/v2/bot/message/m3/content", Http.Error(410, "Gone"));

        Assert.IsType<ContentResult.Gone>(await line.Content.OpenContentAsync("m3"));
        Assert.Single(line.Server.LogEntries);
    }

    [Fact]
    public async Task OpenContent_404_IsFailedWithLineError_NotRetried()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("GET", "/data/v2/bot/message/m4/content", Http.Error(404, "Not found", "req-404"));

        var failed = Assert.IsType<ContentResult.Failed>(await line.Content.OpenContentAsync("m4"));

        Assert.Equal(HttpStatusCode.NotFound, failed.Error.Status);
        Assert.Equal("req-404", failed.Error.RequestId);
        Assert.Single(line.Server.LogEntries);
    }

    [Fact]
    public async Task OpenContent_500Then200_Retried()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("GET", "/data/v2/bot/message/m5/content",
            Http.Error(500, "Internal server error"),
            WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/png").WithBody([1, 2, 3]));

        await using var ready = Assert.IsType<ContentResult.Ready>(await line.Content.OpenContentAsync("m5"));

        Assert.Equal("image/png", ready.ContentType);
        Assert.Equal(2, line.Server.LogEntries.Count());
    }

    [Fact]
    public async Task PreviewAndTranscoding_UseTheirPaths()
    {
        await using var line = LineMock.Start();
        line.Server.Answer("GET", "/data/v2/bot/message/v1/content/preview",
            WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody([9, 9]));
        line.Server.Answer("GET", "/data/v2/bot/message/v1/content/transcoding", Http.Json(200, """{"status":"processing"}"""));

        await using (var preview = Assert.IsType<ContentResult.Ready>(await line.Content.OpenPreviewAsync("v1")))
        {
            Assert.Equal("image/jpeg", preview.ContentType);
        }

        Assert.Equal("processing", (await line.Content.GetTranscodingStatusAsync("v1")).Status);
        line.AssertRequestsMatchSpec();
    }

    [Fact]
    public async Task OpenContent_20MB_StreamedToHashWithBoundedMemory()
    {
        // The body comes from a small Kestrel host writing one reused 64 KB block (WireMock copies whole bodies),
        // so the process-wide allocation figure is essentially the client's.
        const int size = 20 * 1024 * 1024;
        await using var host = await ContentHost.StartAsync(size);
        await using var line = LineMock.Start(new Dictionary<string, string?> { ["Line:DataApiBaseUrl"] = host.BaseUrl + "/data" });
        await using (var warm = Assert.IsType<ContentResult.Ready>(await line.Content.OpenContentAsync("warm")))
        {
            await warm.Content.CopyToAsync(Stream.Null);
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        byte[] hash;
        long length = 0;
        long? declared;
        await using (var ready = Assert.IsType<ContentResult.Ready>(await line.Content.OpenContentAsync("big")))
        {
            declared = ready.Length;
            using var sink = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81_920];
            int read;
            while ((read = await ready.Content.ReadAsync(buffer)) > 0)
            {
                sink.AppendData(buffer, 0, read);
                length += read;
            }

            hash = sink.GetHashAndReset();
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"20 MB content streamed to SHA-256; allocated during the transfer (whole process, server side included): {allocated:N0} bytes ({allocated * 100.0 / size:F2}% of the body)");
        Assert.Equal(size, declared);
        Assert.Equal(size, length);
        Assert.Equal(host.ExpectedHash, hash);
        Assert.InRange(allocated, 0, 2 * 1024 * 1024);
    }
}

/// <summary>Allocation is measured process-wide, so these tests run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    public const string Name = "Memory measurement (not parallel)";
}
