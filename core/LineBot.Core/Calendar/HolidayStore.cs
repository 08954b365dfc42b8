using System.Globalization;
using Azure.Data.Tables;
using LineBot.Storage;
using Microsoft.Extensions.Options;

namespace LineBot.Calendar;

/// <summary>
/// Public holidays and ad-hoc days off: the built-in list, then <c>Bot:Holidays</c>, then what admins added or
/// removed (Table Storage, one partition per CE year, row key yyyy-MM-dd). Removing writes a tombstone, so that
/// a built-in holiday can be switched off too (e.g. a substitution day the cabinet moved).
/// </summary>
internal sealed class HolidayStore(StorageClients storage, StorageNames names, BotClock clock, IOptions<CalendarOptions> options)
{
    public async Task AddAsync(DateOnly date, string name, string? changedBy, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(names.HolidaysTable, cancellationToken);
        var entity = new TableEntity(Partition(date.Year), RowKey(date))
        {
            ["Name"] = name.Trim(),
            ["Removed"] = false,
            ["ChangedBy"] = changedBy,
            ["ChangedAt"] = clock.UtcNow,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Removes a day off (stored, configured or built-in). False when it was not a holiday.</summary>
    public async Task<bool> RemoveAsync(DateOnly date, string? changedBy, CancellationToken cancellationToken)
    {
        var existed = (await ListAsync(date.Year, cancellationToken)).Any(h => h.Date == date);
        var table = await storage.TableAsync(names.HolidaysTable, cancellationToken);
        var entity = new TableEntity(Partition(date.Year), RowKey(date))
        {
            ["Name"] = "",
            ["Removed"] = true,
            ["ChangedBy"] = changedBy,
            ["ChangedAt"] = clock.UtcNow,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        return existed;
    }

    /// <summary>Every day off of a CE year, merged, by date.</summary>
    public async Task<IReadOnlyList<Holiday>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var merged = new SortedDictionary<DateOnly, Holiday>();
        foreach (var h in ThaiPublicHolidays.ForYear(year).Concat(options.Value.Parsed().Where(h => h.Date.Year == year)))
        {
            merged[h.Date] = h;
        }

        var table = await storage.TableAsync(names.HolidaysTable, cancellationToken);
        var partition = Partition(year);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (!DateOnly.TryParseExact(row.RowKey, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                continue;
            }

            if (row.GetBoolean("Removed") == true)
            {
                merged.Remove(date);
            }
            else
            {
                merged[date] = new Holiday(date, row.GetString("Name") ?? "", HolidaySource.Stored);
            }
        }

        return [.. merged.Values];
    }

    /// <summary>The days off between two dates (inclusive), for <see cref="WorkCalendar"/> and the digest calculators.</summary>
    public async Task<IReadOnlySet<DateOnly>> DatesAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var dates = new HashSet<DateOnly>();
        for (var year = from.Year; year <= to.Year; year++)
        {
            foreach (var h in await ListAsync(year, cancellationToken))
            {
                if (h.Date >= from && h.Date <= to)
                {
                    dates.Add(h.Date);
                }
            }
        }

        return dates;
    }

    private static string Partition(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string RowKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
