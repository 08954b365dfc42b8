namespace LineBot.Reports.Parsing;

/// <summary>A site in canonical names: province, district and sub-district without prefixes.</summary>
internal readonly record struct Site(string? Type, string? Province, string? District, string? Subdistrict);

/// <summary>Turns a <see cref="WrittenSite"/> into canonical names with the gazetteer, with Thai warnings.</summary>
internal static class SiteNormaliser
{
    public static Site Normalise(WrittenSite written, Gazetteer gazetteer, List<string> warnings)
    {
        string? district = null;
        string? subdistrict = null;

        if (written.District is not null)
        {
            district = gazetteer.FindDistrict(written.District)
                ?? (written.DistrictJoined is null ? null : gazetteer.FindDistrict(written.DistrictJoined));
            if (district is null)
            {
                district = written.District;
                if (!gazetteer.IsEmpty)
                {
                    warnings.Add($"ไม่พบอำเภอ \"{written.District}\" ในจังหวัด{gazetteer.Province}");
                }
            }
        }

        if (written.Subdistrict is not null)
        {
            subdistrict = gazetteer.FindSubdistrict(written.Subdistrict)
                ?? (written.SubdistrictJoined is null ? null : gazetteer.FindSubdistrict(written.SubdistrictJoined));
            if (subdistrict is null)
            {
                subdistrict = written.Subdistrict;
                if (!gazetteer.IsEmpty)
                {
                    warnings.Add($"ไม่พบตำบล \"{written.Subdistrict}\" ในจังหวัด{gazetteer.Province}");
                }
            }
        }

        if (district is null && subdistrict is null && written.Bare is { } words)
        {
            // A site label without ต./อ.: accept only names the gazetteer knows.
            foreach (var word in words)
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
        }

        if (district is null && subdistrict is not null)
        {
            district = gazetteer.DistrictOf(subdistrict);
        }
        else if (district is not null && subdistrict is not null && !gazetteer.IsEmpty
            && gazetteer.Districts.Any(x => x.Name == district) && gazetteer.FindSubdistrict(subdistrict) is not null
            && !gazetteer.Contains(district, subdistrict))
        {
            warnings.Add($"ต.{subdistrict} ไม่อยู่ใน อ.{district} (ตรวจสอบชื่อตำบลหรืออำเภอ)");
        }

        string? province = null;
        if (written.Province is not null)
        {
            province = gazetteer.NormaliseProvince(written.Province);
            if (province != gazetteer.Province)
            {
                province = written.Province;
                warnings.Add($"จังหวัด{written.Province} ไม่ใช่จังหวัด{gazetteer.Province} ที่บอทดูแล");
            }
        }
        else if (district is not null || subdistrict is not null)
        {
            province = gazetteer.Province;
        }

        return new Site(written.Type, province, district, subdistrict);
    }
}
