using System.Net;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace LineBot.Line;

/// <summary>
/// Typed client for LINE's messaging API (<c>Line:ApiBaseUrl</c>): replies, pushes, multicasts, profiles, groups,
/// bot info and quota; rich menus in <c>LineMessagingClient.RichMenus.cs</c>. Limits are checked before sending; errors become <see cref="LineApiException"/>
/// (<see cref="LineQuotaExceededException"/> for the monthly limit). Retries happen in the HTTP pipeline
/// (<see cref="LineResilience"/>).
/// </summary>
internal sealed partial class LineMessagingClient(HttpClient http, Persona persona, ILogger<LineMessagingClient> logger)
{
    public async Task<IReadOnlyList<SentMessage>> ReplyAsync(string replyToken, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyToken);
        messages = persona.Speak(messages);
        LineLimits.Validate(messages);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/bot/message/reply")
        {
            Content = LineResponses.Json(new ReplyMessageRequest(replyToken, messages), LineJsonContext.Default.ReplyMessageRequest),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailAsync(response, "reply", cancellationToken);
        }

        Log.Replied(logger, messages.Count, LineResponses.Header(response, LineResponses.RequestIdHeader));
        var body = await LineResponses.ReadAsync(response, LineJsonContext.Default.SentMessagesResponse, "reply", cancellationToken);
        return body.SentMessages ?? [];
    }

    /// <summary>
    /// Pushes to a user, group or room. <paramref name="retryKey"/> belongs to the logical message (persist it,
    /// see <see cref="LineOutbox"/>): LINE accepts it once in 24 h and answers a repeat with 409, which is success.
    /// </summary>
    public async Task<PushResult> PushAsync(string to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(to);
        messages = persona.Speak(messages);
        LineLimits.Validate(messages);
        var body = new PushMessageRequest(to, messages);
        return await SendWithRetryKeyAsync("v2/bot/message/push", LineResponses.Json(body, LineJsonContext.Default.PushMessageRequest), retryKey, "push", messages.Count, cancellationToken);
    }

    /// <summary>The same messages to up to <see cref="LineLimits.MaxMulticastRecipients"/> users (not groups), one retry key for the whole request.</summary>
    public async Task<PushResult> MulticastAsync(IReadOnlyList<string> userIds, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken)
    {
        LineLimits.ValidateRecipients(userIds);
        messages = persona.Speak(messages);
        LineLimits.Validate(messages);
        var body = new MulticastRequest(userIds, messages);
        return await SendWithRetryKeyAsync("v2/bot/message/multicast", LineResponses.Json(body, LineJsonContext.Default.MulticastRequest), retryKey, "multicast", messages.Count, cancellationToken);
    }

    /// <summary>A user's profile; null when LINE does not know them (or they have not added the bot).</summary>
    public Task<UserProfile?> GetProfileAsync(string userId, CancellationToken cancellationToken = default) =>
        GetOrNullAsync($"v2/bot/profile/{Escape(userId)}", LineJsonContext.Default.UserProfile, "profile", cancellationToken);

    public Task<GroupSummary?> GetGroupSummaryAsync(string groupId, CancellationToken cancellationToken = default) =>
        GetOrNullAsync($"v2/bot/group/{Escape(groupId)}/summary", LineJsonContext.Default.GroupSummary, "group summary", cancellationToken);

    public async Task<int> GetGroupMemberCountAsync(string groupId, CancellationToken cancellationToken = default) =>
        (await GetAsync($"v2/bot/group/{Escape(groupId)}/members/count", LineJsonContext.Default.MemberCount, "group member count", cancellationToken)).Count;

    public async Task<int> GetRoomMemberCountAsync(string roomId, CancellationToken cancellationToken = default) =>
        (await GetAsync($"v2/bot/room/{Escape(roomId)}/members/count", LineJsonContext.Default.MemberCount, "room member count", cancellationToken)).Count;

    /// <summary>A member's profile in a group; null when they are not (or no longer) a member.</summary>
    public Task<GroupMemberProfile?> GetGroupMemberProfileAsync(string groupId, string userId, CancellationToken cancellationToken = default) =>
        GetOrNullAsync($"v2/bot/group/{Escape(groupId)}/member/{Escape(userId)}", LineJsonContext.Default.GroupMemberProfile, "group member profile", cancellationToken);

    public async Task LeaveGroupAsync(string groupId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/bot/group/{Escape(groupId)}/leave");
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailAsync(response, "leave group", cancellationToken);
        }
    }

    public async Task LeaveRoomAsync(string roomId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/bot/room/{Escape(roomId)}/leave");
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailAsync(response, "leave room", cancellationToken);
        }
    }

    /// <summary>The bot's own user ID, basic ID and display name (to recognise mentions of the bot).</summary>
    public Task<BotInfo> GetBotInfoAsync(CancellationToken cancellationToken = default) =>
        GetAsync("v2/bot/info", LineJsonContext.Default.BotInfo, "bot info", cancellationToken);

    public Task<MessageQuota> GetQuotaAsync(CancellationToken cancellationToken = default) =>
        GetAsync("v2/bot/message/quota", LineJsonContext.Default.MessageQuota, "quota", cancellationToken);

    public Task<QuotaConsumption> GetQuotaConsumptionAsync(CancellationToken cancellationToken = default) =>
        GetAsync("v2/bot/message/quota/consumption", LineJsonContext.Default.QuotaConsumption, "quota consumption", cancellationToken);

    private async Task<PushResult> SendWithRetryKeyAsync(string path, HttpContent content, Guid retryKey, string operation, int count, CancellationToken cancellationToken)
    {
        if (retryKey == Guid.Empty)
        {
            throw new ArgumentException("A push needs a retry key (a UUID kept with the logical message).", nameof(retryKey));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        // Set once on the request: every retry of the pipeline re-sends this same message, so the same key.
        request.Headers.Add(LineResponses.RetryKeyHeader, retryKey.ToString("D"));
        using var response = await http.SendAsync(request, cancellationToken);
        var requestId = LineResponses.Header(response, LineResponses.RequestIdHeader);
        if (response.StatusCode == HttpStatusCode.Conflict && LineResponses.Header(response, LineResponses.AcceptedRequestIdHeader) is { } accepted)
        {
            Log.AlreadyAccepted(logger, operation, retryKey, accepted);
            return new PushResult(accepted, AlreadyAccepted: true, []);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await FailAsync(response, operation, cancellationToken);
        }

        Log.Pushed(logger, operation, count, retryKey, requestId);
        var body = await LineResponses.ReadAsync(response, LineJsonContext.Default.SentMessagesResponse, operation, cancellationToken);
        return new PushResult(requestId, AlreadyAccepted: false, body.SentMessages ?? []);
    }

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailAsync(response, operation, cancellationToken);
        }

        return await LineResponses.ReadAsync(response, typeInfo, operation, cancellationToken);
    }

    private async Task<T?> GetOrNullAsync<T>(string path, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await FailAsync(response, operation, cancellationToken);
        }

        return await LineResponses.ReadAsync(response, typeInfo, operation, cancellationToken);
    }

    private async Task<LineApiException> FailAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var error = await LineResponses.ErrorAsync(response, operation, cancellationToken);
        Log.ApiError(logger, operation, (int)error.Status, error.LineMessage, error.RequestId);
        return error;
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
