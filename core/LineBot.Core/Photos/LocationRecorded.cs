namespace LineBot.Photos;

/// <summary>A location message as recorded: the site, its Bangkok date, and whether that day's report now carries it.</summary>
internal sealed record LocationRecorded(SiteLocation Site, DateOnly Date, bool OnReport);
