using System.Globalization;
using Azure;
using Azure.Data.Tables;
using LineBot.Reports.Parsing;
using LineBot.Storage;

namespace LineBot.Reporters;

/// <summary>
/// Everyone the bot knows, in one small partition (a province has ~130 field workers): rows keyed by
/// reporter ID in partition <c>r</c>, plus an index from LINE user ID (partition <c>u</c>). Reports are matched
/// to people by user ID, else by normalised name (<see cref="PersonNames.Key"/>).
/// </summary>
internal sealed class ReporterStore(StorageClients storage, StorageNames names)
{
    private const string People = "r";
    private const string ByUser = "u";

    /// <summary>The ID for someone known only by name (no LINE user ID yet).</summary>
    public static string NameId(string name) => "n:" + PersonNames.Key(name);

    public async Task<Reporter?> GetAsync(string reporterId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(People, TableKeys.Escape(reporterId), cancellationToken: cancellationToken);
        return row.HasValue ? ToReporter(row.Value!) : null;
    }

    public async Task<Reporter?> FindByUserIdAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        var index = await table.GetEntityIfExistsAsync<TableEntity>(ByUser, TableKeys.Escape(userId), cancellationToken: cancellationToken);
        return index.HasValue && index.Value!.GetString("ReporterId") is { } id ? await GetAsync(id, cancellationToken) : null;
    }

    /// <summary>Someone whose name matches (title, spaces and punctuation ignored), or null.</summary>
    public async Task<Reporter?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var key = PersonNames.Key(name);
        if (key.Length == 0)
        {
            return null;
        }

        foreach (var reporter in await ListAsync(cancellationToken))
        {
            if (PersonNames.Key(reporter.Name) == key)
            {
                return reporter;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<Reporter>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        var reporters = new List<Reporter>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {People}"), cancellationToken: cancellationToken))
        {
            reporters.Add(ToReporter(row));
        }

        return reporters;
    }

    /// <summary>Creates or replaces a profile (and its user-ID index row).</summary>
    public async Task SaveAsync(Reporter reporter, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        await table.UpsertEntityAsync(ToEntity(reporter), TableUpdateMode.Replace, cancellationToken);
        if (reporter.UserId is { } userId)
        {
            await table.UpsertEntityAsync(new TableEntity(ByUser, TableKeys.Escape(userId)) { ["ReporterId"] = reporter.Id }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Records a report date on the profile when it is the newest (one write per reporter per day at most).</summary>
    public async Task TouchLastReportAsync(string reporterId, DateOnly date, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(People, TableKeys.Escape(reporterId), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return;
        }

        var last = row.Value!.GetString("LastReportDate");
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (last is not null && string.CompareOrdinal(last, text) >= 0)
        {
            return;
        }

        try
        {
            await table.UpdateEntityAsync(new TableEntity(People, row.Value!.RowKey) { ["LastReportDate"] = text }, row.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Someone updated the profile meanwhile; the next report will try again.
        }
    }

    /// <summary>Sets the profile's last report date whatever it was (after an unsend or an edit moved a report); null clears it.</summary>
    public async Task SetLastReportAsync(string reporterId, DateOnly? date, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        var update = new TableEntity(People, TableKeys.Escape(reporterId))
        {
            // Empty rather than null: a merge leaves out null properties, and an empty date reads as none.
            ["LastReportDate"] = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        };
        try
        {
            await table.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No such profile: nothing to correct.
        }
    }

    /// <summary>
    /// Records a site location on a profile unless a later one is already there (messages can arrive out of
    /// order). False when there is no such profile or the stored one is newer.
    /// </summary>
    public async Task<bool> SetSiteLocationAsync(string reporterId, double latitude, double longitude, string? title, string? address, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(People, TableKeys.Escape(reporterId), cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return false;
            }

            if (row.Value!.GetDateTimeOffset("LocationAt") is { } stored && stored > at)
            {
                return false;
            }

            var update = new TableEntity(People, row.Value!.RowKey)
            {
                ["Latitude"] = latitude,
                ["Longitude"] = longitude,
                ["SiteTitle"] = title,
                ["SiteAddress"] = address,
                ["LocationAt"] = at,
            };
            try
            {
                await table.UpdateEntityAsync(update, row.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Updated meanwhile: read again.
            }
        }

        return false;
    }

    private static DateOnly? Date(string? text) => text is { Length: > 0 } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static TableEntity ToEntity(Reporter reporter) => new(People, TableKeys.Escape(reporter.Id))
    {
        ["Id"] = reporter.Id,
        ["Name"] = reporter.Name,
        ["UserId"] = reporter.UserId,
        ["DisplayName"] = reporter.DisplayName,
        ["SiteType"] = reporter.SiteType,
        ["District"] = reporter.District,
        ["Subdistrict"] = reporter.Subdistrict,
        ["Phone"] = reporter.Phone,
        ["Role"] = reporter.Role.ToString(),
        ["OfficerDistrict"] = reporter.OfficerDistrict,
        ["LastReportDate"] = reporter.LastReportDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["StartDate"] = reporter.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["EndDate"] = reporter.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Latitude"] = reporter.Latitude,
        ["Longitude"] = reporter.Longitude,
        ["SiteTitle"] = reporter.SiteTitle,
        ["SiteAddress"] = reporter.SiteAddress,
        ["LocationAt"] = reporter.LocationAt,
    };

    private static Reporter ToReporter(TableEntity row) => new()
    {
        Id = row.GetString("Id") ?? row.RowKey,
        Name = row.GetString("Name") ?? "",
        UserId = row.GetString("UserId"),
        DisplayName = row.GetString("DisplayName"),
        SiteType = row.GetString("SiteType"),
        District = row.GetString("District"),
        Subdistrict = row.GetString("Subdistrict"),
        Phone = row.GetString("Phone"),
        Role = Enum.TryParse<ReporterRole>(row.GetString("Role"), out var role) ? role : ReporterRole.Reporter,
        OfficerDistrict = row.GetString("OfficerDistrict"),
        LastReportDate = Date(row.GetString("LastReportDate")),
        StartDate = Date(row.GetString("StartDate")),
        EndDate = Date(row.GetString("EndDate")),
        Latitude = row.GetDouble("Latitude"),
        Longitude = row.GetDouble("Longitude"),
        SiteTitle = row.GetString("SiteTitle"),
        SiteAddress = row.GetString("SiteAddress"),
        LocationAt = row.GetDateTimeOffset("LocationAt"),
    };
}
