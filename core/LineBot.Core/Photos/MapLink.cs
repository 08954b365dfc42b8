using System.Globalization;

namespace LineBot.Photos;

/// <summary>A plain map link for digests and exports (any phone opens it; no API key needed).</summary>
internal static class MapLink
{
    /// <summary><c>https://www.google.com/maps?q=lat,lng</c>, with a dot as decimal separator whatever the culture.</summary>
    public static string For(double latitude, double longitude) =>
        string.Create(CultureInfo.InvariantCulture, $"https://www.google.com/maps?q={latitude:0.######},{longitude:0.######}");
}
