namespace LineBot.Storage;

/// <summary>
/// The clock read-only links are signed with. Storage checks a link's start and expiry against its own clock, so
/// this is the real time even where the bot's clock is not (local mode's simulator may jump days ahead, and a link
/// signed "in the future" would answer 403).
/// </summary>
internal sealed class LinkClock(TimeProvider time)
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
