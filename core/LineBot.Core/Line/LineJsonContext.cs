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
[JsonSerializable(typeof(LineMessage))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class LineJsonContext : JsonSerializerContext;
