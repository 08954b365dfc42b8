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
        string warmUp = PhotoHarness.NewMessageId();
        var measured = Enumerable.Range(0, 3).Select(_ => PhotoHarness.NewMessageId()).ToArray();
        h.ServeContent(warmUp, body);
        foreach (var id in measured)
        {
            h.ServeContent(id, body);
        }

        // The first download pays for JIT, connection pools and buffer pools.
        await h.ProcessAsync(PhotoHarness.ImageEvent(warmUp, PhotoHarness.At(Day, 9)));

        // The least of three downloads: a pooled buffer that one thread's pool did not have yet (the SDK rents up to
        // 4 MiB for an upload) is a one-off, while an image held in memory would cost its 20 MiB every time.
        var allocations = new List<long>();
        for (var i = 0; i < measured.Length; i++)
        {
            var evt = PhotoHarness.ImageEvent(measured[i], PhotoHarness.At(Day, 10 + i));
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await h.ProcessAsync(evt);
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            var photo = await h.Photos.GetAsync(measured[i], CancellationToken.None);
            Assert.Equal(PhotoStatus.Stored, photo!.Status);
            Assert.Equal(size, photo.Size);
        }

        var grown = allocations.Min();
        output.WriteLine($"Managed allocations while downloading and storing a {size / (1024 * 1024)} MiB image: {string.Join(", ", allocations.Select(a => a.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} bytes; least {grown / (1024.0 * 1024.0):F2} MiB.");
        Assert.True(grown < 4 * 1024 * 1024, $"allocated {grown:N0} bytes");
    }
}
