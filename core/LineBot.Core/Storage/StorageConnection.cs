using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace LineBot.Storage;

/// <summary>
/// How to reach storage, read from a Functions-style connection setting (<c>AzureWebJobsStorage</c>) the way the
/// Functions host reads it for its triggers: a connection string as the setting's value, or identity-based keys
/// under it (<c>__accountName</c>, or <c>__blobServiceUri</c> / <c>__queueServiceUri</c> / <c>__tableServiceUri</c>,
/// optionally <c>__credential</c> = managedidentity with <c>__clientId</c> for a user-assigned identity).
/// </summary>
internal abstract record StorageConnection
{
    private StorageConnection()
    {
    }

    /// <summary>A storage connection string (<c>UseDevelopmentStorage=true</c>, Azurite, or an account key).</summary>
    internal sealed record WithConnectionString(string Value) : StorageConnection
    {
        // A connection string carries the account key: never let it reach a log through ToString().
        public override string ToString() => "StorageConnection { connection string }";
    }

    /// <summary>The three service endpoints, reached with a Microsoft Entra token (a managed identity in Azure).</summary>
    internal sealed record WithIdentity(Uri TableServiceUri, Uri BlobServiceUri, Uri QueueServiceUri, string? ManagedIdentityClientId) : StorageConnection
    {
        /// <summary>
        /// A user-assigned identity when one is named (as the host does); otherwise <see cref="DefaultAzureCredential"/>:
        /// the app's system-assigned identity in Azure, the developer's az/azd/Visual Studio login on a workstation.
        /// </summary>
        public TokenCredential CreateCredential() => ManagedIdentityClientId is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }

    public static StorageConnection FromConfiguration(IConfiguration configuration, string name)
    {
        if (configuration[name] is { } connectionString && !string.IsNullOrWhiteSpace(connectionString))
        {
            return new WithConnectionString(connectionString);
        }

        var section = configuration.GetSection(name);
        var account = section["accountName"];

        // A service URI wins over the account name (private endpoints, other clouds), as in the host.
        Uri? Service(string key, string kind)
        {
            if (section[key] is { Length: > 0 } text)
            {
                return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
                    ? uri
                    : throw new InvalidOperationException($"{name}__{key} must be an absolute https URI (it is used with a Microsoft Entra token).");
            }

            return account is { Length: > 0 } ? new Uri($"https://{account}.{kind}.core.windows.net") : null;
        }

        var tables = Service("tableServiceUri", "table");
        var blobs = Service("blobServiceUri", "blob");
        var queues = Service("queueServiceUri", "queue");
        if (tables is null && blobs is null && queues is null)
        {
            throw new InvalidOperationException(
                $"{name} is not set: give a connection string (UseDevelopmentStorage=true locally), " +
                $"or {name}__accountName (or __blobServiceUri, __queueServiceUri and __tableServiceUri) for a managed identity.");
        }

        if (tables is null || blobs is null || queues is null)
        {
            // The host can do with blobs and queues alone; the bot's own tables cannot.
            var missing = new[] { ("tableServiceUri", tables), ("blobServiceUri", blobs), ("queueServiceUri", queues) }
                .Where(s => s.Item2 is null).Select(s => $"{name}__{s.Item1}");
            throw new InvalidOperationException(
                $"{name} is identity-based but {string.Join(", ", missing)} is not set: give {name}__accountName, or all three service URIs.");
        }

        var clientId = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? section["clientId"]
            : null;
        return new WithIdentity(tables, blobs, queues, clientId);
    }
}
