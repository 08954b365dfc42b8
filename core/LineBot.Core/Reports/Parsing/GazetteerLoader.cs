using System.Text.Json;
using System.Text.Json.Serialization;

namespace LineBot.Reports.Parsing;

/// <summary>
/// Another province's districts from a data file (<c>Bot:GazetteerPath</c>): JSON
/// <c>{"province": "…", "aliases": ["…"], "districts": [{"name": "…", "subdistricts": ["…"], "shortNames": ["…"]}]}</c>, or CSV rows
/// <c>province,district,subdistrict</c> (a header row is optional). Names without อ./ต. prefixes.
/// </summary>
internal static class GazetteerLoader
{
    /// <summary>The gazetteer for the configured province: from the file if given, else the built-in default.</summary>
    public static Gazetteer Load(string province, string? path)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            var text = File.ReadAllText(path);
            var gazetteer = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? FromCsv(text, province) : FromJson(text);
            if (Gazetteer.Key(gazetteer.Province) != Gazetteer.Key(province))
            {
                throw new InvalidOperationException($"Bot:GazetteerPath '{path}' describes {gazetteer.Province}, not Bot:Province {province}.");
            }

            return gazetteer;
        }

        // Without a file only the built-in province has districts; another one still parses, unnormalised.
        return Gazetteer.Key(province) == Gazetteer.Key(ChachoengsaoGazetteer.Province) ? ChachoengsaoGazetteer.Create() : new Gazetteer(province, []);
    }

    public static Gazetteer FromJson(string json)
    {
        var file = JsonSerializer.Deserialize(json, GazetteerJsonContext.Default.GazetteerFile)
            ?? throw new InvalidDataException("The gazetteer file is empty.");
        if (string.IsNullOrWhiteSpace(file.Province) || file.Districts is null)
        {
            throw new InvalidDataException("The gazetteer file needs \"province\" and \"districts\".");
        }

        return new Gazetteer(
            file.Province.Trim(),
            [.. file.Districts.Select(d => new GazetteerDistrict(d.Name.Trim(), [.. (d.Subdistricts ?? []).Select(s => s.Trim())]) { ShortNames = [.. (d.ShortNames ?? []).Select(s => s.Trim())] })],
            [.. (file.Aliases ?? []).Select(a => a.Trim())]);
    }

    public static Gazetteer FromCsv(string csv, string province)
    {
        var districts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        var fileProvince = province;
        foreach (var raw in csv.Split('\n'))
        {
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',').Select(c => c.Trim().Trim('"').Trim()).ToArray();
            if (cells.Length < 3 || cells[0].Equals("province", StringComparison.OrdinalIgnoreCase) || cells[0] == "จังหวัด")
            {
                continue;
            }

            fileProvince = cells[0];
            if (!districts.TryGetValue(cells[1], out var list))
            {
                districts[cells[1]] = list = [];
                order.Add(cells[1]);
            }

            if (cells[2].Length > 0)
            {
                list.Add(cells[2]);
            }
        }

        return new Gazetteer(fileProvince, [.. order.Select(d => new GazetteerDistrict(d, districts[d]))]);
    }
}

/// <summary><c>aliases</c>: the province's official abbreviation and other names; <c>shortNames</c>: a district's spoken forms.</summary>
internal sealed record GazetteerFile(string Province, List<GazetteerFileDistrict>? Districts, List<string>? Aliases = null);

internal sealed record GazetteerFileDistrict(string Name, List<string>? Subdistricts, List<string>? ShortNames = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(GazetteerFile))]
internal sealed partial class GazetteerJsonContext : JsonSerializerContext;
