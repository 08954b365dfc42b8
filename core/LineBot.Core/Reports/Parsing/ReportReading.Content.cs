using static LineBot.Reports.Parsing.ParserText;

namespace LineBot.Reports.Parsing;

/// <summary>Lines under no label, recognised by what they hold.</summary>
internal sealed partial class ReportReading
{
    private void ReadLooseLine(ReadOnlySpan<char> line, ReadOnlySpan<char> body)
    {
        if (ReadCertificationLine(body) || ReadDateLine(body) || ReadNameLine(body) || ReadHeading(body))
        {
            return;
        }

        if (body.StartsWith("นพต"))
        {
            // A sign-off "นพต. HLM ต.โสธร" under the name.
            Note("พื้นที่", "บรรทัดลงท้าย นพต. พร้อมพื้นที่");
            ReadSite(body, allowBare: false);
            return;
        }

        if (Header == Header.Plan && LinesAfterHeader > 0)
        {
            // A plan is often just a numbered list under its header.
            Note("แผนงาน", "บรรทัดใต้หัวเรื่องแผนงานประจำเดือน");
            ReportItems.Add(ref _plans, line, none: false);
            return;
        }

        ReadUnlabelledLine(line, body);
    }

    /// <summary>"นายทองใบ ใจดี ผู้รับรอง", "รับรอง นางสาวเอ บี", "เจ้าของแปลง … ลงชื่อรับรอง".</summary>
    private bool ReadCertificationLine(ReadOnlySpan<char> body)
    {
        if (!ChatterSigns.IsCertification(body))
        {
            return false;
        }

        Note("ผู้รับรอง", "ชื่อพร้อมคำว่ารับรอง หรือบทบาทเจ้าของแปลง");
        SetCertifier(NameCleaner.Clean(body), needsName: true);
        return true;
    }

    /// <summary>A line that is a date ("24 พ.ย. 69", "๒๔/๑๑/๖๙") or a relative day alone ("เมื่อวาน", "วันจันทร์").</summary>
    private bool ReadDateLine(ReadOnlySpan<char> body)
    {
        if (_dateStrength >= DateStrength.Written)
        {
            return false;
        }

        if (IsDigit(body[0]))
        {
            var date = ReportDateReader.Find(body);
            if (date.Status != DateStatus.NotFound)
            {
                Note("วันที่", "บรรทัดขึ้นต้นด้วยวันที่");
                SetDate(date, DateStrength.Written);
                Signal(FieldSignal.Date);
                return true;
            }
        }

        return ReadRelativeDay(body);
    }

    /// <summary>"เมื่อวาน", "วันจันทร์", "วันนี้ค่ะ" as a whole line: the most recent such day.</summary>
    private bool ReadRelativeDay(ReadOnlySpan<char> body)
    {
        if (_dateStrength >= DateStrength.Relative)
        {
            return false;
        }

        var relative = RelativeDates.Find(body, whole: true);
        if (relative.Status == DateStatus.NotFound)
        {
            return false;
        }

        Note("วันที่", "คำบอกวัน (วันนี้/เมื่อวาน/ชื่อวัน) ทั้งบรรทัด");
        SetDate(relative, DateStrength.Relative);
        Signal(FieldSignal.Date);
        return true;
    }

    /// <summary>A titled name ("นางสาวเอ บี", "(นายเอ บี)") on its own line, perhaps with the site after it.</summary>
    private bool ReadNameLine(ReadOnlySpan<char> body)
    {
        body = NameCleaner.SkipPronoun(body);
        if (Reporter is not null || !NameCleaner.HasTitle(body.TrimStart('(')) || HasBullet(body))
        {
            return false;
        }

        var cut = SiteReader.SiteStart(body);
        if ((cut > 0 ? cut : body.Length) >= 60)
        {
            return false;
        }

        Note("ชื่อผู้รายงาน", "ชื่อมีคำนำหน้า (นาย/นาง/นางสาว) ทั้งบรรทัด");
        ReadNameAndSite(body);
        return true;
    }

    /// <summary>
    /// "สิ่งที่ทำวันนี้:", "ผลงาน:" (a list below) or "ทำอะไรบ้าง: ปลูกผัก" (the item after it): an unknown heading
    /// with ':' opens a list named by its words.
    /// </summary>
    private bool ReadHeading(ReadOnlySpan<char> body)
    {
        var trimmed = TrimSpaces(body);
        var colon = trimmed.IndexOfAny(':', '：');
        if (colon < 2 || colon > 30 || (colon < trimmed.Length - 1 && !ChatterSigns.HeadingNamesWork(trimmed[..colon]) && ChatterSigns.HeadingKind(trimmed[..colon]) == LabelKind.Activities))
        {
            return false;
        }

        var heading = trimmed[..colon];
        var kind = ChatterSigns.HeadingKind(heading);
        if (ChatterSigns.HeadingNamesWork(heading) || kind != LabelKind.Activities)
        {
            Signal(ListSignal(kind));
        }

        Note("หัวข้อรายการ", "ข้อความก่อน ':' บอกชนิดของรายการ");
        var value = trimmed[(colon + 1)..];
        switch (kind)
        {
            case LabelKind.Problems:
                _section = Section.Problems;
                ReportItems.Add(ref _problems, value, none: true);
                break;
            case LabelKind.Plans:
                _section = Section.Plans;
                ReportItems.Add(ref _plans, value, none: true);
                break;
            default:
                _section = Section.Activities;
                ReportItems.Add(ref _activities, value, none: false);
                break;
        }

        return true;
    }

    /// <summary>A bulleted line under no label (taken as an activity), a short place line, or plain text after a header.</summary>
    private void ReadUnlabelledLine(ReadOnlySpan<char> line, ReadOnlySpan<char> body)
    {
        if (_lineIndex <= 1 && _dateStrength < DateStrength.InPassing && ReportDateReader.Find(body) is { Status: not DateStatus.NotFound } inPassing)
        {
            // "บันทึกงานของวันที่ 18 พ.ย. 69": a date in the opening line, kept unless a date field follows.
            Note("วันที่ (ถ้าไม่มีหัวข้อวันที่)", "วันที่ในบรรทัดแรกของข้อความ");
            SetDate(inPassing, DateStrength.InPassing);
            return;
        }

        if (HasBullet(line))
        {
            Note("กิจกรรม (ถ้าไม่มีหัวข้อกิจกรรม)", "บรรทัดมีเครื่องหมายรายการ แต่ไม่อยู่ใต้หัวข้อใด");
            ReportItems.Add(ref _looseItems, line, none: false);
            return;
        }

        if (body.Length <= 40 && !body.ContainsAny(Digits) && body.Count(' ') <= 3)
        {
            (_siteCandidates ??= []).Add(body.ToString());
        }

        if (Header == Header.Report && LinesAfterHeader > 0 && !ChatterSigns.IsPleasantry(body))
        {
            Note("กิจกรรม (ถ้าไม่มีหัวข้อกิจกรรม)", "ข้อความใต้หัวเรื่องรายงาน ไม่มีหัวข้อ");
            ReportItems.Add(ref _looseText, line, none: false);
            return;
        }

        Note("ข้าม", "ไม่ตรงกับหัวข้อหรือรูปแบบข้อมูลใด");
    }

    /// <summary>"ชื่อ นายเอ บี HLM ต.โสธร อ.เมือง": the name, and the site after it.</summary>
    private void ReadNameAndSite(ReadOnlySpan<char> value)
    {
        var cut = SiteReader.SiteStart(value);
        if (cut > 0)
        {
            // Only names the gazetteer knows are taken from bare words ("HLM บางขวัญ เมือง").
            ReadSite(value[cut..], allowBare: true);
            value = value[..cut];
        }

        var name = NameCleaner.Clean(value);
        if (name is not null)
        {
            Reporter ??= name;
            Signal(FieldSignal.Reporter);
        }
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

    /// <summary>The first date wins, unless a stronger one follows: "รายงานวันนี้" then "วันเสาร์" then "25 พ.ย.".</summary>
    private void SetDate(WrittenDate date, DateStrength strength)
    {
        if (strength > _dateStrength)
        {
            Date = date;
            _dateStrength = strength;
        }
    }

    private void SetMonth(ReadOnlySpan<char> text)
    {
        if (Month.Status == DateStatus.NotFound)
        {
            Month = ReportDateReader.FindMonth(text);
        }
    }
}
