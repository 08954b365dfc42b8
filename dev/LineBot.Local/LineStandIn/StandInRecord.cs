using System.Text.Json.Nodes;

namespace LineBot.LineStandIn;

/// <summary>One reply, push or multicast the bot sent to the stand-in, as LINE would have received it.</summary>
/// <param name="Seq">Position in the local timeline (shared with the simulator's own entries).</param>
/// <param name="Kind">reply, push, multicast or leave.</param>
/// <param name="To">Push target (user, group or room ID); multicast targets joined by commas.</param>
/// <param name="Body">The request JSON exactly as sent.</param>
internal sealed record StandInRecord(
    long Seq,
    string Kind,
    string? To,
    string? ReplyToken,
    string? RetryKey,
    DateTimeOffset At,
    JsonObject Body,
    IReadOnlyList<string> SentMessageIds);

/// <summary>Content uploaded through the simulator (or a test) for the data host's content endpoint.</summary>
internal sealed record StandInContent(byte[] Bytes, string ContentType);

/// <summary>A member the stand-in knows, so profile and group member look-ups answer like LINE.</summary>
internal sealed record StandInProfile(string UserId, string DisplayName, string? PictureUrl = null);
