using System.Text;

namespace LineBot.Reports.Parsing;

/// <summary>
/// Matching people by the name they write: titles (นาย, นาง, นางสาว, น.ส. …), spaces, dots and zero-width
/// characters do not make two names different.
/// </summary>
internal static class PersonNames
{
    // Longest first, so that นางสาว is not read as นาง + สาว….
    private static readonly string[] Titles =
    [
        "ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "ว่าที่ร.ต.", "นางสาว", "เด็กหญิง", "เด็กชาย", "น.ส.", "นส.", "นาย", "นาง", "ด.ญ.", "ด.ช.", "mrs.", "miss", "mr.", "ms.",
    ];

    /// <summary>A key for comparing names: no title, no spaces or punctuation, lowercase Latin.</summary>
    public static string Key(string name)
    {
        var trimmed = StripTitle(Clean(name));
        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether the text starts with a title (นาย, นางสาว, น.ส., Mr. …); allocation-free, for the report parser.</summary>
    public static bool HasTitle(ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        foreach (var title in Titles)
        {
            if (title[0] < 128 ? text.StartsWith(title, StringComparison.OrdinalIgnoreCase) : text.StartsWith(title, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name without its title, for display where the title is not wanted.</summary>
    public static string StripTitle(string name)
    {
        var text = Clean(name);
        foreach (var title in Titles)
        {
            if (text.StartsWith(title, StringComparison.OrdinalIgnoreCase))
            {
                return text[title.Length..].Trim();
            }
        }

        return text;
    }

    private static string Clean(string name) =>
        name.Replace("\u200b", "", StringComparison.Ordinal)
            .Replace("\u200c", "", StringComparison.Ordinal)
            .Replace("\u200d", "", StringComparison.Ordinal)
            .Replace("\ufeff", "", StringComparison.Ordinal)
            .Replace('\u00a0', ' ')
            .Trim();
}
