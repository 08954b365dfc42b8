using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace LineBot.Storage;

/// <summary>
/// The three storage service clients (singletons: they are thread-safe), built from <c>AzureWebJobsStorage</c>
/// either as a connection string or identity-based (<c>AzureWebJobsStorage__accountName</c> or the
/// per-service URIs, with <c>DefaultAzureCredential</c>), as the Functions host reads it (<see cref="StorageConnection"/>).
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

    public static StorageClients FromConfiguration(IConfiguration configuration) =>
        Create(StorageConnection.FromConfiguration(configuration, ConnectionSetting));

    /// <param name="connection">Where and how: see <see cref="StorageConnection.FromConfiguration"/>.</param>
    /// <param name="credential">Tests only: replaces the identity connection's own credential.</param>
    /// <param name="transport">Tests only: the HTTP transport of all three clients.</param>
    /// <param name="counter">Tests and benchmarks: counts every call of the three clients.</param>
    internal static StorageClients Create(StorageConnection connection, TokenCredential? credential = null, HttpPipelineTransport? transport = null, StorageCallCounter? counter = null)
    {
        var queueOptions = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }, transport, counter, "queue");
        var blobOptions = Configure(new BlobClientOptions(), transport, counter, "blob");
        var tableOptions = Configure(new TableClientOptions(), transport, counter, "table");
        switch (connection)
        {
            case StorageConnection.WithConnectionString(var connectionString):
                return new StorageClients(
                    new TableServiceClient(connectionString, tableOptions),
                    new BlobServiceClient(connectionString, blobOptions),
                    new QueueServiceClient(connectionString, queueOptions));
            case StorageConnection.WithIdentity identity:
                credential ??= identity.CreateCredential();
                return new StorageClients(
                    new TableServiceClient(identity.TableServiceUri, credential, tableOptions),
                    new BlobServiceClient(identity.BlobServiceUri, credential, blobOptions),
                    new QueueServiceClient(identity.QueueServiceUri, credential, queueOptions));
            default:
                throw new ArgumentOutOfRangeException(nameof(connection), connection.GetType().Name, "Unknown storage connection.");
        }
    }

    // The SDK already retries storage calls; keep its back-off short so that the webhook can answer 503 within
    // LINE's 2-second window when storage is down, instead of hanging.
    private static T Configure<T>(T options, HttpPipelineTransport? transport, StorageCallCounter? counter, string service) where T : ClientOptions
    {
        if (transport is not null)
        {
            options.Transport = transport;
        }

        if (counter is not null)
        {
            options.AddPolicy(counter.PolicyFor(service), HttpPipelinePosition.PerCall);
        }

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
