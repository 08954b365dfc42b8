using System.Text;
using LineBot.Calendar;
using LineBot.Reports;
using LineBot.Reports.Parsing;

namespace LineBot.Reporters;

/// <summary>One roster row that was not imported: its line in the file and why (Thai, for the admin).</summary>
internal sealed record RosterRejection(int Line, string Reason);

internal sealed record RosterImportResult(int Created, int Updated, IReadOnlyList<RosterRejection> Rejected);

/// <summary>
/// A provincial roster from CSV (name, site type, sub-district, district, phone optional), so reporters exist
/// before they write; their reports are then matched by user ID, else by normalised name. A header row in Thai
/// or English is recognised (and may reorder the columns); without one the columns are in that order. UTF-8
/// with or without BOM. District and sub-district names are normalised with the province's gazetteer; rows
/// the gazetteer cannot place are rejected with the reason rather than stored wrong. The same rows come from an
/// .xlsx (<see cref="RosterFile"/>), sent by the CLI or to the bot in a 1:1 chat. People new to the roster are
/// expected from the day of the import (their start date); a row for someone who had left starts them again.
/// </summary>
internal sealed class RosterImport(ReporterStore reporters, ReportParser parser, BotClock clock)
{
    private enum Column
    {
        Name,
        SiteType,
        Subdistrict,
        District,
        Phone,
    }

    private static readonly Dictionary<string, Column> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = Column.Name, ["full name"] = Column.Name, ["ชื่อ"] = Column.Name, ["ชื่อ-สกุล"] = Column.Name, ["ชื่อ-นามสกุล"] = Column.Name, ["ชื่อสกุล"] = Column.Name, ["ชื่อผู้รายงาน"] = Column.Name,
        ["site type"] = Column.SiteType, ["sitetype"] = Column.SiteType, ["type"] = Column.SiteType, ["ประเภท"] = Column.SiteType, ["ประเภทพื้นที่"] = Column.SiteType, ["ประเภทแปลง"] = Column.SiteType,
        ["sub-district"] = Column.Subdistrict, ["subdistrict"] = Column.Subdistrict, ["tambon"] = Column.Subdistrict, ["ตำบล"] = Column.Subdistrict,
        ["district"] = Column.District, ["amphoe"] = Column.District, ["อำเภอ"] = Column.District,
        ["phone"] = Column.Phone, ["telephone"] = Column.Phone, ["tel"] = Column.Phone, ["โทรศัพท์"] = Column.Phone, ["เบอร์โทร"] = Column.Phone, ["เบอร์โทรศัพท์"] = Column.Phone, ["โทร"] = Column.Phone,
    };

    private static readonly Column[] DefaultOrder = [Column.Name, Column.SiteType, Column.Subdistrict, Column.District, Column.Phone];

    public async Task<RosterImportResult> ImportAsync(TextReader csv, CancellationToken cancellationToken)
    {
        var rows = new List<List<string>>();
        while (await csv.ReadLineAsync(cancellationToken) is { } line)
        {
            rows.Add(SplitCsvLine(line.TrimStart('\ufeff')));
        }

        return await ImportRowsAsync(rows, cancellationToken);
    }

    /// <summary>Rows of cells (a CSV's lines, a sheet's rows), the first optionally a header; line numbers count from 1.</summary>
    public async Task<RosterImportResult> ImportRowsAsync(IReadOnlyList<List<string>> rows, CancellationToken cancellationToken)
    {
        var known = await KnownByNameAsync(cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new List<RosterRejection>();
        int created = 0, updated = 0, lineNumber = 0;
        Column?[]? columns = null;
        foreach (var row in rows)
        {
            lineNumber++;
            var cells = row.Select(c => c.TrimStart('\ufeff')).ToList();
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (columns is null && HeaderColumns(cells) is { } header)
            {
                if (!header.Contains(Column.Name) || !header.Contains(Column.District))
                {
                    rejected.Add(new RosterRejection(lineNumber, "แถวหัวตารางต้องมีคอลัมน์ชื่อและอำเภอ"));
                    return new RosterImportResult(0, 0, rejected);
                }

                columns = header;
                continue;
            }

            columns ??= [.. DefaultOrder.Cast<Column?>()];
            var (person, reason) = ReadRow(cells, columns, seen);
            if (person is null)
            {
                rejected.Add(new RosterRejection(lineNumber, reason!));
            }
            else if (await SaveAsync(person, known, cancellationToken))
            {
                updated++;
            }
            else
            {
                created++;
            }
        }

        return new RosterImportResult(created, updated, rejected);
    }

    /// <summary>One person as a roster row names them: a name not seen earlier in the file, a site the gazetteer can place.</summary>
    private sealed record RosterRow(string Name, string Key, Site Site, string? Phone);

    private async Task<Dictionary<string, Reporter>> KnownByNameAsync(CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, Reporter>(StringComparer.Ordinal);
        foreach (var reporter in await reporters.ListAsync(cancellationToken))
        {
            known.TryAdd(PersonNames.Key(reporter.Name), reporter);
        }

        return known;
    }

    /// <summary>A row, or why it is rejected (Thai, for the admin).</summary>
    private (RosterRow? Row, string? Rejected) ReadRow(List<string> cells, Column?[] columns, HashSet<string> seen)
    {
        string? Cell(Column column)
        {
            var at = Array.IndexOf(columns, column);
            return at >= 0 && at < cells.Count && cells[at].Trim() is { Length: > 0 } value ? value : null;
        }

        if (Cell(Column.Name) is not { } name)
        {
            return (null, "ไม่มีชื่อ");
        }

        var key = PersonNames.Key(name);
        if (key.Length == 0 || !seen.Add(key))
        {
            return (null, key.Length == 0 ? $"ชื่อ \"{name}\" อ่านไม่ได้" : $"ชื่อ {name} ซ้ำกับแถวก่อนหน้า");
        }

        var siteType = SiteType(Cell(Column.SiteType));
        if (Cell(Column.SiteType) is { } writtenType && siteType is null)
        {
            return (null, $"ประเภทพื้นที่ \"{writtenType}\" ไม่ใช่ CLM หรือ HLM");
        }

        var (site, rejected) = PlaceSite(siteType, Cell(Column.District), Cell(Column.Subdistrict));
        return site is { } placed ? (new RosterRow(name, key, placed, Cell(Column.Phone)), null) : (null, rejected);
    }

    /// <summary>District and sub-district in the gazetteer's names (as written when the province has no gazetteer).</summary>
    private (Site? Site, string? Rejected) PlaceSite(string? siteType, string? writtenDistrict, string? writtenSubdistrict)
    {
        var gazetteer = parser.Gazetteer;
        var district = writtenDistrict is null ? null : gazetteer.FindDistrict(StripPrefix(writtenDistrict, "อำเภอ", "อ."));
        if (district is null && !gazetteer.IsEmpty)
        {
            return (null, writtenDistrict is null ? "ไม่มีอำเภอ" : $"ไม่พบอำเภอ \"{writtenDistrict}\" ในจังหวัด{gazetteer.Province}");
        }

        district ??= writtenDistrict;
        string? subdistrict = null;
        if (writtenSubdistrict is not null)
        {
            subdistrict = gazetteer.FindSubdistrict(StripPrefix(writtenSubdistrict, "ตำบล", "ต."));
            if (!gazetteer.IsEmpty && (subdistrict is null || !gazetteer.Contains(district!, subdistrict)))
            {
                return (null, $"ไม่พบตำบล \"{writtenSubdistrict}\" ใน อ.{district}");
            }

            subdistrict ??= writtenSubdistrict;
        }

        return (new Site(siteType, null, district, subdistrict), null);
    }

    /// <summary>Updates the profile of that name (true) or creates one.</summary>
    private async Task<bool> SaveAsync(RosterRow row, Dictionary<string, Reporter> known, CancellationToken cancellationToken)
    {
        if (known.TryGetValue(row.Key, out var existing))
        {
            // The roster is the admin's word on name and site (its district always); what the bot learnt (user ID, role, location) stays.
            var site = row.Site.Or(existing.Site) with { District = row.Site.District };
            var again = existing.EndDate is not null;
            await reporters.SaveAsync(
                existing.WithSite(site) with
                {
                    Name = row.Name,
                    Phone = row.Phone ?? existing.Phone,
                    StartDate = again ? clock.Today : existing.StartDate,
                    EndDate = null,
                },
                cancellationToken);
            return true;
        }

        await reporters.SaveAsync(new Reporter { Id = ReporterStore.NameId(row.Name), Name = row.Name, Phone = row.Phone, StartDate = clock.Today }.WithSite(row.Site), cancellationToken);
        return false;
    }

    /// <summary>"CLM", "HLM" or their Thai names (ศูนย์เรียนรู้, ครัวเรือนต้นแบบ …); null when it is neither.</summary>
    internal static string? SiteType(string? written)
    {
        if (written is null)
        {
            return null;
        }

        var text = written.Trim();
        if (text.Contains("CLM", StringComparison.OrdinalIgnoreCase) || text.Contains("ศูนย์เรียนรู้", StringComparison.Ordinal)
            || text.Contains("ชุมชนต้นแบบ", StringComparison.Ordinal) || text.Contains("ระดับตำบล", StringComparison.Ordinal))
        {
            return "CLM";
        }

        return text.Contains("HLM", StringComparison.OrdinalIgnoreCase) || text.Contains("ครัวเรือนต้นแบบ", StringComparison.Ordinal)
               || text.Contains("ระดับครัวเรือน", StringComparison.Ordinal)
            ? "HLM"
            : null;
    }

    private static Column?[]? HeaderColumns(IReadOnlyList<string> cells)
    {
        var columns = cells.Select(c => Headers.TryGetValue(c.Trim().TrimEnd(':').Trim(), out var column) ? column : (Column?)null).ToArray();
        return columns.Count(c => c is not null) >= 2 ? columns : null;
    }

    private static string StripPrefix(string text, params string[] prefixes)
    {
        var trimmed = text.Trim();
        foreach (var prefix in prefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.Ordinal))
            {
                return trimmed[prefix.Length..].Trim();
            }
        }

        return trimmed;
    }

    /// <summary>One CSV record on one line (RFC 4180 quotes; a roster has no line breaks inside cells).</summary>
    internal static List<string> SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
