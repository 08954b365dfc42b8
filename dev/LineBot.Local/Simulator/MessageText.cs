using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LineBot.Simulator;

/// <summary>
/// A readable plain-text rendering of a LINE message object the bot sent: for the transcript of
/// <c>linebot simulate</c> and for the timeline (textV2 mentions resolved to names, Flex walked to its texts).
/// </summary>
internal static partial class MessageText
{
    public static string Describe(JsonNode? message, Func<string, string?> nameOf)
    {
        var type = Str(message?["type"]);
        return type switch
        {
            "text" => Str(message?["text"]),
            "textV2" => ResolveTextV2(message!, nameOf),
            "flex" => DescribeFlex(message!),
            "image" => "[รูป] " + Str(message?["originalContentUrl"]),
            "video" => "[วิดีโอ] " + Str(message?["originalContentUrl"]),
            "audio" => "[เสียง] " + Str(message?["originalContentUrl"]),
            "location" => $"[ตำแหน่ง] {Str(message?["title"])} {Str(message?["address"])}".Trim(),
            "sticker" => "[สติกเกอร์]",
            "template" => "[template] " + Str(message?["altText"]),
            "imagemap" => "[imagemap] " + Str(message?["altText"]),
            _ => $"[{type}]",
        };
    }

    /// <summary>textV2 substitutes {key} placeholders: mentions become @name, emoji become (emoji).</summary>
    public static string ResolveTextV2(JsonNode message, Func<string, string?> nameOf)
    {
        var substitution = message["substitution"] as JsonObject;
        return Placeholder().Replace(Str(message["text"]), m =>
        {
            var item = substitution?[m.Groups[1].Value];
            if (item is null)
            {
                return m.Value;
            }

            return Str(item["type"]) switch
            {
                "mention" when Str(item["mentionee"]?["type"]) == "all" => "@ทุกคน",
                "mention" => "@" + (nameOf(Str(item["mentionee"]?["userId"])) ?? Str(item["mentionee"]?["userId"])),
                "emoji" => "(emoji)",
                _ => m.Value,
            };
        });
    }

    public static string DescribeFlex(JsonNode message)
    {
        var text = new StringBuilder();
        text.Append("[Flex] ").Append(Str(message["altText"]));
        Walk(message["contents"], text);
        return text.ToString();
    }

    private static void Walk(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, text);
                }

                break;
            case JsonObject obj:
                switch (Str(obj["type"]))
                {
                    case "text":
                        var spans = obj["contents"] as JsonArray;
                        var line = spans is { Count: > 0 } ? string.Concat(spans.Select(s => Str(s?["text"]))) : Str(obj["text"]);
                        if (line.Length > 0)
                        {
                            text.Append('\n').Append("  ").Append(line);
                        }

                        break;
                    case "button":
                        text.Append('\n').Append("  [").Append(Str(obj["action"]?["label"])).Append(']');
                        break;
                    case "image":
                        text.Append('\n').Append("  [รูป] ").Append(Str(obj["url"]));
                        break;
                    case "carousel":
                        Walk(obj["contents"], text);
                        break;
                    case "bubble":
                        Walk(obj["header"], text);
                        Walk(obj["hero"], text);
                        Walk(obj["body"], text);
                        Walk(obj["footer"], text);
                        break;
                    case "box":
                        Walk(obj["contents"], text);
                        break;
                }

                break;
        }
    }

    private static string Str(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString() ?? "";

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
