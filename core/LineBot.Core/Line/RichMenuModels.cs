namespace LineBot.Line;

// Rich menu bodies (names as in LINE's messaging-api.yml: RichMenuRequest, RichMenuArea, CreateRichMenuAliasRequest…).

internal sealed record RichMenuSize(int Width, int Height);

internal sealed record RichMenuBounds(int X, int Y, int Width, int Height);

/// <summary>A tappable area; <see cref="LineAction.Label"/> is read out by screen readers.</summary>
internal sealed record RichMenuArea(RichMenuBounds Bounds, LineAction Action);

/// <summary>The rich menu object we create (<c>selected</c>: open when the chat opens).</summary>
internal sealed record RichMenuRequest(RichMenuSize Size, bool Selected, string Name, string ChatBarText, IReadOnlyList<RichMenuArea> Areas);

internal sealed record RichMenuIdResponse(string RichMenuId);

/// <summary>A rich menu as listed: only what we manage by (the channel may hold menus with actions we never send).</summary>
internal sealed record RichMenuSummary(string RichMenuId, string Name);

internal sealed record RichMenuListResponse(IReadOnlyList<RichMenuSummary> Richmenus);

internal sealed record RichMenuAlias(string RichMenuAliasId, string RichMenuId);

internal sealed record UpdateRichMenuAliasRequest(string RichMenuId);

internal sealed record RichMenuAliasListResponse(IReadOnlyList<RichMenuAlias> Aliases);

internal sealed record RichMenuBulkLinkRequest(string RichMenuId, IReadOnlyList<string> UserIds);

/// <summary>One <c>link</c> operation of the batch endpoint: every user linked to <c>From</c> moves to <c>To</c>.</summary>
internal sealed record RichMenuBatchLink(string From, string To)
{
    // The discriminator first, as LINE's own examples send it.
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Type => "link";
}

internal sealed record RichMenuBatchRequest(IReadOnlyList<RichMenuBatchLink> Operations);

/// <summary><c>Phase</c>: <c>ongoing</c>, <c>succeeded</c> or <c>failed</c>.</summary>
internal sealed record RichMenuBatchProgress(string Phase);
