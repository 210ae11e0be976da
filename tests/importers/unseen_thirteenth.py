# ruff: noqa: E501, W293  (pages as exports write them: long HTML lines, indented blank lines)
"""The pages of the thirteenth round of unseen protest pages (`test_unseen_pages_thirteenth`),
in shapes the earlier rounds lack: a plain-text email (no markdown) whose cities "---" lines
part and whose links sit in angle brackets, a lu.ma calendar saved as HTML with its JSON-LD,
hours spoken as "noon", "midday", "half past two" and "14:00 local time (UTC+2)", French
cities written as links to their signups, a "Saturday & Sunday" weekend with cities on one or
both days, a day given only in the title with one city "the day before (Friday)", a site whose
US section writes "Sat 6/12" and whose European one writes "Sa. 12.06.", a German list with
"Treffpunkt:" and "Uhrzeit: 14.00 Uhr" and a city "auch im Kalender am 26. Juni", Turkish
cities and venues in the locative ("İzmir'de", "saat 14.00'te"), Greek 12-hour clocks
("6 μ.μ."), a Portuguese page whose signups are WhatsApp groups, a night vigil that ends
after midnight, a Vietnamese page with "TP. Hồ Chí Minh" and "lúc 8g30", an Eventbrite collection saved as HTML ("<li><article>" cards whose
title is "Event – City"), an Indonesian table whose
hours carry their island's zone ("pukul 16.00 WITA"), and Hungarian hours after the part of the
day ("du. 3 órakor", "délután 4-kor").

Written here for these tests; the places, links and groups are made up. `EXPECTED` lists
what a careful organizer imports from each page.
"""

from datetime import date, time

T = time
D = date
LON, BER, PAR, NY = "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York"

# (city, country, day, starts, ends, zone, venue, signup, cancelled) of each page's events.
EXPECTED: dict[str, list[tuple]] = {
    "plain_email_en.md": [
        ("Norwich", "GB", D(2027, 6, 12), T(11), T(13), LON, "Chapelfield Gardens (by the bandstand)",
         "https://actionnetwork.org/events/wetlands-norwich", False),
        ("Cambridge", "GB", D(2027, 6, 12), T(10, 30), None, LON, "Parker's Piece",
         "https://actionnetwork.org/events/wetlands-cambridge", False),
        ("Ipswich", "GB", D(2027, 6, 12), T(14), None, LON, "Cornhill", "", False),
    ],
    "luma_calendar.md": [
        ("London", "GB", D(2027, 6, 12), T(13), T(15), LON, "Parliament Square",
         "https://lu.ma/stopthe-race-london", False),
        ("Paris", "FR", D(2027, 6, 12), T(14), T(16), PAR, "Place de la Bastille",
         "https://lu.ma/stopthe-race-paris", False),
        ("Boston", "US", D(2027, 6, 12), T(12), T(14), NY, "Boston Common",
         "https://lu.ma/stopthe-race-boston", False),
    ],
    "spoken_clocks_en.md": [
        ("Edinburgh", "GB", D(2027, 6, 12), T(12), None, LON, "the Mound",
         "https://www.mobilize.us/peacewalk/event/1201/", False),
        ("Belfast", "GB", D(2027, 6, 12), T(14, 30), None, LON, "City Hall front lawn",
         "https://www.mobilize.us/peacewalk/event/1202/", False),
        ("Athens", "GR", D(2027, 6, 12), T(14), None, "Europe/Athens", "Syntagma Square", "",
         False),
        ("Helsinki", "FI", D(2027, 6, 12), T(12), T(14), "Europe/Helsinki", "Senate Square",
         "", False),
    ],
    "city_links_fr.md": [
        ("Lyon", "FR", D(2027, 6, 12), T(14, 30), None, PAR, "place Bellecour",
         "https://www.helloasso.com/associations/toit-pour-tous/evenements/lyon", False),
        ("Marseille", "FR", D(2027, 6, 12), T(15), None, PAR, "Vieux-Port, ombrière",
         "https://www.helloasso.com/associations/toit-pour-tous/evenements/marseille", False),
        ("Lille", "FR", D(2027, 6, 12), T(14), None, PAR, "Grand'Place",
         "https://www.helloasso.com/associations/toit-pour-tous/evenements/lille", False),
    ],
    "weekend_en.md": [
        ("Bristol", "GB", D(2027, 6, 12), T(10), T(16), LON, "Castle Park",
         "https://www.eventbrite.co.uk/e/open-cages-bristol-sat-1001", False),
        ("Bristol", "GB", D(2027, 6, 13), T(10), T(16), LON, "Castle Park",
         "https://www.eventbrite.co.uk/e/open-cages-bristol-sun-1002", False),
        ("Brighton", "GB", D(2027, 6, 12), T(11), T(15), LON, "Jubilee Square",
         "https://www.eventbrite.co.uk/e/open-cages-brighton-1003", False),
        ("Exeter", "GB", D(2027, 6, 13), T(12), T(15), LON, "Bedford Square", "", False),
    ],
    "day_before_en.md": [
        ("Leeds", "GB", D(2027, 6, 11), T(18), None, LON, "Millennium Square",
         "https://actionnetwork.org/events/care-leeds", False),
        ("Newcastle upon Tyne", "GB", D(2027, 6, 12), T(12), None, LON, "Grey's Monument",
         "https://actionnetwork.org/events/care-newcastle", False),
        ("Liverpool", "GB", D(2027, 6, 12), T(13), None, LON, "St George's Plateau",
         "https://actionnetwork.org/events/care-liverpool", False),
    ],
    # Listed by their moment: the European marches start first.
    "us_eu_sections.md": [
        ("Munich", "DE", D(2027, 6, 12), T(14), None, BER, "Odeonsplatz",
         "https://forms.gle/FairShareMuc", False),
        ("Vienna", "AT", D(2027, 6, 12), T(15), None, "Europe/Vienna", "Ballhausplatz", "",
         False),
        ("Chicago", "US", D(2027, 6, 12), T(13), None, "America/Chicago", "Federal Plaza",
         "https://www.mobilize.us/fairshare/event/77/", False),
        ("Seattle", "US", D(2027, 6, 12), T(11), None, "America/Los_Angeles",
         "Westlake Park", "https://www.mobilize.us/fairshare/event/78/", False),
    ],
    "also_calendar_de.md": [
        ("Hanover", "DE", D(2027, 6, 12), T(14), None, BER, "Kröpcke",
         "https://pretix.eu/kw/hannover/", False),
        ("Bremen", "DE", D(2027, 6, 12), T(13), T(16), BER, "Marktplatz",
         "https://pretix.eu/kw/bremen/", False),
        ("Kassel", "DE", D(2027, 6, 26), T(11), None, BER, "Friedrichsplatz", "", False),
    ],
    "locative_tr.md": [
        ("Istanbul", "TR", D(2027, 6, 12), T(14), None, "Europe/Istanbul",
         "Kadıköy İskelesi", "https://forms.gle/HayvanIstanbul", False),
        ("Ankara", "TR", D(2027, 6, 12), T(15), None, "Europe/Istanbul", "Kızılay Meydanı",
         "https://forms.gle/HayvanAnkara", False),
        ("İzmir", "TR", D(2027, 6, 12), T(14, 30), None, "Europe/Istanbul",
         "Gündoğdu Meydanı", "", False),
    ],
    "greek_12h_el.md": [
        ("Athens", "GR", D(2027, 6, 12), T(18), None, "Europe/Athens", "Πλατεία Συντάγματος",
         "https://forms.gle/EirinhAthina", False),
        ("Thessaloniki", "GR", D(2027, 6, 12), T(19), None, "Europe/Athens",
         "Άγαλμα Βενιζέλου", "https://forms.gle/EirinhThess", False),
        ("Patras", "GR", D(2027, 6, 12), T(11), None, "Europe/Athens", "Πλατεία Γεωργίου",
         "", False),
    ],
    "whatsapp_pt.md": [
        ("Lisbon", "PT", D(2027, 6, 12), T(15), None, "Europe/Lisbon", "Praça do Comércio",
         "https://chat.whatsapp.com/LxHabitacao2027", False),
        ("Porto", "PT", D(2027, 6, 12), T(16), None, "Europe/Lisbon", "Avenida dos Aliados",
         "https://chat.whatsapp.com/PortoHabitacao27", False),
        ("Coimbra", "PT", D(2027, 6, 12), T(15), None, "Europe/Lisbon", "Praça 8 de Maio", "",
         False),
    ],
    "night_vigil_en.md": [
        ("Portland", "US", D(2027, 6, 12), T(21), T(1), "America/Los_Angeles",
         "Pioneer Courthouse Square", "https://www.mobilize.us/nightwatch/event/9/", False),
        ("Minneapolis", "US", D(2027, 6, 12), T(22), T(2), "America/Chicago",
         "Loring Park", "https://www.mobilize.us/nightwatch/event/10/", False),
    ],
    "vietnamese_vi.md": [
        ("Hanoi", "VN", D(2027, 6, 12), T(8, 30), None, "Asia/Bangkok", "Vườn hoa Lý Thái Tổ",
         "https://forms.gle/KhiHauHN", False),
        ("Ho Chi Minh City", "VN", D(2027, 6, 12), T(7, 30), None, "Asia/Ho_Chi_Minh",
         "Công viên Tao Đàn", "https://forms.gle/KhiHauSG", False),
        ("Da Nang", "VN", D(2027, 6, 12), T(16), None, "Asia/Ho_Chi_Minh", "Cầu Rồng", "", False),
    ],
    "zones_in_cells_id.md": [
        ("Jakarta", "ID", D(2027, 6, 12), T(7), None, "Asia/Jakarta", "Bundaran HI",
         "https://s.id/iklim-jkt", False),
        ("Makassar", "ID", D(2027, 6, 12), T(16), None, "Asia/Makassar", "Pantai Losari",
         "https://s.id/iklim-mks", False),
        ("Jayapura", "ID", D(2027, 6, 12), T(9), None, "Asia/Jayapura", "Taman Imbi", "", False),
        ("Yogyakarta", "ID", D(2027, 6, 12), T(15, 30), None, "Asia/Jakarta",
         "Titik Nol Kilometer", "https://s.id/iklim-jogja", False),
    ],
    "day_parts_hu.md": [
        ("Budapest", "HU", D(2027, 6, 12), T(15), None, "Europe/Budapest", "Kossuth Lajos tér",
         "https://forms.gle/LakhatasBp", False),
        ("Debrecen", "HU", D(2027, 6, 12), T(16), None, "Europe/Budapest", "Kossuth tér", "",
         False),
        ("Szeged", "HU", D(2027, 6, 12), T(17), None, "Europe/Budapest", "Dugonics tér",
         "https://forms.gle/LakhatasSzeged", False),
        ("Pécs", "HU", D(2027, 6, 12), T(10), None, "Europe/Budapest", "Széchenyi tér", "",
         False),
    ],
    "eventbrite_collection_ca.md": [
        ("Toronto", "CA", D(2027, 6, 12), T(12), None, "America/Toronto",
         "CPP Investments, One Queen Street East",
         "https://www.eventbrite.ca/e/fossil-free-pensions-toronto-tickets-81000000001", False),
        ("Montreal", "CA", D(2027, 6, 12), T(13), None, "America/Toronto",
         "Caisse de dépôt, 1000 Place Jean-Paul-Riopelle",
         "https://www.eventbrite.ca/e/fossil-free-pensions-montreal-tickets-81000000002", False),
        ("Vancouver", "CA", D(2027, 6, 12), T(11), None, "America/Vancouver",
         "BCI Vancouver, 750 West Pender Street",
         "https://www.eventbrite.ca/e/fossil-free-pensions-vancouver-tickets-81000000003", False),
    ],
}  # fmt: skip


PAGES: dict[str, str] = {
    "plain_email_en.md": """\
Subject: Wetlands Day - Saturday 12 June - three marches in East Anglia
From: East Anglia Wetlands Alliance <hello@wetlands-ea.example.org>
Date: Tue, 25 May 2027 09:12:44 +0100

Hi friends,

This Saturday 12 June we march for the fens in three towns. Please sign up
so the stewards know how many to expect.

---

NORWICH
Where: Chapelfield Gardens (by the bandstand)
When: 11am to 1pm
Sign up: <https://actionnetwork.org/events/wetlands-norwich>

---

CAMBRIDGE
Where: Parker's Piece
When: 10.30am
Sign up: <https://actionnetwork.org/events/wetlands-cambridge>

---

IPSWICH
Where: Cornhill
When: 2pm
No sign-up needed, just come along.

---

You are receiving this because you signed a petition at
<https://wetlands-ea.example.org>. Unsubscribe: <https://wetlands-ea.example.org/unsub?u=8812>
East Anglia Wetlands Alliance, 4 Example Lane, Norwich NR2 1AA
""",
    "luma_calendar.md": """\
---
title: Stop the Race – Global Protest | Luma
date: 2027-05-28
---

<div class="calendar-page">
<h1 class="title">Stop the Race – Global Protest</h1>
<div class="desc">A coordinated protest for an international treaty pausing frontier AI training, on Saturday June 12.</div>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"ItemList","itemListElement":[
{"@type":"ListItem","position":1,"item":{"@type":"Event","name":"Stop the Race – London","startDate":"2027-06-12T13:00:00.000+01:00","endDate":"2027-06-12T15:00:00.000+01:00","url":"https://lu.ma/stopthe-race-london","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode","location":{"@type":"Place","name":"Parliament Square","address":{"@type":"PostalAddress","addressLocality":"London","addressCountry":"GB"}}}},
{"@type":"ListItem","position":2,"item":{"@type":"Event","name":"Stop the Race – Paris","startDate":"2027-06-12T14:00:00.000+02:00","endDate":"2027-06-12T16:00:00.000+02:00","url":"https://lu.ma/stopthe-race-paris","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode","location":{"@type":"Place","name":"Place de la Bastille","address":{"@type":"PostalAddress","addressLocality":"Paris","addressCountry":"FR"}}}},
{"@type":"ListItem","position":3,"item":{"@type":"Event","name":"Stop the Race – Boston","startDate":"2027-06-12T12:00:00.000-04:00","endDate":"2027-06-12T14:00:00.000-04:00","url":"https://lu.ma/stopthe-race-boston","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode","location":{"@type":"Place","name":"Boston Common","address":{"@type":"PostalAddress","addressLocality":"Boston","addressRegion":"MA","addressCountry":"US"}}}}
]}
</script>
<div class="timeline">
<div class="date-title"><div class="date">Jun 12</div><div class="weekday">Saturday</div></div>
<a class="event-link content-link" href="/stopthe-race-london" aria-label="Stop the Race – London"></a>
<div class="event-content"><div class="event-time"><span>1:00 PM</span></div><h3>Stop the Race – London</h3><div class="attribute">Parliament Square</div></div>
<a class="event-link content-link" href="/stopthe-race-paris" aria-label="Stop the Race – Paris"></a>
<div class="event-content"><div class="event-time"><span>1:00 PM</span></div><h3>Stop the Race – Paris</h3><div class="attribute">Place de la Bastille</div></div>
<a class="event-link content-link" href="/stopthe-race-boston" aria-label="Stop the Race – Boston"></a>
<div class="event-content"><div class="event-time"><span>5:00 PM</span></div><h3>Stop the Race – Boston</h3><div class="attribute">Boston Common</div></div>
</div>
<div class="footer">Times shown in your timezone (GMT+1). <a href="https://lu.ma/signin">Sign in</a></div>
</div>
""",
    "spoken_clocks_en.md": """\
---
title: Walk for Peace – 12 June 2027
date: 2027-05-19
---

# Walk for Peace – Saturday 12 June

Every walk starts with a minute's silence. Each city writes its own time below.

### Edinburgh
We gather at the Mound at noon and walk down to Holyrood.
[Register](https://www.mobilize.us/peacewalk/event/1201/)

### Belfast
City Hall front lawn, half past two.
[Register](https://www.mobilize.us/peacewalk/event/1202/)

### Athens
Syntagma Square, 14:00 local time (UTC+3).

### Helsinki
Senate Square, midday until 2pm.
""",
    "city_links_fr.md": """\
---
title: Un toit pour tous – journée d'action du 12 juin 2027
date: 2027-05-22
---

# Samedi 12 juin : un toit pour tous

Cliquez sur votre ville pour vous inscrire.

- [Lyon](https://www.helloasso.com/associations/toit-pour-tous/evenements/lyon) · place Bellecour · 14h30
- [Marseille](https://www.helloasso.com/associations/toit-pour-tous/evenements/marseille) · Vieux-Port, ombrière · 15h
- [Lille](https://www.helloasso.com/associations/toit-pour-tous/evenements/lille) · Grand'Place · 14h

Pas de ville près de chez vous ? [Écrivez-nous](mailto:contact@toit-pour-tous.example.fr).
""",
    "weekend_en.md": """\
---
title: Open Cages Weekend – Saturday & Sunday 12–13 June 2027
date: 2027-05-20
---

# Open Cages Weekend

Stalls, talks and a vigil, across the weekend of **Saturday & Sunday, 12–13 June**.

**Bristol** — Castle Park, 10am–4pm both days
- Saturday: [tickets](https://www.eventbrite.co.uk/e/open-cages-bristol-sat-1001)
- Sunday: [tickets](https://www.eventbrite.co.uk/e/open-cages-bristol-sun-1002)

**Brighton** — Jubilee Square, Saturday only, 11am–3pm — [tickets](https://www.eventbrite.co.uk/e/open-cages-brighton-1003)

**Exeter** — Bedford Square, Sunday only, 12–3pm
""",
    "day_before_en.md": """\
---
title: Care Workers' Day of Action – Saturday 12 June 2027
date: 2027-05-26
---

# Care Workers' Day of Action

Pay care workers properly. Join your nearest action:

- **Leeds**: the day before (Friday), 6pm vigil at Millennium Square — [sign up](https://actionnetwork.org/events/care-leeds)
- **Newcastle**: 12pm at Grey's Monument — [sign up](https://actionnetwork.org/events/care-newcastle)
- **Liverpool**: 1pm at St George's Plateau — [sign up](https://actionnetwork.org/events/care-liverpool)
""",
    "us_eu_sections.md": """\
---
title: Fair Share Day – June 12, 2027
date: 2027-05-24
---

# Fair Share Day

Tax the ultra-rich. Marches on both sides of the Atlantic.

## United States

| City | When | Where | RSVP |
|---|---|---|---|
| Chicago, IL | Sat 6/12, 1pm | Federal Plaza | [RSVP](https://www.mobilize.us/fairshare/event/77/) |
| Seattle, WA | Sat 6/12, 11am | Westlake Park | [RSVP](https://www.mobilize.us/fairshare/event/78/) |

## Europe

| Stadt | Wann | Wo | Anmeldung |
|---|---|---|---|
| München | Sa. 12.06., 14:00 | Odeonsplatz | [Anmelden](https://forms.gle/FairShareMuc) |
| Wien | Sa. 12.06., 15:00 | Ballhausplatz | – |
""",
    "also_calendar_de.md": """\
---
title: Klimawende jetzt! Aktionstag am 12. Juni 2027
date: 2027-05-17
---

# Aktionstag am Samstag, 12. Juni

**Hannover**
Treffpunkt: Kröpcke
Uhrzeit: 14.00 Uhr
Anmeldung: https://pretix.eu/kw/hannover/

**Bremen**
Treffpunkt: Marktplatz
Uhrzeit: 13.00 – 16.00 Uhr
Anmeldung: https://pretix.eu/kw/bremen/

**Kassel**
Die Kasseler Gruppe ist an diesem Tag beim Stadtfest. Sie ist auch im Kalender am 26. Juni:
Treffpunkt: Friedrichsplatz
Uhrzeit: 11 Uhr
""",
    "locative_tr.md": """\
---
title: Hayvan Hakları Yürüyüşü – 12 Haziran 2027
date: 2027-05-21
---

# 12 Haziran Cumartesi: Hayvan Hakları Yürüyüşü

- İstanbul'da Kadıköy İskelesi önünde saat 14.00'te buluşuyoruz. Kayıt: https://forms.gle/HayvanIstanbul
- Ankara'da Kızılay Meydanı'nda saat 15.00'te. Kayıt: https://forms.gle/HayvanAnkara
- İzmir'de Gündoğdu Meydanı'nda saat 14.30'da.

Pankartını al, gel!
""",
    "greek_12h_el.md": """\
---
title: Πορεία για την ειρήνη – Σάββατο 12 Ιουνίου 2027
date: 2027-05-23
---

# Σάββατο 12 Ιουνίου: Πορεία για την ειρήνη

**Αθήνα** – Πλατεία Συντάγματος, 6 μ.μ. – [Δήλωση συμμετοχής](https://forms.gle/EirinhAthina)

**Θεσσαλονίκη** – Άγαλμα Βενιζέλου, 7 μ.μ. – [Δήλωση συμμετοχής](https://forms.gle/EirinhThess)

**Πάτρα** – Πλατεία Γεωργίου, 11 π.μ.
""",
    "whatsapp_pt.md": """\
---
title: Casa para viver – manifestação a 12 de junho de 2027
date: 2027-05-25
---

# Sábado, 12 de junho: Casa para viver

Junta-te ao grupo de WhatsApp da tua cidade para saberes tudo.

**Lisboa** — Praça do Comércio, às 15h00
Grupo: https://chat.whatsapp.com/LxHabitacao2027

**Porto** — Avenida dos Aliados, às 16h00
Grupo: https://chat.whatsapp.com/PortoHabitacao27

**Coimbra** — Praça 8 de Maio, às 15h00
""",
    "night_vigil_en.md": """\
---
title: All-Night Vigil for the Unhoused – June 12, 2027
date: 2027-05-29
---

# All-Night Vigil – Saturday, June 12

We keep watch through the night with those who have nowhere else to sleep.

- **Portland, OR** — Pioneer Courthouse Square, 9pm–1am — [RSVP](https://www.mobilize.us/nightwatch/event/9/)
- **Minneapolis, MN** — Loring Park, 10pm–2am — [RSVP](https://www.mobilize.us/nightwatch/event/10/)
""",
    "vietnamese_vi.md": """\
---
title: Ngày hành động vì khí hậu – 12/6/2027
date: 2027-05-27
---

# Thứ Bảy, ngày 12/6/2027: Ngày hành động vì khí hậu

- **Hà Nội**: Vườn hoa Lý Thái Tổ, lúc 8g30 – Đăng ký: https://forms.gle/KhiHauHN
- **TP. Hồ Chí Minh**: Công viên Tao Đàn, lúc 7g30 – Đăng ký: https://forms.gle/KhiHauSG
- **Đà Nẵng**: Cầu Rồng, lúc 16g00
""",
    "zones_in_cells_id.md": """\
---
title: Aksi Serentak untuk Iklim – Sabtu, 12 Juni 2027
date: 2027-05-24
---

# Sabtu, 12 Juni 2027: Aksi Serentak untuk Iklim

| Kota | Titik kumpul | Waktu | Daftar |
|---|---|---|---|
| Jakarta | Bundaran HI | pukul 07.00 WIB | [Daftar](https://s.id/iklim-jkt) |
| Makassar | Pantai Losari | pukul 16.00 WITA | [Daftar](https://s.id/iklim-mks) |
| Jayapura | Taman Imbi | pukul 09.00 WIT | – |
| Yogyakarta | Titik Nol Kilometer | 15.30 WIB | [Daftar](https://s.id/iklim-jogja) |
""",
    "day_parts_hu.md": """\
---
title: Országos akciónap a lakhatásért – 2027. június 12.
date: 2027-05-26
---

# Június 12., szombat: országos akciónap a lakhatásért

- **Budapest** – Kossuth Lajos tér, du. 3 órakor – [Jelentkezés](https://forms.gle/LakhatasBp)
- **Debrecen** – Kossuth tér, délután 4-kor
- **Szeged** – Dugonics tér, 17 órától – [Jelentkezés](https://forms.gle/LakhatasSzeged)
- **Pécs** – Széchenyi tér, de. 10 órakor
""",
    "eventbrite_collection_ca.md": """\
---
title: Fossil Free Pensions Day – June 12 | Eventbrite Collection
date: 2027-05-20
---

<main class="collection-page">
<h1 class="collection-header__title">Fossil Free Pensions Day</h1>
<p class="collection-header__description">Rallies outside pension fund offices across Canada, Saturday June 12. Curated by Divest Canada.</p>
<p class="collection-header__count">3 events</p>
<ul class="collection-events">
<li><article class="eds-event-card"><a class="eds-event-card-content__action-link" href="https://www.eventbrite.ca/e/fossil-free-pensions-toronto-tickets-81000000001?aff=ebdssbcollection"><div class="eds-event-card__formatted-name--is-clamped">Fossil Free Pensions – Toronto</div></a>
<div class="eds-event-card-content__sub-title">Sat, Jun 12, 12:00 PM</div>
<div class="card-text--truncated__one">CPP Investments, One Queen Street East • Toronto, ON</div>
<div class="eds-event-card-content__sub">Free</div></article></li>
<li><article class="eds-event-card"><a class="eds-event-card-content__action-link" href="https://www.eventbrite.ca/e/fossil-free-pensions-montreal-tickets-81000000002?aff=ebdssbcollection"><div class="eds-event-card__formatted-name--is-clamped">Fossil Free Pensions – Montréal</div></a>
<div class="eds-event-card-content__sub-title">Sat, Jun 12, 1:00 PM</div>
<div class="card-text--truncated__one">Caisse de dépôt, 1000 Place Jean-Paul-Riopelle • Montréal, QC</div>
<div class="eds-event-card-content__sub">Free</div></article></li>
<li><article class="eds-event-card"><a class="eds-event-card-content__action-link" href="https://www.eventbrite.ca/e/fossil-free-pensions-vancouver-tickets-81000000003?aff=ebdssbcollection"><div class="eds-event-card__formatted-name--is-clamped">Fossil Free Pensions – Vancouver</div></a>
<div class="eds-event-card-content__sub-title">Sat, Jun 12, 11:00 AM</div>
<div class="card-text--truncated__one">BCI Vancouver, 750 West Pender Street • Vancouver, BC</div>
<div class="eds-event-card-content__sub">Free</div></article></li>
</ul>
<section class="collection-more"><h2>More collections by Divest Canada</h2>
<p><a href="https://www.eventbrite.ca/cc/climate-strikes-2026-99001">Climate strikes 2026</a> · 12 events</p></section>
</main>
""",
}
