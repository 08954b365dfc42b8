using System.Net;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using LineBot.Storage;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Security;

/// <summary>
/// The read-only links the bot hands out (<see cref="BlobLinks"/>), attacked against Azurite, which checks a SAS
/// as Azure does: an expired link, a tampered one (signature, permissions, expiry, another blob), writes with a
/// read link, and anonymous access to the containers. Each refusal has its positive control: the untouched link
/// reads the blob, and a container made public on purpose is readable anonymously.
/// </summary>
public sealed class SasLinkTests : IAsyncLifetime
{
    private const string Content = "รายงานประจำสัปดาห์ (export)";
    private static readonly HttpClient Anonymous = new();
    private readonly StorageClients _storage;
    private readonly string _prefix = Azurite.NewPrefix();
    private BlobContainerClient _container = null!;
    private BlobClient _blob = null!;
    private BlobClient _other = null!;

    public SasLinkTests()
    {
        var connection = Azurite.ConnectionString;
        _storage = new StorageClients(new TableServiceClient(connection), new BlobServiceClient(connection), new QueueServiceClient(connection));
    }

    public async Task InitializeAsync()
    {
        // As the bot creates its containers (private, no public access).
        _container = await _storage.ContainerAsync(_prefix + "exports");
        _blob = _container.GetBlobClient("2026/11/25/x/report.xlsx");
        _other = _container.GetBlobClient("2026/11/25/y/other.xlsx");
        await _blob.UploadAsync(BinaryData.FromString(Content));
        await _other.UploadAsync(BinaryData.FromString("another office's export"));
    }

    public async Task DisposeAsync()
    {
        await foreach (var container in _storage.Blobs.GetBlobContainersAsync(prefix: _prefix))
        {
            await _storage.Blobs.DeleteBlobContainerAsync(container.Name);
        }
    }

    [Fact]
    public async Task FreshLink_Reads_ExpiredLink_IsRefused()
    {
        var now = TimeProvider.System.GetUtcNow();
        var fresh = await BlobLinks.ReadOnlyAsync(_storage, _blob, now, TimeSpan.FromHours(1), CancellationToken.None);
        // Signed two days ago for one day (the clock is the link's only notion of time): expired a day ago.
        var expired = await BlobLinks.ReadOnlyAsync(_storage, _blob, now.AddDays(-2), TimeSpan.FromDays(1), CancellationToken.None);

        using var ok = await Anonymous.GetAsync(fresh.Uri);
        using var refused = await Anonymous.GetAsync(expired.Uri);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(Content, await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(Content, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortLink_WorksUntilItsExpiry_ThenIsRefused()
    {
        var link = await BlobLinks.ReadOnlyAsync(_storage, _blob, TimeProvider.System.GetUtcNow(), TimeSpan.FromSeconds(3), CancellationToken.None);

        using var before = await Anonymous.GetAsync(link.Uri);
        // SAS times have one-second resolution; wait past the expiry with a margin.
        await Task.Delay(link.ExpiresOn - TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(2));
        using var after = await Anonymous.GetAsync(link.Uri);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Theory]
    [InlineData("signature altered")]
    [InlineData("permissions sp=rw")]
    [InlineData("permissions sp=rwd")]
    [InlineData("expiry extended")]
    [InlineData("another blob")]
    [InlineData("the container")]
    public async Task TamperedLink_IsRefused(string tampering)
    {
        var link = await BlobLinks.ReadOnlyAsync(_storage, _blob, TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(1), CancellationToken.None);
        var query = System.Web.HttpUtility.ParseQueryString(link.Uri.Query);
        var path = link.Uri.AbsolutePath;
        switch (tampering)
        {
            case "signature altered":
                var sig = query["sig"]!;
                query["sig"] = (sig[0] == 'A' ? 'B' : 'A') + sig[1..];
                break;
            case "permissions sp=rw":
                query["sp"] = "rw";
                break;
            case "permissions sp=rwd":
                query["sp"] = "rwd";
                break;
            case "expiry extended":
                query["se"] = TimeProvider.System.GetUtcNow().AddYears(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "another blob":
                path = _other.Uri.AbsolutePath;
                break;
            case "the container":
                path = _container.Uri.AbsolutePath;
                query["restype"] = "container";
                query["comp"] = "list";
                break;
        }

        var tampered = new UriBuilder(link.Uri) { Path = path, Query = query.ToString() }.Uri;
        using var untouched = await Anonymous.GetAsync(link.Uri);
        using var response = await Anonymous.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        Assert.NotEqual(link.Uri, tampered);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("another office", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Content, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAttempts_WithAReadLink_AreRefused_AndTheBlobIsUnchanged()
    {
        var link = await BlobLinks.ReadOnlyAsync(_storage, _blob, TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(1), CancellationToken.None);
        var sibling = new UriBuilder(link.Uri) { Path = link.Uri.AbsolutePath.Replace("report.xlsx", "planted.xlsx", StringComparison.Ordinal) }.Uri;

        var statuses = new List<(string Attempt, HttpStatusCode Status)>
        {
            ("PUT over the blob", await SendAsync(HttpMethod.Put, link.Uri, "overwritten")),
            ("PUT a new blob beside it", await SendAsync(HttpMethod.Put, sibling, "planted")),
            ("DELETE", await SendAsync(HttpMethod.Delete, link.Uri, null)),
            ("PUT metadata", await SendAsync(HttpMethod.Put, new Uri(link.Uri + "&comp=metadata"), null)),
        };

        Assert.All(statuses, s => Assert.True(s.Status == HttpStatusCode.Forbidden, $"{s.Attempt}: {s.Status}"));
        Assert.Equal(Content, (await _blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.False(await _container.GetBlobClient("2026/11/25/x/planted.xlsx").ExistsAsync());
        // Positive control: the same PUT with the account key is accepted (so the refusals above are the link's).
        await _container.GetBlobClient("2026/11/25/x/planted.xlsx").UploadAsync(BinaryData.FromString("by the bot"));
        Assert.True(await _container.GetBlobClient("2026/11/25/x/planted.xlsx").ExistsAsync());
    }

    [Fact]
    public async Task BotContainers_AreNotPublic_AnonymousReadAndListRefused()
    {
        // The bot's own containers, created as it creates them, plus one made public here as the control.
        var names = new[] { "exports", "photos", "webhook-raw" };
        var blobs = new List<BlobClient> { _blob };
        foreach (var name in names.Skip(1))
        {
            var container = await _storage.ContainerAsync(_prefix + name);
            var blob = container.GetBlobClient("Cgroup/2026-11-25/U1/p.jpg");
            await blob.UploadAsync(BinaryData.FromString("secret evidence"));
            blobs.Add(blob);
        }

        var control = _storage.Blobs.GetBlobContainerClient(_prefix + "public-control");
        await control.CreateAsync(PublicAccessType.BlobContainer);
        var controlBlob = control.GetBlobClient("open.txt");
        await controlBlob.UploadAsync(BinaryData.FromString("open"));

        foreach (var blob in blobs)
        {
            var container = _storage.Blobs.GetBlobContainerClient(blob.BlobContainerName);
            Assert.Equal(PublicAccessType.None, (await container.GetPropertiesAsync()).Value.PublicAccess ?? PublicAccessType.None);
            using var read = await Anonymous.GetAsync(blob.Uri);
            using var list = await Anonymous.GetAsync(new Uri(container.Uri + "?restype=container&comp=list"));
            Assert.False(read.IsSuccessStatusCode, $"{blob.Uri}: {read.StatusCode}");
            Assert.False(list.IsSuccessStatusCode, $"{container.Uri}: {list.StatusCode}");
            Assert.DoesNotContain("secret evidence", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var open = await Anonymous.GetAsync(controlBlob.Uri);
        using var openList = await Anonymous.GetAsync(new Uri(control.Uri + "?restype=container&comp=list"));
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openList.StatusCode);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpMethod method, Uri uri, string? body)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "text/plain");
            request.Headers.Add("x-ms-blob-type", "BlockBlob");
        }

        request.Headers.Add("x-ms-version", "2025-01-05");
        using var response = await Anonymous.SendAsync(request);
        return response.StatusCode;
    }
}
