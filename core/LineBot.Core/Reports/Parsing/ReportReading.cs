using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

internal enum Header
{
    None,
    Report,
    Plan,
}

/// <summary>
/// The one pass over a message's lines: headers, labelled fields, the lines under a list label until the next
/// label, and lines recognised by what they hold (a date, a titled name, a site phrase, a certification, a
/// bulleted list). What it finds is raw (as written); <see cref="ReportParser"/> resolves dates and names.
/// </summary>
internal sealed partial class ReportReading
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
        PendingSite,
        PendingSignature,
    }

    private enum DateStrength
    {
        None,
        HeaderWord,
        InPassing,
        Relative,
        Written,
    }

    private Section _section;
    private DateStrength _dateStrength;
    private FieldSignal _signals;
    private List<string>? _activities;
    private List<string>? _problems;
    private List<string>? _plans;
    private List<string>? _looseItems; // bulleted lines under no label
    private List<string>? _looseText; // plain lines after a report header, under no label
    private List<string>? _siteCandidates; // short bare lines that may be gazetteer names
    private string? _signature; // a signed name whose role (worker or owner) is not known yet
    private string _text = "";
    private int _lineStart;
    private int _lineLength;
    private int _lineIndex;

    /// <summary>When set, every decision is noted here (for <c>linebot parse --explain</c>).</summary>
    public List<LineNote>? Trace { get; init; }

    public Header Header { get; private set; }

    /// <summary>The header line carried an explicit date ("รายงานประจำวัน 24 พ.ย. 69").</summary>
    public bool DateFromHeader { get; private set; }

    /// <summary>The header was a short spoken one ("รายงานวันนี้", "ส่งรายงานค่ะ") rather than a form title.</summary>
    public bool ShortHeader { get; private set; }

    public int LinesAfterHeader { get; private set; }
    public WrittenDate Date { get; private set; }
    public WrittenDate Month { get; private set; }
    public string? Reporter { get; private set; }
    public string? CertifiedBy { get; private set; }
    public WrittenSite Site { get; } = new();
    public IReadOnlyList<string> Activities => _activities ?? (IReadOnlyList<string>)[];
    public IReadOnlyList<string> Problems => _problems ?? (IReadOnlyList<string>)[];
    public IReadOnlyList<string> Plans => _plans ?? (IReadOnlyList<string>)[];

    /// <summary>Short lines with no markers that may name the site ("บ้านซ่อง พนมสารคาม").</summary>
    public IReadOnlyList<string> SiteCandidates => _siteCandidates ?? (IReadOnlyList<string>)[];

    public FieldSignal Signals => _signals;

    /// <summary>Bulleted lines stood under no label and were taken as the activities.</summary>
    public bool ActivitiesFromLooseList { get; private set; }

    /// <summary>Labels whose value was left blank with dots or a placeholder: a copied template not filled in.</summary>
    public int BlankValues { get; private set; }

    /// <summary>The first line is a question, an announcement, a leave request or a forward.</summary>
    public bool ChatterOpening { get; private set; }

    public int SignalCount => System.Numerics.BitOperations.PopCount((uint)_signals);

    public void ReadLines(string text)
    {
        _text = text;
        var index = 0;
        var offset = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = TrimSpaces(raw);
            _lineStart = offset + LeadingSpaces(raw);
            _lineLength = line.Length;
            offset += raw.Length + 1;
            if (line.IsEmpty)
            {
                continue;
            }

            _lineIndex = index;
            if (index == 0)
            {
                ChatterOpening = ChatterSigns.IsChatterOpening(line);
            }

            ReadLine(line, index);
            index++;
        }

        Finish();
    }

    private void ReadLine(ReadOnlySpan<char> line, int index)
    {
        var body = SkipDecorations(line);
        if (body.IsEmpty)
        {
            Note("ข้าม", "มีแต่สัญลักษณ์");
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

        if (_section is not (Section.Activities or Section.Problems or Section.Plans) && ReadRelativeDay(body))
        {
            return;
        }

        var label = MatchLabel(line, body);
        if (label.Found && !IsItemInList(label))
        {
            ReadLabel(label);
            return;
        }

        if (!ReadInSection(line, body))
        {
            ReadLooseLine(line, body);
        }
    }

    /// <summary>A label word, else an emoji standing for one, else (outside a list) a label behind a "-" bullet.</summary>
    private LabelMatch MatchLabel(ReadOnlySpan<char> line, ReadOnlySpan<char> body)
    {
        var label = ReportLabels.Match(body);
        if (label.Found)
        {
            return label;
        }

        label = ReportLabels.MatchEmoji(line);
        if (label.Found || _section is Section.Activities or Section.Problems or Section.Plans || !HasBullet(line))
        {
            return label;
        }

        var bare = StripBullet(line);
        label = ReportLabels.Match(bare);

        // "- ขุดบ่อ" is an item; "- วันที่ 24 พ.ย." a field.
        return label.Found && label.Kind is not (LabelKind.Activities or LabelKind.Problems or LabelKind.Plans) ? label : default;
    }

    /// <summary>Inside a list, "กิจกรรมปลูกป่า" (same label, no ':') or another ✅ is an item, not a new section.</summary>
    private bool IsItemInList(LabelMatch label)
    {
        if (_section is not (Section.Activities or Section.Problems or Section.Plans))
        {
            return false;
        }

        var same = (label.Kind, _section) is (LabelKind.Activities, Section.Activities) or (LabelKind.Problems, Section.Problems) or (LabelKind.Plans, Section.Plans);

        // A check mark (✅ ☑️) in any list is a bullet; ⚠️ or 🔜 opens its own list.
        same |= label.Emoji && label.Kind == LabelKind.Activities;
        if (same && (label.Emoji || (!label.Separated && !label.Value.IsEmpty && IsThaiLetter(label.Value[0]))))
        {
            return true;
        }

        // "วันที่ 5 จะมีประชุม" under the plans, once the report's own date is known.
        return label.Kind == LabelKind.Date && Date.Status != DateStatus.NotFound;
    }

    /// <summary>A line inside a list or after a label that wants its value on the next line. False when it is neither.</summary>
    private bool ReadInSection(ReadOnlySpan<char> line, ReadOnlySpan<char> body)
    {
        if (_section == Section.None)
        {
            return false;
        }

        if (_section is Section.Activities or Section.Problems or Section.Plans && (ChatterSigns.IsCertification(body) || IsSignOff(body)))
        {
            // "นายทองใบ ใจดี ผู้รับรอง" or the reporter's own name at the foot of a list ends it.
            _section = Section.None;
            return false;
        }

        var section = _section;
        if (section is not (Section.Activities or Section.Problems or Section.Plans))
        {
            _section = Section.None;
        }

        if (section is Section.Activities or Section.Problems or Section.Plans && OpensAnotherList(body, section))
        {
            // "มีปัญหาอะไรไหม: ไม่มี" under the activities: a heading of another list, not an item.
            _section = Section.None;
            return false;
        }

        if (section is Section.Activities or Section.Problems or Section.Plans && ChatterSigns.IsClosing(body))
        {
            Note("ข้าม", "คำลงท้ายจดหมาย/คำขอบคุณ ไม่ใช่รายการ");
            return true;
        }

        switch (section)
        {
            case Section.Activities:
                Note("กิจกรรม", "อยู่ใต้หัวข้อกิจกรรม");
                ReportItems.Add(ref _activities, line, none: false);
                return true;
            case Section.Problems:
                Note("ปัญหา/อุปสรรค", "อยู่ใต้หัวข้อปัญหา");
                ReportItems.Add(ref _problems, line, none: true);
                return true;
            case Section.Plans:
                Note("แผนงาน", "อยู่ใต้หัวข้อแผนงาน");
                ReportItems.Add(ref _plans, line, none: true);
                return true;
            default:
                return ReadPendingValue(section, body);
        }
    }

    private static bool OpensAnotherList(ReadOnlySpan<char> body, Section section)
    {
        var colon = body.IndexOfAny(':', '：');
        if (colon is < 2 or > 30)
        {
            return false;
        }

        var kind = ChatterSigns.HeadingKind(body[..colon]);
        return (kind, section) is (LabelKind.Problems, not Section.Problems) or (LabelKind.Plans, not Section.Plans);
    }

    private bool ReadPendingValue(Section section, ReadOnlySpan<char> body)
    {
        switch (section)
        {
            case Section.PendingDate:
                return ReadDateValue(body, "บรรทัดถัดจากหัวข้อวันที่");
            case Section.PendingMonth:
                Note("เดือนของแผน", "บรรทัดถัดจากหัวข้อเดือน");
                SetMonth(body);
                return true;
            case Section.PendingReporter:
                Note("ชื่อผู้รายงาน", "บรรทัดถัดจากหัวข้อชื่อ");
                ReadNameAndSite(body);
                return true;
            case Section.PendingCertifier:
                Note("ผู้รับรอง", "บรรทัดถัดจากหัวข้อผู้รับรอง/ลงชื่อ");
                SetCertifier(NameCleaner.Clean(body));
                return true;
            case Section.PendingSite:
                Note("พื้นที่", "บรรทัดถัดจากหัวข้อพื้นที่");
                ReadSite(body, allowBare: true);
                return true;
            case Section.PendingSignature when NameCleaner.HasTitle(NameCleaner.Clean(body)):
                Note("ชื่อใต้ลายเซ็น", "ชื่อในวงเล็บใต้บรรทัดลงชื่อ รอดูว่าเป็นผู้ปฏิบัติงานหรือผู้รับรอง");
                _signature = NameCleaner.Clean(body);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Headers may follow one name line; "#รายงาน" needs its '#'. The header line may carry the date.</summary>
    private bool ReadHeader(ReadOnlySpan<char> line, ReadOnlySpan<char> body)
    {
        var end = ReportLabels.MatchHeader(body, ReportLabels.PlanHeaders);
        if (end >= 0)
        {
            Header = Header.Plan;
            Note("หัวเรื่องแผนงานประจำเดือน", "ขึ้นต้นด้วยชื่อแบบฟอร์มแผนงาน");
            SetMonth(body[end..]);
            return true;
        }

        end = ReportLabels.MatchHeader(body, ReportLabels.ReportHeaders);
        var hashed = line[..(line.Length - body.Length)].Contains('#');
        if (end < 0 && hashed)
        {
            end = Math.Max(ReportLabels.MatchText(body, "รายงาน"), ReportLabels.MatchText(body, "report"));
        }

        var isShort = false;
        if (end < 0 && ShortHeaders.Match(body, out var shortEnd))
        {
            end = shortEnd;
            isShort = true;
        }

        var lead = 0;
        if (end < 0 && !ReportLabels.Match(body).Found && ShortHeaders.FindInLine(body, out var at, out var inLineEnd, out var inLineShort))
        {
            // "สวัสดีค่ะ รายงานผลการปฏิบัติงาน…", "24-11-2569 รายงานค่ะ": a greeting or a date before the header.
            lead = at;
            end = at + inLineEnd;
            isShort = inLineShort;
        }

        if (end < 0 || ChatterSigns.IsQuestion(body))
        {
            return false;
        }

        Header = Header.Report;
        ShortHeader = isShort;
        Note("หัวเรื่องรายงาน", isShort ? "ขึ้นต้นแบบรายงานสั้น (รายงาน…/ส่งรายงาน…)" : "ขึ้นต้นด้วยชื่อแบบรายงานประจำวัน");
        ReadHeaderDate(lead > 0 ? body : body[end..]);
        ReadHeaderRest(body[end..]);
        return true;
    }

    /// <summary>"รายงานประจำวันของ นางสาวเอ บี", "รายงาน HLM ต.หอมศีล อ.บางปะกง": a name or a site after the header word.</summary>
    private void ReadHeaderRest(ReadOnlySpan<char> rest)
    {
        var title = NameCleaner.TitleAt(rest);
        if (title >= 0)
        {
            Note("ชื่อผู้รายงาน", "ชื่อมีคำนำหน้าในบรรทัดหัวเรื่อง");
            ReadNameAndSite(rest[title..]);
            return;
        }

        var site = SiteReader.SiteStart(rest);
        if (site >= 0 || SiteReader.SiteType(rest) is not null)
        {
            Note("พื้นที่", "CLM/HLM หรือ ต./อ. ในบรรทัดหัวเรื่อง");
            ReadSite(rest[Math.Max(site, 0)..], allowBare: false);
        }
    }

    private void ReadHeaderDate(ReadOnlySpan<char> rest)
    {
        var date = ReportDateReader.Find(rest);
        if (date.Status != DateStatus.NotFound)
        {
            SetDate(date, DateStrength.Written);
            DateFromHeader = true;
            Signal(FieldSignal.Date);
            return;
        }

        var inPassing = ReportDateReader.FindDayAfterWord(rest);
        if (inPassing.Status != DateStatus.NotFound)
        {
            SetDate(inPassing, DateStrength.InPassing);
        }

        // "รายงานวันนี้ค่ะ", "รายงานค่ะ วันอังคาร": the last day word in the header line.
        foreach (var range in rest.Split(' '))
        {
            // A run of spaces splits into empty words: nothing to read there.
            var word = rest[range];
            if (word.IsEmpty)
            {
                continue;
            }

            var relative = RelativeDates.Find(word, whole: true);
            if (relative.Status != DateStatus.NotFound)
            {
                _dateStrength = DateStrength.None;
                SetDate(relative, DateStrength.HeaderWord);
                Signal(FieldSignal.Date);
            }
        }
    }

    private void Finish()
    {
        if (_signature is not null)
        {
            // A signature with no role: the owner's, unless it is the reporter's own name.
            if (Reporter is null || !NameCleaner.SameName(_signature, Reporter))
            {
                SetCertifier(_signature);
            }

            _signature = null;
        }

        if (_activities is null && _looseItems is not null && Header != Header.Plan)
        {
            _activities = _looseItems;
            ActivitiesFromLooseList = true;
        }
        else if (_activities is null && _looseText is not null && Header == Header.Report)
        {
            _activities = _looseText;
            ActivitiesFromLooseList = true;
        }
    }

    private static int LeadingSpaces(ReadOnlySpan<char> raw)
    {
        var i = 0;
        while (i < raw.Length && IsSpace(raw[i]))
        {
            i++;
        }

        return i;
    }

    private void Signal(FieldSignal signal) => _signals |= signal;

    private void Note(string takenAs, string why)
    {
        Trace?.Add(new LineNote(_lineIndex + 1, _text.Substring(_lineStart, _lineLength), takenAs, why));
    }
}
