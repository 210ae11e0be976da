# ruff: noqa: E501, RUF001  (pages as site builders write them: long lines, look-alike dashes)
"""The pages of the sixteenth round of unseen protest pages (`test_unseen_pages_sixteenth`),
in shapes the earlier rounds lack: a Swedish WordPress block theme whose cities are
"wp-block-column" cards under an "Uppdaterad" (updated) date, one card "INSTÄLLT" with its
old hours struck; a Danish Webflow CMS collection list ("w-dyn-item" cards, days as "Lør
12.6." with the year only in the title, a hidden "w-condition-invisible" button, an "Aflyst"
badge and the "No items found." stand-in); a Czech city picker whose <option>s hold each city
("čas bude upřesněn": the hour still to come); a Romanian Squarespace summary block of events
with Squarespace's twin 12- and 24-hour times ("5:00 PM17:00"), links to its own detail pages
and an "Actualizat la" line; a Hungarian list of addresses with the postcode before the city
("6720 Szeged, Dóm tér"), a vigil "20 órától éjfélig" and an "ELMARAD" one; an Arabic post
whose countries are only flag emoji before each line's city (four zones), "الساعة 6 مساءً"
and "الموعد يُحدد لاحقاً"; a Turkish WhatsApp message (*bold*, _italic_) with two events of
İstanbul on one line and a page-wide form; a Japanese Peatix group page whose cities sit in
"【東京】" before each event's name, with its past events below; an Indonesian page of "Kota
Bandung" headings, "pukul 15.00 WIB – selesai" (until it ends) and "menyusul"; a Swahili Carrd
page with hours both ways ("saa 8 mchana (2:00 PM)"); a Hindi Blogger post of <br> lines,
"दोपहर 12 बजे से 3 बजे तक" and "रात 12 बजे तक"; and an Argentine Elementor page of icon
lists, "Sáb 12/6", "17 hs", "horario a confirmar" and "SUSPENDIDA".

Written here for these tests; the places, links and groups are made up. `EXPECTED` lists
what a careful organizer imports from each page.
"""

from datetime import date, time

T = time
D = date
STO, CPH, PRG, BUC, BUD = (
    "Europe/Stockholm",
    "Europe/Copenhagen",
    "Europe/Prague",
    "Europe/Bucharest",
    "Europe/Budapest",
)
CAS, TUN, AMM, BEY = "Africa/Casablanca", "Africa/Tunis", "Asia/Amman", "Asia/Beirut"
IST, TYO, JKT, MKS = "Europe/Istanbul", "Asia/Tokyo", "Asia/Jakarta", "Asia/Makassar"
NBO, DAR, KOL = "Africa/Nairobi", "Africa/Dar_es_Salaam", "Asia/Kolkata"
# Argentina's provinces keep zones of their own in the tz database (all UTC−3 today).
BUE, COR, MDZ = (
    "America/Argentina/Buenos_Aires",
    "America/Argentina/Cordoba",
    "America/Argentina/Mendoza",
)

# (city, country, day, starts, ends, zone, venue, signup, cancelled) of each page's events.
EXPECTED: dict[str, list[tuple]] = {
    "wp_columns_sv.md": [
        ("Stockholm", "SE", D(2027, 6, 12), T(13), T(15), STO, "Mynttorget",
         "https://www.mobilize.us/klimatmarsch/event/610001/", False),
        ("Gothenburg", "SE", D(2027, 6, 12), T(14), None, STO, "Gustaf Adolfs torg",
         "https://www.mobilize.us/klimatmarsch/event/610002/", False),
        ("Malmö", "SE", D(2027, 6, 12), T(12), None, STO, "Stortorget", "", True),
        ("Uppsala", "SE", D(2027, 6, 13), T(11), None, STO, "Stora torget", "", False),
        ("Lund", "SE", D(2027, 6, 12), T(12), None, STO, "Mårtenstorget", "", False),
    ],
    "webflow_da.md": [
        ("Copenhagen", "DK", D(2027, 6, 12), T(14), None, CPH, "Christiansborg Slotsplads",
         "https://www.eventbrite.dk/e/folkemarch-kobenhavn-2027-81001", False),
        ("Århus", "DK", D(2027, 6, 12), T(13), T(15), CPH, "Bispetorv", "", False),
        ("Odense", "DK", D(2027, 6, 13), T(11), None, CPH, "Flakhaven",
         "https://www.eventbrite.dk/e/folkemarch-odense-2027-81003", False),
        ("Aalborg", "DK", D(2027, 6, 12), T(15), None, CPH, "Gammeltorv", "", True),
    ],
    "select_cs.md": [
        ("Prague", "CZ", D(2027, 6, 12), T(14), None, PRG, "Klárov", "", False),
        ("Brno", "CZ", D(2027, 6, 12), T(15), None, PRG, "Moravské náměstí", "", False),
        ("Olomouc", "CZ", D(2027, 6, 12), T(16), None, PRG, "Horní náměstí", "", False),
        ("Liberec", "CZ", D(2027, 6, 12), None, None, PRG, "náměstí Dr. E. Beneše", "", False),
    ],
    "summary_ro.md": [
        ("Cluj-Napoca", "RO", D(2027, 6, 12), T(17), T(19), BUC, "Piața Unirii",
         "https://forms.gle/PaduriCluj", False),
        ("Braşov", "RO", D(2027, 6, 12), T(11), None, BUC, "Piața Sfatului", "", False),
        ("Sibiu", "RO", D(2027, 6, 12), T(18), None, BUC, "Piața Mare", "", True),
        ("Iaşi", "RO", D(2027, 6, 13), T(10), T(12), BUC, "Parcul Copou", "", False),
    ],
    "postcodes_hu.md": [
        ("Budapest", "HU", D(2027, 6, 12), T(20), T(0), BUD, "Kossuth Lajos tér", "", False),
        ("Szeged", "HU", D(2027, 6, 12), T(20, 30), None, BUD, "Dóm tér", "", False),
        ("Debrecen", "HU", D(2027, 6, 12), T(21), None, BUD, "Piac utca 20.", "", False),
        ("Pécs", "HU", D(2027, 6, 12), None, None, BUD, "Széchenyi tér", "", True),
    ],
    "flags_ar.md": [
        ("Rabat", "MA", D(2027, 6, 12), T(18), None, CAS, "أمام البرلمان", "", False),
        ("Tunis", "TN", D(2027, 6, 12), T(17), None, TUN, "شارع الحبيب بورقيبة", "", False),
        ("Amman", "JO", D(2027, 6, 12), None, None, AMM, "ساحة المسجد الحسيني", "", False),
        ("Beirut", "LB", D(2027, 6, 12), T(19), None, BEY, "ساحة الشهداء", "", True),
    ],
    "whatsapp_tr.md": [
        ("Istanbul", "TR", D(2027, 6, 12), T(10), None, IST, "Kadıköy Boğa", "", False),
        ("Istanbul", "TR", D(2027, 6, 12), T(19), None, IST, "Taksim Meydanı", "", False),
        ("Ankara", "TR", D(2027, 6, 12), T(18), None, IST, "Kuğulu Park", "", False),
        ("Bursa", "TR", D(2027, 6, 12), T(17), None, IST, "Heykel",
         "https://chat.whatsapp.com/HayvanBursa12", False),
        ("Antalya", "TR", D(2027, 6, 12), None, None, IST, "", "", True),
    ],
    "peatix_ja.md": [
        ("Tokyo", "JP", D(2027, 6, 12), T(14), T(16), TYO, "日比谷公園 霞門",
         "https://peatix.com/event/3901201", False),
        ("Osaka", "JP", D(2027, 6, 12), T(13), None, TYO, "靱公園",
         "https://peatix.com/event/3901202", False),
        ("Nagoya", "JP", D(2027, 6, 13), T(10, 30), T(12), TYO, "久屋大通公園",
         "https://peatix.com/event/3901203", False),
        ("Sapporo", "JP", D(2027, 6, 12), None, None, TYO, "", "https://peatix.com/event/3901204",
         False),
    ],
    "kota_id.md": [
        ("Bandung", "ID", D(2027, 6, 12), T(15), None, JKT, "Taman Cikapayang",
         "https://forms.gle/TolakTambangBdg", False),
        ("Yogyakarta", "ID", D(2027, 6, 12), T(16), None, JKT, "Titik Nol Kilometer", "", False),
        ("Makassar", "ID", D(2027, 6, 12), T(9), None, MKS, "Pantai Losari",
         "https://www.mobilize.us/tolaktambang/event/77003/", False),
        ("Medan", "ID", D(2027, 6, 12), None, None, JKT, "", "", False),
    ],
    "carrd_sw.md": [
        ("Nairobi", "KE", D(2027, 6, 12), T(14), None, NBO, "Uhuru Park",
         "https://www.mobilize.us/tabianchi/event/88001/", False),
        ("Mombasa", "KE", D(2027, 6, 12), T(10), None, NBO, "Mama Ngina Waterfront", "", False),
        ("Kisumu", "KE", D(2027, 6, 12), T(15), None, NBO, "", "", False),
        ("Dar es Salaam", "TZ", D(2027, 6, 12), None, None, DAR, "",
         "https://www.facebook.com/events/880123456789/", True),
    ],
    "blogger_hi.md": [
        ("Delhi", "IN", D(2027, 6, 12), T(12), T(15), KOL, "जंतर मंतर", "", False),
        ("Mumbai", "IN", D(2027, 6, 12), T(17), None, KOL, "आज़ाद मैदान",
         "https://forms.gle/JalMumbai", False),
        ("Lucknow", "IN", D(2027, 6, 12), T(18), None, KOL, "हज़रतगंज", "", True),
        ("Jaipur", "IN", D(2027, 6, 12), T(20), T(0), KOL, "अल्बर्ट हॉल के सामने", "", False),
    ],
    "elementor_es_ar.md": [
        ("Buenos Aires", "AR", D(2027, 6, 12), T(17), None, BUE, "Plaza de Mayo",
         "https://actionnetwork.org/events/marcha-federal-caba", False),
        ("Córdoba", "AR", D(2027, 6, 12), T(18), None, COR, "Plaza San Martín", "", False),
        ("Rosario", "AR", D(2027, 6, 12), None, None, COR, "Monumento a la Bandera", "", False),
        ("Mendoza", "AR", D(2027, 6, 11), T(19), None, MDZ, "Plaza Independencia", "", True),
    ],
}  # fmt: skip


PAGES: dict[str, str] = {
    "wp_columns_sv.md": """\
---
title: Klimatmarsch lördag 12 juni 2027
date: 2027-05-20
---

<!-- wp:heading -->
<h2 class="wp-block-heading">Hitta din stad</h2>
<!-- /wp:heading -->
<!-- wp:paragraph {"fontSize":"small"} -->
<p class="has-small-font-size"><em>Uppdaterad 3 juni 2027</em></p>
<!-- /wp:paragraph -->
<!-- wp:columns -->
<div class="wp-block-columns is-layout-flex wp-container-core-columns-is-layout-1 wp-block-columns-is-layout-flex">
<!-- wp:column -->
<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow">
<h3 class="wp-block-heading">Stockholm</h3>
<p>Lördag 12 juni, kl. 13.00–15.00<br>Mynttorget</p>
<div class="wp-block-buttons is-layout-flex wp-block-buttons-is-layout-flex">
<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://www.mobilize.us/klimatmarsch/event/610001/">Anmäl dig</a></div>
</div>
</div>
<!-- /wp:column -->
<!-- wp:column -->
<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow">
<h3 class="wp-block-heading">Göteborg</h3>
<p>Lördag 12 juni, kl. 14.00<br>Gustaf Adolfs torg</p>
<div class="wp-block-buttons is-layout-flex wp-block-buttons-is-layout-flex">
<div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://www.mobilize.us/klimatmarsch/event/610002/">Anmäl dig</a></div>
</div>
</div>
<!-- /wp:column -->
<!-- wp:column -->
<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow">
<h3 class="wp-block-heading">Malmö</h3>
<p><strong>INSTÄLLT</strong></p>
<p><s>Lördag 12 juni, kl. 12.00<br>Stortorget</s></p>
</div>
<!-- /wp:column -->
</div>
<!-- /wp:columns -->
<!-- wp:columns -->
<div class="wp-block-columns is-layout-flex wp-container-core-columns-is-layout-2 wp-block-columns-is-layout-flex">
<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow">
<h3 class="wp-block-heading">Uppsala</h3>
<p>Söndag 13 juni, kl. 11.00<br>Stora torget</p>
</div>
<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow">
<h3 class="wp-block-heading">Lund</h3>
<p>Lördag 12 juni, kl. 12.00<br>Mårtenstorget</p>
</div>
<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow"></div>
</div>
<!-- /wp:columns -->
""",
    "webflow_da.md": """\
---
title: Folkemarch for naturen 2027
date: 2027-05-18
---

<div class="section-events">
<h2 class="heading-2">Find en march nær dig</h2>
<div class="w-dyn-list">
<div role="list" class="collection-list w-dyn-items">
<div role="listitem" class="collection-item w-dyn-item">
<div class="event-card"><div class="event-city">København</div>
<div class="event-meta"><div class="event-date">Lør 12.6.</div><div class="event-time">kl. 14</div></div>
<div class="event-venue">Christiansborg Slotsplads</div>
<div class="event-status w-condition-invisible">Aflyst</div>
<a href="https://www.eventbrite.dk/e/folkemarch-kobenhavn-2027-81001" class="button-card w-button">Tilmeld dig</a></div>
</div>
<div role="listitem" class="collection-item w-dyn-item">
<div class="event-card"><div class="event-city">Aarhus</div>
<div class="event-meta"><div class="event-date">Lør 12.6.</div><div class="event-time">kl. 13–15</div></div>
<div class="event-venue">Bispetorv</div>
<div class="event-status w-condition-invisible">Aflyst</div>
<a href="#" class="button-card w-button w-condition-invisible">Tilmeld dig</a></div>
</div>
<div role="listitem" class="collection-item w-dyn-item">
<div class="event-card"><div class="event-city">Odense</div>
<div class="event-meta"><div class="event-date">Søn 13.6.</div><div class="event-time">kl. 11</div></div>
<div class="event-venue">Flakhaven</div>
<div class="event-status w-condition-invisible">Aflyst</div>
<a href="https://www.eventbrite.dk/e/folkemarch-odense-2027-81003" class="button-card w-button">Tilmeld dig</a></div>
</div>
<div role="listitem" class="collection-item w-dyn-item">
<div class="event-card"><div class="event-city">Aalborg</div>
<div class="event-meta"><div class="event-date">Lør 12.6.</div><div class="event-time">kl. 15</div></div>
<div class="event-venue">Gammeltorv</div>
<div class="event-status">Aflyst</div>
<a href="#" class="button-card w-button w-condition-invisible">Tilmeld dig</a></div>
</div>
</div>
<div class="w-dyn-empty"><div>No items found.</div></div>
</div>
</div>
""",
    "select_cs.md": """\
---
title: Den pro klima – sobota 12. června 2027
date: 2027-05-15
---

<h1>Den pro klima</h1>
<p>V sobotu 12. června vyjdeme do ulic. Vyber své město:</p>
<form class="city-picker" action="/mesta/" method="get">
<label for="mesto">Město</label>
<select id="mesto" name="mesto">
<option value="" selected disabled>— vyber město —</option>
<option value="praha" data-cas="14:00" data-misto="Klárov">Praha – Klárov, 14:00</option>
<option value="brno" data-cas="15:00" data-misto="Moravské náměstí">Brno – Moravské náměstí, 15:00</option>
<option value="olomouc" data-cas="16:00" data-misto="Horní náměstí">Olomouc – Horní náměstí, 16:00</option>
<option value="liberec" data-cas="" data-misto="náměstí Dr. E. Beneše">Liberec – náměstí Dr. E. Beneše, čas bude upřesněn</option>
</select>
<button type="submit">Zobrazit</button>
</form>
<p>Kontakt: klima@denproklima.example.cz</p>
""",
    "summary_ro.md": """\
---
title: Marșul pentru păduri 2027
date: 2027-05-12
---

<p><em>Actualizat la 4 iunie 2027</em></p>
<div class="summary-block-wrapper summary-block-collection-type-events summary-block-setting-design-list">
<div class="summary-item-list-container sqs-gallery-container"><div class="summary-item-list sqs-gallery">
<div class="summary-item summary-item-record-type-event sqs-gallery-design-autogrid-slide">
<div class="summary-thumbnail-outer-container"><a href="/evenimente/cluj" class="summary-thumbnail-container sqs-gallery-image-container"><div class="summary-thumbnail img-wrapper"><img alt="" data-src="https://images.squarespace-cdn.com/content/v1/cluj.jpg"></div></a></div>
<div class="summary-content sqs-gallery-meta-container">
<div class="summary-title"><a href="/evenimente/cluj" class="summary-title-link">Cluj-Napoca: Marșul pentru păduri</a></div>
<div class="summary-metadata-container summary-metadata-container--above-title"><div class="summary-metadata summary-metadata--primary"><time class="summary-metadata-item summary-metadata-item--date" datetime="2027-06-12">12 iun. 2027</time><span class="summary-metadata-item summary-metadata-item--event-time"><time class="event-time-12hr">5:00 PM</time><time class="event-time-24hr">17:00</time> – <time class="event-time-12hr">7:00 PM</time><time class="event-time-24hr">19:00</time></span></div></div>
<div class="summary-excerpt"><p>Ne adunăm în Piața Unirii. Înscrieri: <a href="https://forms.gle/PaduriCluj">forms.gle/PaduriCluj</a></p></div>
<a href="/evenimente/cluj" class="summary-read-more-link">Detalii →</a>
</div></div>
<div class="summary-item summary-item-record-type-event sqs-gallery-design-autogrid-slide">
<div class="summary-content sqs-gallery-meta-container">
<div class="summary-title"><a href="/evenimente/brasov" class="summary-title-link">Brașov: Marșul pentru păduri</a></div>
<div class="summary-metadata-container summary-metadata-container--above-title"><div class="summary-metadata summary-metadata--primary"><time class="summary-metadata-item summary-metadata-item--date" datetime="2027-06-12">12 iun. 2027</time><span class="summary-metadata-item summary-metadata-item--event-time"><time class="event-time-12hr">11:00 AM</time><time class="event-time-24hr">11:00</time></span></div></div>
<div class="summary-excerpt"><p>Ne adunăm în Piața Sfatului.</p></div>
<a href="/evenimente/brasov" class="summary-read-more-link">Detalii →</a>
</div></div>
<div class="summary-item summary-item-record-type-event sqs-gallery-design-autogrid-slide">
<div class="summary-content sqs-gallery-meta-container">
<div class="summary-title"><a href="/evenimente/sibiu" class="summary-title-link">Sibiu: Marșul pentru păduri – ANULAT</a></div>
<div class="summary-metadata-container summary-metadata-container--above-title"><div class="summary-metadata summary-metadata--primary"><time class="summary-metadata-item summary-metadata-item--date" datetime="2027-06-12">12 iun. 2027</time><span class="summary-metadata-item summary-metadata-item--event-time"><time class="event-time-12hr">6:00 PM</time><time class="event-time-24hr">18:00</time></span></div></div>
<div class="summary-excerpt"><p>Ne adunăm în Piața Mare.</p></div>
<a href="/evenimente/sibiu" class="summary-read-more-link">Detalii →</a>
</div></div>
<div class="summary-item summary-item-record-type-event sqs-gallery-design-autogrid-slide">
<div class="summary-content sqs-gallery-meta-container">
<div class="summary-title"><a href="/evenimente/iasi" class="summary-title-link">Iași: Marșul pentru păduri</a></div>
<div class="summary-metadata-container summary-metadata-container--above-title"><div class="summary-metadata summary-metadata--primary"><time class="summary-metadata-item summary-metadata-item--date" datetime="2027-06-13">13 iun. 2027</time><span class="summary-metadata-item summary-metadata-item--event-time"><time class="event-time-12hr">10:00 AM</time><time class="event-time-24hr">10:00</time> – <time class="event-time-12hr">12:00 PM</time><time class="event-time-24hr">12:00</time></span></div></div>
<div class="summary-excerpt"><p>Ne adunăm în Parcul Copou.</p></div>
<a href="/evenimente/iasi" class="summary-read-more-link">Detalii →</a>
</div></div>
</div></div>
</div>
""",
    "postcodes_hu.md": """\
---
title: Országos virrasztás a szabad sajtóért – 2027
date: 2027-05-25
---

# Virrasztás a szabad sajtóért

*Frissítve: 2027. június 1.*

Június 12-én, szombaton este gyertyákkal állunk ki a szabad sajtóért. A helyszínek:

- **1055 Budapest, Kossuth Lajos tér** – 20 órától éjfélig
- **6720 Szeged, Dóm tér** – 20:30-tól
- **4024 Debrecen, Piac utca 20.** – 21 órakor
- **7621 Pécs, Széchenyi tér** – ELMARAD

Hozz gyertyát és mécsest!
""",
    "flags_ar.md": """\
---
title: يوم العمل من أجل المناخ – السبت 12 يونيو 2027
date: 2027-05-30
---

# يوم العمل من أجل المناخ – السبت 12 يونيو 2027

وقفات سلمية في عدة مدن. المواعيد بالتوقيت المحلي لكل مدينة:

🇲🇦 الرباط: أمام البرلمان، الساعة 6 مساءً
🇹🇳 تونس: شارع الحبيب بورقيبة، الساعة 5 مساءً
🇯🇴 عمّان: ساحة المسجد الحسيني، الموعد يُحدد لاحقاً
🇱🇧 بيروت: ساحة الشهداء، الساعة 7 مساءً – أُلغيت

شارك المنشور مع أصدقائك 💚
""",
    "whatsapp_tr.md": """\
---
title: 12 Haziran 2027 – Hayvanlar için nöbet ve yürüyüş
date: 2027-06-05
---

*🐾 12 HAZİRAN CUMARTESİ – TÜRKİYE GENELİNDE EYLEM 🐾*

_Lütfen bu mesajı gruplarınıza iletin_ 🙏

*İstanbul:* sabah 10.00 nöbet (Kadıköy Boğa), akşam 19.00 yürüyüş (Taksim Meydanı)
*Ankara:* 18.00, Kuğulu Park
*Bursa:* 17.00, Heykel – WhatsApp grubu: https://chat.whatsapp.com/HayvanBursa12
*Antalya:* ERTELENDİ ❌ (yeni tarih duyurulacak)

Katılım formu: https://forms.gle/HayvanEylem
""",
    "peatix_ja.md": """\
---
title: 気候正義アクション 2027 | Peatix
date: 2027-05-20
---

<div class="group-events">
<h2 class="group-events_title">開催予定のイベント</h2>
<ul class="event-list">
<li class="event-thumb"><a href="https://peatix.com/event/3901201" class="event-thumb_link">
<time class="event-thumb_date" datetime="2027-06-12T14:00:00+09:00"><span class="month">Jun</span><span class="day">12</span><span class="weekday">SAT</span></time>
<h3 class="event-thumb_name">【東京】気候正義マーチ 2027</h3>
<p class="event-thumb_datetime">2027/06/12(土) 14:00 - 16:00 JST</p>
<p class="event-thumb_location">日比谷公園 霞門</p>
</a></li>
<li class="event-thumb"><a href="https://peatix.com/event/3901202" class="event-thumb_link">
<time class="event-thumb_date" datetime="2027-06-12T13:00:00+09:00"><span class="month">Jun</span><span class="day">12</span><span class="weekday">SAT</span></time>
<h3 class="event-thumb_name">【大阪】気候正義マーチ 2027</h3>
<p class="event-thumb_datetime">2027/06/12(土) 13:00 - JST</p>
<p class="event-thumb_location">靱公園</p>
</a></li>
<li class="event-thumb"><a href="https://peatix.com/event/3901203" class="event-thumb_link">
<time class="event-thumb_date" datetime="2027-06-13T10:30:00+09:00"><span class="month">Jun</span><span class="day">13</span><span class="weekday">SUN</span></time>
<h3 class="event-thumb_name">【名古屋】気候正義マーチ 2027</h3>
<p class="event-thumb_datetime">2027/06/13(日) 10:30 - 12:00 JST</p>
<p class="event-thumb_location">久屋大通公園</p>
</a></li>
<li class="event-thumb"><a href="https://peatix.com/event/3901204" class="event-thumb_link">
<time class="event-thumb_date" datetime="2027-06-12"><span class="month">Jun</span><span class="day">12</span><span class="weekday">SAT</span></time>
<h3 class="event-thumb_name">【札幌】気候正義マーチ 2027</h3>
<p class="event-thumb_datetime">2027/06/12(土) 時間未定</p>
<p class="event-thumb_location">会場未定</p>
</a></li>
</ul>
<h2 class="group-events_title">過去のイベント</h2>
<ul class="event-list event-list--past">
<li class="event-thumb"><a href="https://peatix.com/event/3100987" class="event-thumb_link">
<h3 class="event-thumb_name">【東京】気候正義マーチ 2026</h3>
<p class="event-thumb_datetime">2026/06/13(土) 14:00 - 16:00 JST</p>
<p class="event-thumb_location">日比谷公園</p>
</a></li>
</ul>
</div>
""",
    "kota_id.md": """\
---
title: Aksi Serentak Tolak Tambang – Sabtu, 12 Juni 2027
date: 2027-05-27
---

# Aksi Serentak Tolak Tambang

*Diperbarui: 8 Juni 2027*

Sabtu, 12 Juni 2027, kita turun ke jalan di empat kota.

### Kota Bandung

- Waktu: pukul 15.00 WIB – selesai
- Titik kumpul: Taman Cikapayang
- Daftar: https://forms.gle/TolakTambangBdg

### Kota Yogyakarta

- Waktu: pukul 16.00 WIB – selesai
- Titik kumpul: Titik Nol Kilometer

### Kota Makassar

- Waktu: pukul 09.00 WITA
- Titik kumpul: Pantai Losari
- Daftar: https://www.mobilize.us/tolaktambang/event/77003/

### Kota Medan

- Waktu: menyusul
- Titik kumpul: menyusul

Bawa air minum dan payung. Salam lestari!
""",
    "carrd_sw.md": """\
---
title: Siku ya Hatua kwa Tabianchi – 12 Juni 2027
date: 2027-05-20
---

<div id="wrapper"><div id="main"><div class="inner">
<h1 id="text01" class="style1">Siku ya Hatua kwa Tabianchi</h1>
<p id="text02" class="style2">Jumamosi, 12 Juni 2027 · Jiunge nasi katika mji wako</p>
<hr id="divider01" class="style1 full">
<h2 id="text03" class="style3">Nairobi</h2>
<p id="text04" class="style4">Uhuru Park, saa 8 mchana (2:00 PM)</p>
<ul id="buttons01" class="style1 buttons"><li><a href="https://www.mobilize.us/tabianchi/event/88001/" class="button n01"><span class="label">Jisajili</span></a></li></ul>
<h2 id="text05" class="style3">Mombasa</h2>
<p id="text06" class="style4">Mama Ngina Waterfront, saa 4 asubuhi (10:00 AM)</p>
<h2 id="text07" class="style3">Kisumu</h2>
<p id="text08" class="style4">Mahali: itathibitishwa · saa 9 alasiri (3:00 PM)</p>
<h2 id="text09" class="style3">Dar es Salaam</h2>
<p id="text10" class="style4">IMEAHIRISHWA – tarehe mpya itatangazwa</p>
<ul id="buttons02" class="style1 buttons"><li><a href="https://www.facebook.com/events/880123456789/" class="button n01"><span class="label">Facebook</span></a></li></ul>
<hr id="divider02" class="style1 full">
<p id="text11" class="style5">© 2027 Hatua kwa Tabianchi</p>
</div></div></div>
""",
    "blogger_hi.md": """\
---
title: जल अधिकार दिवस – 12 जून 2027
date: 2027-05-22
---

<div class="post-body entry-content float-container" id="post-body-4412345678901234567">
<b>जल अधिकार दिवस – शनिवार, 12 जून 2027</b><br />
<br />
देश भर में शांतिपूर्ण धरना। अपने शहर में जुड़ें:<br />
<br />
<b>दिल्ली</b>: जंतर मंतर, दोपहर 12 बजे से 3 बजे तक<br />
<b>मुंबई</b>: आज़ाद मैदान, शाम 5 बजे<br />
पंजीकरण: <a href="https://forms.gle/JalMumbai">forms.gle/JalMumbai</a><br />
<b>लखनऊ</b>: हज़रतगंज, शाम 6 बजे – <span style="color: red;">रद्द</span><br />
<b>जयपुर</b>: अल्बर्ट हॉल के सामने, रात 8 बजे से रात 12 बजे तक<br />
<br />
अपडेट: 10 जून 2027<br />
</div>
""",
    "elementor_es_ar.md": """\
---
title: Marcha Federal por la Educación 2027
date: 2027-05-28
---

<div class="elementor-element elementor-widget elementor-widget-heading" data-widget_type="heading.default"><div class="elementor-widget-container"><h2 class="elementor-heading-title elementor-size-default">Marcha Federal por la Educación 2027</h2></div></div>
<div class="elementor-element elementor-widget elementor-widget-text-editor" data-widget_type="text-editor.default"><div class="elementor-widget-container"><p>Salimos a la calle en todo el país. ¡Sumate!</p></div></div>
<div class="elementor-element elementor-widget elementor-widget-heading"><div class="elementor-widget-container"><h3 class="elementor-heading-title elementor-size-default">Buenos Aires</h3></div></div>
<div class="elementor-element elementor-widget elementor-widget-icon-list" data-widget_type="icon-list.default"><div class="elementor-widget-container"><ul class="elementor-icon-list-items">
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="far fa-calendar-alt"></i></span><span class="elementor-icon-list-text">Sáb 12/6</span></li>
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="far fa-clock"></i></span><span class="elementor-icon-list-text">17 hs</span></li>
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-map-marker-alt"></i></span><span class="elementor-icon-list-text">Plaza de Mayo</span></li>
<li class="elementor-icon-list-item"><a href="https://actionnetwork.org/events/marcha-federal-caba"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-link"></i></span><span class="elementor-icon-list-text">Inscribite</span></a></li>
</ul></div></div>
<div class="elementor-element elementor-widget elementor-widget-heading"><div class="elementor-widget-container"><h3 class="elementor-heading-title elementor-size-default">Córdoba</h3></div></div>
<div class="elementor-element elementor-widget elementor-widget-icon-list"><div class="elementor-widget-container"><ul class="elementor-icon-list-items">
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="far fa-calendar-alt"></i></span><span class="elementor-icon-list-text">Sáb 12/6</span></li>
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="far fa-clock"></i></span><span class="elementor-icon-list-text">18 hs</span></li>
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-map-marker-alt"></i></span><span class="elementor-icon-list-text">Plaza San Martín</span></li>
</ul></div></div>
<div class="elementor-element elementor-widget elementor-widget-heading"><div class="elementor-widget-container"><h3 class="elementor-heading-title elementor-size-default">Rosario</h3></div></div>
<div class="elementor-element elementor-widget elementor-widget-icon-list"><div class="elementor-widget-container"><ul class="elementor-icon-list-items">
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="far fa-calendar-alt"></i></span><span class="elementor-icon-list-text">Sáb 12/6</span></li>
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="far fa-clock"></i></span><span class="elementor-icon-list-text">Horario a confirmar</span></li>
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-map-marker-alt"></i></span><span class="elementor-icon-list-text">Monumento a la Bandera</span></li>
</ul></div></div>
<div class="elementor-element elementor-widget elementor-widget-heading"><div class="elementor-widget-container"><h3 class="elementor-heading-title elementor-size-default">Mendoza – SUSPENDIDA</h3></div></div>
<div class="elementor-element elementor-widget elementor-widget-icon-list"><div class="elementor-widget-container"><ul class="elementor-icon-list-items">
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="far fa-calendar-alt"></i></span><span class="elementor-icon-list-text">Vie 11/6</span></li>
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="far fa-clock"></i></span><span class="elementor-icon-list-text">19 hs</span></li>
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-map-marker-alt"></i></span><span class="elementor-icon-list-text">Plaza Independencia</span></li>
</ul></div></div>
""",
}
