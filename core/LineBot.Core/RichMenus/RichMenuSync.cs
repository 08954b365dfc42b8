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
        var run = new Run(dryRun);
        foreach (var draft in drafts)
        {
            await EnsureCurrentAsync(draft, ours, aliases, run, cancellationToken);
        }

        // Aliases of ours for roles no draft has any more go first: an alias keeps its menu in use.
        var wanted = drafts.Select(d => d.Design.AliasId).ToHashSet(StringComparer.Ordinal);
        foreach (var alias in aliases.Where(a => !wanted.Contains(a.RichMenuAliasId)))
        {
            if (!dryRun)
            {
                await line.DeleteRichMenuAliasAsync(alias.RichMenuAliasId, cancellationToken);
            }

            run.Lines.Add($"alias {alias.RichMenuAliasId}: {(dryRun ? "would be deleted" : "deleted")}");
        }

        await RetireAsync([.. ours.Where(m => !run.Current.ContainsValue(m.RichMenuId))], run, cancellationToken);
        return run.Result();
    }

    /// <summary>The draft's menu behind its alias: found as it is, or created with its image and the alias moved to it.</summary>
    private async Task EnsureCurrentAsync(RichMenuDraft draft, List<RichMenuSummary> ours, List<RichMenuAlias> aliases, Run run, CancellationToken cancellationToken)
    {
        var role = draft.Design.Role;
        var aliased = aliases.Find(a => a.RichMenuAliasId == draft.Design.AliasId)?.RichMenuId;
        if (ours.Find(m => m.RichMenuId == aliased && m.Name == draft.Name) is { } live)
        {
            run.Current[role] = live.RichMenuId;
            run.Lines.Add($"{role}: up to date ({draft.Name}, {live.RichMenuId})");
            return;
        }

        if (run.DryRun)
        {
            run.Lines.Add($"{role}: would create {draft.Name}, upload its image ({draft.Image.Length / 1024} KB) and point {draft.Design.AliasId} at it");
            return;
        }

        var id = await line.CreateRichMenuAsync(draft.Request, cancellationToken);
        run.Created++;
        await content.UploadRichMenuImageAsync(id, draft.Image, draft.Design.Size, cancellationToken);
        run.Uploaded++;
        if (aliased is null)
        {
            await line.CreateRichMenuAliasAsync(draft.Design.AliasId, id, cancellationToken);
        }
        else
        {
            await line.UpdateRichMenuAliasAsync(draft.Design.AliasId, id, cancellationToken);
        }

        run.AliasesSet++;
        run.Current[role] = id;
        Log.Synced(logger, "created", draft.Name, id);
        run.Lines.Add($"{role}: created {draft.Name} ({id}), image uploaded ({draft.Image.Length / 1024} KB), {draft.Design.AliasId} points at it");
    }

    /// <summary>Old menus of ours: their users moved to their role's current menu, then deleted; kept if LINE has not finished moving.</summary>
    private async Task RetireAsync(List<RichMenuSummary> stale, Run run, CancellationToken cancellationToken)
    {
        if (stale.Count == 0)
        {
            return;
        }

        if (run.DryRun)
        {
            run.Lines.AddRange(stale.Select(m => $"{m.Name} ({m.RichMenuId}): would have its users moved to the current menu and be deleted"));
            return;
        }

        var moves = stale
            .Select(m => RichMenuCatalog.RoleOf(m.Name) is { } role && run.Current.TryGetValue(role, out var to) ? new RichMenuBatchLink(m.RichMenuId, to) : null)
            .OfType<RichMenuBatchLink>()
            .ToList();
        if (moves.Count > 0 && !await MoveUsersAsync(moves, cancellationToken))
        {
            run.Kept = stale.Count;
            run.Lines.Add($"{stale.Count} old menu(s) kept: LINE has not finished moving their users; run linebot richmenu sync again later");
            return;
        }

        run.Moved = moves.Count;
        foreach (var menu in stale)
        {
            await line.DeleteRichMenuAsync(menu.RichMenuId, cancellationToken);
            run.Deleted++;
            Log.Synced(logger, "deleted", menu.Name, menu.RichMenuId);
            run.Lines.Add($"{menu.Name} ({menu.RichMenuId}): {(moves.Any(m => m.From == menu.RichMenuId) ? "users moved to the current menu, " : "")}deleted");
        }
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

    /// <summary>One run's tally: the current menu of each role, the counts and the console lines.</summary>
    private sealed class Run(bool dryRun)
    {
        public bool DryRun => dryRun;
        public Dictionary<ReporterRole, string> Current { get; } = [];
        public List<string> Lines { get; } = [];
        public int Created { get; set; }
        public int Uploaded { get; set; }
        public int AliasesSet { get; set; }
        public int Moved { get; set; }
        public int Deleted { get; set; }
        public int Kept { get; set; }

        public RichMenuSyncResult Result() => new(Created, Uploaded, AliasesSet, Moved, Deleted, Kept, Lines);
    }
}
