using System.Text.Json.Nodes;
using LineBot.Tests.Infrastructure;

namespace LineBot.Tests.Digests;

/// <summary>
/// A small structural check of Flex JSON against LINE's messaging-api.yml: for each component type we use,
/// the allowed property names, required properties and enum values are read from the spec file itself.
/// Plus the runtime rules the spec leaves to prose (a text needs its text; a carousel holds bubbles).
/// </summary>
internal sealed class FlexSchema
{
    private static readonly Dictionary<string, string> SchemaOfType = new()
    {
        ["carousel"] = "FlexCarousel",
        ["bubble"] = "FlexBubble",
        ["box"] = "FlexBox",
        ["text"] = "FlexText",
        ["separator"] = "FlexSeparator",
        ["filler"] = "FlexFiller",
        ["button"] = "FlexButton",
    };

    private readonly Dictionary<string, SchemaInfo> _schemas = [];

    private sealed record SchemaInfo(HashSet<string> Properties, HashSet<string> Required, Dictionary<string, HashSet<string>> Enums);

    public static FlexSchema Load()
    {
        var lines = File.ReadAllLines(RepoPaths.LineOpenApiFile("messaging-api.yml"));
        var schema = new FlexSchema();
        foreach (var name in SchemaOfType.Values.Append("FlexMessage").Append("FlexComponent").Append("FlexContainer").Append("Message"))
        {
            schema._schemas[name] = Parse(lines, name);
        }

        return schema;
    }

    private static SchemaInfo Parse(string[] lines, string name)
    {
        var start = Array.IndexOf(lines, $"    {name}:");
        if (start < 0)
        {
            throw new InvalidOperationException($"{name} not in messaging-api.yml");
        }

        var info = new SchemaInfo([], [], []);
        string? currentProperty = null;
        var inRequired = false;
        var inEnum = false;
        for (var i = start + 1; i < lines.Length && (lines[i].Length == 0 || lines[i].StartsWith("     ", StringComparison.Ordinal)); i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            var indent = line.Length - line.TrimStart().Length;
            if (trimmed == "required:")
            {
                inRequired = true;
                continue;
            }

            if (inRequired && trimmed.StartsWith("- ", StringComparison.Ordinal) && !trimmed.Contains(':', StringComparison.Ordinal))
            {
                info.Required.Add(trimmed[2..].Trim());
                continue;
            }

            inRequired = false;
            if (trimmed == "enum:")
            {
                inEnum = true;
                continue;
            }

            if (inEnum && trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                info.Enums[currentProperty!].Add(trimmed[2..].Trim().Trim('"'));
                continue;
            }

            inEnum = false;
            // Property names sit at 12 spaces under "properties:" in allOf parts.
            if (indent == 12 && trimmed.EndsWith(':') && !trimmed.StartsWith('-'))
            {
                currentProperty = trimmed.TrimEnd(':');
                info.Properties.Add(currentProperty);
                info.Enums[currentProperty] = [];
            }
        }

        return info;
    }

    /// <summary>All problems found in a Flex message (empty = valid).</summary>
    public List<string> Validate(JsonObject message)
    {
        var errors = new List<string>();
        if ((string?)message["type"] != "flex")
        {
            errors.Add("message type is not flex");
        }

        foreach (var required in _schemas["FlexMessage"].Required)
        {
            if (message[required] is null)
            {
                errors.Add($"message: missing {required}");
            }
        }

        var allowed = _schemas["FlexMessage"].Properties.Concat(_schemas["Message"].Properties).Append("type").ToHashSet();
        errors.AddRange(message.Select(p => p.Key).Where(k => !allowed.Contains(k)).Select(k => $"message: unknown property {k}"));
        if (message["altText"] is not JsonValue alt || ((string?)alt)?.Length is not (> 0 and <= 1500))
        {
            errors.Add("altText must be 1–1,500 characters");
        }

        if (message["contents"] is JsonObject contents)
        {
            Component(contents, "contents", errors, container: true);
        }

        return errors;
    }

    private void Component(JsonObject node, string path, List<string> errors, bool container = false)
    {
        var type = (string?)node["type"];
        if (type is null || !SchemaOfType.TryGetValue(type, out var schemaName))
        {
            errors.Add($"{path}: unsupported type {type}");
            return;
        }

        if (container != type is "bubble" or "carousel")
        {
            errors.Add($"{path}: {type} is not allowed here");
        }

        var schema = _schemas[schemaName];
        foreach (var required in schema.Required)
        {
            if (node[required] is null)
            {
                errors.Add($"{path} ({type}): missing {required}");
            }
        }

        foreach (var (key, value) in node)
        {
            if (key == "type")
            {
                continue;
            }

            if (!schema.Properties.Contains(key))
            {
                errors.Add($"{path} ({type}): property {key} is not in {schemaName}");
                continue;
            }

            if (schema.Enums[key].Count > 0 && (value is not JsonValue v || !schema.Enums[key].Contains(v.ToString())))
            {
                errors.Add($"{path} ({type}): {key}={value} not one of {string.Join("|", schema.Enums[key])}");
            }
        }

        switch (type)
        {
            case "carousel":
                var bubbles = node["contents"] as JsonArray ?? [];
                if (bubbles.Count is 0 or > 12)
                {
                    errors.Add($"{path}: a carousel holds 1–12 bubbles, not {bubbles.Count}");
                }

                for (var i = 0; i < bubbles.Count; i++)
                {
                    if (bubbles[i] is JsonObject b && (string?)b["type"] == "bubble")
                    {
                        Component(b, $"{path}.contents[{i}]", errors, container: true);
                    }
                    else
                    {
                        errors.Add($"{path}.contents[{i}]: not a bubble");
                    }
                }

                break;
            case "bubble":
                foreach (var block in new[] { "header", "body", "footer" })
                {
                    if (node[block] is JsonObject box)
                    {
                        if ((string?)box["type"] != "box")
                        {
                            errors.Add($"{path}.{block}: must be a box");
                        }

                        Component(box, $"{path}.{block}", errors);
                    }
                }

                break;
            case "box":
                if (node["contents"] is not JsonArray children)
                {
                    errors.Add($"{path}: contents must be an array");
                    break;
                }

                for (var i = 0; i < children.Count; i++)
                {
                    if (children[i] is JsonObject child)
                    {
                        Component(child, $"{path}.contents[{i}]", errors);
                    }
                    else
                    {
                        errors.Add($"{path}.contents[{i}]: not an object");
                    }
                }

                if (node["width"] is JsonValue width && !System.Text.RegularExpressions.Regex.IsMatch(width.ToString(), @"^(\d{1,3}(\.\d+)?%|\d+px)$"))
                {
                    errors.Add($"{path}: width {width} is not a percentage or pixels");
                }

                break;
            case "button":
                if (node["action"] is not JsonObject { } action || (string?)action["type"] != "postback" || string.IsNullOrEmpty((string?)action["label"]) || string.IsNullOrEmpty((string?)action["data"]))
                {
                    errors.Add($"{path}: a button needs a postback action with label and data");
                }

                break;
            case "text":
                if (string.IsNullOrEmpty((string?)node["text"]) && node["contents"] is null)
                {
                    errors.Add($"{path}: text needs text");
                }

                break;
        }
    }
}
