using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace LineBot.Storage;

/// <summary>
/// Counts storage calls by service, operation and resource (one per logical call, retries not counted twice), so
/// that tests and benchmarks can say how many calls an event costs. A receive that brought nothing is counted apart
/// (<c>queue receive-empty</c>): it is idle polling, not work of any event.
/// </summary>
internal sealed class StorageCallCounter(string? prefix = null)
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Calls so far, by label (e.g. <c>table insert processedevents</c>).</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    /// <summary>Calls of every label since <paramref name="before"/>.</summary>
    public IReadOnlyDictionary<string, int> Since(IReadOnlyDictionary<string, int> before) =>
        Snapshot().Select(kv => (kv.Key, Count: kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(kv => kv.Count > 0)
            .ToDictionary(kv => kv.Key, kv => kv.Count, StringComparer.Ordinal);

    public int Count(string label) => _counts.GetValueOrDefault(label);

    internal HttpPipelinePolicy PolicyFor(string service) => new Policy(this, service);

    private void Record(string service, HttpMessage message)
    {
        var request = message.Request;
        var segments = request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Azurite and other path-style endpoints put the account first.
        var parts = segments.Length > 0 && segments[0].StartsWith("devstoreaccount", StringComparison.Ordinal) ? segments[1..] : segments;
        var resource = parts.Length == 0 ? "" : parts[0];
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        var keyed = paren >= 0 && paren + 2 < resource.Length;
        if (paren >= 0)
        {
            resource = resource[..paren];
        }

        if (prefix is { Length: > 0 } && resource.StartsWith(prefix, StringComparison.Ordinal))
        {
            resource = resource[prefix.Length..];
        }

        var method = request.Method.ToString();
        var operation = service switch
        {
            "queue" when parts.Length >= 2 && parts[1] == "messages" => method switch
            {
                "GET" => message.HasResponse && message.Response.Content.ToString().Contains("<QueueMessage>", StringComparison.Ordinal) ? "receive" : "receive-empty",
                "POST" => "send",
                "DELETE" => "delete",
                "PUT" => "update",
                _ => method,
            },
            "table" when resource == "$batch" => "batch",
            "table" => method switch
            {
                "GET" => keyed ? "read" : "query",
                "POST" => "insert",
                "PUT" => "upsert",
                "PATCH" or "MERGE" => "merge",
                "DELETE" => "delete",
                _ => method,
            },
            "blob" => method switch
            {
                "PUT" => "upload",
                "GET" => "download",
                "HEAD" => "properties",
                _ => method,
            },
            _ => method,
        };
        _counts.AddOrUpdate($"{service} {operation} {resource}", 1, (_, n) => n + 1);
    }

    private sealed class Policy(StorageCallCounter counter, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            counter.Record(service, message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            finally
            {
                counter.Record(service, message);
            }
        }
    }
}
