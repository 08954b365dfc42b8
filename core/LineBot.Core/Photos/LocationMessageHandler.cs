using LineBot.Calendar;
using LineBot.Events;
using LineBot.Reporters;
using LineBot.Reports;
using Microsoft.Extensions.Logging;

namespace LineBot.Photos;

/// <summary>
/// Location messages: a site's coordinates go on the sender's profile (the latest), into the location history
/// (all of them), and on the report of that day (the day's latest; if the report comes later, attaching the
/// day's photos brings the location along).
/// </summary>
internal sealed class LocationMessageHandler(
    LocationStore locations,
    ReporterStore reporters,
    ReportStore reports,
    BotClock clock,
    ILogger<LocationMessageHandler> logger)
{
    /// <summary>Records the location; null when the event carries no sender or coordinates.</summary>
    public async Task<LocationRecorded?> HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var evt = context.Event;
        if (context.UserId is not { } userId || evt.Message is not { Latitude: { } lat, Longitude: { } lng } message)
        {
            PhotoLog.LocationSkipped(logger, evt.WebhookEventId);
            return null;
        }

        var site = new SiteLocation(lat, lng, message.Title, message.Address, evt.Timestamp, message.Id, context.GroupId ?? "direct");
        await locations.AddAsync(userId, site, cancellationToken);

        var reporterId = (await reporters.FindByUserIdAsync(userId, cancellationToken))?.Id ?? userId;
        var profile = await reporters.SetSiteLocationAsync(reporterId, lat, lng, message.Title, message.Address, DateTimeOffset.FromUnixTimeMilliseconds(evt.Timestamp), cancellationToken);

        var date = clock.DateOf(evt.Timestamp);
        var latest = await locations.LatestOnAsync(userId, date, cancellationToken) ?? site;
        var report = await reports.SetLocationAsync(reporterId, date, latest.Latitude, latest.Longitude, cancellationToken);
        PhotoLog.LocationRecorded(logger, userId, profile, report);
        return new LocationRecorded(site, date, report);
    }
}
