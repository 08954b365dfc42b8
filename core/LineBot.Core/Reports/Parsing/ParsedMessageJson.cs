using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LineBot.Reports.Parsing;

/// <summary>
/// The <c>linebot parse</c> contract: one JSON object per message, every field present (null or []), Thai
/// unescaped. Monthly plans add <c>month</c> ("YYYY-MM").
/// </summary>
internal record ParseOutput(
    string Kind,
    string? Date,
    string? Reporter,
    string? SiteType,
    string? Province,
    string? District,
    string? Subdistrict,
    IReadOnlyList<string> Activities,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Plans,
    string? CertifiedBy,
    string? Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings);

internal sealed record PlanOutput(ParseOutput Output, [property: JsonPropertyOrder(1)] string? Month) : ParseOutput(Output)
{
    [JsonIgnore]
    public ParseOutput Output { get; init; } = Output;
}

/// <summary>Input lines of <c>linebot parse --jsonl</c>.</summary>
internal sealed record ParseInput(string? Text, string? Now);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ParseOutput))]
[JsonSerializable(typeof(PlanOutput))]
[JsonSerializable(typeof(ParseInput))]
internal sealed partial class ParseJsonContext : JsonSerializerContext;

internal static class ParsedMessageJson
{
    // Thai stays readable (no \uXXXX); output goes to a terminal or a file, never into HTML.
    private static readonly ParseJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    });

    public static string Serialize(ParsedMessage message)
    {
        var output = new ParseOutput(
            message.Kind.Name(),
            message.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            message.Reporter,
            message.SiteType,
            message.Province,
            message.District,
            message.Subdistrict,
            message.Activities,
            message.Problems,
            message.Plans,
            message.CertifiedBy,
            message.Command,
            message.Args,
            message.Errors,
            message.Warnings);
        return message.Kind == MessageKind.MonthlyPlan
            ? JsonSerializer.Serialize(new PlanOutput(output, message.Month?.ToString("yyyy-MM", CultureInfo.InvariantCulture)), Context.PlanOutput)
            : JsonSerializer.Serialize(output, Context.ParseOutput);
    }

    /// <summary>One JSONL input line; throws <see cref="JsonException"/> when it is not an object.</summary>
    public static ParseInput? ReadInput(string line) => JsonSerializer.Deserialize(line, Context.ParseInput);
}
