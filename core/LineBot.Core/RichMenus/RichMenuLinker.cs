using LineBot.Configuration;
using LineBot.Line;
using LineBot.Reporters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LineBot.RichMenus;

/// <summary>
/// Gives a person the menu of their role in the one-to-one chat, through the role's alias (so this needs no image
/// and no stored menu IDs; <see cref="RichMenuSync"/> keeps the aliases current). Called once the role is stored —
/// registration, enrolment by @mention, officer appointment, a follow — and best-effort: LINE unavailable or refusing
/// is logged, never fails the event; <see cref="LinkAllAsync"/> (<c>linebot richmenu link-all</c>) repairs.
/// </summary>
internal sealed class RichMenuLinker(LineMessagingClient line, LineEndpoints endpoints, ReporterStore reporters, IOptions<BotOptions> options, ILogger<RichMenuLinker> logger)
{
    /// <summary>The menu of this stored person's role; false when they have no LINE user or it could not be linked.</summary>
    public Task<bool> LinkAsync(Reporter person, CancellationToken cancellationToken) =>
        person.UserId is { } userId
            ? LinkAsync(userId, ReporterRoles.Of(options.Value.IsAdmin(userId), person), cancellationToken)
            : Task.FromResult(false);

    /// <summary>Each person a command gave a role (a command request's <c>RolesStored</c>), after its reply.</summary>
    public async Task LinkEachAsync(IEnumerable<Reporter> people, CancellationToken cancellationToken)
    {
        foreach (var person in people)
        {
            await LinkAsync(person, cancellationToken);
        }
    }

    public async Task<bool> LinkAsync(string userId, ReporterRole role, CancellationToken cancellationToken)
    {
        var aliasId = RichMenuCatalog.AliasOf(role);
        if (endpoints.AccessToken.Length == 0)
        {
            // No channel to link on (core without LINE, as in storage tests); local mode has the stand-in's token.
            return false;
        }

        try
        {
            if (await line.GetRichMenuAliasAsync(aliasId, cancellationToken) is not { } alias)
            {
                Log.NoMenu(logger, role, aliasId, userId);
                return false;
            }

            await line.LinkRichMenuAsync(userId, alias.RichMenuId, cancellationToken);
            Log.Linked(logger, userId, role);
            return true;
        }
        catch (Exception e) when (LineUnavailable.OrRefused(e, cancellationToken))
        {
            Log.LinkFailed(logger, userId, role, e.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// Every person whose LINE user is known (the configured admins and everyone stored with a user ID) gets their
    /// role's menu, up to 500 per request. Returns one line per role.
    /// </summary>
    public async Task<IReadOnlyList<string>> LinkAllAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var people = (await reporters.ListAsync(cancellationToken)).Where(p => p.UserId is not null).ToDictionary(p => p.UserId!, StringComparer.Ordinal);
        var byRole = options.Value.AdminUserIds.Concat(people.Keys).Distinct(StringComparer.Ordinal)
            .GroupBy(id => ReporterRoles.Of(options.Value.IsAdmin(id), people.GetValueOrDefault(id)))
            .OrderBy(g => g.Key);
        var lines = new List<string>();
        foreach (var group in byRole)
        {
            var users = group.Order(StringComparer.Ordinal).ToList();
            var alias = await line.GetRichMenuAliasAsync(RichMenuCatalog.AliasOf(group.Key), cancellationToken);
            if (alias is null)
            {
                lines.Add($"{group.Key}: {users.Count} user(s) not linked: no menu yet (run linebot richmenu sync first)");
                continue;
            }

            if (!dryRun)
            {
                foreach (var chunk in users.Chunk(RichMenuLimits.MaxBulkUsers))
                {
                    await line.LinkRichMenuToUsersAsync(alias.RichMenuId, chunk, cancellationToken);
                }
            }

            lines.Add($"{group.Key}: {users.Count} user(s) {(dryRun ? "would be linked" : "linked")} to {alias.RichMenuId}");
        }

        return lines;
    }
}
