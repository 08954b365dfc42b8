using System.Collections.Concurrent;
using Azure;

namespace LineBot.Reporters;

/// <summary>
/// Profiles as this process last read or wrote them, so that the hot path (every report, photo and command looks up
/// its sender) does not read the same few rows again and again. Every write goes through <see cref="ReporterStore"/>,
/// which keeps this up to date; what other processes change (a roster import from the CLI, another Functions
/// instance) shows within <see cref="Ttl"/>. Only what exists is cached: a miss always asks storage, so nothing is
/// ever created because of a stale "not found".
/// </summary>
internal sealed class ReporterCache(TimeProvider time)
{
    internal static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry<string>> _idsByUser = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry<(Reporter Reporter, ETag ETag)>> _rows = new(StringComparer.Ordinal);
    private readonly Lock _namesLock = new();
    private Dictionary<string, string> _idsByName = new(StringComparer.Ordinal);
    private DateTimeOffset _namesUntil;

    public string? IdOfUser(string userId) =>
        _idsByUser.TryGetValue(userId, out var entry) && entry.Until > time.GetUtcNow() ? entry.Value : null;

    public (Reporter Reporter, ETag ETag)? Row(string reporterId) =>
        _rows.TryGetValue(reporterId, out var entry) && entry.Until > time.GetUtcNow() ? entry.Value : null;

    /// <summary>Whether the name index was built from a full list read within <see cref="Ttl"/>.</summary>
    public bool NamesFresh => _namesUntil > time.GetUtcNow();

    /// <summary>The reporter ID for a normalised name, from the name index (see <see cref="NamesFresh"/>).</summary>
    public string? IdOfName(string nameKey)
    {
        lock (_namesLock)
        {
            return _idsByName.TryGetValue(nameKey, out var id) ? id : null;
        }
    }

    public void Put(Reporter reporter, ETag etag)
    {
        var until = time.GetUtcNow() + Ttl;
        _rows[reporter.Id] = new((reporter, etag), until);
        if (reporter.UserId is { } userId)
        {
            _idsByUser[userId] = new(reporter.Id, until);
        }
    }

    public void PutUser(string userId, string reporterId) => _idsByUser[userId] = new(reporterId, time.GetUtcNow() + Ttl);

    /// <summary>A full list just read: the name index, first profile of a name wins (as the list is searched).</summary>
    public void PutNames(IEnumerable<(string NameKey, string Id)> names)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, id) in names)
        {
            map.TryAdd(key, id);
        }

        lock (_namesLock)
        {
            // Names saved while the list was read stay: the list may have been read before their save.
            foreach (var (key, id) in _idsByName)
            {
                map.TryAdd(key, id);
            }

            _idsByName = map;
            _namesUntil = time.GetUtcNow() + Ttl;
        }
    }

    /// <summary>A name just saved: findable by it at once (the list itself is not re-read).</summary>
    public void AddName(string nameKey, string id)
    {
        lock (_namesLock)
        {
            _idsByName.TryAdd(nameKey, id);
        }
    }

    /// <summary>A row written without its new ETag known: read again next time.</summary>
    public void Forget(string reporterId) => _rows.TryRemove(reporterId, out _);

    private sealed record Entry<T>(T Value, DateTimeOffset Until);
}
