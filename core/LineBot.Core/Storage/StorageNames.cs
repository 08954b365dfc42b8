using LineBot.Configuration;
using Microsoft.Extensions.Options;

namespace LineBot.Storage;

/// <summary>Every table, container and queue name in one place, with the configured prefix applied.</summary>
internal sealed class StorageNames(IOptions<StorageOptions> options)
{
    private readonly string _p = options.Value.Prefix;

    // Queues and containers: lowercase letters, digits and dashes.
    public string EventsQueue => $"{_p}line-events";
    public string EventsPoisonQueue => $"{_p}line-events-poison";
    public string RawWebhookContainer => $"{_p}webhook-raw";
    public string PhotosContainer => $"{_p}photos";
    public string ExportsContainer => $"{_p}exports";

    // Tables: letters and digits only.
    public string ProcessedEventsTable => $"{_p}processedevents";
    public string PoisonTable => $"{_p}poisonevents";
    public string GroupsTable => $"{_p}groups";
    public string ReportsTable => $"{_p}reports";
    public string ReportVersionsTable => $"{_p}reportversions";
    public string ReportersTable => $"{_p}reporters";
    public string MessagesTable => $"{_p}messages";
    public string PhotosTable => $"{_p}photos";
    public string LocationsTable => $"{_p}locations";
    public string OutboxTable => $"{_p}outbox";
    public string HolidaysTable => $"{_p}holidays";
    public string LeaveTable => $"{_p}leave";
    public string PlansTable => $"{_p}plans";
    public string OfficersTable => $"{_p}officers";
    public string DeliveriesTable => $"{_p}deliveries";
    public string ShortfallsTable => $"{_p}shortfalls";
}
