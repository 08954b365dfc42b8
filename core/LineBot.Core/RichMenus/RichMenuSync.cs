using LineBot.Line;
using LineBot.Reporters;
using Microsoft.Extensions.Logging;

namespace LineBot.RichMenus;

/// <summary>
/// Makes the channel's menus match the drafts, idempotently: a role whose alias already points at a menu of the
/// draft's name is left alone; otherwise a new menu is created, its image uploaded and the alias pointed at it. Then
/// each menu of ours that no alias points at any more (a replaced version, a half-made one from a failed run) has its
/// users moved to the current menu of its role (LINE's batch link, waited for) and is deleted. Menus without our
/// prefix are never touched. A second run with the same drafts only lists.
/// </summary>
internal sealed class RichMenuSync(LineMessagingClient line, LineContentClient content, TimeProvider time, ILogger<RichMenuSync> logger)
{
    public static readonly TimeSpan MoveTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan MovePoll = TimeSpan.FromSeconds(2);

    public async Task<RichMenuSyncResult> RunAsync(IReadOnlyList<RichMenuDraft> drafts, bool dryRun, CancellationToken cancellationToken)
    {
        var ours = (await line.ListRichMenusAsync(cancellationToken)).Where(m => RichMenuCatalog.IsOurs(m.Name)).ToList();
        var aliases = (await line.ListRichMenuAliasesAsync(cancellationToken)).Where(a => RichMenuCatalog.IsOurs(a.RichMenuAliasId)).ToList();
        var lines = new List<string>();
        var current = new Dictionary<ReporterRole, string>();
        int created = 0, uploaded = 0, aliasesSet = 0, moved = 0, deleted = 0, kept = 0;

        foreach (var draft in drafts)
        {
            var role = draft.Design.Role;
            var aliased = aliases.Find(a => a.RichMenuAliasId == draft.Design.AliasId)?.RichMenuId;
            if (ours.Find(m => m.RichMenuId == aliased && m.Name == draft.Name) is { } live)
            {
                current[role] = live.RichMenuId;
                lines.Add($"{role}: up to date ({draft.Name}, {live.RichMenuId})");
                continue;
            }

            if (dryRun)
            {
                lines.Add($"{role}: would create {draft.Name}, upload its image ({draft.Image.Length / 1024} KB) and point {draft.Design.AliasId} at it");
                continue;
            }

            var id = await line.CreateRichMenuAsync(draft.Request, cancellationToken);
            created++;
            await content.UploadRichMenuImageAsync(id, draft.Image, draft.Design.Size, cancellationToken);
            uploaded++;
            if (aliased is null)
            {
                await line.CreateRichMenuAliasAsync(draft.Design.AliasId, id, cancellationToken);
            }
            else
            {
                await line.UpdateRichMenuAliasAsync(draft.Design.AliasId, id, cancellationToken);
            }

            aliasesSet++;
            current[role] = id;
            Log.Synced(logger, "created", draft.Name, id);
            lines.Add($"{role}: created {draft.Name} ({id}), image uploaded ({draft.Image.Length / 1024} KB), {draft.Design.AliasId} points at it");
        }

        // Aliases of ours for roles no draft has any more go first: an alias keeps its menu in use.
        var wanted = drafts.Select(d => d.Design.AliasId).ToHashSet(StringComparer.Ordinal);
        foreach (var alias in aliases.Where(a => !wanted.Contains(a.RichMenuAliasId)))
        {
            if (!dryRun)
            {
                await line.DeleteRichMenuAliasAsync(alias.RichMenuAliasId, cancellationToken);
            }

            lines.Add($"alias {alias.RichMenuAliasId}: {(dryRun ? "would be deleted" : "deleted")}");
        }

        var stale = ours.Where(m => !current.ContainsValue(m.RichMenuId)).ToList();
        if (stale.Count == 0)
        {
            return new RichMenuSyncResult(created, uploaded, aliasesSet, moved, deleted, kept, lines);
        }

        var moves = stale.Select(m => (Menu: m, To: RichMenuCatalog.RoleOf(m.Name) is { } r && current.TryGetValue(r, out var to) ? to : null))
            .Where(x => x.To is not null)
            .Select(x => new RichMenuBatchLink(x.Menu.RichMenuId, x.To!))
            .ToList();
        if (dryRun)
        {
            lines.AddRange(stale.Select(m => $"{m.Name} ({m.RichMenuId}): would have its users moved to the current menu and be deleted"));
            return new RichMenuSyncResult(created, uploaded, aliasesSet, moved, deleted, kept, lines);
        }

        if (moves.Count > 0 && !await MoveUsersAsync(moves, cancellationToken))
        {
            kept = stale.Count;
            lines.Add($"{stale.Count} old menu(s) kept: LINE has not finished moving their users; run linebot richmenu sync again later");
            return new RichMenuSyncResult(created, uploaded, aliasesSet, moved, deleted, kept, lines);
        }

        moved = moves.Count;
        foreach (var menu in stale)
        {
            await line.DeleteRichMenuAsync(menu.RichMenuId, cancellationToken);
            deleted++;
            Log.Synced(logger, "deleted", menu.Name, menu.RichMenuId);
            lines.Add($"{menu.Name} ({menu.RichMenuId}): {(moves.Any(m => m.From == menu.RichMenuId) ? "users moved to the current menu, " : "")}deleted");
        }

        return new RichMenuSyncResult(created, uploaded, aliasesSet, moved, deleted, kept, lines);
    }

    /// <summary>LINE's batch link, then its progress until it says succeeded (true), failed or the wait ran out (false).</summary>
    private async Task<bool> MoveUsersAsync(IReadOnlyList<RichMenuBatchLink> moves, CancellationToken cancellationToken)
    {
        var requestId = await line.MoveRichMenuUsersAsync(moves, cancellationToken);
        var deadline = time.GetUtcNow() + MoveTimeout;
        while (true)
        {
            var progress = await line.GetRichMenuBatchProgressAsync(requestId, cancellationToken);
            if (progress.Phase == "succeeded")
            {
                return true;
            }

            if (progress.Phase == "failed" || time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(MovePoll, time, cancellationToken);
        }
    }
}
