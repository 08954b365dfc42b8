using LineBot.Calendar;
using LineBot.Events;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.Reports.Parsing;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>Who wrote a message: the reporter profile a report or plan is filed under, and the sender's LINE display name.</summary>
internal sealed class ReporterResolver(ReporterStore reporters, LineMessagingClient line, BotClock clock, ILogger<ReporterResolver> logger)
{
    /// <summary>
    /// By LINE user ID; else the roster by normalised name (linking the user ID to it when it has none); else a new
    /// profile from the message's own fields, stored without any LINE call (the display name comes later, from
    /// <see cref="EnrichAsync"/>, once what was sent is stored). Null when there is neither a user ID nor a name.
    /// A written name never files a message under a roster person linked to another LINE user: that is a dispute,
    /// attributed to the sender (without making them a profile). Without a user ID (LINE gives none for users who
    /// have not consented) the name alone decides, as it must.
    /// </summary>
    public async Task<Attribution> ResolveAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var userId = context.UserId;
        var written = parsed.Reporter is { Length: > 0 } name ? name : null;
        var known = userId is null ? null : await reporters.FindByUserIdAsync(userId, cancellationToken);
        var listed = written is null ? null : await reporters.FindByNameAsync(written, cancellationToken);
        var someoneElse = userId is not null && listed?.UserId is { } owner && owner != userId && listed.Id != known?.Id;
        if (someoneElse)
        {
            Log.Disputed(logger, userId!, listed!.Id);
            return new Attribution(known ?? Sender(userId!), ClaimedName: written);
        }

        if (known is not null)
        {
            return new Attribution(known);
        }

        if (listed is not null)
        {
            return new Attribution(await LinkAsync(listed, userId, cancellationToken));
        }

        if (userId is null && written is null)
        {
            return new Attribution(null);
        }

        return new Attribution(await CreateAsync(context, parsed, userId, cancellationToken), Created: true);
    }

    /// <summary>The sender's LINE display name (as a member of the group when in one); null when LINE does not say.</summary>
    public async Task<string?> DisplayNameAsync(EventContext context, string userId, CancellationToken cancellationToken)
    {
        try
        {
            return context.Event.Source?.GroupId is { } groupId
                ? (await line.GetGroupMemberProfileAsync(groupId, userId, cancellationToken))?.DisplayName
                : (await line.GetProfileAsync(userId, cancellationToken))?.DisplayName;
        }
        catch (Exception ex) when (LineUnavailable.OrRefused(ex, cancellationToken))
        {
            // The name from the message is enough; the display name is a nicety (LINE down: breaker, timeouts, 5xx).
            Log.ProfileFailed(logger, userId, ex.GetType().Name);
            return null;
        }
    }

    private async Task<Reporter> LinkAsync(Reporter listed, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null || listed.UserId is not null)
        {
            return listed;
        }

        var linked = listed with { UserId = userId };
        await reporters.SaveAsync(linked, cancellationToken);
        Log.Linked(logger, linked.Id);
        return linked;
    }

    /// <summary>An unknown sender of a disputed message, by user ID; not saved: nobody's roster grows from a dispute.</summary>
    private static Reporter Sender(string userId) => new() { Id = userId, Name = userId, UserId = userId };

    /// <summary>
    /// A profile just created from a message gets the sender's LINE display name, once, after the message is stored
    /// (a profile known only by its user ID is named after it). LINE down leaves the profile as it was.
    /// </summary>
    public async Task<Reporter> EnrichAsync(EventContext context, Reporter created, CancellationToken cancellationToken)
    {
        if (created.UserId is not { } userId || created.DisplayName is not null
            || await DisplayNameAsync(context, userId, cancellationToken) is not { } displayName)
        {
            return created;
        }

        var enriched = created with { DisplayName = displayName, Name = created.Name == userId ? displayName : created.Name };
        await reporters.SaveAsync(enriched, cancellationToken);
        return enriched;
    }

    private async Task<Reporter> CreateAsync(EventContext context, ParsedMessage parsed, string? userId, CancellationToken cancellationToken)
    {
        // No LINE call before the message is stored: the written name, else the user ID until EnrichAsync.
        var fullName = parsed.Reporter is { Length: > 0 } written ? written : userId!;
        // Someone first known from this message is expected from the day it reports (or from the day it was sent, if earlier).
        var sent = clock.DateOf(context.Event.Timestamp);
        var reporter = new Reporter
        {
            Id = userId ?? ReporterStore.NameId(fullName),
            Name = fullName,
            UserId = userId,
            StartDate = parsed.Date is { } date && date < sent ? date : sent,
            // A daily report is stored right after under this date: the profile says so from the start, which spares
            // the write that would record it a moment later (a failed store is retried until it succeeds).
            LastReportDate = parsed.Kind == MessageKind.DailyReport ? parsed.Date : null,
        }.WithSite(parsed.Site);
        await reporters.SaveAsync(reporter, cancellationToken);
        Log.Created(logger, reporter.Id);
        return reporter;
    }
}
