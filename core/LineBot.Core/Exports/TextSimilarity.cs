using System.Globalization;
using System.Text;

namespace LineBot.Exports;

/// <summary>
/// "Same activity written slightly differently": Thai has no spaces between words, so compare character
/// bigrams (Dice coefficient) of the text with spaces and punctuation removed.
/// </summary>
internal static class TextSimilarity
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>0–1 over normalised texts (1 = same letters in the same order).</summary>
    public static double Dice(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }

        if (a.Length < 2 || b.Length < 2)
        {
            return 0;
        }

        var bigrams = new Dictionary<int, int>();
        for (var i = 0; i < a.Length - 1; i++)
        {
            var key = (a[i] << 16) | a[i + 1];
            bigrams[key] = bigrams.GetValueOrDefault(key) + 1;
        }

        var overlap = 0;
        for (var i = 0; i < b.Length - 1; i++)
        {
            var key = (b[i] << 16) | b[i + 1];
            if (bigrams.TryGetValue(key, out var count) && count > 0)
            {
                bigrams[key] = count - 1;
                overlap++;
            }
        }

        return 2.0 * overlap / (a.Length - 1 + b.Length - 1);
    }
}
