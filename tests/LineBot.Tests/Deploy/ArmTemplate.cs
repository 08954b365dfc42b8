using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LineBot.Tests.Deploy;

/// <summary>Reads what tests need out of the compiled ARM template of infra/main.bicep.</summary>
internal static partial class ArmTemplate
{
    /// <summary>The template itself and every nested module template, depth first.</summary>
    public static IEnumerable<JsonObject> AllTemplates(JsonObject template)
    {
        yield return template;
        foreach (var resource in Resources(template))
        {
            if (resource["properties"] is JsonObject { } properties && properties["template"] is JsonObject nested)
            {
                foreach (var inner in AllTemplates(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IEnumerable<JsonObject> Resources(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };

    public static IEnumerable<(JsonObject Template, JsonObject Resource)> ResourcesOfType(JsonObject template, string type) =>
        AllTemplates(template).SelectMany(t => Resources(t).Where(r => (string?)r["type"] == type).Select(r => (t, r)));

    /// <summary>
    /// The names of the Function App's app settings. functionapp.bicep builds them as the union of variables, each
    /// an object literal (names are its keys) or an expression (names are its setting-shaped string literals;
    /// <c>format('Bot__GroupIds__{0}', i)</c> becomes <c>Bot__GroupIds__{i}</c>).
    /// </summary>
    public static IReadOnlySet<string> AppSettingNames(JsonObject template)
    {
        var (module, config) = ResourcesOfType(template, "Microsoft.Web/sites/config")
            .Single(x => x.Resource["name"]?.ToJsonString().Contains("appsettings", StringComparison.Ordinal) == true);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var properties = config["properties"]!;
        if (properties is JsonObject literal)
        {
            names.UnionWith(literal.Select(p => p.Key));
            return names;
        }

        var variables = module["variables"]!.AsObject();
        foreach (Match reference in VariableReference().Matches((string)properties!))
        {
            switch (variables[reference.Groups[1].Value])
            {
                case JsonObject settings:
                    names.UnionWith(settings.Select(p => p.Key));
                    break;
                case JsonValue expression:
                    names.UnionWith(SettingLiteral().Matches((string)expression!).Select(m => m.Groups[1].Value.Replace("{0}", "{i}", StringComparison.Ordinal)));
                    break;
                default:
                    throw new InvalidOperationException($"App settings variable {reference.Groups[1].Value} has an unexpected shape.");
            }
        }

        return names;
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();

    // Section__Key(__{0}) or UPPER_CASE_NAME, as a quoted literal in an ARM expression.
    [GeneratedRegex(@"'([A-Za-z][A-Za-z0-9]*(?:__(?:[A-Za-z0-9]+|\{0\}))+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'")]
    private static partial Regex SettingLiteral();
}
