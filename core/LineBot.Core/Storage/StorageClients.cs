using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace LineBot.Storage;

/// <summary>
/// The three storage service clients (singletons: they are thread-safe), built from <c>AzureWebJobsStorage</c>
/// either as a connection string or identity-based (<c>AzureWebJobsStorage__accountName</c> or the
/// per-service URIs, with <see cref="DefaultAzureCredential"/>), exactly as the Functions host reads it.
/// Tables, containers and queues are created on first use, once per process.
/// </summary>
internal sealed class StorageClients
{
    public const string ConnectionSetting = "AzureWebJobsStorage";

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new();

    public StorageClients(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
    {
        Tables = tables;
        Blobs = blobs;
        Queues = queues;
    }

    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }

    /// <summary>True when the account key is known, so SAS links can be signed without a user delegation key.</summary>
    public bool CanSignWithKey => Blobs.CanGenerateAccountSasUri;

    public static StorageClients FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionSetting];
        var queueOptions = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var blobOptions = Configure(new BlobClientOptions());
        var tableOptions = Configure(new TableClientOptions());
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageClients(
                new TableServiceClient(connectionString, tableOptions),
                new BlobServiceClient(connectionString, blobOptions),
                new QueueServiceClient(connectionString, queueOptions));
        }

        var section = configuration.GetSection(ConnectionSetting);
        var account = section["accountName"];
        Uri? Service(string key, string kind) =>
            section[key] is { Length: > 0 } uri ? new Uri(uri)
            : account is { Length: > 0 } ? new Uri($"https://{account}.{kind}.core.windows.net")
            : null;

        var tableUri = Service("tableServiceUri", "table");
        var blobUri = Service("blobServiceUri", "blob");
        var queueUri = Service("queueServiceUri", "queue");
        if (tableUri is null || blobUri is null || queueUri is null)
        {
            throw new InvalidOperationException(
                "AzureWebJobsStorage is not set: give a connection string (UseDevelopmentStorage=true locally), " +
                "or AzureWebJobsStorage__accountName (or __blobServiceUri, __queueServiceUri and __tableServiceUri) for a managed identity.");
        }

        TokenCredential credential = section["credential"] == "managedidentity" && section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return new StorageClients(
            new TableServiceClient(tableUri, credential, tableOptions),
            new BlobServiceClient(blobUri, credential, blobOptions),
            new QueueServiceClient(queueUri, credential, queueOptions));
    }

    // The SDK already retries storage calls; keep its back-off short so that the webhook can answer 503 within
    // LINE's 2-second window when storage is down, instead of hanging.
    private static T Configure<T>(T options) where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken = default) =>
        Once(_tables, name, async n =>
        {
            var client = Tables.GetTableClient(n);
            await client.CreateIfNotExistsAsync(CancellationToken.None);
            return client;
        }, cancellationToken);

    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken = default) =>
        Once(_containers, name, async n =>
        {
            var client = Blobs.GetBlobContainerClient(n);
            // Private: evidence photos and exports are shared only through expiring SAS links.
            await client.CreateIfNotExistsAsync(Azure.Storage.Blobs.Models.PublicAccessType.None, cancellationToken: CancellationToken.None);
            return client;
        }, cancellationToken);

    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken = default) =>
        Once(_queues, name, async n =>
        {
            var client = Queues.GetQueueClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return client;
        }, cancellationToken);

    // Creates a resource once per process; a failed creation (storage down at first use) is retried next call.
    private static async Task<T> Once<T>(ConcurrentDictionary<string, Lazy<Task<T>>> map, string name, Func<string, Task<T>> create, CancellationToken cancellationToken)
    {
        var lazy = map.GetOrAdd(name, n => new Lazy<Task<T>>(() => create(n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted)
        {
            map.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, lazy));
            throw;
        }
    }
}
