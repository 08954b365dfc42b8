namespace LineBot.Photos;

/// <summary>A site's coordinates from a location message, and when and by which message they came.</summary>
internal sealed record SiteLocation(double Latitude, double Longitude, string? Title, string? Address, long Timestamp, string MessageId, string GroupId);
