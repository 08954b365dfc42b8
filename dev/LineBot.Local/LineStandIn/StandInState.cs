using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace LineBot.LineStandIn;

/// <summary>
/// What the LINE stand-in remembers: issued reply tokens (each usable once), accepted retry keys, known
/// profiles and groups, uploaded content, and a bounded record of every message the bot sent. It fakes LINE,
/// not storage, so memory is the right place; a restart forgets it, as a fresh LINE chat would not matter.
/// </summary>
internal sealed class StandInState(TimeProvider clock)
{
    public const int Capacity = 2000;

    private readonly Lock gate = new();
    private readonly LinkedList<StandInRecord> records = new();
    private readonly ConcurrentDictionary<string, byte> replyTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> retryKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, StandInContent> contents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StandInProfile> profiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> groupNames = new(StringComparer.Ordinal);
    private long seq;

    // LINE message IDs never repeat; the bot stores by them (a photo once per ID). A restarted stand-in over kept
    // storage (./run.sh) must not hand out earlier runs' IDs, so the counter starts from the time.
    private long messageId = 600_000_000_000_000_000 + (clock.GetUtcNow().ToUnixTimeMilliseconds() % 100_000_000_000_000) * 1000;

    public TimeProvider Clock => clock;

    /// <summary>Rich menus, aliases and per-user links (<see cref="StandInRichMenuEndpoints"/>).</summary>
    public StandInRichMenus RichMenus { get; } = new();

    /// <summary>One sequence for the stand-in and the simulator, so their timeline entries interleave in order.</summary>
    public long NextSeq() => Interlocked.Increment(ref seq);

    /// <summary>A new message ID shaped like LINE's (18 digits).</summary>
    public string NextMessageId() => Interlocked.Increment(ref messageId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string IssueReplyToken()
    {
        var token = Guid.NewGuid().ToString("N");
        replyTokens[token] = 0;
        return token;
    }

    /// <summary>True once per issued token, as LINE accepts a reply token only once.</summary>
    public bool ConsumeReplyToken(string? token) => token is not null && replyTokens.TryRemove(token, out _);

    /// <summary>Null when the key is new (and now taken); else the request ID that first used it.</summary>
    public string? TryTakeRetryKey(string key, string requestId) =>
        retryKeys.TryAdd(key, requestId) ? null : retryKeys[key];

    public StandInRecord Record(string kind, string? to, string? replyToken, string? retryKey, JsonObject body, IReadOnlyList<string> sentIds)
    {
        lock (gate)
        {
            var record = new StandInRecord(NextSeq(), kind, to, replyToken, retryKey, clock.GetUtcNow(), body, sentIds);
            records.AddLast(record);
            while (records.Count > Capacity)
            {
                records.RemoveFirst();
            }

            return record;
        }
    }

    public IReadOnlyList<StandInRecord> Recorded(long afterSeq = 0)
    {
        lock (gate)
        {
            return [.. records.Where(r => r.Seq > afterSeq)];
        }
    }

    public void UploadContent(string messageId, byte[] bytes, string contentType) =>
        contents[messageId] = new StandInContent(bytes, contentType);

    public StandInContent? Content(string messageId) => contents.GetValueOrDefault(messageId);

    public void AddProfile(StandInProfile profile) => profiles[profile.UserId] = profile;

    public StandInProfile? Profile(string userId) => profiles.GetValueOrDefault(userId);

    public IReadOnlyCollection<StandInProfile> Profiles => [.. profiles.Values];

    public void NameGroup(string groupId, string name) => groupNames[groupId] = name;

    public string GroupName(string groupId) => groupNames.GetValueOrDefault(groupId) ?? "กลุ่มทดลอง (local)";
}
