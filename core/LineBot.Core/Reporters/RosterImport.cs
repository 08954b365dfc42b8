using System.Text;
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
/// the gazetteer cannot place are rejected with the reason rather than stored wrong.
/// </summary>
internal sealed class RosterImport(ReporterStore reporters, ReportParser parser)
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
        var gazetteer = parser.Gazetteer;
        var known = new Dictionary<string, Reporter>(StringComparer.Ordinal);
        foreach (var reporter in await reporters.ListAsync(cancellationToken))
        {
            known.TryAdd(PersonNames.Key(reporter.Name), reporter);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new List<RosterRejection>();
        int created = 0, updated = 0, lineNumber = 0;
        Column?[]? columns = null;
        while (await csv.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            var cells = SplitCsvLine(line.TrimStart('\ufeff'));
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (columns is null)
            {
                if (HeaderColumns(cells) is { } header)
                {
                    columns = header;
                    if (!columns.Contains(Column.Name) || !columns.Contains(Column.District))
                    {
                        rejected.Add(new RosterRejection(lineNumber, "แถวหัวตารางต้องมีคอลัมน์ชื่อและอำเภอ"));
                        return new RosterImportResult(0, 0, rejected);
                    }

                    continue;
                }

                columns = [.. DefaultOrder.Cast<Column?>()];
            }

            string? Cell(Column column)
            {
                var at = Array.IndexOf(columns, column);
                return at >= 0 && at < cells.Count && cells[at].Trim() is { Length: > 0 } value ? value : null;
            }

            var name = Cell(Column.Name);
            if (name is null)
            {
                rejected.Add(new RosterRejection(lineNumber, "ไม่มีชื่อ"));
                continue;
            }

            var key = PersonNames.Key(name);
            if (key.Length == 0 || !seen.Add(key))
            {
                rejected.Add(new RosterRejection(lineNumber, key.Length == 0 ? $"ชื่อ \"{name}\" อ่านไม่ได้" : $"ชื่อ {name} ซ้ำกับแถวก่อนหน้า"));
                continue;
            }

            var siteType = SiteType(Cell(Column.SiteType));
            if (Cell(Column.SiteType) is { } writtenType && siteType is null)
            {
                rejected.Add(new RosterRejection(lineNumber, $"ประเภทพื้นที่ \"{writtenType}\" ไม่ใช่ CLM หรือ HLM"));
                continue;
            }

            var writtenDistrict = Cell(Column.District);
            var district = writtenDistrict is null ? null : gazetteer.FindDistrict(StripPrefix(writtenDistrict, "อำเภอ", "อ."));
            if (district is null && !gazetteer.IsEmpty)
            {
                rejected.Add(new RosterRejection(lineNumber, writtenDistrict is null ? "ไม่มีอำเภอ" : $"ไม่พบอำเภอ \"{writtenDistrict}\" ในจังหวัด{gazetteer.Province}"));
                continue;
            }

            district ??= writtenDistrict;
            var writtenSubdistrict = Cell(Column.Subdistrict);
            string? subdistrict = null;
            if (writtenSubdistrict is not null)
            {
                subdistrict = gazetteer.FindSubdistrict(StripPrefix(writtenSubdistrict, "ตำบล", "ต."));
                if (!gazetteer.IsEmpty && (subdistrict is null || !gazetteer.Contains(district!, subdistrict)))
                {
                    rejected.Add(new RosterRejection(lineNumber, $"ไม่พบตำบล \"{writtenSubdistrict}\" ใน อ.{district}"));
                    continue;
                }

                subdistrict ??= writtenSubdistrict;
            }

            var phone = Cell(Column.Phone);
            if (known.TryGetValue(key, out var existing))
            {
                // The roster is the admin's word on name and site; what the bot learnt (user ID, role, location) stays.
                await reporters.SaveAsync(existing with { Name = name, SiteType = siteType ?? existing.SiteType, District = district, Subdistrict = subdistrict ?? existing.Subdistrict, Phone = phone ?? existing.Phone }, cancellationToken);
                updated++;
            }
            else
            {
                await reporters.SaveAsync(new Reporter { Id = ReporterStore.NameId(name), Name = name, SiteType = siteType, District = district, Subdistrict = subdistrict, Phone = phone }, cancellationToken);
                created++;
            }
        }

        return new RosterImportResult(created, updated, rejected);
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
