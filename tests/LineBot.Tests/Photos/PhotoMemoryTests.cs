using LineBot.Photos;
using Xunit.Abstractions;

namespace LineBot.Tests.Photos;

/// <summary>Runs alone: GC.GetTotalAllocatedBytes counts every thread of the process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "memory measurement";
}

[Collection(MemoryMeasurementCollection.Name)]
public sealed class PhotoMemoryTests(ITestOutputHelper output)
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    [Fact]
    public async Task Download20MbImage_GrowsManagedAllocationsByLessThan4Mb()
    {
        const int size = 20 * 1024 * 1024;
        await using var h = PhotoHarness.Start(new Dictionary<string, string?> { ["Photos:MaxBytes"] = size.ToString() });
        var body = new byte[size];
        new Random(42).NextBytes(body);
        TestImages.AsJpeg(body);
        string warmUp = PhotoHarness.NewMessageId(), measured = PhotoHarness.NewMessageId();
        h.ServeContent(warmUp, body);
        h.ServeContent(measured, body);
        // The first download pays for JIT, connection pools and buffer pools.
        await h.ProcessAsync(PhotoHarness.ImageEvent(warmUp, PhotoHarness.At(Day, 9)));
        var evt = PhotoHarness.ImageEvent(measured, PhotoHarness.At(Day, 10));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await h.ProcessAsync(evt);
        var grown = GC.GetTotalAllocatedBytes(precise: true) - before;

        output.WriteLine($"Managed allocations while downloading and storing a {size / (1024 * 1024)} MiB image: {grown:N0} bytes ({grown / (1024.0 * 1024.0):F2} MiB).");
        var photo = await h.Photos.GetAsync(measured, CancellationToken.None);
        Assert.Equal(PhotoStatus.Stored, photo!.Status);
        Assert.Equal(size, photo.Size);
        Assert.True(grown < 4 * 1024 * 1024, $"allocated {grown:N0} bytes");
    }
}
