namespace LineBot.Tests.Reports.Parsing;

/// <summary>
/// Issue 14's categories, one or more cases each: labels in other clothes, dates as people write them, paper-form
/// layouts, places, quick phone reports, and chatter that must stay silent. Now is Wednesday 25 Nov 2026 18:00.
/// </summary>
public static class FieldDetectionCases
{
    public static readonly ParserCase[] All =
    [
        // ---- Labels in other clothes ---------------------------------------------------------------------
        new("emoji as every label", "📅 24 พ.ย. 69\n🙋‍♀️ นางสาวสมศรี ใจดี\n📍 HLM ต.บางพระ อ.เมือง\n✅ ขุดบ่อ\n✅ ปลูกผัก\n⚠️ ฝนตกหนัก\n✍️ นายดำ มั่นคง")
        {
            Date = "2026-11-24", Reporter = "นางสาวสมศรี ใจดี", Type = "HLM", District = "เมืองฉะเชิงเทรา", Sub = "บางพระ",
            Acts = ["ขุดบ่อ", "ปลูกผัก"], Probs = ["ฝนตกหนัก"], Cert = "นายดำ มั่นคง",
        },
        new("the whole report labelled in English", "Date: 24/11/2569\nName: นายสมชาย ใจดี\nSite: CLM\nSub-district: บางสวน\nDistrict: บางคล้า\nActivities:\n- ประชุมกลุ่ม\n- ตรวจระบบน้ำ\nPlan: ติดตามผล\nCertified by: นางมาลี ศรีสุข")
        {
            Date = "2026-11-24", Reporter = "นายสมชาย ใจดี", Type = "CLM", District = "บางคล้า", Sub = "บางสวน",
            Acts = ["ประชุมกลุ่ม", "ตรวจระบบน้ำ"], Plans = ["ติดตามผล"], Cert = "นางมาลี ศรีสุข",
        },
        new("labels on one line, values on the next", "รายงานประจำวัน\nวันที่\n24 พ.ย. 69\nชื่อ\nนางสาวซี ดีงาม\nพื้นที่:\nบ้านซ่อง พนมสารคาม\nกิจกรรม\n- ปลูกผัก\nผู้รับรอง\n(นายดำ มั่นคง)")
        {
            Date = "2026-11-24", Reporter = "นางสาวซี ดีงาม", District = "พนมสารคาม", Sub = "บ้านซ่อง", Acts = ["ปลูกผัก"], Cert = "นายดำ มั่นคง",
        },
        new("a list label with a qualifier is a label, not an item", "รายงานประจำวัน\nวันที่ 24 พ.ย. 69\nกิจกรรม: ขุดบ่อ\nแผนงานวันศุกร์\n- ปลูกผัก\nแผนงาน (สัปดาห์หน้า): ทำปุ๋ยหมัก")
        {
            Date = "2026-11-24", Acts = ["ขุดบ่อ"], Plans = ["ปลูกผัก", "ทำปุ๋ยหมัก"],
        },
        new("ผู้ปฏิบัติงาน names the worker", "วันที่ 24 พ.ย. 69\nผู้ปฏิบัติงาน นางวันดี สายบุญ\nกิจกรรม: เพาะกล้า")
        {
            Date = "2026-11-24", Reporter = "นางวันดี สายบุญ", Acts = ["เพาะกล้า"],
        },

        // ---- Dates people write -------------------------------------------------------------------------
        new("เมื่อวาน alone on a line", "รายงานประจำวัน\nเมื่อวาน\nชื่อ นายหนึ่ง สองสาม\nกิจกรรม ปลูกผัก") { Date = "2026-11-24", Reporter = "นายหนึ่ง สองสาม", Acts = ["ปลูกผัก"] },
        new("วันนี้ in the date label", "วันที่ วันนี้\nชื่อ นายหนึ่ง สองสาม\nกิจกรรม ปลูกผัก") { Date = "2026-11-25", Reporter = "นายหนึ่ง สองสาม", Acts = ["ปลูกผัก"] },
        new("เมื่อวาน just after midnight in Bangkok (still the 24th UTC)", "รายงานประจำวัน\nเมื่อวาน\nกิจกรรม ปลูกผัก")
        {
            Now = "2026-11-24T17:30:00Z", Date = "2026-11-24", Acts = ["ปลูกผัก"],
        },
        new("a weekday alone is the most recent such day, not the next", "รายงานประจำวัน\nวันศุกร์\nกิจกรรม ปลูกผัก") { Date = "2026-11-20", Acts = ["ปลูกผัก"] },
        new("today's weekday is today", "รายงานประจำวัน\nวันพุธ\nกิจกรรม ปลูกผัก") { Date = "2026-11-25", Acts = ["ปลูกผัก"] },
        new("compact date, no spaces or dots", "รายงานประจำวัน\nวันที่24พย69\nกิจกรรม ปลูกผัก") { Date = "2026-11-24", Acts = ["ปลูกผัก"] },
        new("compact date with dots and a 4-digit year", "รายงานประจำวัน\n24พ.ย.2569\nกิจกรรม ปลูกผัก") { Date = "2026-11-24", Acts = ["ปลูกผัก"] },
        new("dot between day and month", "รายงานประจำวัน\nวันที่ 24.พ.ย.69\nกิจกรรม ปลูกผัก") { Date = "2026-11-24", Acts = ["ปลูกผัก"] },
        new("the paper form's วันที่ … เดือน … พ.ศ. …", "รายงานประจำวัน\nวันที่ 24 เดือน พฤศจิกายน พ.ศ. 2569\nกิจกรรม ปลูกผัก") { Date = "2026-11-24", Acts = ["ปลูกผัก"] },
        new("d/m/y with a CE year, day first", "รายงานประจำวัน\nวันที่ 3/11/2026\nกิจกรรม ปลูกผัก") { Date = "2026-11-03", Acts = ["ปลูกผัก"], Warnings = ["อ่านได้ว่า 3 พ.ย. 2569"] },
        new("d/m/yy with a 2-digit CE year", "รายงานประจำวัน\nวันที่ 24/11/26\nกิจกรรม ปลูกผัก") { Date = "2026-11-24", Acts = ["ปลูกผัก"] },
        new("last year's Buddhist year is read but named in a warning", "รายงานประจำวัน\nวันที่ 1 ธ.ค. 2568\nกิจกรรม ปลูกผัก")
        {
            Now = "2026-12-05T18:00:00+07:00", Date = "2025-12-01", Acts = ["ปลูกผัก"], Warnings = ["อ่านได้ว่า 1 ธ.ค. 2568 (ปีที่แล้ว)"],
        },
        new("a future date is an error naming the date read", "รายงานประจำวัน\nวันที่ 28 พ.ย. 69\nกิจกรรม ปลูกผัก") { Acts = ["ปลูกผัก"], Errors = ["อ่านได้ว่า 28 พ.ย. 2569"] },

        // ---- Paper-form layouts -------------------------------------------------------------------------
        new("signature block: names in brackets under ลงชื่อ … ผู้ปฏิบัติงาน / เจ้าของพื้นที่", """
            แบบบันทึกการปฏิบัติงานประจำวัน
            วันที่ 24 พ.ย. 2569
            ผลการปฏิบัติงาน
            1. ขุดบ่อ
            ลงชื่อ ................................ ผู้ปฏิบัติงาน
                  (นางสาวกาญจนา ศรีสวัสดิ์)
            ลงชื่อ ................................ เจ้าของพื้นที่
                  (นายบุญมี ทองดี)
            """)
        {
            Date = "2026-11-24", Reporter = "นางสาวกาญจนา ศรีสวัสดิ์", Acts = ["ขุดบ่อ"], Cert = "นายบุญมี ทองดี",
        },
        new("signature block: role on the line after the name, position line", """
            รายงานประจำวัน
            วันที่ 24 พ.ย. 2569
            กิจกรรม
            - ขุดบ่อ
            ลงชื่อ.............................
            (นายดำ มั่นคง)
            เจ้าของแปลง
            ลงชื่อ.............................
            (นางสาวเอ บีซี)
            ตำแหน่ง นักพัฒนาพื้นที่ต้นแบบ
            """)
        {
            Date = "2026-11-24", Reporter = "นางสาวเอ บีซี", Acts = ["ขุดบ่อ"], Cert = "นายดำ มั่นคง",
        },
        new("the owner's line with the signing verb after the name", "รายงานประจำวัน\nวันที่ 24 พ.ย. 69\nกิจกรรม ขุดบ่อ\nเจ้าของแปลง นายบุญส่ง ทองมา ลงชื่อรับรอง")
        {
            Date = "2026-11-24", Acts = ["ขุดบ่อ"], Cert = "นายบุญส่ง ทองมา",
        },

        // ---- Places ---------------------------------------------------------------------------------------
        new("short spoken district names", "รายงานประจำวัน\nวันที่ 24 พ.ย. 69\nพื้นที่ HLM ต.ท่าถ่าน อ.พนม\nกิจกรรม ขุดบ่อ") { Date = "2026-11-24", Type = "HLM", District = "พนมสารคาม", Sub = "ท่าถ่าน", Acts = ["ขุดบ่อ"] },
        new("short district name without its suffix", "รายงานประจำวัน\nวันที่ 24 พ.ย. 69\nCLM ต.ลาดกระทิง อ.สนามชัย\nกิจกรรม ขุดบ่อ") { Date = "2026-11-24", Type = "CLM", District = "สนามชัยเขต", Sub = "ลาดกระทิง", Acts = ["ขุดบ่อ"] },
        new("the province's official abbreviation", "รายงานประจำวัน\nวันที่ 24 พ.ย. 69\nพื้นที่ HLM ต.บางพระ อ.เมือง จ.ฉช.\nกิจกรรม ขุดบ่อ") { Date = "2026-11-24", Type = "HLM", District = "เมืองฉะเชิงเทรา", Sub = "บางพระ", Acts = ["ขุดบ่อ"] },
        new("a blank template's CLM / HLM is not a site type", "รายงานการปฏิบัติงานประจำวัน\nวันที่: ............\nชื่อ: นาย/นาง/นางสาว ..................\nพื้นที่: CLM / HLM ต.............. อ..............\nกิจกรรม:\n1. ...\n2. ...")
        {
            Date = "2026-11-25", Errors = ["ไม่พบกิจกรรม"], Warnings = ["CLM / HLM", "ช่องว่างจากแบบฟอร์ม"],
        },

        // ---- Quick phone reports ---------------------------------------------------------------------------
        new("short header, dash lines, รับรอง with a title", "รายงานวันนี้ค่ะ\n- ขุดบ่อ\n- ปลูกผัก\nรับรอง นางสาวจันทร์เพ็ญ สว่างใจ")
        {
            Date = "2026-11-25", Acts = ["ขุดบ่อ", "ปลูกผัก"], Cert = "นางสาวจันทร์เพ็ญ สว่างใจ",
        },
        new("full header, dash lines with no activities label", "รายงานการปฏิบัติงานประจำวัน\nวันที่ 24 พ.ย. 69\nชื่อ นายเอก บุญมา\n- ขุดบ่อ\n- ปลูกผัก")
        {
            Date = "2026-11-24", Reporter = "นายเอก บุญมา", Acts = ["ขุดบ่อ", "ปลูกผัก"],
        },
        new("ส่งรายงาน header with a weekday and a name line carrying the site", "ส่งรายงานค่ะ วันอังคาร\nนางวันดี สายบุญ HLM ต.ก้อนแก้ว อ.คลองเขื่อน\n- เพาะกล้าพริก")
        {
            Date = "2026-11-24", Reporter = "นางวันดี สายบุญ", Type = "HLM", District = "คลองเขื่อน", Sub = "ก้อนแก้ว", Acts = ["เพาะกล้าพริก"],
        },

        // ---- Chatter that looks like a report stays silent ---------------------------------------------------
        new("leave request with date and name labels", "ลาป่วยค่ะ\nวันที่ 26 พ.ย. 69\nชื่อ นางสาวพรทิพย์ ใจซื่อ") { Kind = "other" },
        new("meeting notice with a date and an agenda list", "ประชุมประจำเดือน\nวันที่ 3 ธ.ค. 2569\nณ สำนักงานพัฒนาชุมชนอำเภอบ้านโพธิ์\n- แจ้งเพื่อทราบ\n- ติดตามงาน") { Kind = "other" },
        new("a question naming a site", "พี่คะ HLM ต.บางพระ ต้องถ่ายรูปกี่รูปคะ") { Kind = "other" },
        new("a date and a list from someone not registered", "24 พ.ย. 69\n- ขุดบ่อ\n- ปลูกผัก") { Kind = "other" },
    ];
}
