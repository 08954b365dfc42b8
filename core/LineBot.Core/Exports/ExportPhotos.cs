using LineBot.Digests;
using LineBot.Photos;
using LineBot.Reporters;

namespace LineBot.Exports;

/// <summary>
/// The photo column of exports: every stored photo of a reporter-day (attached or not) as a read-only link that
/// expires with the export's own link, so a forwarded workbook never outlives its evidence links or vice versa.
/// </summary>
internal sealed class ExportPhotos(PhotoStore photos)
{
    public async Task<IReadOnlyDictionary<(string ReporterId, DateOnly Date), DayPhotos>> LinksAsync(
        IEnumerable<PhotoRecord> records,
        IReadOnlyList<Reporter> reporters,
        DateOnly from,
        DateOnly through,
        DateTimeOffset asOf,
        Func<string, bool> include,
        TimeSpan validity,
        CancellationToken ct)
    {
        var result = new Dictionary<(string, DateOnly), DayPhotos>();
        foreach (var (key, day) in PhotoEvidence.ByReporterDay(records, reporters, from, through, asOf))
        {
            if (!include(key.ReporterId))
            {
                continue;
            }

            var links = new List<string>(day.Count);
            foreach (var photo in day)
            {
                links.Add((await photos.LinkAsync(photo, validity, ct)).ToString());
            }

            result[key] = new DayPhotos(day.Count, links);
        }

        return result;
    }
}
