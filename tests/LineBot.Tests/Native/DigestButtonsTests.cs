using LineBot.Digests;
using LineBot.Calendar;
using LineBot.Tests.Digests;

namespace LineBot.Tests.Native;

/// <summary>The weekly digest's cards carry buttons for their own district (the province card for the whole province).</summary>
public sealed class DigestButtonsTests
{
    [Fact]
    public void EveryCardOfASyntheticProvinceWeek_HasButtonsForItsDistrict()
    {
        var at = new DateTimeOffset(SyntheticProvince.Mondays[1].ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));
        var digest = WeeklyDigestCalculator.Calculate(new DigestInput(SyntheticProvince.Reporters(), SyntheticProvince.Reports(), SyntheticProvince.Holidays, [], new ReportWeek(SyntheticProvince.Mondays[0]), at, SyntheticProvince.Zone));

        var bubbles = DigestFlexBuilder.Build(digest).SelectMany(m => m["contents"]!["contents"]!.AsArray()).ToList();

        Assert.NotEmpty(bubbles);
        foreach (var bubble in bubbles)
        {
            var district = (string)bubble!["header"]!["contents"]![0]!["text"]!;
            var data = bubble["footer"]!["contents"]!.AsArray().Select(b => (string)b!["action"]!["data"]!).ToList();
            Assert.Equal(3, data.Count);
            var scoped = digest.Districts.Any(d => d.District == district);
            Assert.All(data, d => Assert.Equal(scoped, d.EndsWith(" อ." + district, StringComparison.Ordinal)));
        }
    }
}
