using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LineBot.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace LineBot.Tests.Line;

/// <summary>
/// LINE's messaging-api.yml, parsed with YamlDotNet, and a small validator for what our client sends: the
/// operation (path template + method) must exist, and a JSON body must match the operation's request schema,
/// following $ref, allOf and discriminator mappings down to the subtype (TextMessageV2, FlexBubble…), which
/// Prism does not check. Objects are checked strictly: a property the schema does not declare is an error.
/// </summary>
internal sealed class LineSpec
{
    private static readonly Lazy<LineSpec> Shared = new(() => new LineSpec(RepoPaths.LineOpenApiFile("messaging-api.yml")));
    private readonly JsonObject _root;
    private readonly List<(Regex Pattern, string Template)> _paths = [];

    private LineSpec(string file)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(file))
        {
            yaml.Load(reader);
        }

        _root = (JsonObject)ToJson(yaml.Documents[0].RootNode)!;
        foreach (var (template, _) in (JsonObject)_root["paths"]!)
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
            _paths.Add((new Regex(pattern, RegexOptions.CultureInvariant), template));
        }
    }

    /// <summary>The spec from the repository's copy (third_party/line-openapi).</summary>
    public static LineSpec Instance => Shared.Value;

    /// <summary>Errors for one request (path relative to the API root, e.g. /v2/bot/message/push); empty = valid.</summary>
    public List<string> ValidateRequest(string method, string path, string? body)
    {
        var errors = new List<string>();
        // A literal segment wins over a parameter, as in LINE's routing (/v2/bot/richmenu/alias before /v2/bot/richmenu/{richMenuId}).
        var template = _paths.Where(p => p.Pattern.IsMatch(path)).OrderBy(p => p.Template.Count(c => c == '{')).FirstOrDefault().Template;
        if (template is null)
        {
            errors.Add($"{method} {path}: no such path in messaging-api.yml");
            return errors;
        }

        if (_root["paths"]![template]![method.ToLowerInvariant()] is not JsonObject operation)
        {
            errors.Add($"{method} {path}: {template} has no {method} operation");
            return errors;
        }

        if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject schema)
        {
            if (string.IsNullOrEmpty(body))
            {
                errors.Add($"{method} {path}: a JSON body is required");
                return errors;
            }

            Check(schema, JsonNode.Parse(body), "$", errors);
        }
        else if (!string.IsNullOrEmpty(body))
        {
            errors.Add($"{method} {path}: the operation takes no JSON body");
        }

        return errors;
    }

    /// <summary>Errors for a value against a named component schema (e.g. "Message").</summary>
    public List<string> Validate(string schemaName, JsonNode? value)
    {
        var errors = new List<string>();
        Check(new JsonObject { ["$ref"] = "#/components/schemas/" + schemaName }, value, "$", errors);
        return errors;
    }

    private JsonObject Resolve(JsonObject schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference["#/components/schemas/".Length..];
            schema = _root["components"]!["schemas"]![name] as JsonObject ?? throw new InvalidOperationException("unknown schema " + reference);
        }

        return schema;
    }

    private void Check(JsonObject schemaOrRef, JsonNode? value, string path, List<string> errors, JsonObject? dispatchedFrom = null)
    {
        var schema = Resolve(schemaOrRef);
        if (value is null)
        {
            errors.Add($"{path}: null is not allowed");
            return;
        }

        // Polymorphism: dispatch once to the subtype named by the discriminator's mapping.
        if (!ReferenceEquals(schema, dispatchedFrom) && schema["discriminator"] is JsonObject discriminator && value is JsonObject discriminated)
        {
            var property = discriminator["propertyName"]!.GetValue<string>();
            var kind = discriminated[property]?.GetValue<string>();
            if (discriminator["mapping"] is JsonObject mapping)
            {
                if (kind is null || mapping[kind] is null)
                {
                    errors.Add($"{path}.{property}: '{kind}' is not one of {string.Join(", ", mapping.Select(m => m.Key))}");
                    return;
                }

                var subtype = Resolve(new JsonObject { ["$ref"] = mapping[kind]!.GetValue<string>() });
                if (!ReferenceEquals(subtype, schema))
                {
                    CheckFlattened(subtype, discriminated, path, errors);
                    return;
                }
            }
        }

        CheckFlattened(schema, value, path, errors);
    }

    private void CheckFlattened(JsonObject schema, JsonNode value, string path, List<string> errors)
    {
        var properties = new Dictionary<string, JsonObject>();
        var required = new HashSet<string>();
        JsonObject? additional = null;
        Flatten(schema, properties, required, ref additional);
        var type = TypeOf(schema);

        switch (value)
        {
            case JsonObject obj:
                if (type is not (null or "object"))
                {
                    errors.Add($"{path}: expected {type}, got an object");
                    return;
                }

                foreach (var name in required.Where(r => obj[r] is null))
                {
                    errors.Add($"{path}.{name}: required");
                }

                foreach (var (name, child) in obj)
                {
                    if (properties.TryGetValue(name, out var childSchema))
                    {
                        Check(childSchema, child, $"{path}.{name}", errors);
                    }
                    else if (additional is not null)
                    {
                        Check(additional, child, $"{path}.{name}", errors);
                    }
                    else
                    {
                        errors.Add($"{path}.{name}: not a property of this schema");
                    }
                }

                break;
            case JsonArray array:
                if (type != "array")
                {
                    errors.Add($"{path}: expected {type ?? "object"}, got an array");
                    return;
                }

                if (Int(schema, "minItems") is { } min && array.Count < min)
                {
                    errors.Add($"{path}: at least {min} items, got {array.Count}");
                }

                if (Int(schema, "maxItems") is { } max && array.Count > max)
                {
                    errors.Add($"{path}: at most {max} items, got {array.Count}");
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Check((JsonObject)schema["items"]!, array[i], $"{path}[{i}]", errors);
                }

                break;
            case JsonValue scalar:
                CheckScalar(schema, type, scalar, path, errors);
                break;
        }
    }

    private static void CheckScalar(JsonObject schema, string? type, JsonValue scalar, string path, List<string> errors)
    {
        var kind = scalar.GetValueKind();
        var ok = type switch
        {
            "string" => kind == System.Text.Json.JsonValueKind.String,
            "integer" => kind == System.Text.Json.JsonValueKind.Number && scalar.ToJsonString().All(c => char.IsDigit(c) || c == '-'),
            "number" => kind == System.Text.Json.JsonValueKind.Number,
            "boolean" => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
            _ => false,
        };
        if (!ok)
        {
            errors.Add($"{path}: expected {type ?? "an object"}, got {kind}");
            return;
        }

        if (kind != System.Text.Json.JsonValueKind.String)
        {
            return;
        }

        var text = scalar.GetValue<string>();
        if (Int(schema, "maxLength") is { } maxLength && text.Length > maxLength)
        {
            errors.Add($"{path}: at most {maxLength} characters");
        }

        if (Int(schema, "minLength") is { } minLength && text.Length < minLength)
        {
            errors.Add($"{path}: at least {minLength} characters");
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => v!.GetValue<string>() == text))
        {
            errors.Add($"{path}: '{text}' is not one of {string.Join(", ", values)}");
        }

        if (schema["format"]?.GetValue<string>() == "uri" && !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            errors.Add($"{path}: '{text}' is not an absolute URI");
        }
    }

    // Own properties plus those of every allOf part (base schemas included, without dispatching again).
    private void Flatten(JsonObject schemaOrRef, Dictionary<string, JsonObject> properties, HashSet<string> required, ref JsonObject? additional)
    {
        var schema = Resolve(schemaOrRef);
        foreach (var (name, child) in schema["properties"] as JsonObject ?? [])
        {
            properties.TryAdd(name, (JsonObject)child!);
        }

        foreach (var name in schema["required"] as JsonArray ?? [])
        {
            required.Add(name!.GetValue<string>());
        }

        if (schema["additionalProperties"] is JsonObject extra)
        {
            additional = extra;
        }

        foreach (var part in schema["allOf"] as JsonArray ?? [])
        {
            Flatten((JsonObject)part!, properties, required, ref additional);
        }
    }

    private string? TypeOf(JsonObject schema)
    {
        if (schema["type"]?.GetValue<string>() is { } type)
        {
            return type;
        }

        return (schema["allOf"] as JsonArray)?.Select(p => TypeOf(Resolve((JsonObject)p!))).FirstOrDefault(t => t is not null);
    }

    private static int? Int(JsonObject schema, string name) =>
        schema[name]?.GetValue<string>() is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    // Scalars stay strings (keywords like maxItems are parsed where used).
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
