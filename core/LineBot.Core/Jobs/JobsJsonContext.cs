using System.Text.Json.Serialization;

namespace LineBot.Jobs;

[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class JobsJsonContext : JsonSerializerContext;
