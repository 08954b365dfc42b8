using System.Text.Json.Nodes;

namespace LineBot.Tests.Line;

/// <summary>
/// LINE's documented limits that messaging-api.yml does not state (so <see cref="LineSpec"/> cannot check them), for
/// a reply, push or multicast body: text ≤ 5,000 and altText ≤ 1,500 characters; a quick reply has 1–13 items whose
/// labels are 1–20 characters; a Flex action label ≤ 40; postback data 1–300 and displayText ≤ 300 characters.
/// </summary>
internal static class LineMessageRules
{
    /// <summary>LineSpec's errors and these rules' for one request the bot sent; empty = valid.</summary>
    public static List<string> Check(string kind, JsonObject body)
    {
        var errors = LineSpec.Instance.ValidateRequest("POST", "/v2/bot/message/" + kind, body.ToJsonString());
        var messages = body["messages"] as JsonArray ?? [];
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is JsonObject message)
            {
                CheckMessage(message, $"$.messages[{i}]", errors);
            }
        }

        return errors;
    }

    private static void CheckMessage(JsonObject message, string path, List<string> errors)
    {
        Length(message["text"], 1, 5_000, path + ".text", errors);
        Length(message["altText"], 1, 1_500, path + ".altText", errors);
        if (message["quickReply"] is JsonObject quickReply)
        {
            var items = quickReply["items"] as JsonArray ?? [];
            if (items.Count is < 1 or > 13)
            {
                errors.Add($"{path}.quickReply.items: 1 to 13 items, got {items.Count}");
            }

            for (var i = 0; i < items.Count; i++)
            {
                CheckAction(items[i]?["action"] as JsonObject, $"{path}.quickReply.items[{i}].action", 20, errors);
            }
        }

        if (message["contents"] is JsonObject flex)
        {
            foreach (var (action, at) in FlexActions(flex, path + ".contents"))
            {
                CheckAction(action, at, 40, errors);
            }
        }
    }

    private static void CheckAction(JsonObject? action, string path, int maxLabel, List<string> errors)
    {
        if (action is null)
        {
            errors.Add(path + ": required");
            return;
        }

        Length(action["label"], 1, maxLabel, path + ".label", errors, required: maxLabel == 20);
        if (action["type"]?.GetValue<string>() == "postback")
        {
            Length(action["data"], 1, 300, path + ".data", errors, required: true);
            Length(action["displayText"], 1, 300, path + ".displayText", errors);
        }
    }

    private static IEnumerable<(JsonObject Action, string Path)> FlexActions(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (name == "action" && child is JsonObject action)
                    {
                        yield return (action, path + ".action");
                    }
                    else
                    {
                        foreach (var found in FlexActions(child, $"{path}.{name}"))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in FlexActions(array[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    private static void Length(JsonNode? value, int min, int max, string path, List<string> errors, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(path + ": required");
            }

            return;
        }

        var length = value.GetValue<string>().Length;
        if (length < min || length > max)
        {
            errors.Add($"{path}: {min} to {max} characters, got {length}");
        }
    }
}
