using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

/// <summary>The site as written, before the gazetteer turns names into canonical ones.</summary>
internal sealed class WrittenSite
{
    public string? Type { get; set; }
    public string? Province { get; set; }

    /// <summary>The first word after อ./อำเภอ, and that word joined with the next ("บาง คล้า").</summary>
    public string? District { get; set; }
    public string? DistrictJoined { get; set; }
    public string? Subdistrict { get; set; }
    public string? SubdistrictJoined { get; set; }

    /// <summary>Words of a site label with no ต./อ. markers ("HLM บางพระ เมืองฉะเชิงเทรา").</summary>
    public List<string>? Bare { get; set; }

    /// <summary>Both CLM and HLM were written: a copied template's open choice, not a site type.</summary>
    public bool BothTypes { get; set; }

    public bool Any => Type is not null || Province is not null || District is not null || Subdistrict is not null || Bare is not null;
}

/// <summary>
/// Reads a site line: type (CLM/HLM and their Thai names, any case), <c>ต.</c>/<c>ตำบล</c>,
/// <c>อ.</c>/<c>อำเภอ</c>, <c>จ.</c>/<c>จังหวัด</c>, with or without spaces after the marker.
/// </summary>
internal static class SiteReader
{
    private static readonly string[] HlmWords = ["ครัวเรือนต้นแบบ", "ระดับครัวเรือน", "ครัวเรือน"];
    private static readonly string[] ClmWords = ["ศูนย์เรียนรู้", "ชุมชนต้นแบบ", "ระดับตำบล", "พื้นที่เรียนรู้"];

    // Words after a name that introduce its site: "นางเอ บี พื้นที่ HLM …", "นายบี ซี นพต.HLM …".
    private static readonly string[] SiteIntroWords = ["พื้นที่", "สถานที่", "นพต", "ตำแหน่ง"];

    private static bool StartsWithAny(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.StartsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static void Read(ReadOnlySpan<char> s, WrittenSite site, bool allowBare)
    {
        if (site.Type is null && IsOpenChoice(s))
        {
            site.BothTypes = true;
        }
        else
        {
            site.Type ??= SiteType(s);
        }

        var sawMarker = false;
        var i = 0;
        while (i < s.Length)
        {
            if (i > 0 && IsThaiLetter(s[i - 1]))
            {
                i++;
                continue;
            }

            var marker = Marker(s, i, out var nameStart);
            if (marker == '\0')
            {
                i++;
                continue;
            }

            sawMarker = true;
            var (name, joined, end) = ReadName(s, nameStart);
            Fill(site, marker, name, joined);

            i = Math.Max(end, i + 1);
        }

        if (!sawMarker && allowBare)
        {
            ReadBare(s, site);
        }
    }

    private static void ReadBare(ReadOnlySpan<char> s, WrittenSite site)
    {
        foreach (var range in s.Split(' '))
        {
            var word = TrimTrailingPunctuation(s[range]).Trim("(),/");
            if (word.Length >= 3 && !ContainsTypeWord(word))
            {
                (site.Bare ??= []).Add(word.ToString());
            }
        }
    }

    /// <summary>One part of a site named by its own label ("Sub-district: บางพระ"): 'ต', 'อ' or 'จ'.</summary>
    public static void ReadPart(ReadOnlySpan<char> s, WrittenSite site, char marker)
    {
        var at = Marker(s, 0, out var nameStart) == marker ? nameStart : 0;
        var (name, joined, _) = ReadName(s, at);
        Fill(site, marker, name, joined);
    }

    /// <summary>The first name read for a part wins; later ones are repeats or noise.</summary>
    private static void Fill(WrittenSite site, char marker, string? name, string? joined)
    {
        switch (marker)
        {
            case 'ต':
                site.Subdistrict ??= name;
                site.SubdistrictJoined ??= joined;
                break;
            case 'อ':
                site.District ??= name;
                site.DistrictJoined ??= joined;
                break;
            default:
                site.Province ??= name;
                break;
        }
    }

    /// <summary>"CLM / HLM", "CLM หรือ HLM": both types offered, as in a blank template.</summary>
    private static bool IsOpenChoice(ReadOnlySpan<char> s)
    {
        var clm = s.IndexOf("clm", StringComparison.OrdinalIgnoreCase);
        var hlm = s.IndexOf("hlm", StringComparison.OrdinalIgnoreCase);
        return clm >= 0 && hlm >= 0 && Math.Abs(clm - hlm) <= 12;
    }

    /// <summary>Where site words start in a line that also holds a name ("นายเอ บี HLM ต.โสธร"), or -1.</summary>
    public static int SiteStart(ReadOnlySpan<char> s)
    {
        var start = -1;
        for (var i = 1; i < s.Length; i++)
        {
            // Only a word after a space can start the site; a space inside a run starts nothing (no marker or site word
            // starts with one), and skipping it keeps a long run of spaces cheap.
            if (!IsSpace(s[i - 1]) || IsSpace(s[i]))
            {
                continue;
            }

            // "นายเอ บี (HLM ต.บางพระ)": the site may open with a bracket.
            var at = s[i] == '(' && i + 1 < s.Length ? i + 1 : i;
            var rest = s[at..];
            if (at != i && rest.IndexOf(')') is var close && close >= 0 && rest[..close].IndexOf(' ') < 0)
            {
                // "(HLM)" alone after a name is a role, as in "นพต. นายเอ บี (HLM)"; a site in brackets has places too.
                continue;
            }

            if (Marker(s, at, out _) != '\0' || (rest.Length >= 3 && (rest[..3].Equals("clm", StringComparison.OrdinalIgnoreCase) || rest[..3].Equals("hlm", StringComparison.OrdinalIgnoreCase))
                && (rest.Length == 3 || !IsLatinLetter(rest[3]))))
            {
                return i;
            }

            if (StartsWithAny(rest, HlmWords) || StartsWithAny(rest, ClmWords) || StartsWithAny(rest, SiteIntroWords))
            {
                return i;
            }
        }

        return start;
    }

    /// <summary>"CLM" or "HLM" if the text names a site type.</summary>
    public static string? SiteType(ReadOnlySpan<char> s)
    {
        for (var i = 0; i + 3 <= s.Length; i++)
        {
            if ((i == 0 || !IsLatinLetter(s[i - 1])) && (i + 3 == s.Length || !IsLatinLetter(s[i + 3])))
            {
                var w = s.Slice(i, 3);
                if (w.Equals("clm", StringComparison.OrdinalIgnoreCase))
                {
                    return "CLM";
                }

                if (w.Equals("hlm", StringComparison.OrdinalIgnoreCase))
                {
                    return "HLM";
                }
            }
        }

        foreach (var w in HlmWords)
        {
            if (s.Contains(w, StringComparison.Ordinal))
            {
                return "HLM";
            }
        }

        foreach (var w in ClmWords)
        {
            if (s.Contains(w, StringComparison.Ordinal))
            {
                return "CLM";
            }
        }

        return null;
    }

    private static bool ContainsTypeWord(ReadOnlySpan<char> word) =>
        SiteType(word) is not null || word.Contains("ต้นแบบ", StringComparison.Ordinal) || word.StartsWith("ระดับ") || word.StartsWith("พื้นที่") || word.StartsWith("แปลง") && word.Length <= 5;

    /// <summary>'ต', 'อ' or 'จ' for a sub-district, district or province marker at <paramref name="i"/>.</summary>
    private static char Marker(ReadOnlySpan<char> s, int i, out int nameStart)
    {
        var rest = s[i..];
        nameStart = i;
        if (rest.StartsWith("ตำบล"))
        {
            nameStart = i + 4;
            return 'ต';
        }

        if (rest.StartsWith("อำเภอ"))
        {
            nameStart = i + 5;
            return 'อ';
        }

        if (rest.StartsWith("จังหวัด"))
        {
            nameStart = i + 7;
            return 'จ';
        }

        if (rest.Length >= 2 && rest[1] == '.' && rest[0] is 'ต' or 'อ' or 'จ')
        {
            // "ต.ค." is a month, not a sub-district.
            if (rest.Length >= 3 && IsThaiLetter(rest[2]) && rest.Length >= 4 && rest[3] == '.')
            {
                return '\0';
            }

            nameStart = i + 2;
            return rest[0];
        }

        return '\0';
    }

    /// <summary>The name after a marker, up to a space, comma, bracket or the next marker.</summary>
    private static (string? Name, string? Joined, int End) ReadName(ReadOnlySpan<char> s, int start)
    {
        var i = start;
        while (i < s.Length && (IsSpace(s[i]) || s[i] is ':' or '：'))
        {
            i++;
        }

        var nameStart = i;
        var end = WordEnd(s, i);
        if (end == nameStart)
        {
            return (null, null, end);
        }

        var name = Clean(s[nameStart..end]);
        string? joined = null;
        var next = end;
        while (next < s.Length && IsSpace(s[next]))
        {
            next++;
        }

        if (next > end && next < s.Length && Marker(s, next, out _) == '\0' && IsThaiLetter(s[next]))
        {
            var nextEnd = WordEnd(s, next);
            joined = name + Clean(s[next..nextEnd]);
        }

        return (name.Length == 0 ? null : name, joined, end);
    }

    private static int WordEnd(ReadOnlySpan<char> s, int i)
    {
        var start = i;
        while (i < s.Length && !IsSpace(s[i]) && s[i] is not (',' or '(' or ')' or '/' or '|' or '，'))
        {
            // A marker glued to the name ends it: "ต.บางพระอ.เมือง".
            if (i > start && (s[i..].StartsWith("อำเภอ") || s[i..].StartsWith("จังหวัด") || s[i..].StartsWith("ตำบล") || (i + 1 < s.Length && s[i + 1] == '.' && s[i] is 'ต' or 'อ' or 'จ')))
            {
                break;
            }

            i++;
        }

        return i;
    }

    private static string Clean(ReadOnlySpan<char> name) => TrimTrailingPunctuation(name).TrimEnd('.').TrimEnd('ฯ').ToString();
}
