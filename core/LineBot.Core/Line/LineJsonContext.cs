using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LineBot.Line;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ReplyMessageRequest))]
[JsonSerializable(typeof(PushMessageRequest))]
[JsonSerializable(typeof(MulticastRequest))]
[JsonSerializable(typeof(SentMessagesResponse))]
[JsonSerializable(typeof(UserProfile))]
[JsonSerializable(typeof(GroupMemberProfile))]
[JsonSerializable(typeof(GroupSummary))]
[JsonSerializable(typeof(MemberCount))]
[JsonSerializable(typeof(BotInfo))]
[JsonSerializable(typeof(MessageQuota))]
[JsonSerializable(typeof(QuotaConsumption))]
[JsonSerializable(typeof(TranscodingStatus))]
[JsonSerializable(typeof(LineErrorBody))]
[JsonSerializable(typeof(RichMenuRequest))]
[JsonSerializable(typeof(RichMenuIdResponse))]
[JsonSerializable(typeof(RichMenuListResponse))]
[JsonSerializable(typeof(RichMenuAlias))]
[JsonSerializable(typeof(UpdateRichMenuAliasRequest))]
[JsonSerializable(typeof(RichMenuAliasListResponse))]
[JsonSerializable(typeof(RichMenuBulkLinkRequest))]
[JsonSerializable(typeof(RichMenuBatchRequest))]
[JsonSerializable(typeof(RichMenuBatchProgress))]
[JsonSerializable(typeof(LineMessage))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class LineJsonContext : JsonSerializerContext;
