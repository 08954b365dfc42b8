using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

/// <summary>Reading a labelled line: one small step per kind of label.</summary>
internal sealed partial class ReportReading
{
    private void ReadLabel(LabelMatch label)
    {
        _section = Section.None;
        var value = label.Value;
        if (IsBlank(value))
        {
            ReadBlankLabel(label.Kind, value);
            return;
        }

        if (value.IsEmpty)
        {
            ReadEmptyLabel(label.Kind);
            return;
        }

        switch (label.Kind)
        {
            case LabelKind.Date:
                ReadDateLabel(value);
                break;
            case LabelKind.Reporter:
                ReadReporterLabel(label);
                break;
            case LabelKind.Site or LabelKind.SiteLine:
                ReadSiteLabel(value, label.Kind);
                break;
            case LabelKind.SubdistrictName or LabelKind.DistrictName or LabelKind.ProvinceName:
                ReadSitePartLabel(value, label.Kind);
                break;
            case LabelKind.Activities or LabelKind.Problems or LabelKind.Plans:
                ReadListLabel(label);
                break;
            case LabelKind.Certifier:
                ReadCertifierLabel(value);
                break;
            case LabelKind.Signature:
                ReadSignature(value);
                break;
            case LabelKind.Owner:
                ReadOwnerLabel(value);
                break;
            case LabelKind.Month:
                ReadMonthLabel(value);
                break;
            default:
                ReadIgnoredLabel(value);
                break;
        }
    }

    /// <summary>"ชื่อ: ....................", "พื้นที่: CLM / HLM ต.……": a copied template left unfilled.</summary>
    private void ReadBlankLabel(LabelKind kind, ReadOnlySpan<char> value)
    {
        BlankValues++;
        Note("ช่องว่างในแบบฟอร์ม", "หัวข้อมีแต่จุดหรือตัวเลือกให้กรอก");
        if (kind is LabelKind.Site or LabelKind.SiteLine)
        {
            SiteReader.Read(value, Site, allowBare: false);
            return;
        }

        ReadEmptyLabel(kind);
    }

    /// <summary>A label with nothing after it: its value is on the next line, or it names the role of a signature above.</summary>
    private void ReadEmptyLabel(LabelKind kind)
    {
        if (_signature is not null && kind is LabelKind.Reporter or LabelKind.Certifier or LabelKind.Owner)
        {
            AssignSignature(kind == LabelKind.Reporter);
            return;
        }

        _section = kind switch
        {
            LabelKind.Date => Section.PendingDate,
            LabelKind.Reporter when Reporter is null => Section.PendingReporter,
            LabelKind.Certifier => Section.PendingCertifier,
            LabelKind.Site => Section.PendingSite,
            LabelKind.Signature => Section.PendingSignature,
            LabelKind.Month when Header == Header.Plan => Section.PendingMonth,
            LabelKind.Activities => Section.Activities,
            LabelKind.Problems => Section.Problems,
            LabelKind.Plans => Section.Plans,
            _ => Section.None,
        };
        if (kind is LabelKind.Activities or LabelKind.Problems or LabelKind.Plans)
        {
            Signal(ListSignal(kind));
            Note("หัวข้อรายการ", "คำนำหน้ารายการ ตามด้วยรายการในบรรทัดถัดไป");
        }
        else
        {
            Note("หัวข้อ", "ไม่มีค่าในบรรทัดนี้ จึงอ่านบรรทัดถัดไป");
        }
    }

    private void ReadDateLabel(ReadOnlySpan<char> value)
    {
        if (_dateStrength == DateStrength.Written)
        {
            Note("ข้าม", "มีวันที่ของรายงานแล้ว");
            return;
        }

        if (!ReadDateValue(value, "หัวข้อวันที่"))
        {
            // "วันที่ประชุมยังไม่แน่นอน": the word, not a date field.
            Note("ข้าม", "คำว่าวันที่ แต่ไม่มีวันที่ที่อ่านได้");
        }
    }

    /// <summary>An explicit date, else a relative day ("เมื่อวาน", "วันจันทร์") making up the whole value.</summary>
    private bool ReadDateValue(ReadOnlySpan<char> value, string why)
    {
        var date = ReportDateReader.Find(value);
        var strength = DateStrength.Written;
        if (date.Status == DateStatus.NotFound)
        {
            date = RelativeDates.Find(value, whole: true);
            strength = DateStrength.Relative;
        }

        if (date.Status == DateStatus.NotFound)
        {
            return false;
        }

        Note("วันที่", why);
        SetDate(date, strength);
        Signal(FieldSignal.Date);
        return true;
    }

    private void ReadReporterLabel(LabelMatch label)
    {
        var value = label.Value;
        if (!label.Separated && !label.Emoji && IsThaiLetter(value[0]) && !NameCleaner.HasTitle(value))
        {
            // "ชื่อกลุ่มใหม่…": a sentence starting with the word, not a name field.
            ReadLooseLine(value, value);
            return;
        }

        Note("ชื่อผู้รายงาน", label.Emoji ? "สัญลักษณ์แทนหัวข้อชื่อ" : "หัวข้อชื่อ");
        ReadNameAndSite(value);
    }

    private void ReadSiteLabel(ReadOnlySpan<char> value, LabelKind kind)
    {
        Note("พื้นที่", kind == LabelKind.SiteLine ? "ขึ้นต้นด้วย CLM/HLM หรือ ต./อ./จ." : "หัวข้อพื้นที่");
        ReadSite(value, allowBare: true);
    }

    private void ReadSitePartLabel(ReadOnlySpan<char> value, LabelKind kind)
    {
        Note(kind switch { LabelKind.SubdistrictName => "ตำบล", LabelKind.DistrictName => "อำเภอ", _ => "จังหวัด" }, "หัวข้อภาษาอังกฤษ");
        var marker = kind switch { LabelKind.SubdistrictName => 'ต', LabelKind.DistrictName => 'อ', _ => 'จ' };
        SiteReader.ReadPart(value, Site, marker);
        Signal(FieldSignal.Site);
    }

    private void ReadListLabel(LabelMatch label)
    {
        var value = ReportItems.DropQualifier(label.Value, label.Separated);
        Note(label.Kind switch { LabelKind.Activities => "กิจกรรม", LabelKind.Problems => "ปัญหา/อุปสรรค", _ => "แผนงาน" },
            label.Emoji ? "สัญลักษณ์แทนหัวข้อรายการ" : "หัวข้อรายการ");

        // "กิจกรรมวันเด็ก" may be the name of an event: an item still, but not by itself a sign of a report.
        if (!(label.Glued && label.Kind == LabelKind.Activities && value.Length == label.Value.Length))
        {
            Signal(ListSignal(label.Kind));
        }

        switch (label.Kind)
        {
            case LabelKind.Activities:
                _section = Section.Activities;
                ReportItems.Add(ref _activities, value, none: false);
                break;
            case LabelKind.Problems:
                _section = Section.Problems;
                ReportItems.Add(ref _problems, value, none: true);
                break;
            default:
                _section = Section.Plans;
                ReportItems.Add(ref _plans, value, none: true);
                break;
        }
    }

    private void ReadCertifierLabel(ReadOnlySpan<char> value)
    {
        Note("ผู้รับรอง", "หัวข้อผู้รับรอง");
        SetCertifier(NameCleaner.Clean(value), needsName: value.Length > 0 && !NameCleaner.HasTitle(value) && value.Length < 8);
    }

    /// <summary>
    /// "เจ้าของแปลง นายดำ ลงชื่อรับรอง" certifies, and so does the owner named at the foot of the report (after a
    /// list); "เจ้าของแปลง นายดำ" among the header fields only names the owner.
    /// </summary>
    private void ReadOwnerLabel(ReadOnlySpan<char> value)
    {
        var atFoot = _activities is not null || _looseItems is not null || _looseText is not null;
        if (ChatterSigns.HasSigningVerb(value) || (atFoot && NameCleaner.HasTitle(value)))
        {
            Note("ผู้รับรอง", atFoot ? "เจ้าของแปลงลงท้ายรายงาน" : "เจ้าของแปลงพร้อมคำว่ารับรอง/ลงชื่อ");
            SetCertifier(NameCleaner.Clean(value), needsName: true);
            return;
        }

        Note("ข้าม", "ชื่อเจ้าของแปลงโดยไม่มีการรับรอง");
    }

    private void ReadMonthLabel(ReadOnlySpan<char> value)
    {
        if (Header == Header.Plan && Month.Status == DateStatus.NotFound)
        {
            Note("เดือนของแผน", "หัวข้อเดือน");
            SetMonth(value);
        }
    }

    /// <summary>Remarks, phone, position: not fields; a position line may say whose the signature above is.</summary>
    private void ReadIgnoredLabel(ReadOnlySpan<char> value)
    {
        if (_signature is not null && ChatterSigns.RoleOf(value) is { } isReporter)
        {
            Note("ตำแหน่งของผู้ลงชื่อ", isReporter ? "ตำแหน่งของผู้ปฏิบัติงาน" : "ตำแหน่งของเจ้าของพื้นที่");
            AssignSignature(isReporter);
            return;
        }

        Note("ข้าม", "หัวข้อที่ไม่ใช่ข้อมูลรายงาน (หมายเหตุ/โทร/ตำแหน่ง)");
    }

    /// <summary>"ลงชื่อ นายดำ มั่นคง ผู้รับรอง", "ลงชื่อ ...... ผู้ปฏิบัติงาน" then "(นางสาวเอ บี)", "ลงชื่อ .... ผู้รายงาน".</summary>
    private void ReadSignature(ReadOnlySpan<char> value)
    {
        var role = ChatterSigns.RoleOf(value);
        var name = NameCleaner.Clean(value);
        if (name is null)
        {
            _section = role switch { true => Section.PendingReporter, false => Section.PendingCertifier, _ => Section.PendingSignature };
            Note("บรรทัดลงชื่อ", "ชื่ออยู่บรรทัดถัดไป");
            return;
        }

        _signature = name;
        if (role is { } isReporter)
        {
            AssignSignature(isReporter);
        }

        Note("ลงชื่อ", role switch { true => "ลงชื่อผู้ปฏิบัติงาน", false => "ลงชื่อผู้รับรอง", _ => "ลงชื่อโดยไม่ระบุบทบาท" });
    }

    private void AssignSignature(bool isReporter)
    {
        if (isReporter)
        {
            Reporter ??= _signature;
            Signal(FieldSignal.Reporter);
        }
        else
        {
            SetCertifier(_signature);
        }

        _signature = null;
    }

    private void ReadSite(ReadOnlySpan<char> value, bool allowBare)
    {
        SiteReader.Read(value, Site, allowBare);
        if (Site.Any || Site.BothTypes)
        {
            Signal(FieldSignal.Site);
        }
    }

    /// <summary><paramref name="needsName"/>: found by content, so it must look like a name ("รับรองแล้วค่ะ" is not one).</summary>
    private void SetCertifier(string? name, bool needsName = false)
    {
        if (name is null || (needsName && !NameCleaner.HasTitle(name) && name.IndexOf(' ', StringComparison.Ordinal) < 0))
        {
            return;
        }

        CertifiedBy ??= name;
        Signal(FieldSignal.Certifier);
    }

    private static FieldSignal ListSignal(LabelKind kind) => kind switch
    {
        LabelKind.Activities => FieldSignal.Activities,
        LabelKind.Problems => FieldSignal.Problems,
        _ => FieldSignal.Plans,
    };

    /// <summary>A run of dots or underscores with nothing else, or a choice left open ("นาย/นาง/นางสาว").</summary>
    private static bool IsBlank(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        var dots = 0;
        foreach (var c in value)
        {
            if (c is '.' or '_' or '…')
            {
                dots++;
            }
            else if (!(c is '/' or '-' or '(' or ')' or ':' || IsSpace(c)))
            {
                return NameCleaner.IsPlaceholder(value);
            }
        }

        return dots >= 3;
    }
}
