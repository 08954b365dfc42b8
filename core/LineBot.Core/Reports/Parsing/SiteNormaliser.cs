namespace LineBot.Reports.Parsing;

/// <summary>A site in canonical names: province, district and sub-district without prefixes.</summary>
internal readonly record struct Site(string? Type, string? Province, string? District, string? Subdistrict);

/// <summary>Turns a <see cref="WrittenSite"/> into canonical names with the gazetteer, with Thai warnings.</summary>
internal static class SiteNormaliser
{
    public static Site Normalise(WrittenSite written, Gazetteer gazetteer, List<string> warnings, IReadOnlyList<string>? candidates = null)
    {
        var district = District(written, gazetteer, warnings);
        var subdistrict = Subdistrict(written, gazetteer, warnings);
        if (district is null && subdistrict is null)
        {
            (district, subdistrict) = FromBareWords(written.Bare, gazetteer);
        }

        if (district is null && subdistrict is null && candidates is not null)
        {
            (district, subdistrict) = FromCandidateLines(candidates, gazetteer);
        }

        if (district is null && subdistrict is not null)
        {
            district = gazetteer.DistrictOf(subdistrict);
        }
        else if (district is not null && subdistrict is not null && !gazetteer.IsEmpty
            && gazetteer.HasDistrict(district) && gazetteer.FindSubdistrict(subdistrict) is not null
            && !gazetteer.Contains(district, subdistrict))
        {
            warnings.Add($"ต.{subdistrict} ไม่อยู่ใน อ.{district} (ตรวจสอบชื่อตำบลหรืออำเภอ)");
        }

        if (written.BothTypes && written.Type is null)
        {
            warnings.Add("พื้นที่ยังเป็นตัวเลือก \"CLM / HLM\" จากแบบฟอร์ม กรุณาเลือกอย่างใดอย่างหนึ่งครับ");
        }

        return new Site(written.Type, Province(written, district ?? subdistrict, gazetteer, warnings), district, subdistrict);
    }

    private static string? District(WrittenSite written, Gazetteer gazetteer, List<string> warnings)
    {
        if (written.District is null)
        {
            return null;
        }

        var district = gazetteer.FindDistrict(written.District)
            ?? (written.DistrictJoined is null ? null : gazetteer.FindDistrict(written.DistrictJoined))
            ?? gazetteer.FindMarkedDistrict(written.District);
        if (district is null && !gazetteer.IsEmpty)
        {
            warnings.Add($"ไม่พบอำเภอ \"{written.District}\" ในจังหวัด{gazetteer.Province}");
        }

        return district ?? written.District;
    }

    private static string? Subdistrict(WrittenSite written, Gazetteer gazetteer, List<string> warnings)
    {
        if (written.Subdistrict is null)
        {
            return null;
        }

        var subdistrict = gazetteer.FindSubdistrict(written.Subdistrict)
            ?? (written.SubdistrictJoined is null ? null : gazetteer.FindSubdistrict(written.SubdistrictJoined));
        if (subdistrict is null && !gazetteer.IsEmpty)
        {
            warnings.Add($"ไม่พบตำบล \"{written.Subdistrict}\" ในจังหวัด{gazetteer.Province}");
        }

        return subdistrict ?? written.Subdistrict;
    }

    /// <summary>A site label without ต./อ.: accept only names the gazetteer knows.</summary>
    private static (string? District, string? Subdistrict) FromBareWords(List<string>? words, Gazetteer gazetteer)
    {
        string? district = null;
        string? subdistrict = null;
        foreach (var word in words ?? [])
        {
            if (district is null && gazetteer.FindDistrict(word) is { } d)
            {
                district = d;
            }
            else if (subdistrict is null && gazetteer.FindSubdistrict(word) is { } s)
            {
                subdistrict = s;
            }
        }

        return (district, subdistrict);
    }

    /// <summary>A short line of place names alone ("บ้านซ่อง พนมสารคาม"): every word must be in the gazetteer.</summary>
    private static (string? District, string? Subdistrict) FromCandidateLines(IReadOnlyList<string> lines, Gazetteer gazetteer)
    {
        foreach (var line in lines)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 3 || !words.All(w => w.Length >= 3 && (gazetteer.FindDistrict(w) ?? gazetteer.FindSubdistrict(w)) is not null))
            {
                continue;
            }

            var found = FromBareWords([.. words], gazetteer);
            if (found.District is not null || found.Subdistrict is not null)
            {
                return found;
            }
        }

        return (null, null);
    }

    private static string? Province(WrittenSite written, string? place, Gazetteer gazetteer, List<string> warnings)
    {
        if (written.Province is null)
        {
            return place is null ? null : gazetteer.Province;
        }

        var province = gazetteer.NormaliseProvince(written.Province);
        if (province == gazetteer.Province)
        {
            return province;
        }

        warnings.Add($"จังหวัด{written.Province} ไม่ใช่จังหวัด{gazetteer.Province} ที่บอทดูแล");
        return written.Province;
    }
}
