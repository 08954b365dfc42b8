using System.Collections.Frozen;

namespace LineBot.Reports.Parsing;

/// <summary>One district (อำเภอ) and its sub-districts (ตำบล), canonical names without prefixes.</summary>
internal sealed record GazetteerDistrict(string Name, IReadOnlyList<string> Subdistricts)
{
    /// <summary>What locals call it ("พนม" for พนมสารคาม, "สนามชัย" for สนามชัยเขต).</summary>
    public IReadOnlyList<string> ShortNames { get; init; } = [];
}

/// <summary>
/// The province's districts and sub-districts, for turning what people type ("อ.เมือง", "อ. บางคล้า",
/// "ต.คลองจุกกระเชอ") into canonical names. Spacing and invisible characters never matter; a misspelling
/// (one letter added, dropped or changed) is accepted only when exactly one name is that close.
/// </summary>
internal sealed class Gazetteer
{
    private readonly FrozenDictionary<string, string> _districts;
    private readonly FrozenDictionary<string, string[]> _subdistricts; // key → districts holding it
    private readonly FrozenDictionary<string, string> _subdistrictNames;
    private readonly FrozenDictionary<string, FrozenSet<string>> _byDistrict;
    private readonly string[] _districtKeys;
    private readonly string[] _subdistrictKeys;
    private readonly string[] _provinceKeys;

    public Gazetteer(string province, IReadOnlyList<GazetteerDistrict> districts, IReadOnlyList<string>? provinceAliases = null)
    {
        Province = province;
        ProvinceAliases = provinceAliases ?? [];
        _provinceKeys = [.. ProvinceAliases.Select(a => Key(a)), Key(province)];
        Districts = districts;
        var capital = districts.FirstOrDefault(d => d.Name == "เมือง" + province) ?? districts.FirstOrDefault(d => d.Name.StartsWith("เมือง", StringComparison.Ordinal));
        CapitalDistrict = capital?.Name;

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in districts)
        {
            names[Key(d.Name)] = d.Name;
        }

        foreach (var d in districts)
        {
            foreach (var shortName in d.ShortNames)
            {
                names.TryAdd(Key(shortName), d.Name);
            }
        }

        if (capital is not null)
        {
            // "อ.เมือง" always means the capital district of the configured province.
            names.TryAdd("เมือง", capital.Name);
        }

        _districts = names.ToFrozenDictionary(StringComparer.Ordinal);
        _districtKeys = [.. districts.Select(d => Key(d.Name))];

        var sub = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var subNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in districts)
        {
            foreach (var s in d.Subdistricts)
            {
                var key = Key(s);
                subNames[key] = s;
                if (!sub.TryGetValue(key, out var list))
                {
                    sub[key] = list = [];
                }

                list.Add(d.Name);
            }
        }

        _subdistricts = sub.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _subdistrictNames = subNames.ToFrozenDictionary(StringComparer.Ordinal);
        _subdistrictKeys = [.. subNames.Keys];
        _byDistrict = districts.ToFrozenDictionary(d => d.Name, d => d.Subdistricts.Select(s => Key(s)).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public string Province { get; }

    /// <summary>The province's official abbreviation and other names ("ฉช", "แปดริ้ว").</summary>
    public IReadOnlyList<string> ProvinceAliases { get; }

    public IReadOnlyList<GazetteerDistrict> Districts { get; }

    /// <summary>The district "อ.เมือง" stands for (e.g. เมืองฉะเชิงเทรา), if the province has one.</summary>
    public string? CapitalDistrict { get; }

    public bool IsEmpty => Districts.Count == 0;

    /// <summary>"เมือง", "เมืองฯ", "เมืองฉะเชิงเทรา", "บาง คล้า", "บางน้ำเปรียว" → the canonical district name.</summary>
    public string? FindDistrict(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var key = KeyInto(text, buffer);
        if (key.Length == 0)
        {
            return null;
        }

        if (_districts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var name))
        {
            return name;
        }

        var close = Closest(key, _districtKeys);
        return close is null ? null : _districts[close];
    }

    /// <summary>
    /// A district written after อ./อำเภอ, also in the short spoken form that drops the end of the name
    /// ("อ.พนม", "อ.สนามชัย"): accepted when exactly one district starts with it.
    /// </summary>
    public string? FindMarkedDistrict(ReadOnlySpan<char> text)
    {
        if (FindDistrict(text) is { } found)
        {
            return found;
        }

        var key = Key(text);
        if (key.Length < 3)
        {
            return null;
        }

        string? match = null;
        foreach (var candidate in _districtKeys)
        {
            if (candidate.Length >= key.Length + 2 && candidate.StartsWith(key, StringComparison.Ordinal))
            {
                if (match is not null)
                {
                    return null;
                }

                match = candidate;
            }
        }

        return match is null ? null : _districts[match];
    }

    /// <summary>The canonical sub-district name, or null if the province has none like it.</summary>
    public string? FindSubdistrict(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var key = KeyInto(text, buffer);
        if (key.Length == 0)
        {
            return null;
        }

        if (_subdistrictNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var name))
        {
            return name;
        }

        var close = Closest(key, _subdistrictKeys);
        return close is null ? null : _subdistrictNames[close];
    }

    /// <summary>The one district holding this sub-district, or null if none or several do.</summary>
    public string? DistrictOf(string subdistrict) =>
        _subdistricts.TryGetValue(Key(subdistrict), out var districts) && districts.Length == 1 ? districts[0] : null;

    /// <summary>The gazetteer has a district of exactly this canonical name.</summary>
    public bool HasDistrict(string district) => _byDistrict.ContainsKey(district);

    public bool Contains(string district, string subdistrict) =>
        _byDistrict.TryGetValue(district, out var set) && set.Contains(Key(subdistrict));

    /// <summary>The province as written, or this gazetteer's province when it is (nearly) the same.</summary>
    public string NormaliseProvince(ReadOnlySpan<char> text)
    {
        var key = Key(text);
        var own = Key(Province);
        return key == own || _provinceKeys.Contains(key) || (key.Length >= 4 && Distance(key, own) <= 1) ? Province : key;
    }

    /// <summary>No spaces, dots, "ฯ" or invisible characters; "ช" and "ฌ" are the same (คลองจุกกระเฌอ/เชอ).</summary>
    public static string Key(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        return KeyInto(text, buffer).ToString();
    }

    private static ReadOnlySpan<char> KeyInto(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (ParserText.IsSpace(c) || ParserText.IsInvisible(c) || c is '.' or 'ฯ' or '-' or '\'' or '"')
            {
                continue;
            }

            buffer[n++] = c == 'ฌ' ? 'ช' : c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        return buffer[..n];
    }

    private static string? Closest(ReadOnlySpan<char> key, string[] candidates)
    {
        if (key.Length < 4)
        {
            return null;
        }

        string? found = null;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - key.Length) <= 1 && Distance(key, candidate) <= 1)
            {
                if (found is not null)
                {
                    return null; // ambiguous: better to warn than to guess
                }

                found = candidate;
            }
        }

        return found;
    }

    /// <summary>Levenshtein distance, capped early (only ≤ 1 matters here).</summary>
    private static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return 2;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return 0;
        }

        // One edit at position i: substitution, insertion or deletion, then the rest must match.
        var sub = a.Length == b.Length && a[(i + 1)..].SequenceEqual(b[(i + 1)..]);
        var del = a.Length == b.Length + 1 && a[(i + 1)..].SequenceEqual(b[i..]);
        var ins = b.Length == a.Length + 1 && a[i..].SequenceEqual(b[(i + 1)..]);
        return sub || del || ins ? 1 : 2;
    }
}
