#!/usr/bin/env python3
"""Composes the report part of corpus.jsonl from hand-written parts (names, sites, activities, date forms,
label styles), with the expected reading of each message. Chatter comes from chatter.txt as written.
Run from this folder: python3 compose_reports.py > corpus.jsonl   (seeded: the output is stable)."""
import json, random
from datetime import date, timedelta

R = random.Random(14)
TH_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTH_FULL = ["มกราคม","กุมภาพันธ์","มีนาคม","เมษายน","พฤษภาคม","มิถุนายน","กรกฎาคม","สิงหาคม","กันยายน","ตุลาคม","พฤศจิกายน","ธันวาคม"]
MONTH_ABBR = ["ม.ค.","ก.พ.","มี.ค.","เม.ย.","พ.ค.","มิ.ย.","ก.ค.","ส.ค.","ก.ย.","ต.ค.","พ.ย.","ธ.ค."]
WEEKDAY = ["จันทร์","อังคาร","พุธ","พฤหัสบดี","ศุกร์","เสาร์","อาทิตย์"]
NOW = date(2026, 11, 25)  # a Wednesday; messages are sent at 18:00 Bangkok time

REPORTERS = ["นางสาวสมหญิง ใจงาม","นายสมชาย ใจดี","นางวันดี สายบุญ","นายประยุทธ ขยันดี","น.ส.กานดา มีสุข","นายอนันต์ สุขใจ","นางสุดา แก้วตา",
  "นายเอกชัย ป่าไม้","นางสาวปราณี ดวงดี","นายสมปอง ทองแท้","นางสาวอรทัย ใจเย็น","นายวิชัย รักนา","นางพรรณี ศรีเมือง","นายณัฐพล บุญมาก",
  "นางสาวจิราพร แสงดาว","นายธนวัฒน์ ทองคำ","นางสาวศิริพร คงดี","นายกิตติ ศักดิ์สิทธิ์","นางรัชนี พูลผล","นายบุญเลิศ ชัยชนะ"]
CERTIFIERS = ["นายดำ มั่นคง","นางมาลี ศรีสุข","นายบุญมี ทองดี","นางเพ็ญ ศรีงาม","นายทองคำ ดีมาก","นางสมพร ใจบุญ","นายสมศักดิ์ รักดี",
  "นางสาวจันทร์เพ็ญ สว่างใจ","นายบุญส่ง ทองมา","นางบัวผัน นาคสวัสดิ์"]
# (sub-district, canonical district, ways the district is written)
SITES = [("บางพระ","เมืองฉะเชิงเทรา",["เมือง","เมืองฉะเชิงเทรา","เมืองฯ"]),("โสธร","เมืองฉะเชิงเทรา",["เมือง"]),("คลองนา","เมืองฉะเชิงเทรา",["เมือง"]),
  ("บางสวน","บางคล้า",["บางคล้า"]),("ปากน้ำ","บางคล้า",["บางคล้า"]),("โยธะกา","บางน้ำเปรี้ยว",["บางน้ำเปรี้ยว"]),("ศาลาแดง","บางน้ำเปรี้ยว",["บางน้ำเปรี้ยว"]),
  ("ท่าสะอ้าน","บางปะกง",["บางปะกง"]),("หอมศีล","บางปะกง",["บางปะกง"]),("เทพราช","บ้านโพธิ์",["บ้านโพธิ์"]),("หนองบัว","บ้านโพธิ์",["บ้านโพธิ์"]),
  ("เกาะขนุน","พนมสารคาม",["พนมสารคาม","พนม"]),("ท่าถ่าน","พนมสารคาม",["พนมสารคาม","พนม"]),("ดงน้อย","ราชสาส์น",["ราชสาส์น"]),
  ("ทุ่งพระยา","สนามชัยเขต",["สนามชัยเขต","สนามชัย"]),("ลาดกระทิง","สนามชัยเขต",["สนามชัย"]),("หัวสำโรง","แปลงยาว",["แปลงยาว"]),
  ("คลองตะเกรา","ท่าตะเกียบ",["ท่าตะเกียบ"]),("ก้อนแก้ว","คลองเขื่อน",["คลองเขื่อน"]),("บางเล่า","คลองเขื่อน",["คลองเขื่อน"])]
ACTS = ["ขุดคลองไส้ไก่","ปลูกผักสวนครัว","ให้อาหารปลา","ทำปุ๋ยหมักชีวภาพ","เลี้ยงไก่ไข่","ปลูกหญ้าแฝกรอบขอบบ่อ","เก็บผักบุ้งขาย","ตัดหญ้ารอบแปลง",
  "ห่มดินด้วยฟาง","เพาะกล้าพริก","ซ่อมท่อน้ำ","ประชุมคณะกรรมการศูนย์เรียนรู้","อบรมการทำน้ำหมักให้ชาวบ้าน 20 คน","ปลูกกล้วย 30 ต้น","ทำคันนาทองคำ",
  "ขุดหลุมปลูกไม้ผล","รดน้ำแปลงผัก","ปล่อยพันธุ์ปลานิล 500 ตัว","ทำแปลงเพาะเห็ดฟาง","สอนเผาถ่านที่ฐานเรียนรู้คนมีไฟ"]
PROBS = ["ปั๊มน้ำเสีย รอช่างซ่อม","ฝนตกหนัก ทำงานไม่ได้ครึ่งวัน","ดินแข็ง ขุดยาก","น้ำท่วมขังในแปลง","ต้นกล้าเสียหายจากแมลง"]
PLANS = ["ปลูกกล้วย","ติดตามการซ่อมปั๊มน้ำ","รดน้ำต้นไม้","ไปประชุมที่อำเภอ","ใส่ปุ๋ยแปลงผัก","ทำความสะอาดบ่อปลา"]

def be(y): return y + 543

def date_text(d, form):
    """A date as people write it; returns the text."""
    dd, mm, yy = d.day, d.month, d.year
    return {
        "abbr2": f"{dd} {MONTH_ABBR[mm-1]} {be(yy)%100}",
        "abbr4": f"{dd} {MONTH_ABBR[mm-1]} {be(yy)}",
        "full": f"{dd} {MONTH_FULL[mm-1]} {be(yy)}",
        "thaidigits": f"{dd} {MONTH_ABBR[mm-1]} {be(yy)%100}".translate(TH_DIGITS),
        "slashBE": f"{dd}/{mm}/{be(yy)}",
        "slashBE2": f"{dd:02d}/{mm:02d}/{be(yy)%100}",
        "dashBE": f"{dd}-{mm}-{be(yy)}",
        "slashCE": f"{dd}/{mm}/{yy}",
        "compact": f"{dd}{MONTH_ABBR[mm-1].replace('.','')}{be(yy)%100}",
        "compactdots": f"{dd}{MONTH_ABBR[mm-1]}{be(yy)}",
        "dotted": f"{dd}.{MONTH_ABBR[mm-1]}{be(yy)%100}",
        "paper": f"{dd} เดือน {MONTH_FULL[mm-1]} พ.ศ. {be(yy)}",
        "weekday": f"วัน{WEEKDAY[d.weekday()]}ที่ {dd} {MONTH_ABBR[mm-1]} {be(yy)%100}",
        "nodots": f"{dd} {MONTH_ABBR[mm-1].replace('.','')} {be(yy)%100}",
    }[form]

DATE_FORMS = ["abbr2","abbr4","full","thaidigits","slashBE","slashBE2","dashBE","slashCE","compact","compactdots","dotted","paper","weekday","nodots"]

def pick_date():
    """(text, expected ISO date, warning substring or None)."""
    r = R.random()
    if r < 0.12:
        word, back = R.choice([("วันนี้", 0), ("เมื่อวาน", 1), ("เมื่อวานนี้", 1), ("เมื่อวานซืน", 2)])
        return word, (NOW - timedelta(days=back)).isoformat(), None
    if r < 0.2:
        back = R.randint(0, 6)
        d = NOW - timedelta(days=back)
        return "วัน" + WEEKDAY[d.weekday()], d.isoformat(), None
    if r < 0.25:
        d = date(2025, R.choice([11, 12]), R.randint(1, 28))
        return date_text(d, R.choice(["abbr4", "full", "slashBE"])), d.isoformat(), "ปีที่แล้ว"
    d = NOW - timedelta(days=R.randint(0, 5))
    return date_text(d, R.choice(DATE_FORMS)), d.isoformat(), None

def site_text(style, typ, sub, dist_written, province):
    prov = {"none": "", "full": " จ.ฉะเชิงเทรา", "abbr": " จ.ฉช.", "word": " จังหวัดฉะเชิงเทรา"}[province]
    typ_text = {"HLM": R.choice(["HLM", "hlm", "Hlm", "ครัวเรือนต้นแบบ", "HLM ครัวเรือนต้นแบบ"]), "CLM": R.choice(["CLM", "clm", "ศูนย์เรียนรู้", "CLM ชุมชนต้นแบบ", "ระดับตำบล"])}[typ]
    if R.random() < 0.3:
        return f"{typ_text} ตำบล{sub} อำเภอ{dist_written}{prov}"
    return f"{typ_text} ต.{sub} อ.{dist_written}{prov}"

def compose(i):
    style = R.choice(["thai", "thai", "thai", "emoji", "english", "paper", "quick", "nolabel"])
    reporter = R.choice(REPORTERS); cert = R.choice(CERTIFIERS)
    sub, dist, written = R.choice(SITES); dist_w = R.choice(written)
    typ = R.choice(["HLM", "CLM"])
    dtext, diso, dwarn = pick_date()
    acts = R.sample(ACTS, R.randint(1, 4))
    probs = R.sample(PROBS, R.randint(0, 1)) if R.random() < 0.5 else []
    plans = R.sample(PLANS, 1) if R.random() < 0.5 else []
    province = R.choice(["none", "none", "full", "abbr", "word"])
    has_cert = R.random() < 0.8
    has_site = R.random() < 0.9 or style == "english"
    lines = []
    exp = dict(kind="daily-report", date=diso, reporter=reporter, type=typ if has_site else None, district=dist if has_site else None,
               sub=sub if has_site else None, acts=acts, probs=probs, plans=plans, cert=cert if has_cert else None, errors=[])
    if dwarn: exp["warnings"] = [dwarn]
    site = site_text(style, typ, sub, dist_w, province)
    bullet = R.choice(["- ", "-", "• ", "* ", "num", "thainum", "✅ "])
    def items(xs):
        out = []
        for k, x in enumerate(xs):
            if bullet == "num": out.append(f"{k+1}. {x}")
            elif bullet == "thainum": out.append(f"{str(k+1).translate(TH_DIGITS)}) {x}")
            else: out.append(bullet + x)
        return out
    if style == "thai":
        lines.append(R.choice(["รายงานการปฏิบัติงานประจำวัน", "📝รายงานประจำวัน", "บันทึกการปฏิบัติงานประจำวัน", "#รายงาน", "รายงานผลการปฏิบัติงานประจำวัน", ""]))
        lines.append(R.choice(["วันที่ ", "วันที่: ", "ประจำวันที่ ", "วันที่ปฏิบัติงาน "]) + dtext)
        lines.append(R.choice(["ชื่อ ", "ชื่อ-สกุล: ", "ผู้รายงาน: ", "ชื่อผู้ปฏิบัติงาน ", "ผู้ปฏิบัติงาน "]) + reporter)
        if has_site: lines.append(R.choice(["พื้นที่ ", "พื้นที่: ", "สถานที่ปฏิบัติงาน ", ""]) + site)
        lines.append(R.choice(["กิจกรรม", "งานที่ทำวันนี้", "กิจกรรมที่ปฏิบัติ", "ผลการปฏิบัติงาน", "กิจกรรม:"])); lines += items(acts)
        if probs or R.random() < 0.5: lines.append(R.choice(["ปัญหา/อุปสรรค: ", "ปัญหา ", "ปัญหาอุปสรรค: "]) + (probs[0] if probs else R.choice(["ไม่มี", "-", "ไม่มีปัญหาค่ะ"])))
        if plans: lines.append(R.choice(["แผนงานพรุ่งนี้", "แผนงานวันถัดไป", "แผนงานวันศุกร์", "แผนงาน(พรุ่งนี้)", "แผนพรุ่งนี้"])); lines += ["- " + p for p in plans]
        if has_cert: lines.append(R.choice([f"ผู้รับรอง {cert}", f"ลงชื่อ {cert} (เจ้าของแปลง) ผู้รับรอง", f"รับรองโดย {cert}", f"ลงชื่อ ............ ผู้รับรอง\n({cert})", f"เจ้าของแปลง {cert} ลงชื่อรับรอง"]))
    elif style == "emoji":
        lines.append(R.choice(["🌾 รายงานประจำวัน 🌾", "", "🌱🌱🌱"]))
        lines.append("📅 " + dtext); lines.append(R.choice(["🙋 ", "🙋‍♀️ ", "👤 "]) + reporter)
        if has_site: lines.append("📍 " + site)
        lines += ["✅ " + a for a in acts]
        lines += ["⚠️ " + p for p in probs]
        lines += ["🔜 " + p for p in plans]
        if has_cert: lines.append("✍️ " + cert)
    elif style == "english":
        lines.append(R.choice(["Daily report", "DAILY REPORT", ""]))
        lines.append(R.choice(["Date: ", "date : "]) + dtext); lines.append(R.choice(["Name: ", "Reporter: "]) + reporter)
        lines.append("Site: " + typ); lines.append(R.choice(["Sub-district: ", "Subdistrict: ", "Tambon: "]) + sub); lines.append("District: " + dist_w)
        if province != "none": lines.append("Province: " + R.choice(["ฉะเชิงเทรา", "ฉช."]))
        lines.append(R.choice(["Activities:", "Activity:", "Work done:"])); lines += items(acts)
        if probs: lines.append("Problems: " + probs[0])
        if plans: lines.append(R.choice(["Plan: ", "Plan for tomorrow: ", "Next plan: "]) + plans[0])
        if has_cert: lines.append(R.choice(["Certified by: ", "Certifier: ", "Approved by: "]) + cert)
        exp["type"], exp["district"], exp["sub"] = typ, dist, sub
    elif style == "paper":
        lines.append("แบบบันทึกการปฏิบัติงานประจำวัน")
        lines.append("วันที่ " + (dtext if not dtext[0].isdigit() else date_text(date.fromisoformat(diso), "paper")))
        lines.append(R.choice(["ชื่อ ", "ผู้ปฏิบัติงาน "]) + reporter)
        if has_site: lines.append("พื้นที่ " + site)
        lines.append("ผลการปฏิบัติงาน"); lines += items(acts)
        if probs: lines.append("ปัญหา/อุปสรรค " + probs[0])
        if plans: lines.append("แผนการปฏิบัติงานวันถัดไป"); lines += ["- " + p for p in plans]
        lines.append("ลงชื่อ ................................ ผู้ปฏิบัติงาน"); lines.append(f"      ({reporter})")
        if R.random() < 0.5: lines.append("ตำแหน่ง นักพัฒนาพื้นที่ต้นแบบ")
        if has_cert: lines.append("ลงชื่อ ................................ " + R.choice(["เจ้าของพื้นที่", "เจ้าของแปลง", "ผู้รับรอง"])); lines.append(f"      ({cert})")
    elif style == "quick":
        lines.append(R.choice(["รายงานวันนี้ค่ะ", "รายงานวันนี้ครับ", "ส่งรายงานค่ะ", "รายงานค่ะ", "รายงานประจำวันค่ะ"]) + (" " + dtext if R.random() < 0.5 else ""))
        if not lines[0].endswith(dtext):
            lines.append(dtext)
        lines.append(reporter + (" " + site if has_site else ""))
        lines += ["- " + a for a in acts]
        exp["probs"], exp["plans"] = [], []
        if has_cert: lines.append(R.choice(["รับรอง ", "รับรอง: ", "ผู้รับรอง "]) + cert)
    else:  # nolabel: date line, name line, site line, labelled activities
        lines.append(dtext); lines.append(reporter)
        if has_site: lines.append(site)
        lines.append(R.choice(["กิจกรรม", "งานที่ทำ", "สิ่งที่ทำวันนี้:"])); lines += items(acts)
        if probs: lines.append("ปัญหา " + probs[0])
        if plans: lines.append("แผนงาน"); lines += ["- " + p for p in plans]
        if has_cert: lines.append(f"{cert} ผู้รับรอง")
    text = "\n".join(l for l in lines if l != "")
    # Copy-paste artefacts now and then: CRLF, zero-width spaces, trailing spaces, double spaces.
    noise = R.random()
    if noise < 0.08: text = text.replace("\n", "\r\n")
    elif noise < 0.14: text = text.replace("วันที่", "วัน\u200bที่").replace("ชื่อ", "\u200bชื่อ")
    elif noise < 0.2: text = "\n".join(l + "  " for l in text.split("\n"))
    exp["name"] = f"composed {i:03d} {style}"
    exp["text"] = text
    return exp

def main():
    out = []
    for i in range(300):
        out.append(compose(i))
    for n, line in enumerate(l for l in open("chatter.txt", encoding="utf-8").read().split("\n") if l and not l.startswith("#")):
        out.append(dict(name=f"chatter {n:03d}", text=line.replace("\\n", "\n"), kind="other"))
    for e in out:
        print(json.dumps(e, ensure_ascii=False))

main()
