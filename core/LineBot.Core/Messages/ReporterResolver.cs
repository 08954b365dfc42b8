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
    /// profile from the message's own fields and the LINE display name (fetched once, here). Null when there is
    /// neither a user ID nor a name.
    /// </summary>
    public async Task<(Reporter? Reporter, bool Created)> ResolveAsync(EventContext context, ParsedMessage parsed, CancellationToken cancellationToken)
    {
        var userId = context.UserId;
        if (userId is not null && await reporters.FindByUserIdAsync(userId, cancellationToken) is { } known)
        {
            return (known, false);
        }

        if (parsed.Reporter is { Length: > 0 } name && await reporters.FindByNameAsync(name, cancellationToken) is { } listed)
        {
            return (await LinkAsync(listed, userId, cancellationToken), false);
        }

        if (userId is null && parsed.Reporter is not { Length: > 0 })
        {
            return (null, false);
        }

        return (await CreateAsync(context, parsed, userId, cancellationToken), true);
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
        catch (Exception ex) when (ex is LineApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The name from the message is enough; the display name is a nicety.
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

    private async Task<Reporter> CreateAsync(EventContext context, ParsedMessage parsed, string? userId, CancellationToken cancellationToken)
    {
        var displayName = userId is null ? null : await DisplayNameAsync(context, userId, cancellationToken);
        var fullName = parsed.Reporter is { Length: > 0 } written ? written : displayName ?? userId!;
        // Someone first known from this message is expected from the day it reports (or from the day it was sent, if earlier).
        var sent = clock.DateOf(context.Event.Timestamp);
        var reporter = new Reporter
        {
            Id = userId ?? ReporterStore.NameId(fullName),
            Name = fullName,
            UserId = userId,
            DisplayName = displayName,
            StartDate = parsed.Date is { } date && date < sent ? date : sent,
        }.WithSite(parsed.Site);
        await reporters.SaveAsync(reporter, cancellationToken);
        Log.Created(logger, reporter.Id);
        return reporter;
    }
}
