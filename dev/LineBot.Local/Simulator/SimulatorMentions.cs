using System.Text.Json.Nodes;

namespace LineBot.Simulator;

/// <summary>
/// "@ชื่อ" of a group member in a typed message becomes LINE's <c>mention</c> object (index and length in UTF-16
/// units, as LINE counts them), so commands that mention someone work from the simulator as from the LINE app.
/// </summary>
internal static class SimulatorMentions
{
    public static JsonObject? Find(string text, IReadOnlyList<SimulatorMember> members)
    {
        var mentionees = new JsonArray();
        var taken = new bool[text.Length];

        // Longest names first, so "@สมชาย ใจดี" is not taken as "@สมชาย".
        foreach (var member in members.Where(m => m.Name.Length > 0).OrderByDescending(m => m.Name.Length))
        {
            var tag = "@" + member.Name;
            for (var at = text.IndexOf(tag, StringComparison.Ordinal); at >= 0; at = text.IndexOf(tag, at + tag.Length, StringComparison.Ordinal))
            {
                if (taken.AsSpan(at, tag.Length).Contains(true))
                {
                    continue;
                }

                taken.AsSpan(at, tag.Length).Fill(true);
                mentionees.Add(new JsonObject { ["index"] = at, ["length"] = tag.Length, ["type"] = "user", ["userId"] = member.UserId });
            }
        }

        if (mentionees.Count == 0)
        {
            return null;
        }

        var ordered = mentionees.OrderBy(m => m!["index"]!.GetValue<int>()).Select(m => m!.DeepClone()).ToArray();
        return new JsonObject { ["mentionees"] = new JsonArray(ordered) };
    }
}
