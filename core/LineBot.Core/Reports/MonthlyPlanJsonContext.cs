using System.Text.Json.Serialization;

namespace LineBot.Reports;

/// <summary>A plan's items are stored as one JSON string (a table has no array type).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class MonthlyPlanJsonContext : JsonSerializerContext;
