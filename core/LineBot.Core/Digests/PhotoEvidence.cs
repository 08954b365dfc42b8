using LineBot.Photos;
using LineBot.Reporters;

namespace LineBot.Digests;

/// <summary>
/// Who a photo is evidence for: the reporter it is attached to, else the roster entry of its LINE user, else the
/// user ID itself (as <see cref="PhotoStore"/> does). Digests count these, exports link them.
/// </summary>
internal static class PhotoEvidence
{
    /// <summary>
    /// Evidence photos (stored images, videos with a stored preview) dated <paramref name="from"/>–<paramref name="through"/>
    /// and sent by <paramref name="asOf"/>, one per message, by (reporter, date), each list in sending order.
    /// </summary>
    public static Dictionary<(string ReporterId, DateOnly Date), List<PhotoRecord>> ByReporterDay(
        IEnumerable<PhotoRecord> photos, IEnumerable<Reporter> reporters, DateOnly from, DateOnly through, DateTimeOffset asOf)
    {
        var byUser = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in reporters)
        {
            if (r is { ExpectedToReport: true, UserId.Length: > 0 })
            {
                byUser.TryAdd(r.UserId, r.Id);
            }
        }

        var until = asOf.ToUnixTimeMilliseconds();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var days = new Dictionary<(string, DateOnly), List<PhotoRecord>>();
        foreach (var photo in photos.OrderBy(p => p.Timestamp))
        {
            if (!photo.IsEvidence || photo.Date < from || photo.Date > through || photo.Timestamp > until || !seen.Add(photo.MessageId))
            {
                continue;
            }

            var owner = photo.Attached && photo.ReporterId is { Length: > 0 } attachedTo ? attachedTo : byUser.GetValueOrDefault(photo.UserId) ?? photo.ReporterId ?? photo.UserId;
            var key = (owner, photo.Date);
            if (!days.TryGetValue(key, out var list))
            {
                days.Add(key, list = []);
            }

            list.Add(photo);
        }

        return days;
    }
}
