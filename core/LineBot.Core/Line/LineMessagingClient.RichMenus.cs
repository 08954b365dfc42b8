using System.Net;

namespace LineBot.Line;

// Rich menus on the messaging host (the image upload is on the data host: LineContentClient). Objects are checked
// against LINE's limits before sending (RichMenuLimits).
internal sealed partial class LineMessagingClient
{
    public async Task<string> CreateRichMenuAsync(RichMenuRequest menu, CancellationToken cancellationToken = default)
    {
        RichMenuLimits.Validate(menu);
        var body = await SendAsync(HttpMethod.Post, "v2/bot/richmenu", LineResponses.Json(menu, LineJsonContext.Default.RichMenuRequest), "create rich menu", cancellationToken);
        return (await ReadBodyAsync(body, LineJsonContext.Default.RichMenuIdResponse, "create rich menu", cancellationToken)).RichMenuId;
    }

    public async Task<IReadOnlyList<RichMenuSummary>> ListRichMenusAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync("v2/bot/richmenu/list", LineJsonContext.Default.RichMenuListResponse, "list rich menus", cancellationToken)).Richmenus ?? [];

    public async Task DeleteRichMenuAsync(string richMenuId, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Delete, $"v2/bot/richmenu/{Escape(richMenuId)}", null, "delete rich menu", cancellationToken)).Dispose();

    public async Task<IReadOnlyList<RichMenuAlias>> ListRichMenuAliasesAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync("v2/bot/richmenu/alias/list", LineJsonContext.Default.RichMenuAliasListResponse, "list rich menu aliases", cancellationToken)).Aliases ?? [];

    /// <summary>The rich menu an alias points at; null when there is no such alias.</summary>
    public Task<RichMenuAlias?> GetRichMenuAliasAsync(string aliasId, CancellationToken cancellationToken = default) =>
        GetOrNullAsync($"v2/bot/richmenu/alias/{Escape(aliasId)}", LineJsonContext.Default.RichMenuAlias, "get rich menu alias", cancellationToken);

    public async Task CreateRichMenuAliasAsync(string aliasId, string richMenuId, CancellationToken cancellationToken = default)
    {
        RichMenuLimits.ValidateAlias(aliasId);
        var content = LineResponses.Json(new RichMenuAlias(aliasId, richMenuId), LineJsonContext.Default.RichMenuAlias);
        (await SendAsync(HttpMethod.Post, "v2/bot/richmenu/alias", content, "create rich menu alias", cancellationToken)).Dispose();
    }

    public async Task UpdateRichMenuAliasAsync(string aliasId, string richMenuId, CancellationToken cancellationToken = default)
    {
        var content = LineResponses.Json(new UpdateRichMenuAliasRequest(richMenuId), LineJsonContext.Default.UpdateRichMenuAliasRequest);
        (await SendAsync(HttpMethod.Post, $"v2/bot/richmenu/alias/{Escape(aliasId)}", content, "update rich menu alias", cancellationToken)).Dispose();
    }

    public async Task DeleteRichMenuAliasAsync(string aliasId, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Delete, $"v2/bot/richmenu/alias/{Escape(aliasId)}", null, "delete rich menu alias", cancellationToken)).Dispose();

    public async Task LinkRichMenuAsync(string userId, string richMenuId, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Post, $"v2/bot/user/{Escape(userId)}/richmenu/{Escape(richMenuId)}", null, "link rich menu", cancellationToken)).Dispose();

    public async Task UnlinkRichMenuAsync(string userId, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Delete, $"v2/bot/user/{Escape(userId)}/richmenu", null, "unlink rich menu", cancellationToken)).Dispose();

    /// <summary>The rich menu linked to a user (not the default one); null when none is.</summary>
    public async Task<string?> GetUserRichMenuAsync(string userId, CancellationToken cancellationToken = default) =>
        (await GetOrNullAsync($"v2/bot/user/{Escape(userId)}/richmenu", LineJsonContext.Default.RichMenuIdResponse, "get user rich menu", cancellationToken))?.RichMenuId;

    /// <summary>Up to <see cref="RichMenuLimits.MaxBulkUsers"/> users at once; LINE answers 202 and links them shortly after.</summary>
    public async Task LinkRichMenuToUsersAsync(string richMenuId, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        if (userIds.Count is 0 or > RichMenuLimits.MaxBulkUsers)
        {
            throw new LineMessageLimitException($"A bulk link names 1 to {RichMenuLimits.MaxBulkUsers} users, not {userIds.Count}.");
        }

        var content = LineResponses.Json(new RichMenuBulkLinkRequest(richMenuId, userIds), LineJsonContext.Default.RichMenuBulkLinkRequest);
        (await SendAsync(HttpMethod.Post, "v2/bot/richmenu/bulk/link", content, "bulk link rich menu", cancellationToken)).Dispose();
    }

    /// <summary>Moves every user linked to one menu to another (LINE works through them after answering); returns the request ID to ask the progress with.</summary>
    public async Task<string> MoveRichMenuUsersAsync(IReadOnlyList<RichMenuBatchLink> moves, CancellationToken cancellationToken = default)
    {
        var content = LineResponses.Json(new RichMenuBatchRequest(moves), LineJsonContext.Default.RichMenuBatchRequest);
        using var response = await SendAsync(HttpMethod.Post, "v2/bot/richmenu/batch", content, "rich menu batch", cancellationToken);
        return LineResponses.Header(response, LineResponses.RequestIdHeader)
            ?? throw new LineApiException(response.StatusCode, "no x-line-request-id on the batch answer", [], null, null, "rich menu batch");
    }

    public async Task<RichMenuBatchProgress> GetRichMenuBatchProgressAsync(string requestId, CancellationToken cancellationToken = default) =>
        await GetAsync($"v2/bot/richmenu/progress/batch?requestId={Escape(requestId)}", LineJsonContext.Default.RichMenuBatchProgress, "rich menu batch progress", cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await FailAsync(response, operation, cancellationToken);
            }
        }

        return response;
    }

    private static async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
    {
        using (response)
        {
            return await LineResponses.ReadAsync(response, typeInfo, operation, cancellationToken);
        }
    }

    /// <summary>An alias, a menu or a user LINE does not know.</summary>
    public static bool IsNotFound(Exception exception) => exception is LineApiException { Status: HttpStatusCode.NotFound };
}
