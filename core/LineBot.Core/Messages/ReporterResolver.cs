using LineBot.Events;
using LineBot.Line;
using LineBot.Reporters;
using LineBot.Reports.Parsing;
using Microsoft.Extensions.Logging;

namespace LineBot.Messages;

/// <summary>Who wrote a message: the reporter profile a report or plan is filed under, and the sender's LINE display name.</summary>
internal sealed class ReporterResolver(ReporterStore reporters, LineMessagingClient line, ILogger<ReporterResolver> logger)
{
    /// <summary>
    /// By LINE user ID; else the roster by normalised name (linking the user ID to it when it has none); else a new
    /// profile from the message's own fields, stored without any LINE call (the display name comes later, from
    /// <see cref="EnrichAsync"/>, once what was sent is stored). Null when there is neither a user ID nor a name.
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
        var reporter = new Reporter
        {
            Id = userId ?? ReporterStore.NameId(fullName),
            Name = fullName,
            UserId = userId,
        }.WithSite(parsed.Site);
        await reporters.SaveAsync(reporter, cancellationToken);
        Log.Created(logger, reporter.Id);
        return reporter;
    }
}
