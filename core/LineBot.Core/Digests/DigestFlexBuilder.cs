using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LineBot.Calendar;

namespace LineBot.Digests;

/// <summary>
/// The weekly digest as LINE Flex messages: a carousel with one bubble per district, split into pages of at most
/// 12 bubbles and 50 KB (LINE's carousel limits), each page a complete message with its own altText. When a page
/// would be too big, bubbles drop detail (fewer names and problems, shorter text) rather than districts: the full
/// lists are in the text digest and the export.
/// </summary>
internal static class DigestFlexBuilder
{
    public const int MaxBubblesPerCarousel = 12;
    public const int MaxBubbleBytes = 30_000;
    public const int MaxCarouselBytes = 50_000;
    public const int MaxAltTextLength = 1_500;

    // Headroom for the message envelope and altText around the carousel (altText ≤ 1,500 chars ≤ 4.5 KB).
    private const int CarouselBudget = MaxCarouselBytes - 1_000;

    private const string Green = "#1DB446";
    private const string Amber = "#F5A623";
    private const string Red = "#E0393E";
    private const string Grey = "#888888";
    private const string Track = "#E6E6E6";

    /// <summary>Detail levels, richest first.</summary>
    private static readonly Detail[] Levels =
    [
        new(12, 8, 200),
        new(10, 6, 140),
        new(8, 4, 100),
        new(6, 3, 70),
        new(4, 2, 50),
        new(3, 1, 40),
        new(0, 0, 0),
    ];

    private sealed record Detail(int Gaps, int Problems, int ProblemChars);

    /// <summary>
    /// The digest as one or more Flex messages ({type:"flex", altText, contents: carousel}). The whole province's
    /// carousel opens with a province card (<see cref="ProvinceCard"/>) and then one card per district; a digest
    /// narrowed to a district (<see cref="WeeklyDigest.OnlyDistrict"/>) is that district's card alone.
    /// </summary>
    public static IReadOnlyList<JsonObject> Build(WeeklyDigest digest)
    {
        var cards = new List<DistrictDigest?>();
        if (digest.OnlyDistrict is null)
        {
            cards.Add(null);
        }

        cards.AddRange(digest.Districts);
        if (cards.Count == 0)
        {
            cards.Add(digest.Province);
        }

        var pageCount = (cards.Count + MaxBubblesPerCarousel - 1) / MaxBubblesPerCarousel;
        var messages = new List<JsonObject>(pageCount);
        for (var page = 0; page < pageCount; page++)
        {
            var slice = cards.Skip(page * MaxBubblesPerCarousel).Take(MaxBubblesPerCarousel).ToList();
            var perBubble = Math.Min(MaxBubbleBytes, CarouselBudget / slice.Count);
            var bubbles = new JsonArray();
            foreach (var card in slice)
            {
                bubbles.Add(card is null ? ProvinceCard(digest) : FittedBubble(digest, card, perBubble));
            }

            messages.Add(new JsonObject
            {
                ["type"] = "flex",
                ["altText"] = AltText(digest, page, pageCount),
                ["contents"] = new JsonObject { ["type"] = "carousel", ["contents"] = bubbles },
            });
        }

        return messages;
    }

    /// <summary>
    /// A plain summary that stands on its own (notifications, old clients): the reader's own numbers first (the
    /// province, or their district when the digest is narrowed to it, then a true province line), and the
    /// districts most behind.
    /// </summary>
    public static string AltText(WeeklyDigest digest, int page = 0, int pageCount = 1)
    {
        var p = digest.Province;
        var whole = digest.WholeProvince ?? digest.Province;
        var text = new StringBuilder();
        text.Append("สรุปรายงาน นพต. ").Append(ThaiDates.Week(digest.Week));
        if (pageCount > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $" (หน้า {page + 1}/{pageCount})");
        }

        if (!digest.IsComplete)
        {
            text.Append(" ถึง ").Append(ThaiDates.DayMonth(digest.CountedThrough));
        }

        if (digest.OnlyDistrict is { } district)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"อำเภอ{district}: ส่ง {p.ReceivedExpected}/{p.Expected} วัน ({Percent(p.Completion)}) · ขาด {p.Missing} วัน จาก {p.Gaps.Count} คน");
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"รับรอง {Percent(p.CertificationRate)} · ภาพ {p.Photos} · พิกัด {p.ReportersWithLocation}/{p.Registered} คน · ปัญหา {p.Problems.Count} เรื่อง");
            if (digest.WholeProvince is { } province)
            {
                text.Append('\n').Append(CultureInfo.InvariantCulture, $"ทั้งจังหวัด: ส่ง {province.ReceivedExpected}/{province.Expected} วัน ({Percent(province.Completion)})");
            }

            return Truncate(text.ToString(), MaxAltTextLength);
        }

        text.Append('\n').Append(CultureInfo.InvariantCulture, $"ทั้งจังหวัด: ส่ง {whole.ReceivedExpected}/{whole.Expected} วัน ({Percent(whole.Completion)}) · ขาด {whole.Missing} วัน จาก {whole.Gaps.Count} คน");
        text.Append('\n').Append(CultureInfo.InvariantCulture, $"รับรอง {Percent(whole.CertificationRate)} · ภาพ {whole.Photos} · พิกัด {whole.ReportersWithLocation}/{whole.Registered} คน · ปัญหา {whole.Problems.Count} เรื่อง");
        var behind = Behind(digest, 5);
        if (behind.Count > 0)
        {
            text.Append("\nอำเภอที่ยังขาดมาก: ");
            text.AppendJoin(", ", behind.Select(d => $"{d.District} {Percent(d.Completion)} (ขาด {d.Missing} วัน)"));
        }
        else
        {
            text.Append("\nทุกอำเภอส่งครบ");
        }

        return Truncate(text.ToString(), MaxAltTextLength);
    }

    /// <summary>The districts furthest behind (lowest completion, then most missing days).</summary>
    private static List<DistrictDigest> Behind(WeeklyDigest digest, int count) =>
        [.. digest.Districts.Where(d => d.Missing > 0).OrderBy(d => d.Completion).ThenByDescending(d => d.Missing).Take(count)];

    /// <summary>
    /// The province at a glance, first in the carousel: reporting rate with its bar, the districts most behind,
    /// how many problems and photos, and the days covered. Small by construction (at most five district lines).
    /// </summary>
    private static JsonObject ProvinceCard(WeeklyDigest digest)
    {
        var p = digest.Province;
        var body = new JsonArray
        {
            Text($"ส่งรายงาน {p.ReceivedExpected}/{p.Expected} วัน ({Percent(p.Completion)})", "sm", bold: true),
            ProgressBar(p.Completion, ColorOf(p.Completion)),
            Row("ผู้รายงาน", $"{p.Registered} คน ใน {digest.Districts.Count(d => d.Registered > 0)} อำเภอ"),
            Row("ขาดส่ง", $"{p.Missing} วัน จาก {p.Gaps.Count} คน"),
            Row("ปัญหา/อุปสรรค", $"{p.Problems.Count} เรื่อง"),
            Row("ภาพถ่าย", $"{p.Photos} ภาพ"),
            Row("ช่วงที่นับ", $"{ThaiDates.Range(digest.Week.Monday, digest.CountedThrough)} ({digest.WorkingDays} วันทำการ)"),
            Separator(),
        };
        var behind = Behind(digest, 5);
        if (behind.Count == 0)
        {
            body.Add(Text("ทุกอำเภอส่งครบ ขอบคุณครับ", "sm", color: Green));
        }
        else
        {
            body.Add(Text("อำเภอที่ยังขาดมาก", "sm", bold: true, color: Red));
            foreach (var d in behind)
            {
                body.Add(Row(d.District, $"{Percent(d.Completion)} (ขาด {d.Missing} วัน)"));
            }
        }

        return new JsonObject
        {
            ["type"] = "bubble",
            ["size"] = "mega",
            ["header"] = Box("vertical", [Text(WeeklyDigestCalculator.ProvinceName, "lg", bold: true), Text(Period(digest), "xs", color: Grey)]),
            ["body"] = Box("vertical", body, spacing: "sm"),
            ["footer"] = DigestButtons.Footer(null, digest.Week.Monday),
        };
    }

    private static string Period(WeeklyDigest digest) =>
        digest.IsComplete ? ThaiDates.Week(digest.Week) : ThaiDates.Week(digest.Week) + " (ถึง " + ThaiDates.DayMonth(digest.CountedThrough) + ")";

    private static string ColorOf(double completion) => completion >= 0.9 ? Green : completion >= 0.6 ? Amber : Red;

    private static JsonObject FittedBubble(WeeklyDigest digest, DistrictDigest district, int budget)
    {
        JsonObject bubble = null!;
        foreach (var level in Levels)
        {
            bubble = Bubble(digest, district, level);
            if (Size(bubble) <= budget)
            {
                return bubble;
            }
        }

        // Buttons go before numbers: a card too full for them keeps what it reports.
        bubble.Remove("footer");
        return bubble;
    }

    /// <summary>
    /// Serialised size with System.Text.Json's default escaping, where each Thai letter becomes a 6-byte \uXXXX:
    /// the worst case of how the LINE client may serialise, so a bubble that fits here fits however it is sent.
    /// </summary>
    public static int Size(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node).Length;

    private static JsonObject Bubble(WeeklyDigest digest, DistrictDigest d, Detail detail)
    {
        var period = Period(digest);
        var body = Numbers(d);
        body.Add(Separator());
        AddGaps(body, d, detail);
        AddProblems(body, d, detail);
        return new JsonObject
        {
            ["type"] = "bubble",
            ["size"] = "mega",
            ["header"] = Box("vertical", [Text(d.District, "lg", bold: true), Text(period, "xs", color: Grey)]),
            ["body"] = Box("vertical", body, spacing: "sm"),
            ["footer"] = DigestButtons.Footer(ReferenceEquals(d, digest.Province) ? null : d.District, digest.Week.Monday),
        };
    }

    /// <summary>The district's numbers: completion with its bar, reporters, certification, photos, sites.</summary>
    private static JsonArray Numbers(DistrictDigest d)
    {
        var color = ColorOf(d.Completion);
        var body = new JsonArray
        {
            Text($"ส่งรายงาน {d.ReceivedExpected}/{d.Expected} วัน ({Percent(d.Completion)})", "sm", bold: true),
            ProgressBar(d.Completion, color),
            Row("ผู้รายงาน", $"{d.Registered} คน"),
            Row("รับรองแล้ว", $"{Percent(d.CertificationRate)} ({d.Certified}/{d.Received})"),
            // Photos without a report are evidence too; a few characters say so (the map links go in the text digest and exports).
            Row("ภาพถ่าย", d.PhotosWithoutReport > 0 ? $"{d.Photos} ภาพ (ไม่มีรายงาน {d.PhotosWithoutReport})" : $"{d.Photos} ภาพ"),
            Row("มีพิกัด", $"{d.ReportersWithLocation}/{d.Registered} คน"),
        };
        if (d.ReceivedOnDaysOff > 0)
        {
            body.Add(Row("ส่งในวันหยุด/วันลา", $"{d.ReceivedOnDaysOff} วัน"));
        }

        return body;
    }

    /// <summary>Who is missing which days (as many names as the detail level allows), or thanks.</summary>
    private static void AddGaps(JsonArray body, DistrictDigest d, Detail detail)
    {
        if (d.Gaps.Count == 0)
        {
            body.Add(Text("ส่งครบทุกคน ขอบคุณครับ", "sm", color: Green));
            return;
        }

        body.Add(Text($"ยังขาดส่ง {d.Gaps.Count} คน", "sm", bold: true, color: Red));
        foreach (var gap in d.Gaps.Take(detail.Gaps))
        {
            body.Add(Text($"{gap.Name}: {string.Join(" ", gap.MissingDates.Select(ThaiDates.DayOfWeekAndDay))}", "xs", color: Grey));
        }

        if (d.Gaps.Count > detail.Gaps)
        {
            body.Add(Text($"และอีก {d.Gaps.Count - detail.Gaps} คน", "xs", color: Grey));
        }
    }

    /// <summary>The problems raised (as many, as long, as the detail level allows).</summary>
    private static void AddProblems(JsonArray body, DistrictDigest d, Detail detail)
    {
        if (d.Problems.Count == 0)
        {
            return;
        }

        body.Add(Separator());
        body.Add(Text($"ปัญหา/อุปสรรค {d.Problems.Count} เรื่อง", "sm", bold: true));
        foreach (var p in d.Problems.Take(detail.Problems))
        {
            body.Add(Text($"• {p.ReporterName} ({ThaiDates.DayMonth(p.Date)}): {Truncate(p.Text, detail.ProblemChars)}", "xs"));
        }

        if (d.Problems.Count > detail.Problems)
        {
            body.Add(Text($"และอีก {d.Problems.Count - detail.Problems} เรื่อง (ดูในสรุปแบบข้อความ)", "xs", color: Grey));
        }
    }

    // LINE's documented progress bar: a grey track box holding a coloured box whose width is the percentage.
    private static JsonObject ProgressBar(double fraction, string color)
    {
        var percent = (int)Math.Round(Math.Clamp(fraction, 0, 1) * 100, MidpointRounding.AwayFromZero);
        var fill = new JsonObject
        {
            ["type"] = "box",
            ["layout"] = "vertical",
            ["contents"] = new JsonArray(),
            ["width"] = $"{percent}%",
            ["height"] = "6px",
            ["backgroundColor"] = color,
        };
        return new JsonObject
        {
            ["type"] = "box",
            ["layout"] = "vertical",
            ["contents"] = new JsonArray { fill },
            ["height"] = "6px",
            ["backgroundColor"] = Track,
            ["cornerRadius"] = "3px",
        };
    }

    private static JsonObject Row(string label, string value) =>
        Box("baseline", [Text(label, "sm", color: Grey, flex: 3), Text(value, "sm", flex: 4, align: "end")]);

    private static JsonObject Box(string layout, JsonArray contents, string? spacing = null)
    {
        var box = new JsonObject { ["type"] = "box", ["layout"] = layout, ["contents"] = contents };
        if (spacing is not null)
        {
            box["spacing"] = spacing;
        }

        return box;
    }

    private static JsonObject Text(string text, string size, bool bold = false, string? color = null, int? flex = null, string? align = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text, ["size"] = size, ["wrap"] = true };
        if (bold)
        {
            node["weight"] = "bold";
        }

        if (color is not null)
        {
            node["color"] = color;
        }

        if (flex is not null)
        {
            node["flex"] = flex.Value;
        }

        if (align is not null)
        {
            node["align"] = align;
        }

        return node;
    }

    private static JsonObject Separator() => new() { ["type"] = "separator", ["margin"] = "md" };

    internal static string Percent(double fraction) =>
        ((int)Math.Round(fraction * 100, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>Cuts at a text-element boundary (Thai vowels and tone marks stay with their consonant) and adds "…".</summary>
    internal static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= 1)
        {
            return "…";
        }

        var cut = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var next = enumerator.ElementIndex + ((string)enumerator.Current).Length;
            if (next > max - 1)
            {
                break;
            }

            cut = next;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
