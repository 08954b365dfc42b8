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
internal sealed class ReporterStore(StorageClients storage, StorageNames names, ReporterCache cache)
{
    private const string People = "r";
    private const string ByUser = "u";

    private readonly Lock _refreshLock = new();
    private Task<IReadOnlyList<Reporter>>? _refresh;

    /// <summary>The ID for someone known only by name (no LINE user ID yet).</summary>
    public static string NameId(string name) => "n:" + PersonNames.Key(name);

    public async Task<Reporter?> GetAsync(string reporterId, CancellationToken cancellationToken) =>
        (await GetRowAsync(reporterId, cancellationToken))?.Reporter;

    /// <summary>A profile with the ETag it was read or written with (from <see cref="ReporterCache"/> when fresh there).</summary>
    private async Task<(Reporter Reporter, ETag ETag)?> GetRowAsync(string reporterId, CancellationToken cancellationToken)
    {
        if (cache.Row(reporterId) is { } cached)
        {
            return cached;
        }

        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(People, TableKeys.Escape(reporterId), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        var reporter = ToReporter(row.Value!);
        cache.Put(reporter, row.Value!.ETag);
        return (reporter, row.Value!.ETag);
    }

    public async Task<Reporter?> FindByUserIdAsync(string userId, CancellationToken cancellationToken)
    {
        if (cache.IdOfUser(userId) is { } known && await GetAsync(known, cancellationToken) is { } reporter)
        {
            return reporter;
        }

        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        var index = await table.GetEntityIfExistsAsync<TableEntity>(ByUser, TableKeys.Escape(userId), cancellationToken: cancellationToken);
        if (!index.HasValue || index.Value!.GetString("ReporterId") is not { } id)
        {
            return null;
        }

        cache.PutUser(userId, id);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Someone whose name matches (title, spaces and punctuation ignored), or null.</summary>
    public async Task<Reporter?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var key = PersonNames.Key(name);
        if (key.Length == 0)
        {
            return null;
        }

        // The name index of the last full list (kept up to date by this process's saves) says who it is, or that nobody
        // is; the profile itself comes from the row cache. Without a fresh index, the whole list is read.
        if (cache.NamesFresh)
        {
            if (cache.IdOfName(key) is not { } id)
            {
                return null;
            }

            if (await GetAsync(id, cancellationToken) is { } cached && PersonNames.Key(cached.Name) == key)
            {
                return cached;
            }
        }

        foreach (var reporter in await RefreshNamesAsync(cancellationToken))
        {
            if (PersonNames.Key(reporter.Name) == key)
            {
                return reporter;
            }
        }

        return null;
    }

    /// <summary>
    /// The whole list for the name index, read once for every caller that needs it meanwhile: when the index goes
    /// stale, each event in flight would otherwise read the whole table at the same moment. A read that a caller
    /// gives up on goes on for the others.
    /// </summary>
    private Task<IReadOnlyList<Reporter>> RefreshNamesAsync(CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<Reporter>> refresh;
        lock (_refreshLock)
        {
            if (_refresh is null || _refresh.IsCompleted)
            {
                _refresh = ListAsync(CancellationToken.None);
            }

            refresh = _refresh;
        }

        return refresh.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Reporter>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        var reporters = new List<Reporter>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {People}"), cancellationToken: cancellationToken))
        {
            var reporter = ToReporter(row);
            reporters.Add(reporter);
            cache.Put(reporter, row.ETag);
        }

        cache.PutNames(reporters.Select(r => (PersonNames.Key(r.Name), r.Id)));
        return reporters;
    }

    /// <summary>Creates or replaces a profile (and its user-ID index row).</summary>
    public async Task SaveAsync(Reporter reporter, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        var written = await table.UpsertEntityAsync(ToEntity(reporter), TableUpdateMode.Replace, cancellationToken);
        // The index row is written only when it says something new (a profile re-saved with the same user ID needs none).
        if (reporter.UserId is { } userId && cache.IdOfUser(userId) != reporter.Id)
        {
            await table.UpsertEntityAsync(new TableEntity(ByUser, TableKeys.Escape(userId)) { ["ReporterId"] = reporter.Id }, TableUpdateMode.Replace, cancellationToken);
        }

        Remember(reporter, written.Headers.ETag);
    }

    private void Remember(Reporter reporter, ETag? etag)
    {
        if (etag is { } known)
        {
            cache.Put(reporter, known);
        }
        else
        {
            cache.Forget(reporter.Id);
        }

        cache.AddName(PersonNames.Key(reporter.Name), reporter.Id);
    }

    /// <summary>Records a report date on the profile when it is the newest (one write per reporter per day at most).</summary>
    public async Task TouchLastReportAsync(string reporterId, DateOnly date, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.ReportersTable, cancellationToken);
        if (await GetRowAsync(reporterId, cancellationToken) is not var (reporter, etag))
        {
            return;
        }

        if (reporter.LastReportDate is { } last && last >= date)
        {
            return;
        }

        try
        {
            // Conditional on the ETag the profile was read with: a cached copy that is out of date fails here, never overwrites.
            var written = await table.UpdateEntityAsync(
                new TableEntity(People, TableKeys.Escape(reporterId)) { ["LastReportDate"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                etag,
                TableUpdateMode.Merge,
                cancellationToken);
            cache.Put(reporter with { LastReportDate = date }, written.Headers.ETag ?? etag);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Someone updated the profile meanwhile; the next report will try again.
            cache.Forget(reporterId);
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
        cache.Forget(reporterId);
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
        cache.Forget(reporterId);
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
                cache.Forget(reporterId);
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
