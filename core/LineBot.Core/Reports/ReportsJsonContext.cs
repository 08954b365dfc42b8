using System.Text.Json.Serialization;

namespace LineBot.Reports;

/// <summary>Lists inside table entities are stored as JSON strings (a table has no array type).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ReportsJsonContext : JsonSerializerContext;
