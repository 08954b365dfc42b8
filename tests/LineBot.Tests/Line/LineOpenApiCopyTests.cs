using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Line;

/// <summary>
/// The tests read LINE's OpenAPI files from the repository's copy (third_party/line-openapi); a clone without it
/// fails here. Where the folder it was copied from sits beside the repository (../shared/line-openapi), the copy
/// must be byte-identical to it, so an update there is not silently missed.
/// </summary>
public sealed class LineOpenApiCopyTests
{
    private static readonly string[] Files = ["messaging-api.yml", "webhook.yml", "channel-access-token.yml", "LICENSE", "SOURCE.txt"];

    [Fact]
    public void RepositoryCopy_HasTheSpecsWithTheirLicenceAndSource()
    {
        var missing = Files.Where(f => !File.Exists(Path.Combine(RepoPaths.LineOpenApiDir, f))).ToList();

        Assert.True(missing.Count == 0, $"Missing from {RepoPaths.LineOpenApiDir}: {string.Join(", ", missing)}");
    }

    [SharedOpenApiFact]
    public void RepositoryCopy_IsByteIdenticalToTheSharedFolder()
    {
        var shared = Directory.GetFiles(RepoPaths.SharedLineOpenApiDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var copy = Directory.GetFiles(RepoPaths.LineOpenApiDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(shared, copy);
        var differing = shared.Where(name => !File.ReadAllBytes(Path.Combine(RepoPaths.SharedLineOpenApiDir, name!))
            .AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(RepoPaths.LineOpenApiDir, name!)))).ToList();
        Assert.True(differing.Count == 0, $"third_party/line-openapi differs from {RepoPaths.SharedLineOpenApiDir} in: {string.Join(", ", differing)} (copy them again and update SOURCE.txt).");
    }
}

/// <summary>The drift check needs the shared folder; without it, it is skipped with the reason in one line.</summary>
internal sealed class SharedOpenApiFactAttribute : FactAttribute
{
    public SharedOpenApiFactAttribute()
    {
        if (!Directory.Exists(RepoPaths.SharedLineOpenApiDir))
        {
            Skip = $"No drift check: {RepoPaths.SharedLineOpenApiDir} is not on this machine; the tests use third_party/line-openapi.";
        }
    }
}
