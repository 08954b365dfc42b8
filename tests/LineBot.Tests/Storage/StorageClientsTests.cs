using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using LineBot.Storage;
using LineBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace LineBot.Tests.Storage;

/// <summary>
/// The clients StorageClients builds from each kind of <c>AzureWebJobsStorage</c>: identity-based ones send a bearer
/// token to the configured endpoints (checked on the wire, with a stand-in transport: no Azure needed), connection
/// strings work against Azurite.
/// </summary>
public sealed class StorageClientsTests
{
    [Fact]
    public void FromConfiguration_AccountName_BuildsTokenClientsForThatAccount()
    {
        var clients = StorageClients.FromConfiguration(Configuration(("AzureWebJobsStorage:accountName", "stlinebot")));

        Assert.Equal(new Uri("https://stlinebot.table.core.windows.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://stlinebot.blob.core.windows.net/"), clients.Blobs.Uri);
        Assert.Equal(new Uri("https://stlinebot.queue.core.windows.net/"), clients.Queues.Uri);
        Assert.Equal("stlinebot", clients.Blobs.AccountName);
        Assert.False(clients.CanSignWithKey); // no key: SAS links need a user delegation key
    }

    [Fact]
    public async Task IdentityClients_SendABearerTokenForStorageToTheConfiguredEndpoints()
    {
        var connection = StorageConnection.FromConfiguration(
            Configuration(("AzureWebJobsStorage:accountName", "stlinebot"), ("AzureWebJobsStorage:tableServiceUri", "https://tables.example.test/")),
            StorageClients.ConnectionSetting);
        var credential = new RecordingCredential();
        var wire = new RecordingHandler();
        var clients = StorageClients.Create(connection, credential, new HttpClientTransport(new HttpClient(wire)));

        await clients.QueueAsync("line-events");
        await clients.ContainerAsync("photos");
        await clients.TableAsync("reports");

        Assert.Collection(
            wire.Requests,
            r => Assert.Equal("PUT https://stlinebot.queue.core.windows.net/line-events Bearer token-1", r),
            r => Assert.Equal("PUT https://stlinebot.blob.core.windows.net/photos?restype=container Bearer token-2", r),
            r => Assert.Equal("POST https://tables.example.test/Tables Bearer token-3", r));
        Assert.All(credential.Scopes, s => Assert.Equal("https://storage.azure.com/.default", s));
        Assert.Equal(3, credential.Scopes.Count);
    }

    [Fact]
    public async Task ConnectionString_ReachesAzuriteWithTheAccountKey()
    {
        var clients = StorageClients.FromConfiguration(Configuration(("AzureWebJobsStorage", Azurite.ConnectionString)));
        var prefix = Azurite.NewPrefix();

        var queue = await clients.QueueAsync(prefix + "-q");
        await queue.SendMessageAsync("hello");
        var table = await clients.TableAsync(prefix + "t");
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r"));
        var container = await clients.ContainerAsync(prefix + "-c");
        await container.UploadBlobAsync("b", BinaryData.FromString("x"));

        Assert.Equal("hello", (await queue.ReceiveMessageAsync()).Value.MessageText); // no base64: as host.json says
        Assert.Equal("r", (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("p", "r")).Value.RowKey);
        Assert.True((await container.GetBlobClient("b").ExistsAsync()).Value);
        Assert.Equal("127.0.0.1", clients.Blobs.Uri.Host);
        Assert.True(clients.CanSignWithKey);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    /// <summary>Hands out token-1, token-2, … and records the scopes asked for.</summary>
    private sealed class RecordingCredential : TokenCredential
    {
        private int _issued;

        public ConcurrentQueue<string> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                Scopes.Enqueue(scope);
            }

            // Each client caches its own token, so the numbers tell which client sent a request.
            return new AccessToken($"token-{Interlocked.Increment(ref _issued)}", DateTimeOffset.MaxValue);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Records "METHOD URI Authorization" of each request and answers 201 Created, as storage does.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public ConcurrentQueue<string> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!.GetLeftPart(UriPartial.Path) + (request.RequestUri.Query.Contains("restype=container", StringComparison.Ordinal) ? "?restype=container" : "");
            Requests.Enqueue($"{request.Method} {uri} {request.Headers.Authorization}");
            var response = new HttpResponseMessage(HttpStatusCode.Created) { RequestMessage = request };
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"0x1\"");
            response.Content = new StringContent("""{"TableName":"reports"}""", System.Text.Encoding.UTF8, "application/json");
            response.Content.Headers.LastModified = DateTimeOffset.UnixEpoch;
            return Task.FromResult(response);
        }
    }
}
