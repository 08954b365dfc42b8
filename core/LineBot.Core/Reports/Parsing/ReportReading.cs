using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

internal enum Header
{
    None,
    Report,
    Plan,
}

/// <summary>
/// The one pass over a message's lines: headers, labelled fields, and the lines under a list label until the
/// next label. What it finds is raw (as written); <see cref="ReportParser"/> resolves dates and names.
/// </summary>
internal sealed class ReportReading
{
    private enum Section
    {
        None,
        Activities,
        Problems,
        Plans,
        PendingDate,
        PendingReporter,
        PendingCertifier,
        PendingMonth,
    }

    private Section _section;
    private int _labels; // bit per LabelKind seen at the start of a line
    private List<string>? _activities;
    private List<string>? _problems;
    private List<string>? _plans;

    public Header Header { get; private set; }
    public bool DateFromHeader { get; private set; }
    public int LinesAfterHeader { get; private set; }
    public WrittenDate Date { get; private set; }
    public WrittenDate Month { get; private set; }
    public string? Reporter { get; private set; }
    public string? CertifiedBy { get; private set; }
    public WrittenSite Site { get; } = new();
    public IReadOnlyList<string> Activities => _activities ?? (IReadOnlyList<string>)[];
    public IReadOnlyList<string> Problems => _problems ?? (IReadOnlyList<string>)[];
    public IReadOnlyList<string> Plans => _plans ?? (IReadOnlyList<string>)[];

    /// <summary>Distinct report fields labelled at the start of a line (site and signature count once each).</summary>
    public int FieldLabelCount
    {
        get
        {
            var fields = _labels & ~((1 << (int)LabelKind.Ignored) | (1 << (int)LabelKind.Month) | (1 << (int)LabelKind.SiteLine) | (1 << (int)LabelKind.Signature));
            if ((_labels & ((1 << (int)LabelKind.SiteLine) | (1 << (int)LabelKind.Site))) != 0)
            {
                fields |= 1 << (int)LabelKind.Site;
            }

            if ((_labels & (1 << (int)LabelKind.Signature)) != 0)
            {
                fields |= 1 << (int)LabelKind.Certifier;
            }

            return System.Numerics.BitOperations.PopCount((uint)fields);
        }
    }

    public bool HasDateOrActivitiesLabel => (_labels & ((1 << (int)LabelKind.Date) | (1 << (int)LabelKind.Activities))) != 0;

    public void ReadLines(string text)
    {
        var index = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = TrimSpaces(raw);
            if (line.IsEmpty)
            {
                continue;
            }

            ReadLine(line, index);
            index++;
        }
    }

    private void ReadLine(ReadOnlySpan<char> line, int index)
    {
        var body = SkipDecorations(line);
        if (body.IsEmpty)
        {
            return;
        }

        if (Header != Header.None)
        {
            LinesAfterHeader++;
        }
        else if (index <= 1 && ReadHeader(line, body))
        {
            return;
        }

        var label = ReportLabels.Match(body);
        if (label.Found && !IsItemInList(label))
        {
            _labels |= 1 << (int)label.Kind;
            ReadLabel(label);
            return;
        }

        if (body.Contains("ผู้รับรอง", StringComparison.Ordinal))
        {
            // "นายทองใบ ใจดี ผู้รับรอง" at the foot of a list is the certification, not an item.
            _section = Section.None;
            ReadLooseLine(line, body, index);
            return;
        }

        if (_section is Section.Activities or Section.Problems or Section.Plans && IsSignOff(body))
        {
            // The reporter's own name (or "นพต. HLM") under the last list is a sign-off, not an item.
            _section = Section.None;
            ReadLooseLine(line, body, index);
            return;
        }

        switch (_section)
        {
            case Section.Activities:
                AddItem(ref _activities, line, none: false);
                return;
            case Section.Problems:
                AddItem(ref _problems, line, none: true);
                return;
            case Section.Plans:
                AddItem(ref _plans, line, none: true);
                return;
            case Section.PendingDate:
                _section = Section.None;
                SetDate(ReportDateReader.Find(body));
                return;
            case Section.PendingMonth:
                _section = Section.None;
                SetMonth(body);
                return;
            case Section.PendingReporter:
                _section = Section.None;
                Reporter ??= NameCleaner.Clean(body);
                return;
            case Section.PendingCertifier:
                _section = Section.None;
                CertifiedBy ??= NameCleaner.Clean(body);
                return;
        }

        ReadLooseLine(line, body, index);
    }

    /// <summary>Headers may follow one name line; "#รายงาน" needs its '#'. The header line may carry the date.</summary>
    private bool ReadHeader(ReadOnlySpan<char> line, ReadOnlySpan<char> body)
    {
        var end = ReportLabels.MatchHeader(body, ReportLabels.PlanHeaders);
        if (end >= 0)
        {
            Header = Header.Plan;
            SetMonth(body[end..]);
            return true;
        }

        end = ReportLabels.MatchHeader(body, ReportLabels.ReportHeaders);
        if (end < 0 && line[..(line.Length - body.Length)].Contains('#'))
        {
            end = ReportLabels.MatchText(body, "รายงาน");
            if (end < 0)
            {
                end = ReportLabels.MatchText(body, "report");
            }
        }

        if (end < 0)
        {
            return false;
        }

        Header = Header.Report;
        var date = ReportDateReader.Find(body[end..]);
        if (date.Status != DateStatus.NotFound)
        {
            SetDate(date);
            DateFromHeader = true;
        }

        return true;
    }

    /// <summary>Inside a list, "กิจกรรมปลูกป่า" (same label, no ':') is an item, not a new section.</summary>
    private bool IsItemInList(LabelMatch label)
    {
        if (_section is not (Section.Activities or Section.Problems or Section.Plans))
        {
            return false;
        }

        var same = (label.Kind, _section) is (LabelKind.Activities, Section.Activities) or (LabelKind.Problems, Section.Problems) or (LabelKind.Plans, Section.Plans);
        if (same && !label.Separated && !label.Value.IsEmpty && IsThaiLetter(label.Value[0]))
        {
            return true;
        }

        // "วันที่ 5 จะมีประชุม" under the plans, once the report's own date is known.
        return label.Kind == LabelKind.Date && Date.Status != DateStatus.NotFound;
    }

    private void ReadLabel(LabelMatch label)
    {
        _section = Section.None;
        var value = label.Value;
        switch (label.Kind)
        {
            case LabelKind.Date:
                if (Date.Status == DateStatus.NotFound)
                {
                    var date = ReportDateReader.Find(value);
                    if (date.Status == DateStatus.NotFound && value.IsEmpty)
                    {
                        _section = Section.PendingDate;
                    }
                    else if (date.Status == DateStatus.NotFound)
                    {
                        // "วันที่ประชุมยังไม่แน่นอน": the word, not a date field.
                        _labels &= ~(1 << (int)LabelKind.Date);
                    }

                    SetDate(date);
                }

                break;
            case LabelKind.Reporter:
                if (value.IsEmpty)
                {
                    _section = Reporter is null ? Section.PendingReporter : Section.None;
                }
                else
                {
                    ReadNameAndSite(value);
                }

                break;
            case LabelKind.Site:
                SiteReader.Read(value, Site, allowBare: true);
                break;
            case LabelKind.SiteLine:
                SiteReader.Read(value, Site, allowBare: true);
                break;
            case LabelKind.Activities:
                _section = Section.Activities;
                AddItem(ref _activities, value, none: false);
                break;
            case LabelKind.Problems:
                _section = Section.Problems;
                AddItem(ref _problems, value, none: true);
                break;
            case LabelKind.Plans:
                _section = Section.Plans;
                AddItem(ref _plans, value, none: true);
                break;
            case LabelKind.Certifier:
                if (value.IsEmpty)
                {
                    _section = Section.PendingCertifier;
                }
                else
                {
                    CertifiedBy ??= NameCleaner.Clean(value);
                }

                break;
            case LabelKind.Signature:
                ReadSignature(value);
                break;
            case LabelKind.Month:
                if (Header == Header.Plan && Month.Status == DateStatus.NotFound)
                {
                    if (value.IsEmpty)
                    {
                        _section = Section.PendingMonth;
                    }
                    else
                    {
                        SetMonth(value);
                    }
                }

                break;
        }
    }

    /// <summary>"ลงชื่อ นายดำ มั่นคง ผู้รับรอง", "ลงชื่อ นายดำ (เจ้าของแปลง)", "ลงชื่อ .... ผู้รายงาน".</summary>
    private void ReadSignature(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            _section = Section.PendingCertifier;
            return;
        }

        var isReporter = value.Contains("ผู้รายงาน", StringComparison.Ordinal) || value.Contains("ผู้บันทึก", StringComparison.Ordinal)
            || value.Contains("นพต", StringComparison.Ordinal);
        var name = NameCleaner.Clean(value);
        if (isReporter && !value.Contains("ผู้รับรอง", StringComparison.Ordinal))
        {
            Reporter ??= name;
        }
        else if (name is not null && (Reporter is null || !NameCleaner.SameName(name, Reporter)))
        {
            CertifiedBy ??= name;
        }
        else if (name is null)
        {
            _section = Section.PendingCertifier;
        }
    }

    /// <summary>A line outside any list: a name line, a bare date line, a certification line, or a plan item.</summary>
    private void ReadLooseLine(ReadOnlySpan<char> line, ReadOnlySpan<char> body, int index)
    {
        if (body.Contains("ผู้รับรอง", StringComparison.Ordinal))
        {
            CertifiedBy ??= NameCleaner.Clean(body.ToString().Replace("ผู้รับรอง", " ", StringComparison.Ordinal));
            return;
        }

        if (Date.Status == DateStatus.NotFound && IsDigit(body[0]))
        {
            var date = ReportDateReader.Find(body);
            if (date.Status != DateStatus.NotFound)
            {
                SetDate(date);
                return;
            }
        }

        if (Reporter is null && body.Length < 80 && NameCleaner.HasTitle(body))
        {
            ReadNameAndSite(body);
            return;
        }

        if (body.StartsWith("นพต"))
        {
            // A sign-off "นพต. HLM ต.โสธร" under the name.
            SiteReader.Read(body, Site, allowBare: false);
        }

        if (Header == Header.Plan && LinesAfterHeader > 0)
        {
            // A plan is often just a numbered list under its header.
            AddItem(ref _plans, line, none: false);
        }
    }

    /// <summary>"ชื่อ นายเอ บี HLM ต.โสธร อ.เมือง": the name, and the site after it.</summary>
    private void ReadNameAndSite(ReadOnlySpan<char> value)
    {
        var cut = SiteReader.SiteStart(value);
        if (cut > 0)
        {
            SiteReader.Read(value[cut..], Site, allowBare: false);
            value = value[..cut];
        }

        Reporter ??= NameCleaner.Clean(value);
    }

    private bool IsSignOff(ReadOnlySpan<char> body)
    {
        if (body.StartsWith("นพต"))
        {
            return true;
        }

        if (Reporter is null || body.Length > 80 || !NameCleaner.HasTitle(body))
        {
            return false;
        }

        var cut = SiteReader.SiteStart(body);
        var name = NameCleaner.Clean(cut > 0 ? body[..cut] : body);
        return name is not null && NameCleaner.SameName(name, Reporter);
    }

    private void SetDate(WrittenDate date)
    {
        if (Date.Status == DateStatus.NotFound)
        {
            Date = date;
        }
    }

    private void SetMonth(ReadOnlySpan<char> text)
    {
        if (Month.Status == DateStatus.NotFound)
        {
            Month = ReportDateReader.FindMonth(text);
        }
    }

    private static void AddItem(ref List<string>? items, ReadOnlySpan<char> line, bool none)
    {
        var item = StripBullet(line);

        // "1.ขุดบ่อ 2.ปลูกผัก 3) ให้น้ำ" typed on one line: split at the next number in sequence.
        var number = BulletNumber(line);
        while (number > 0 && NextBullet(item, number + 1) is var (at, length) && at > 0)
        {
            AddOne(ref items, item[..at], none);
            item = item[(at + length)..];
            number++;
        }

        AddOne(ref items, item, none);
    }

    private static void AddOne(ref List<string>? items, ReadOnlySpan<char> item, bool none)
    {
        item = TrimTrailingPunctuation(item);
        if (item.IsEmpty || (none && IsNone(item)))
        {
            return;
        }

        (items ??= []).Add(CollapseSpaces(item));
    }

    /// <summary>The number of a "1." / "1)" bullet starting the line (after decorations), or 0.</summary>
    private static int BulletNumber(ReadOnlySpan<char> line)
    {
        line = SkipDecorations(line);
        var value = 0;
        var i = 0;
        while (i < line.Length && i < 2 && Digit(line[i]) is var d && d >= 0)
        {
            value = (value * 10) + d;
            i++;
        }

        return i > 0 && i < line.Length && line[i] is '.' or ')' && (i + 1 == line.Length || !IsDigit(line[i + 1])) ? value : 0;
    }

    /// <summary>Where " N." or " N)" starts in the item (the index after the space) and its length, or (-1, 0).</summary>
    private static (int At, int Length) NextBullet(ReadOnlySpan<char> item, int number)
    {
        for (var j = 1; j < item.Length; j++)
        {
            if (!IsSpace(item[j - 1]) || !IsDigit(item[j]))
            {
                continue;
            }

            var value = 0;
            var k = j;
            while (k < item.Length && k - j < 2 && Digit(item[k]) is var d && d >= 0)
            {
                value = (value * 10) + d;
                k++;
            }

            if (value == number && k < item.Length && item[k] is '.' or ')' && (k + 1 == item.Length || !IsDigit(item[k + 1])))
            {
                return (j, k + 1 - j);
            }
        }

        return (-1, 0);
    }

    /// <summary>"ไม่มี", "-", "ไม่พบปัญหา", "ไม่มีปัญหาครับ", "ไม่มีอุปสรรค": nothing to report.</summary>
    private static bool IsNone(ReadOnlySpan<char> item)
    {
        item = TrimSpaces(item);
        foreach (var particle in Particles)
        {
            if (item.EndsWith(particle, StringComparison.Ordinal) && item.Length > particle.Length)
            {
                item = TrimSpaces(item[..^particle.Length]);
                break;
            }
        }

        return item.IsEmpty || item is "-" or "ไม่มี" or "ไม่มีค่ะ" or "ปกติ" or "ไม่มีปัญหา" or "ไม่มีปัญหาอุปสรรค" or "ไม่มีอุปสรรค" or "ไม่มีปัญหาใดๆ" or "ไม่มีปัญหาใด ๆ" or "ไม่มีปัญหาและอุปสรรค" or "ไม่มีปัญหา/อุปสรรค" or "none" or "ไม่มีปัญหาอะไร"
            || item.StartsWith("ไม่พบ", StringComparison.Ordinal)
            || item.StartsWith("ไม่มีปัญหา", StringComparison.Ordinal) && item.Length <= 24
            || item.StartsWith("ยังไม่พบ", StringComparison.Ordinal);
    }

    private static readonly string[] Particles = ["ครับผม", "ครับ", "ค่ะ", "คะ", "นะคะ", "จ้า", "จ้ะ", "ค่า"];
}
