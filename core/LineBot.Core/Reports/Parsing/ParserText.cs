using System.Globalization;

namespace LineBot.Reports.Parsing;

/// <summary>Character-level helpers shared by the parser's readers (no allocation unless text must change).</summary>
internal static class ParserText
{
    /// <summary>Zero-width characters LINE users paste in from other apps; they never carry meaning here.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u2060' or '\u00AD';

    private static readonly System.Buffers.SearchValues<char> NeedCleaning =
        System.Buffers.SearchValues.Create("\u200B\u200C\u200D\uFEFF\u2060\u00AD\r\u00A0\t\u2028\u2029\u3000\u202F|");

    /// <summary>Removes invisible characters, turns NBSP/tabs into spaces, CR/LF variants and '|' into '\n'.</summary>
    public static string Clean(string text)
    {
        if (!text.AsSpan().ContainsAny(NeedCleaning))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            var n = 0;
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (IsInvisible(c))
                {
                    continue;
                }

                if (c == '\r')
                {
                    if (i + 1 < source.Length && source[i + 1] == '\n')
                    {
                        continue;
                    }

                    c = '\n';
                }
                else if (c is '\u2028' or '\u2029' or '|')
                {
                    // "Date … | Name … | Site …": fields typed on one line with bars between them.
                    c = '\n';
                }
                else if (c is '\u00A0' or '\t' or '\u3000' or '\u202F')
                {
                    c = ' ';
                }

                span[n++] = c;
            }

            span[n..].Fill('\0');
        }).TrimEnd('\0');
    }

    /// <summary>Arabic and Thai digits, for a quick "is there a number in this line".</summary>
    public static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789๐๑๒๓๔๕๖๗๘๙");

    /// <summary>0–9 for Arabic or Thai digits, else -1.</summary>
    public static int Digit(char c) => c is >= '0' and <= '9' ? c - '0' : c is >= '๐' and <= '๙' ? c - '๐' : -1;

    public static bool IsDigit(char c) => Digit(c) >= 0;

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0';

    /// <summary>Thai consonants, vowels and marks (U+0E01–U+0E4E, not digits).</summary>
    public static bool IsThaiLetter(char c) => c is >= '\u0E01' and <= '\u0E4E';

    public static bool IsLatinLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static ReadOnlySpan<char> TrimSpaces(ReadOnlySpan<char> s)
    {
        var start = 0;
        while (start < s.Length && IsSpace(s[start]))
        {
            start++;
        }

        var end = s.Length;
        while (end > start && IsSpace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    /// <summary>Emoji, pictographs and other symbols people put in front of a line (🌱, ✅, ▶️, 📌, #).</summary>
    public static bool IsDecoration(char c)
    {
        if (c is >= '\u0E00' and <= '\u0E7F' || char.IsAsciiLetterOrDigit(c))
        {
            return false;
        }

        if (char.IsSurrogate(c) || c is '#' or '\uFE0F' or '\uFE0E' or '\u20E3' or '>' or '=' or '_' or '~' or '|' or '"' or '\'' or '“' or '”')
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol;
    }

    /// <summary>Skips leading decorations and spaces (not bullets or digits).</summary>
    public static ReadOnlySpan<char> SkipDecorations(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && (IsSpace(s[i]) || IsDecoration(s[i]) || s[i] == '*'))
        {
            i++;
        }

        return s[i..];
    }

    /// <summary>
    /// Strips a list bullet: "-", "•", "*", "·", "1.", "1)", "(1)", "๑.", "ข้อ 1", emoji; and leading decorations.
    /// "1.5 ไร่" keeps its number (a digit follows the dot).
    /// </summary>
    public static ReadOnlySpan<char> StripBullet(ReadOnlySpan<char> s)
    {
        while (true)
        {
            s = TrimSpaces(s);
            var length = s.Length;
            s = StripSymbol(s);
            s = StripBracketedNumber(s);
            s = StripNumber(s);
            s = StripKhoNumber(s);
            if (s.Length == length)
            {
                return s;
            }
        }
    }

    /// <summary>True when the line starts with a bullet or a list number.</summary>
    public static bool HasBullet(ReadOnlySpan<char> line)
    {
        line = TrimSpaces(line);
        return !line.IsEmpty && StripBullet(line).Length != line.Length;
    }

    private static ReadOnlySpan<char> StripSymbol(ReadOnlySpan<char> s) =>
        !s.IsEmpty && (s[0] is '-' or '•' or '*' or '·' or '–' or '—' or '○' or '●' or '▪' or '►' or '+' or '✓' or '✔' || IsDecoration(s[0])) ? s[1..] : s;

    /// <summary>"(1) ขุดบ่อ".</summary>
    private static ReadOnlySpan<char> StripBracketedNumber(ReadOnlySpan<char> s)
    {
        if (s.Length <= 2 || s[0] != '(')
        {
            return s;
        }

        var j = 1;
        while (j < s.Length && IsDigit(s[j]))
        {
            j++;
        }

        return j > 1 && j < s.Length && s[j] == ')' ? s[(j + 1)..] : s;
    }

    /// <summary>"1.", "1)", "1 )"; not "1.5".</summary>
    private static ReadOnlySpan<char> StripNumber(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !IsDigit(s[0]))
        {
            return s;
        }

        var j = 0;
        while (j < s.Length && IsDigit(s[j]))
        {
            j++;
        }

        if (j <= 2 && j < s.Length && (s[j] == ')' || (s[j] == '.' && (j + 1 == s.Length || !IsDigit(s[j + 1])))))
        {
            return s[(j + 1)..];
        }

        // A keycap emoji "1️⃣": the digit, U+FE0F, U+20E3.
        if (j == 1 && j + 1 < s.Length && s[j] == '\uFE0F' && s[j + 1] == '\u20E3')
        {
            return s[(j + 2)..];
        }

        return j <= 2 && j + 1 < s.Length && s[j] == ' ' && s[j + 1] == ')' ? s[(j + 2)..] : s;
    }

    /// <summary>"ข้อ 1." / "ข้อ1)".</summary>
    private static ReadOnlySpan<char> StripKhoNumber(ReadOnlySpan<char> s)
    {
        if (!s.StartsWith("ข้อ") || s.Length <= 3)
        {
            return s;
        }

        var j = 3;
        while (j < s.Length && IsSpace(s[j]))
        {
            j++;
        }

        var k = j;
        while (k < s.Length && IsDigit(s[k]))
        {
            k++;
        }

        if (k == j)
        {
            return s;
        }

        return k < s.Length && s[k] is '.' or ')' ? s[(k + 1)..] : s[k..];
    }

    /// <summary>Trailing punctuation and polite particles that add nothing to a name or place.</summary>
    public static ReadOnlySpan<char> TrimTrailingPunctuation(ReadOnlySpan<char> s)
    {
        s = TrimSpaces(s);
        while (!s.IsEmpty && s[^1] is ',' or ':' or ';' or '-' or '_' or '…' || (s.Length > 1 && s[^1] == '.' && s[^2] == '.'))
        {
            s = TrimSpaces(s[..^1]);
        }

        return s;
    }

    /// <summary>Collapses runs of spaces into one (for names typed with double spaces).</summary>
    public static string CollapseSpaces(ReadOnlySpan<char> s)
    {
        s = TrimSpaces(s);
        var hasRun = false;
        for (var i = 1; i < s.Length; i++)
        {
            if (IsSpace(s[i]) && IsSpace(s[i - 1]))
            {
                hasRun = true;
                break;
            }
        }

        if (!hasRun)
        {
            return s.ToString();
        }

        Span<char> buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (IsSpace(s[i]) && n > 0 && buffer[n - 1] == ' ')
            {
                continue;
            }

            buffer[n++] = IsSpace(s[i]) ? ' ' : s[i];
        }

        return buffer[..n].ToString();
    }
}
