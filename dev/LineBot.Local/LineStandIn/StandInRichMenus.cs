using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LineBot.Line;

namespace LineBot.LineStandIn;

/// <summary>One rich menu request the stand-in received (method, path under the API root, JSON body if any).</summary>
internal sealed record StandInRichMenuCall(string Kind, string Method, string Path, string? Body);

/// <summary>
/// The stand-in's rich menus, aliases and per-user links, in memory, with LINE's checks: a menu's size, name, chat
/// bar text and areas; one image per menu, PNG or JPEG, at most 1 MB, of the menu's size; no link or alias to a menu
/// without its image; a menu an alias points at cannot be deleted. Batch moves complete at once.
/// </summary>
internal sealed partial class StandInRichMenus
{
    public const int MaxMenus = 1000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, StandInMenu> menus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> links = new(StringComparer.Ordinal);
    private readonly HashSet<string> batches = new(StringComparer.Ordinal);
    private readonly List<StandInRichMenuCall> calls = [];
    private int next;

    public IReadOnlyList<StandInRichMenuCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public int Count(string kind) => Calls.Count(c => c.Kind == kind);

    public void Record(StandInRichMenuCall call)
    {
        lock (gate)
        {
            calls.Add(call);
        }
    }

    /// <summary>The menus as LINE lists them (each body with its richMenuId).</summary>
    public JsonArray List()
    {
        lock (gate)
        {
            return new JsonArray([.. menus.Select(m => (JsonNode)WithId(m.Key, m.Value.Body))]);
        }
    }

    public JsonObject? Get(string id)
    {
        lock (gate)
        {
            return menus.TryGetValue(id, out var menu) ? WithId(id, menu.Body) : null;
        }
    }

    public byte[]? Image(string id)
    {
        lock (gate)
        {
            return menus.GetValueOrDefault(id)?.Image;
        }
    }

    public string? LinkedTo(string userId)
    {
        lock (gate)
        {
            return links.GetValueOrDefault(userId);
        }
    }

    public string? Alias(string aliasId)
    {
        lock (gate)
        {
            return aliases.GetValueOrDefault(aliasId);
        }
    }

    public IReadOnlyDictionary<string, string> Aliases()
    {
        lock (gate)
        {
            return new Dictionary<string, string>(aliases);
        }
    }

    /// <summary>The new menu's ID, or LINE's reason for refusing the object.</summary>
    public (string? Id, string? Error) Create(JsonObject body)
    {
        if (Invalid(body) is { } error)
        {
            return (null, error);
        }

        lock (gate)
        {
            if (menus.Count >= MaxMenus)
            {
                return (null, $"The maximum number of rich menus ({MaxMenus}) has been reached");
            }

            var id = $"richmenu-{++next:x32}";
            menus[id] = new StandInMenu(body, null);
            return (id, null);
        }
    }

    /// <summary>HTTP status and message: 200, 404 (no such menu), 400 (image already there, wrong size), 413, 415.</summary>
    public (int Status, string? Error) Upload(string id, byte[] image, string? contentType)
    {
        if (contentType is not ("image/png" or "image/jpeg"))
        {
            return (415, "Unsupported media type; use image/png or image/jpeg");
        }

        if (image.Length > RichMenuLimits.MaxImageBytes)
        {
            return (413, "Request entity too large");
        }

        lock (gate)
        {
            if (!menus.TryGetValue(id, out var menu))
            {
                return (404, "Not found");
            }

            if (menu.Image is not null)
            {
                return (400, "An image has already been uploaded to the richmenu");
            }

            var (type, width, height) = RichMenuLimits.ImageHeader(image);
            var size = menu.Body["size"]!;
            if (type != contentType || width != size["width"]!.GetValue<int>() || height != size["height"]!.GetValue<int>())
            {
                return (400, $"Image must be a {contentType} of the rich menu's size (got {type ?? "unknown"} {width}x{height})");
            }

            menus[id] = menu with { Image = image };
            return (200, null);
        }
    }

    public (int Status, string? Error) Delete(string id)
    {
        lock (gate)
        {
            if (!menus.ContainsKey(id))
            {
                return (404, "Not found");
            }

            if (aliases.ContainsValue(id))
            {
                return (400, "The rich menu is used by a rich menu alias");
            }

            menus.Remove(id);
            foreach (var user in links.Where(l => l.Value == id).Select(l => l.Key).ToList())
            {
                links.Remove(user);
            }

            return (200, null);
        }
    }

    public (int Status, string? Error) SetAlias(string aliasId, string menuId, bool create)
    {
        if (!AliasPattern().IsMatch(aliasId))
        {
            return (400, "Invalid richMenuAliasId");
        }

        lock (gate)
        {
            if (Ready(menuId) is { } notReady)
            {
                return notReady;
            }

            if (create == aliases.ContainsKey(aliasId))
            {
                return create ? (400, "conflict richmenu alias id") : (404, "richmenu alias not found");
            }

            aliases[aliasId] = menuId;
            return (200, null);
        }
    }

    public (int Status, string? Error) DeleteAlias(string aliasId)
    {
        lock (gate)
        {
            return aliases.Remove(aliasId) ? (200, null) : (404, "richmenu alias not found");
        }
    }

    public (int Status, string? Error) Link(IEnumerable<string> userIds, string menuId)
    {
        lock (gate)
        {
            if (Ready(menuId) is { } notReady)
            {
                return notReady;
            }

            foreach (var user in userIds)
            {
                links[user] = menuId;
            }

            return (200, null);
        }
    }

    public bool Unlink(string userId)
    {
        lock (gate)
        {
            return links.Remove(userId);
        }
    }

    /// <summary>Every user linked to <c>from</c> moves to <c>to</c>, for each operation; done at once, remembered under <paramref name="requestId"/>.</summary>
    public (int Status, string? Error) Move(IReadOnlyList<(string From, string To)> moves, string requestId)
    {
        lock (gate)
        {
            foreach (var (from, to) in moves)
            {
                if (!menus.ContainsKey(from) || Ready(to) is not null)
                {
                    return (400, $"Invalid rich menu in batch operation ({from} → {to})");
                }
            }

            foreach (var (from, to) in moves)
            {
                foreach (var user in links.Where(l => l.Value == from).Select(l => l.Key).ToList())
                {
                    links[user] = to;
                }
            }

            batches.Add(requestId);
            return (202, null);
        }
    }

    public bool BatchDone(string requestId)
    {
        lock (gate)
        {
            return batches.Contains(requestId);
        }
    }

    private (int, string?)? Ready(string menuId) =>
        !menus.TryGetValue(menuId, out var menu) ? (404, "Not found")
        : menu.Image is null ? (400, "must upload richmenu image before applying it to user")
        : null;

    private static JsonObject WithId(string id, JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        copy.Insert(0, "richMenuId", id);
        return copy;
    }

    /// <summary>LINE's checks of a rich menu object; null when it passes.</summary>
    private static string? Invalid(JsonObject body)
    {
        if (body["size"] is not JsonObject size || size["width"]?.GetValue<int>() is not { } width || size["height"]?.GetValue<int>() is not { } height)
        {
            return "size: must be specified";
        }

        if (width is < RichMenuLimits.MinWidth or > RichMenuLimits.MaxWidth || height < RichMenuLimits.MinHeight || (double)width / height < RichMenuLimits.MinAspectRatio)
        {
            return $"size: {width}x{height} is not allowed";
        }

        if (body["selected"] is null)
        {
            return "selected: must be specified";
        }

        if (body["name"]?.GetValue<string>() is not { Length: > 0 and <= RichMenuLimits.MaxNameLength })
        {
            return "name: length must be between 1 and 300";
        }

        if (body["chatBarText"]?.GetValue<string>() is not { Length: > 0 and <= RichMenuLimits.MaxChatBarTextLength })
        {
            return "chatBarText: length must be between 1 and 14";
        }

        if (body["areas"] is not JsonArray { Count: > 0 and <= RichMenuLimits.MaxAreas } areas)
        {
            return "areas: size must be between 1 and 20";
        }

        foreach (var area in areas)
        {
            var b = area?["bounds"];
            if (b is null || area?["action"]?["type"] is null
                || b["x"]!.GetValue<int>() < 0 || b["y"]!.GetValue<int>() < 0
                || b["x"]!.GetValue<int>() + b["width"]!.GetValue<int>() > width || b["y"]!.GetValue<int>() + b["height"]!.GetValue<int>() > height)
            {
                return "areas: each area needs an action and bounds inside the menu";
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AliasPattern();

    private sealed record StandInMenu(JsonObject Body, byte[]? Image);
}
