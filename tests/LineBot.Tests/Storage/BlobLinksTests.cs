using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using LineBot.Storage;

namespace LineBot.Tests.Storage;

public sealed class BlobLinksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadOnly_OnAnHttpsAccount_IsReadOnlyHttpsOnlyAndExpires()
    {
        const string connection = "DefaultEndpointsProtocol=https;AccountName=linebotacct;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net";
        var storage = new StorageClients(new TableServiceClient(connection), new BlobServiceClient(connection), new QueueServiceClient(connection));
        var blob = storage.Blobs.GetBlobContainerClient("exports").GetBlobClient("2026/11/25/x/report.xlsx");

        var link = await BlobLinks.ReadOnlyAsync(storage, blob, Now, TimeSpan.FromDays(7), CancellationToken.None);

        var query = System.Web.HttpUtility.ParseQueryString(link.Uri.Query);
        Assert.Equal("https", link.Uri.Scheme);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("https", query["spr"]);
        Assert.Equal(Now.AddDays(7), link.ExpiresOn);
        Assert.StartsWith("2026-12-02T03:00:00", query["se"], StringComparison.Ordinal);
    }
}
