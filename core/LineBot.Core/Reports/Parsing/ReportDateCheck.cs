using LineBot.Calendar;

namespace LineBot.Reports.Parsing;

/// <summary>
/// Turns a written report date into a calendar date seen from the day the message was sent (in Bangkok), and
/// says so when the date read is unlikely: in the future (an error), in another year, or long ago (a warning).
/// Every such message names the date it read, so the worker can tell a misreading from a typo.
/// </summary>
internal static class ReportDateCheck
{
    /// <summary>Older than this is worth a word: a daily record is sent on the day or soon after.</summary>
    private const int StaleDays = 14;

    public static DateOnly? Read(WrittenDate written, DateOnly today, List<string> errors, List<string> warnings)
    {
        switch (written.Status)
        {
            case DateStatus.Found:
                var date = Resolve(written, today);
                if (date is null)
                {
                    errors.Add("วันที่ไม่ถูกต้อง: ไม่มีวันที่นี้ในปฏิทิน");
                    return null;
                }

                return Check(date.Value, today, errors, warnings);
            case DateStatus.Impossible:
                errors.Add($"วันที่ไม่ถูกต้อง: ไม่มีวันที่ {written.Day}/{written.Month}{(written.Year is { } y ? "/" + ThaiDates.ToBuddhistYear(y) : "")} ในปฏิทิน กรุณาแก้ไขข้อความครับ");
                return null;
            default:
                warnings.Add($"ไม่พบวันที่ในรายงาน จึงใช้วันที่ส่งข้อความ ({ThaiDates.Short(today)})");
                return today;
        }
    }

    private static DateOnly? Check(DateOnly date, DateOnly today, List<string> errors, List<string> warnings)
    {
        if (date > today.AddDays(1))
        {
            errors.Add($"อ่านได้ว่า {ThaiDates.Short(date)} ซึ่งยังมาไม่ถึง (ส่งเมื่อ {ThaiDates.Short(today)}) กรุณาตรวจสอบวันที่ครับ");
            return null;
        }

        var daysAgo = today.DayNumber - date.DayNumber;
        if (daysAgo > StaleDays || (date.Year != today.Year && daysAgo > 7))
        {
            var years = today.Year - date.Year;
            var how = years switch
            {
                1 => "ปีที่แล้ว",
                > 1 => $"{years} ปีก่อน",
                _ => $"{daysAgo} วันก่อน",
            };
            warnings.Add($"อ่านได้ว่า {ThaiDates.Short(date)} ({how}) — ถ้าไม่ใช่ กรุณาแก้ไขข้อความครับ");
        }

        return date;
    }

    /// <summary>A written date in CE; without a year, the latest date not after tomorrow (nearest before now).</summary>
    public static DateOnly? Resolve(WrittenDate written, DateOnly today)
    {
        if (written.IsRelative)
        {
            return RelativeDates.Resolve(written, today);
        }

        if (written.Month == 0)
        {
            // A day of the month alone: the latest such day not after tomorrow.
            var candidate = today.AddDays(1);
            for (var back = 0; back < 62; back++, candidate = candidate.AddDays(-1))
            {
                if (candidate.Day == written.Day)
                {
                    return candidate;
                }
            }

            return null;
        }

        if (written.Year is { } year)
        {
            // "25/11/26": a two-digit year is BE (69 → 2569), unless CE (2026) is the nearer reading.
            var asCe = 2000 + ((year + ThaiDates.BuddhistEraOffset) % 100);
            if (written.ShortYear && Math.Abs(today.Year - year) > 20 && Math.Abs(today.Year - asCe) <= 5)
            {
                year = asCe;
            }

            return written.Day <= DateTime.DaysInMonth(year, written.Month) ? new DateOnly(year, written.Month, written.Day) : null;
        }

        var limit = today.AddDays(1);
        for (var y = today.Year + 1; y >= today.Year - 4; y--)
        {
            if (written.Day <= DateTime.DaysInMonth(y, written.Month))
            {
                var candidate = new DateOnly(y, written.Month, written.Day);
                if (candidate <= limit)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
