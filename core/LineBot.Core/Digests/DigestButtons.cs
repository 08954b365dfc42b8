using System.Globalization;
using System.Text.Json.Nodes;

namespace LineBot.Digests;

/// <summary>
/// The footer of a district's digest card: postback buttons whose data is the command an officer would type for
/// that district and week (missing list, summary, export). Pressing one runs the command with the presser's role,
/// so a field worker pressing it in the group is refused as if they had typed it. No displayText: a carousel has
/// 50 KB for up to 12 cards, and the answer names what was asked.
/// </summary>
internal static class DigestButtons
{
    /// <summary>A footer for <paramref name="district"/> (null: the whole province) in the week starting <paramref name="monday"/>.</summary>
    public static JsonObject Footer(string? district, DateOnly monday)
    {
        var scope = district is null ? "" : " อ." + district;
        var date = string.Create(CultureInfo.InvariantCulture, $"{monday.Day}/{monday.Month}/{monday.Year + 543}");
        return new JsonObject
        {
            ["type"] = "box",
            ["layout"] = "horizontal",
            ["spacing"] = "sm",
            ["contents"] = new JsonArray
            {
                Button("ยังไม่ส่ง", "/ยังไม่ส่ง" + scope),
                Button("สรุป", $"/สรุป สัปดาห์ {date}{scope}"),
                Button("Excel", $"/ส่งออก สัปดาห์ {date}{scope}"),
            },
        };
    }

    private static JsonObject Button(string label, string command) => new()
    {
        ["type"] = "button",
        ["style"] = "link",
        ["height"] = "sm",
        ["action"] = new JsonObject { ["type"] = "postback", ["label"] = label, ["data"] = command },
    };
}
