# ruff: noqa: E501, RUF001, W293  (pages as people write them: long lines, look-alike dashes, Notion's blank lines)
"""The pages of the fifteenth round of unseen protest pages (`test_unseen_pages_fifteenth`),
in shapes the earlier rounds lack: a Romanian Google Docs "Web page" export (its <head> and
style sheet kept, bold given by a class of the sheet, "&nbsp;" and <br> inside paragraphs,
links through google.com/url); a Czech Squarespace page, each city an <h3> over its day in
<strong> and its meeting point, its signups button blocks; a Serbian (Latin) Notion export
with a callout in <aside>, a database table whose dates Notion writes in English ("June 12,
2027 6:00 PM (GMT+2)") and toggles of questions; a Turkish Facebook event's description, each
city a line "🔴 İSTANBUL" over "📅", "⏰", "📍" and "🔗" lines; a Traditional Chinese page of
Taiwan in a definition list, its year counted from the Republic ("民國116年") and its hours
"下午2點至5點" and "晚上7點"; a Japanese page dated in the Reiwa era ("令和9年6月12日（土）")
with one standing at "正午〜13時"; a Thai page in the Buddhist year ("2570") that lists Bangkok
twice (a morning rally, an evening candle vigil), with one time "เที่ยงตรง" (noon sharp) and
one "12.00 น."; a Polish Elementor page whose countdown widget says "Do marszu zostały 3
dni!" and "03 Dni 14 Godzin" (no day, no hour of any event); and a Hungarian Wix page whose
bold city names lead their paragraphs, one at "délben" (at noon), one "12 órától 14 óráig",
with one signup form for the whole page below them (the campaign's, no city's).

Written here for these tests; the places, links and groups are made up. `EXPECTED` lists
what a careful organizer imports from each page.
"""

from datetime import date, time

T = time
D = date
BUC, PRG, BEG, IST = "Europe/Bucharest", "Europe/Prague", "Europe/Belgrade", "Europe/Istanbul"
TPE, TYO, BKK = "Asia/Taipei", "Asia/Tokyo", "Asia/Bangkok"
WAW, BUD = "Europe/Warsaw", "Europe/Budapest"

# (city, country, day, starts, ends, zone, venue, signup, cancelled) of each page's events.
EXPECTED: dict[str, list[tuple]] = {
    "gdocs_ro.md": [
        ("Bucharest", "RO", D(2027, 6, 12), T(18), None, BUC, "Piața Victoriei",
         "https://forms.gle/ApaBucuresti", False),
        ("Cluj-Napoca", "RO", D(2027, 6, 12), T(17), T(19), BUC, "Piața Unirii", "", False),
        ("Timişoara", "RO", D(2027, 6, 12), T(18, 30), None, BUC, "Piața Victoriei",
         "https://forms.gle/ApaTimisoara", False),
        ("Iaşi", "RO", D(2027, 6, 12), T(12), None, BUC, "Piața Unirii", "", False),
    ],
    "squarespace_cs.md": [
        ("Prague", "CZ", D(2027, 6, 12), T(14), T(16), PRG,
         "Václavské náměstí, u sochy sv. Václava",
         "https://www.eventbrite.cz/e/pochod-praha-2027-7720", False),
        ("Brno", "CZ", D(2027, 6, 12), T(15), None, PRG, "náměstí Svobody", "", False),
        ("Ostrava", "CZ", D(2027, 6, 12), T(10), T(12), PRG, "Masarykovo náměstí", "", False),
        ("Pilsen", "CZ", D(2027, 6, 13), T(16), None, PRG, "náměstí Republiky",
         "https://www.eventbrite.cz/e/pochod-plzen-2027-7723", False),
    ],
    "notion_db_sr.md": [
        ("Belgrade", "RS", D(2027, 6, 12), T(18), None, BEG, "Trg Republike",
         "https://forms.gle/RekeBeograd", False),
        ("Novi Sad", "RS", D(2027, 6, 12), T(19), None, BEG, "Trg slobode", "", False),
        ("Niš", "RS", D(2027, 6, 12), T(18), T(20), BEG, "Trg kralja Milana",
         "https://forms.gle/RekeNis", False),
        ("Kragujevac", "RS", D(2027, 6, 13), T(11), None, BEG, "Đurđevo brdo", "", False),
    ],
    "facebook_tr.md": [
        ("Istanbul", "TR", D(2027, 6, 12), T(18), None, IST, "Kadıköy İskele Meydanı",
         "https://forms.gle/IklimIstanbul", False),
        ("Ankara", "TR", D(2027, 6, 12), T(17, 30), T(19, 30), IST, "Kuğulu Park",
         "https://forms.gle/IklimAnkara", False),
        ("İzmir", "TR", D(2027, 6, 12), T(19), None, IST, "Gündoğdu Meydanı", "", False),
        ("Eskişehir", "TR", D(2027, 6, 13), T(11), None, IST, "Adalar, Köprübaşı", "", False),
    ],
    "dl_zh_hant.md": [
        ("Taipei", "TW", D(2027, 6, 12), T(14), T(17), TPE, "凱達格蘭大道",
         "https://forms.gle/HushuiTaipei", False),
        ("Taichung", "TW", D(2027, 6, 12), T(15), None, TPE, "市民廣場", "", False),
        ("Kaohsiung", "TW", D(2027, 6, 12), T(14), T(16), TPE, "中央公園",
         "https://forms.gle/HushuiKaohsiung", False),
        ("Tainan", "TW", D(2027, 6, 12), T(19), None, TPE, "孔廟前", "", False),
    ],
    "reiwa_ja.md": [
        ("Sapporo", "JP", D(2027, 6, 12), T(12), T(13), TYO, "大通公園 西3丁目",
         "https://forms.gle/StandSapporo", False),
        ("Sendai", "JP", D(2027, 6, 12), T(14), T(15, 30), TYO, "勾当台公園 市民広場", "", False),
        ("Hiroshima", "JP", D(2027, 6, 13), T(10), None, TYO, "原爆ドーム前",
         "https://forms.gle/StandHiroshima", False),
        ("Fukuoka", "JP", D(2027, 6, 12), T(18), T(19), TYO, "天神 警固公園", "", False),
    ],
    "twice_th.md": [
        ("Bangkok", "TH", D(2027, 6, 12), T(9), None, BKK, "ลานคนเมือง",
         "https://forms.gle/RiverBkkMorning", False),
        ("Bangkok", "TH", D(2027, 6, 12), T(18, 30), T(20), BKK, "สะพานพระราม 8", "", False),
        ("Chiang Mai", "TH", D(2027, 6, 12), T(12), None, BKK, "ประตูท่าแพ", "", False),
        ("Khon Kaen", "TH", D(2027, 6, 12), T(12), None, BKK, "บึงแก่นนคร",
         "https://forms.gle/RiverKhonKaen", False),
    ],
    "countdown_pl.md": [
        ("Warsaw", "PL", D(2027, 6, 12), T(13), None, WAW, "plac Defilad",
         "https://forms.gle/MarszWarszawa", False),
        ("Kraków", "PL", D(2027, 6, 12), T(12), T(14), WAW, "Rynek Główny", "", False),
        ("Gdańsk", "PL", D(2027, 6, 12), T(15), None, WAW, "Targ Węglowy",
         "https://forms.gle/MarszGdansk", False),
        ("Wrocław", "PL", D(2027, 6, 12), T(14), None, WAW, "plac Solny", "", False),
    ],
    "wix_hu.md": [
        ("Budapest", "HU", D(2027, 6, 12), T(12), None, BUD, "Kossuth Lajos tér", "", False),
        ("Debrecen", "HU", D(2027, 6, 12), T(12), T(14), BUD, "Kossuth tér", "", False),
        ("Szeged", "HU", D(2027, 6, 12), T(17), None, BUD, "Dóm tér", "", False),
        ("Pécs", "HU", D(2027, 6, 12), T(18), None, BUD, "Széchenyi tér", "", False),
    ],
}  # fmt: skip


PAGES: dict[str, str] = {
    "gdocs_ro.md": """\
---
title: Marșul pentru apă – sâmbătă, 12 iunie 2027
date: 2027-05-21
---

<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">.c0{color:#000000;font-weight:400;font-size:11pt;font-family:"Arial"}.c1{font-weight:700}.c3{padding-top:0pt;padding-bottom:0pt;line-height:1.15}</style></head><body class="c5 doc-content">
<p class="c3"><span class="c0 c1" style="font-size:20pt">Marșul pentru apă – sâmbătă, 12 iunie 2027</span></p>
<p class="c3"><span class="c0">Ieșim în stradă în toată țara.&nbsp;Alege orașul tău:</span></p>
<p class="c3"><span class="c0 c1">București</span><span class="c0">&nbsp;– Piața Victoriei, ora 18:00<br>Înscriere: </span><span class="c0" style="color:#1155cc;text-decoration:underline"><a href="https://www.google.com/url?q=https://forms.gle/ApaBucuresti&amp;sa=D&amp;source=editors&amp;ust=1716201234567890&amp;usg=AOvVaw0abc">forms.gle/ApaBucuresti</a></span></p>
<p class="c3"><span class="c0 c1">Cluj-Napoca</span><span class="c0">&nbsp;– Piața Unirii, ora 17:00–19:00</span></p>
<p class="c3"><span class="c0 c1">Timișoara</span><span class="c0">&nbsp;– Piața Victoriei, ora 18:30<br>Înscriere: </span><span class="c0" style="color:#1155cc;text-decoration:underline"><a href="https://www.google.com/url?q=https://forms.gle/ApaTimisoara&amp;sa=D&amp;source=editors&amp;ust=1716201234567891&amp;usg=AOvVaw0abd">forms.gle/ApaTimisoara</a></span></p>
<p class="c3"><span class="c0 c1">Iași</span><span class="c0">&nbsp;– Piața Unirii, ora 12:00</span></p>
<p class="c3 c4"><span class="c0"></span></p>
<p class="c3"><span class="c0">Întrebări: apa@marsul.example.ro</span></p>
</body></html>
""",
    "squarespace_cs.md": """\
---
title: Pochod za čisté ovzduší 2027
date: 2027-05-14
---

<div class="sqs-layout sqs-grid-12 columns-12" data-type="page" id="page-6650a1b2c3d4e5f6a7b8c9d0">
<div class="row sqs-row"><div class="col sqs-col-12 span-12">
<div class="sqs-block html-block sqs-block-html" data-block-type="2" id="block-a1b2c3d4e5f6"><div class="sqs-block-content">
<div class="sqs-html-content">
<h1 style="white-space:pre-wrap;">Pochod za čisté ovzduší</h1>
<p class="" style="white-space:pre-wrap;">Přidej se k pochodu ve svém městě.</p>
<h3 style="white-space:pre-wrap;">Praha</h3>
<p class="" style="white-space:pre-wrap;"><strong>Sobota 12. června 2027</strong>, 14:00–16:00</p>
<p class="" style="white-space:pre-wrap;">Sraz: Václavské náměstí, u sochy sv. Václava</p>
</div></div></div>
<div class="sqs-block button-block sqs-block-button" data-block-type="53" id="block-b2c3d4e5f6a1"><div class="sqs-block-content"><div class="sqs-block-button-container sqs-block-button-container--left" data-animation-role="button" data-alignment="left" data-button-size="medium"><a href="https://www.eventbrite.cz/e/pochod-praha-2027-7720" class="sqs-block-button-element--medium sqs-button-element--primary sqs-block-button-element">Registrace</a></div></div></div>
<div class="sqs-block html-block sqs-block-html" data-block-type="2" id="block-c3d4e5f6a1b2"><div class="sqs-block-content">
<div class="sqs-html-content">
<h3 style="white-space:pre-wrap;">Brno</h3>
<p class="" style="white-space:pre-wrap;"><strong>Sobota 12. června 2027</strong>, 15:00</p>
<p class="" style="white-space:pre-wrap;">Sraz: náměstí Svobody</p>
<h3 style="white-space:pre-wrap;">Ostrava</h3>
<p class="" style="white-space:pre-wrap;"><strong>Sobota 12. června 2027</strong>, 10:00–12:00</p>
<p class="" style="white-space:pre-wrap;">Sraz: Masarykovo náměstí</p>
<h3 style="white-space:pre-wrap;">Plzeň</h3>
<p class="" style="white-space:pre-wrap;"><strong>Neděle 13. června 2027</strong>, 16:00</p>
<p class="" style="white-space:pre-wrap;">Sraz: náměstí Republiky</p>
</div></div></div>
<div class="sqs-block button-block sqs-block-button" data-block-type="53" id="block-d4e5f6a1b2c3"><div class="sqs-block-content"><div class="sqs-block-button-container sqs-block-button-container--left"><a href="https://www.eventbrite.cz/e/pochod-plzen-2027-7723" class="sqs-block-button-element--medium sqs-button-element--primary sqs-block-button-element">Registrace</a></div></div></div>
</div></div></div>
""",
    "notion_db_sr.md": """\
---
title: Dan akcije za reke – 12. jun 2027.
date: 2027-05-10
---

# Dan akcije za reke

<aside>
📢 Subota, 12. jun 2027. Izađi na ulice svog grada! Sve akcije su mirne.

</aside>

## Gradovi

| Grad | Date | Location | Sign up | Status |
| --- | --- | --- | --- | --- |
| Beograd | June 12, 2027 6:00 PM (GMT+2) | Trg Republike | https://forms.gle/RekeBeograd | Potvrđeno |
| Novi Sad | June 12, 2027 7:00 PM (GMT+2) | Trg slobode |  | Potvrđeno |
| Niš | June 12, 2027 6:00 PM → 8:00 PM (GMT+2) | Trg kralja Milana | https://forms.gle/RekeNis | Potvrđeno |
| Kragujevac | June 13, 2027 11:00 AM (GMT+2) | Đurđevo brdo |  | Potvrđeno |

## Često postavljana pitanja

- Šta da ponesem?
    
    Vodu, kapu i transparent. Ne nosi ništa opasno.
    
- Da li mogu da dovedem decu?
    
    Naravno. Okupljanje u 17:30 kod info-štanda, u 18:00 krećemo.
    

<aside>
💡 Pitanja? Piši nam na reke@akcija.example.rs

</aside>
""",
    "facebook_tr.md": """\
---
title: İklim için yürüyoruz! 12 Haziran 2027
date: 2027-05-28
---

İklim için yürüyoruz! 🌍✊

Bu cumartesi dört şehirde sokaktayız. Sen de gel, arkadaşlarını da getir! 👇

🔴 İSTANBUL
📅 12 Haziran 2027 Cumartesi
⏰ 18.00
📍 Kadıköy İskele Meydanı
🔗 https://forms.gle/IklimIstanbul

🔴 ANKARA
📅 12 Haziran 2027 Cumartesi
⏰ 17.30 – 19.30
📍 Kuğulu Park
🔗 https://forms.gle/IklimAnkara

🔴 İZMİR
📅 12 Haziran 2027 Cumartesi
⏰ 19.00
📍 Gündoğdu Meydanı

🔴 ESKİŞEHİR
📅 13 Haziran 2027 Pazar
⏰ 11.00
📍 Adalar, Köprübaşı

#iklimicinyuruyoruz #iklimadaleti #fridaysforfuture
""",
    "dl_zh_hant.md": """\
---
title: 民國116年6月12日 全台護水大遊行
date: 2027-05-20
---

<h1>全台護水大遊行｜民國116年6月12日（星期六）</h1>
<p>各地集合地點與時間如下，請事先報名：</p>
<dl>
<dt>台北</dt>
<dd>凱達格蘭大道・下午2點至5點</dd>
<dd>報名：<a href="https://forms.gle/HushuiTaipei">表單連結</a></dd>
<dt>台中</dt>
<dd>市民廣場・下午3點</dd>
<dt>高雄</dt>
<dd>中央公園・14:00–16:00</dd>
<dd>報名：<a href="https://forms.gle/HushuiKaohsiung">表單連結</a></dd>
<dt>台南</dt>
<dd>孔廟前・晚上7點</dd>
</dl>
<p>聯絡我們：hushui@example.org.tw</p>
""",
    "reiwa_ja.md": """\
---
title: 令和9年6月12日（土） 全国一斉スタンディング
date: 2027-05-22
---

# 全国一斉スタンディング 令和9年6月12日（土）

令和9年6月12日、全国の駅前で一斉にスタンディングを行います。

## 札幌

- 日時：令和9年6月12日（土）正午〜13時
- 場所：大通公園 西3丁目
- 申込：https://forms.gle/StandSapporo

## 仙台

- 日時：令和9年6月12日（土）14時〜15時30分
- 場所：勾当台公園 市民広場

## 広島

- 日時：令和9年6月13日（日）10時〜
- 場所：原爆ドーム前
- 申込：https://forms.gle/StandHiroshima

## 福岡

- 日時：令和9年6月12日（土）18時〜19時
- 場所：天神 警固公園

問い合わせ：standing@example.jp
""",
    "twice_th.md": """\
---
title: รวมพลังปกป้องแม่น้ำ – วันเสาร์ที่ 12 มิถุนายน 2570
date: 2027-05-25
---

# รวมพลังปกป้องแม่น้ำ วันเสาร์ที่ 12 มิถุนายน 2570

ร่วมกิจกรรมใกล้บ้านคุณ:

- **กรุงเทพฯ** (ชุมนุมตอนเช้า) – ลานคนเมือง เวลา 09.00 น. ลงทะเบียน: https://forms.gle/RiverBkkMorning
- **กรุงเทพฯ** (จุดเทียนตอนค่ำ) – สะพานพระราม 8 เวลา 18.30–20.00 น.
- **เชียงใหม่** – ประตูท่าแพ เวลาเที่ยงตรง
- **ขอนแก่น** – บึงแก่นนคร เวลา 12.00 น. ลงทะเบียน: https://forms.gle/RiverKhonKaen

แล้วพบกัน!
""",
    "countdown_pl.md": """\
---
title: Marsz dla Klimatu – 12 czerwca 2027
date: 2027-05-30
---

<section class="elementor-section elementor-top-section">
<div class="elementor-widget-container"><h2 class="elementor-heading-title elementor-size-default">Marsz dla Klimatu – sobota, 12 czerwca 2027</h2></div>
<div class="elementor-widget-container"><p>Do marszu zostały 3 dni!</p></div>
<div class="elementor-widget-container">
<div class="elementor-countdown-wrapper" data-date="1812272400">
<div class="elementor-countdown-item"><span class="elementor-countdown-digits elementor-countdown-days">03</span> <span class="elementor-countdown-label">Dni</span></div>
<div class="elementor-countdown-item"><span class="elementor-countdown-digits elementor-countdown-hours">14</span> <span class="elementor-countdown-label">Godzin</span></div>
<div class="elementor-countdown-item"><span class="elementor-countdown-digits elementor-countdown-minutes">22</span> <span class="elementor-countdown-label">Minut</span></div>
<div class="elementor-countdown-item"><span class="elementor-countdown-digits elementor-countdown-seconds">05</span> <span class="elementor-countdown-label">Sekund</span></div>
</div>
</div>
<div class="elementor-widget-container">
<ul>
<li><strong>Warszawa</strong> – plac Defilad, godz. 13:00. Zapisy: <a href="https://forms.gle/MarszWarszawa">formularz</a></li>
<li><strong>Kraków</strong> – Rynek Główny, godz. 12:00–14:00</li>
<li><strong>Gdańsk</strong> – Targ Węglowy, godz. 15:00. Zapisy: <a href="https://forms.gle/MarszGdansk">formularz</a></li>
<li><strong>Wrocław</strong> – plac Solny, godz. 14:00</li>
</ul>
</div>
</section>
""",
    "wix_hu.md": """\
---
title: Tüntetés a tiszta levegőért – 2027. június 12.
date: 2027-05-26
---

<div id="comp-lx8k2p1a" class="wixui-rich-text" data-testid="richTextElement">
<h2 class="font_2 wixui-rich-text__text"><span class="wixui-rich-text__text">Tüntetés a tiszta levegőért</span></h2>
<p class="font_8 wixui-rich-text__text"><span style="font-weight:bold;" class="wixui-rich-text__text">2027. június 12., szombat</span></p>
<p class="font_8 wixui-rich-text__text"><span class="wixui-rich-text__text">&#8203;</span></p>
<p class="font_8 wixui-rich-text__text"><span style="font-weight:bold;" class="wixui-rich-text__text">Budapest</span><span class="wixui-rich-text__text"> – Kossuth Lajos tér, délben</span></p>
<p class="font_8 wixui-rich-text__text"><span style="font-weight:bold;" class="wixui-rich-text__text">Debrecen</span><span class="wixui-rich-text__text"> – Kossuth tér, 12 órától 14 óráig</span></p>
<p class="font_8 wixui-rich-text__text"><span style="font-weight:bold;" class="wixui-rich-text__text">Szeged</span><span class="wixui-rich-text__text"> – Dóm tér, 17 órakor</span></p>
<p class="font_8 wixui-rich-text__text"><span style="font-weight:bold;" class="wixui-rich-text__text">Pécs</span><span class="wixui-rich-text__text"> – Széchenyi tér, 18 órakor</span></p>
<p class="font_8 wixui-rich-text__text"><span class="wixui-rich-text__text">Jelentkezés: <a href="https://forms.gle/LevegoTuntetes" target="_blank" class="wixui-rich-text__text">forms.gle/LevegoTuntetes</a></span></p>
</div>
""",
}
