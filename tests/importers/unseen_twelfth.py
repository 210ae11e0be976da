# ruff: noqa: E501, W293  (pages as exports write them: long HTML lines, indented blank lines)
"""The pages of the twelfth round of unseen protest pages (`test_unseen_pages_twelfth`), in
shapes the earlier rounds lack: a Mailchimp newsletter's nested tables with a mailing address
in its footer, a German table whose "″", "dto." and "s.o." cells repeat the row above, "UPDATE"
lines at the top that move one city and call off another, signups as bare domains
("lu.ma/…", "partiful.com/e/…"), a Discourse post's `[details=…]` and `[date=… timezone=…]`
tags, a Reddit table whose hours are all Eastern for cities in four zones, an Eventbrite
organizer page ("Sat, Jun 12 • 2:00 PM GMT+1") with its past events, a Belgian `<dl>` list, a
Hugo page whose cities live in its front matter, a MediaWiki table in Czech, a Japanese page
in full-width digits ("午後２時〜", "午後１時半") and a Korean one whose cities "◆" heads, a
GitHub task list in Portuguese, a Swedish rally with a livestream beside a Zoom call, an
Italian page with later dates of other campaigns, and "City (Country) — venue — time" lines
with an online Jitsi call.

Written here for these tests; the places, links and groups are made up. `EXPECTED` lists
what a careful organizer imports from each page.
"""

from datetime import date, time

T = time
D = date
LON, BER, BRU, NY = "Europe/London", "Europe/Berlin", "Europe/Brussels", "America/New_York"

# (city, country, day, starts, ends, zone, venue, signup, cancelled) of each page's events.
EXPECTED: dict[str, list[tuple]] = {
    "mailchimp_en.md": [
        ("Leeds", "GB", D(2027, 6, 12), T(10), T(13), LON, "Leeds Dock",
         "https://lu.ma/rivers-leeds", False),
        ("Sheffield", "GB", D(2027, 6, 12), T(11), T(14), LON, "Kelham Island Museum",
         "https://lu.ma/rivers-sheffield", False),
        ("York", "GB", D(2027, 6, 12), T(10, 30), None, LON, "Rowntree Park gates", "", False),
    ],
    "ditto_table_de.md": [
        ("Leipzig", "DE", D(2027, 6, 12), T(14), None, BER, "Augustusplatz",
         "https://pretix.eu/vw/leipzig/", False),
        ("Dresden", "DE", D(2027, 6, 12), T(14), None, BER, "Altmarkt",
         "https://pretix.eu/vw/dresden/", False),
        ("Halle", "DE", D(2027, 6, 12), T(15, 30), None, BER, "Marktplatz", "", False),
        ("Erfurt", "DE", D(2027, 6, 13), T(11), None, BER, "Domplatz",
         "https://pretix.eu/vw/erfurt/", False),
        ("Jena", "DE", D(2027, 6, 13), T(11), None, BER, "Holzmarkt", "", False),
    ],
    "update_lines_en.md": [
        ("Manchester", "GB", D(2027, 6, 12), T(13), None, LON, "St Peter's Square",
         "https://actionnetwork.org/events/renters-manchester", False),
        ("Bristol", "GB", D(2027, 6, 13), T(14), None, LON, "College Green",
         "https://actionnetwork.org/events/renters-bristol", False),
        ("Cardiff", "GB", D(2027, 6, 12), T(12), None, LON, "Senedd steps",
         "https://actionnetwork.org/events/renters-cardiff", True),
        ("Glasgow", "GB", D(2027, 6, 12), T(13), None, LON, "George Square", "", False),
    ],
    "bare_domains_en.md": [
        ("San Francisco", "US", D(2027, 6, 12), T(12), T(14), "America/Los_Angeles",
         "OpenAI offices, 1455 3rd St", "https://lu.ma/pause-sf", False),
        ("Washington", "US", D(2027, 6, 12), T(13), None, NY, "Lafayette Square",
         "https://partiful.com/e/Xk2pDC", False),
        ("New York City", "US", D(2027, 6, 12), T(14), None, NY, "Union Square",
         "https://eventbrite.com/e/pause-nyc-tickets-81234567", False),
        ("London", "GB", D(2027, 6, 12), T(14), None, LON, "Parliament Square",
         "https://lu.ma/pause-london", False),
    ],
    "discourse_en.md": [
        ("Amsterdam", "NL", D(2027, 6, 12), T(14), T(16), "Europe/Amsterdam", "Dam Square",
         "https://lu.ma/pause-ams", False),
        ("Berlin", "DE", D(2027, 6, 12), T(13), None, BER, "Brandenburger Tor (Pariser Platz)",
         "https://lu.ma/pause-berlin", False),
        ("Melbourne", "AU", D(2027, 6, 13), T(11), None, "Australia/Melbourne",
         "State Library Victoria lawn", "", False),
    ],
    "reddit_us.md": [
        ("New York City", "US", D(2027, 6, 12), T(11), None, NY, "Tompkins Square Park",
         "https://www.mobilize.us/tenants/event/501/", False),
        ("Chicago", "US", D(2027, 6, 12), T(12), None, "America/Chicago", "Daley Plaza",
         "https://www.mobilize.us/tenants/event/502/", False),
        ("Denver", "US", D(2027, 6, 12), T(13), None, "America/Denver", "Civic Center Park",
         "https://www.mobilize.us/tenants/event/503/", False),
        ("Los Angeles", "US", D(2027, 6, 12), T(14), None, "America/Los_Angeles",
         "Pershing Square", "https://www.mobilize.us/tenants/event/504/", False),
    ],
    "eventbrite_ie.md": [
        ("Dublin", "IE", D(2027, 6, 12), T(14), None, "Europe/Dublin", "Merrion Square Park",
         "https://www.eventbrite.ie/e/climate-walk-dublin-tickets-700000000001", False),
        ("Cork", "IE", D(2027, 6, 12), T(14), None, "Europe/Dublin", "Fitzgerald's Park",
         "https://www.eventbrite.ie/e/climate-walk-cork-tickets-700000000002", False),
        ("Galway", "IE", D(2027, 6, 13), T(11), None, "Europe/Dublin", "Eyre Square",
         "https://www.eventbrite.ie/e/climate-walk-galway-tickets-700000000003", False),
    ],
    "dl_fr.md": [
        ("Brussels", "BE", D(2027, 6, 12), T(14), None, BRU, "Place Flagey",
         "https://www.billetweb.fr/marche-bruxelles", False),
        ("Liège", "BE", D(2027, 6, 12), T(14, 30), None, BRU, "Place Saint-Lambert",
         "https://www.billetweb.fr/marche-liege", False),
        ("Namur", "BE", D(2027, 6, 12), T(15), None, BRU, "Place d'Armes", "", False),
        ("Charleroi", "BE", D(2027, 6, 19), T(14), None, BRU, "Place de la Digue", "", False),
    ],
    "hugo_params_nl.md": [
        ("Amsterdam", "NL", D(2027, 6, 12), T(14), None, "Europe/Amsterdam", "Museumplein",
         "https://actiedagwonen.example.nl/amsterdam", False),
        ("The Hague", "NL", D(2027, 6, 12), T(13), None, "Europe/Amsterdam", "Malieveld",
         "https://actiedagwonen.example.nl/den-haag", False),
        ("Nijmegen", "NL", D(2027, 6, 12), T(14, 30), None, "Europe/Amsterdam", "Valkhof",
         "", False),
    ],
    "mediawiki_cs.md": [
        ("Prague", "CZ", D(2027, 6, 12), T(14), T(16), "Europe/Prague", "Václavské náměstí",
         "https://forms.gle/KlimaPraha", False),
        ("Brno", "CZ", D(2027, 6, 12), T(15), None, "Europe/Prague", "náměstí Svobody",
         "https://forms.gle/KlimaBrno", False),
        ("Ostrava", "CZ", D(2027, 6, 12), T(14), None, "Europe/Prague", "Masarykovo náměstí",
         "", False),
        ("Olomouc", "CZ", D(2027, 6, 12), None, None, "Europe/Prague", "Horní náměstí", "",
         True),
    ],
    "ja_fullwidth.md": [
        ("Sapporo", "JP", D(2027, 6, 12), T(14), T(16), "Asia/Tokyo", "大通公園西3丁目",
         "https://peatix.com/event/3300001", False),
        ("Nagoya", "JP", D(2027, 6, 12), T(11), None, "Asia/Tokyo",
         "久屋大通公園 エディオン久屋広場", "https://peatix.com/event/3300002", False),
        ("Hiroshima", "JP", D(2027, 6, 13), T(13, 30), None, "Asia/Tokyo", "平和大通り 白神社前",
         "", False),
    ],
    "ko_fullwidth.md": [
        ("Seoul", "KR", D(2027, 6, 12), T(14), T(16), "Asia/Seoul", "광화문광장",
         "https://forms.gle/KihuSeoul", False),
        ("Busan", "KR", D(2027, 6, 12), T(15), None, "Asia/Seoul", "부산역 광장", "", False),
    ],
    "tasklist_pt.md": [
        ("Recife", "BR", D(2027, 6, 12), T(15), None, "America/Recife", "Marco Zero",
         "https://forms.gle/MoradiaRecife", False),
        ("Salvador", "BR", D(2027, 6, 12), T(14), None, "America/Bahia", "Campo Grande", "",
         False),
        ("Belo Horizonte", "BR", D(2027, 6, 12), T(10), None, "America/Sao_Paulo",
         "Praça Sete", "https://forms.gle/MoradiaBH", False),
        ("Manaus", "BR", D(2027, 6, 12), None, None, "America/Manaus", "", "", False),
    ],
    "livestream_sv.md": [
        ("Stockholm", "SE", D(2027, 6, 12), T(12), T(14), "Europe/Stockholm", "Mynttorget",
         "https://forms.gle/KlimatSthlm", False),
        ("Uppsala", "SE", D(2027, 6, 12), T(13), None, "Europe/Stockholm", "Stora torget", "",
         False),
        ("", "", D(2027, 6, 12), T(19), None, "Europe/Stockholm", "", "", False),
    ],
    "later_dates_it.md": [
        ("Milan", "IT", D(2027, 6, 12), T(10), None, "Europe/Rome", "piazza Duomo",
         "https://forms.gle/ScioperoMilano", False),
        ("Florence", "IT", D(2027, 6, 12), T(10, 30), None, "Europe/Rome",
         "piazza della Signoria", "", False),
        ("Padua", "IT", D(2027, 6, 12), T(9, 30), None, "Europe/Rome", "Prato della Valle",
         "https://forms.gle/ScioperoPadova", False),
    ],
    "country_in_brackets.md": [
        ("Paris", "FR", D(2027, 6, 12), T(14), None, "Europe/Paris", "Place de la République",
         "https://lu.ma/pauseai-paris", False),
        ("Brussels", "BE", D(2027, 6, 12), T(13), None, BRU, "Mont des Arts",
         "https://lu.ma/pauseai-bxl", False),
        ("Oslo", "NO", D(2027, 6, 12), T(12), None, "Europe/Oslo", "Eidsvolls plass",
         "https://lu.ma/pauseai-oslo", False),
        ("Toronto", "CA", D(2027, 6, 12), T(12), None, "America/Toronto", "Queen's Park",
         "https://lu.ma/pauseai-toronto", False),
        ("", "", D(2027, 6, 12), T(20), None, "UTC", "", "", False),
    ],
}  # fmt: skip


PAGES: dict[str, str] = {
    "mailchimp_en.md": """\
---
title: "June newsletter: Rivers Day is coming"
date: 2027-05-30
---

<center>
<table align="center" border="0" cellpadding="0" cellspacing="0" height="100%" width="100%" id="bodyTable">
<tr><td align="center" valign="top" id="bodyCell">
<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnTextBlock" style="min-width:100%;">
<tbody class="mcnTextBlockOuter"><tr><td valign="top" class="mcnTextBlockInner" style="padding-top:9px;">
<table align="left" border="0" cellpadding="0" cellspacing="0" style="max-width:100%; min-width:100%;" width="100%" class="mcnTextContentContainer">
<tbody><tr><td valign="top" class="mcnTextContent" style="padding-top:0; padding-right:18px; padding-bottom:9px; padding-left:18px;">
<h1>Rivers Day is coming!</h1>
<p>Hi *|FNAME|*,</p>
<p>On <strong>Saturday 12 June</strong> we're out on the riverbanks in three cities. Bring gloves, bring a friend.</p>
<h3>Leeds</h3>
<p>Meet at Leeds Dock, 10am–1pm<br><a href="https://lu.ma/rivers-leeds" target="_blank">RSVP on Luma</a></p>
<h3>Sheffield</h3>
<p>Meet at Kelham Island Museum, 11am–2pm<br><a href="https://lu.ma/rivers-sheffield" target="_blank">RSVP on Luma</a></p>
<h3>York</h3>
<p>Meet at Rowntree Park gates, 10:30am<br>No need to sign up, just turn up!</p>
</td></tr></tbody></table>
</td></tr></tbody></table>
<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnTextBlock" style="min-width:100%;">
<tbody class="mcnTextBlockOuter"><tr><td valign="top" class="mcnTextContent" style="padding:9px 18px; color:#656565; font-size:12px;">
<em>Copyright © 2027 Yorkshire Rivers Volunteers, All rights reserved.</em><br>
You are receiving this email because you joined one of our clean-ups.<br><br>
<strong>Our mailing address is:</strong><br>
Yorkshire Rivers Volunteers<br>12 Example Row<br>Leeds LS1 4AP<br>United Kingdom<br><br>
Want to change how you receive these emails?<br>
You can <a href="*|UPDATE_PROFILE|*">update your preferences</a> or <a href="*|UNSUB|*">unsubscribe from this list</a>.
</td></tr></tbody></table>
</td></tr></table>
</center>
""",
    "ditto_table_de.md": """\
---
title: Aktionstag Verkehrswende 2027
date: 2027-05-18
---

# Aktionstag Verkehrswende

Am Samstag, 12. Juni 2027, und am Sonntag gehen wir in Mitteldeutschland auf die Straße. Wo „″“, „dto.“ oder „s.o.“ steht, gilt die Zeile darüber.

| Stadt | Datum | Uhrzeit | Treffpunkt | Anmeldung |
|---|---|---|---|---|
| Leipzig | Sa., 12.06. | ab 14 Uhr | Augustusplatz | [Anmelden](https://pretix.eu/vw/leipzig/) |
| Dresden | ″ | ″ | Altmarkt | [Anmelden](https://pretix.eu/vw/dresden/) |
| Halle (Saale) | dto. | 15:30 Uhr | Marktplatz | – |
| Erfurt | So., 13.06. | 11 Uhr | Domplatz | [Anmelden](https://pretix.eu/vw/erfurt/) |
| Jena | s.o. | s.o. | Holzmarkt | – |
""",
    "update_lines_en.md": """\
---
title: National Day of Action for Renters – Saturday 12 June 2027
date: 2027-05-20
---

> **UPDATE 9 June:** Because of the harbour festival, the Bristol rally moves to **Sunday 13 June**, same time and place.
>
> **UPDATE 11 June:** Cardiff is called off. Cardiff renters, please join us in Bristol instead.

# Where to find us

- **Manchester** — St Peter's Square, 1pm — [sign up](https://actionnetwork.org/events/renters-manchester)
- **Bristol** — College Green, 2pm — [sign up](https://actionnetwork.org/events/renters-bristol)
- **Cardiff** — Senedd steps, 12pm — [sign up](https://actionnetwork.org/events/renters-cardiff)
- **Glasgow** — George Square, 1pm

Rent controls now. Bring a placard and a neighbour.
""",
    "bare_domains_en.md": """\
---
title: Protests on June 12
date: 2027-05-25
---

# Protests on June 12

We're protesting outside AI labs and in city centers. RSVP so we know how many signs to print.

* San Francisco — 12–2pm, OpenAI offices, 1455 3rd St — RSVP: lu.ma/pause-sf
* Washington, DC — 1pm, Lafayette Square — RSVP: partiful.com/e/Xk2pDC
* New York — 2pm, Union Square — RSVP: eventbrite.com/e/pause-nyc-tickets-81234567
* London — 2pm BST, Parliament Square — RSVP: lu.ma/pause-london

Questions? Join the Discord: discord.gg/pauseprotest
""",
    "discourse_en.md": """\
---
title: "[Announcement] International protest, June 12 – confirmed locations"
date: 2027-05-21
---

Hi all! Here's the list of confirmed locations for the international protest. The forum shows each time in your own timezone.

[details="Amsterdam"]
Location: Dam Square
Time: [date=2027-06-12 time=14:00:00 timezone="Europe/Amsterdam"] → [date=2027-06-12 time=16:00:00 timezone="Europe/Amsterdam"]
Sign up: https://lu.ma/pause-ams
[/details]

[details="Berlin"]
Location: Brandenburger Tor (Pariser Platz)
Time: [date=2027-06-12 time=13:00:00 timezone="Europe/Berlin"]
Sign up: https://lu.ma/pause-berlin
[/details]

[details="Melbourne"]
Location: State Library Victoria lawn
Time: [date=2027-06-13 time=11:00:00 timezone="Australia/Melbourne"]
(Sunday there: the Saturday clashes with a footy final)
[/details]

If your city is missing, reply below! :slight_smile:
""",
    "reddit_us.md": """\
---
title: "Nationwide tenant union day of action - Saturday 6/12, list of cities inside"
date: 2027-06-01
---

**Edit: added Denver!**

Hey r/tenantunions, we're doing a coordinated day of action on **Saturday June 12th**. All times below are **Eastern** so the livestream can go city to city, convert for your own city.

|City|Where|Time (ET)|RSVP|
|:-|:-|:-|:-|
|New York|Tompkins Square Park|11am|[link](https://www.mobilize.us/tenants/event/501/)|
|Chicago|Daley Plaza|1pm|[link](https://www.mobilize.us/tenants/event/502/)|
|Denver|Civic Center Park|3pm|[link](https://www.mobilize.us/tenants/event/503/)|
|Los Angeles|Pershing Square|5pm|[link](https://www.mobilize.us/tenants/event/504/)|

&#x200B;

Solidarity ✊ ^(mods pls don't remove, this was approved in modmail)
""",
    "eventbrite_ie.md": """\
---
title: Climate Walks Ireland Events | Eventbrite
date: 2027-05-15
---

<div class="organizer-profile__events">
<h2 class="organizer-profile__section-title">Upcoming events</h2>
<div class="event-card event-card__vertical">
<a class="event-card-link" href="https://www.eventbrite.ie/e/climate-walk-dublin-tickets-700000000001" aria-label="View Climate Walk Dublin"><h3 class="Typography_root__487rx Typography_body-lg__487rx event-card__clamp-line--two">Climate Walk Dublin</h3></a>
<p class="Typography_root__487rx Typography_body-md-bold__487rx">Sat, Jun 12 • 2:00 PM GMT+1</p>
<p class="Typography_root__487rx Typography_body-md__487rx event-card__clamp-line--one">Merrion Square Park</p>
<div class="DiscoverHorizontalEventCard-module__priceWrapper___3rOUY"><p class="Typography_root__487rx">Free</p></div>
</div>
<div class="event-card event-card__vertical">
<a class="event-card-link" href="https://www.eventbrite.ie/e/climate-walk-cork-tickets-700000000002" aria-label="View Climate Walk Cork"><h3 class="Typography_root__487rx Typography_body-lg__487rx event-card__clamp-line--two">Climate Walk Cork</h3></a>
<p class="Typography_root__487rx Typography_body-md-bold__487rx">Sat, Jun 12 • 2:00 PM GMT+1</p>
<p class="Typography_root__487rx Typography_body-md__487rx event-card__clamp-line--one">Fitzgerald's Park</p>
<div class="DiscoverHorizontalEventCard-module__priceWrapper___3rOUY"><p class="Typography_root__487rx">Free</p></div>
</div>
<div class="event-card event-card__vertical">
<a class="event-card-link" href="https://www.eventbrite.ie/e/climate-walk-galway-tickets-700000000003" aria-label="View Climate Walk Galway"><h3 class="Typography_root__487rx Typography_body-lg__487rx event-card__clamp-line--two">Climate Walk Galway</h3></a>
<p class="Typography_root__487rx Typography_body-md-bold__487rx">Sun, Jun 13 • 11:00 AM GMT+1</p>
<p class="Typography_root__487rx Typography_body-md__487rx event-card__clamp-line--one">Eyre Square</p>
<div class="DiscoverHorizontalEventCard-module__priceWrapper___3rOUY"><p class="Typography_root__487rx">Free</p></div>
</div>
<h2 class="organizer-profile__section-title">Past events</h2>
<div class="event-card event-card__vertical">
<a class="event-card-link" href="https://www.eventbrite.ie/e/climate-walk-limerick-tickets-600000000009" aria-label="View Climate Walk Limerick"><h3 class="Typography_root__487rx Typography_body-lg__487rx event-card__clamp-line--two">Climate Walk Limerick</h3></a>
<p class="Typography_root__487rx Typography_body-md-bold__487rx">Sat, Mar 13 • 2:00 PM GMT</p>
<p class="Typography_root__487rx Typography_body-md__487rx event-card__clamp-line--one">People's Park</p>
</div>
</div>
""",
    "dl_fr.md": """\
---
title: Marches pour le climat – samedi 12 juin 2027
date: 2027-05-19
---

<h2>Samedi 12 juin 2027 : on marche à Bruxelles et en Wallonie</h2>
<p>Rendez-vous dans l'une des quatre villes ci-dessous.</p>
<dl class="rendez-vous">
<dt>Bruxelles</dt>
<dd>Place Flagey · 14h00 · <a href="https://www.billetweb.fr/marche-bruxelles">inscription</a></dd>
<dt>Liège</dt>
<dd>Place Saint-Lambert · 14h30 · <a href="https://www.billetweb.fr/marche-liege">inscription</a></dd>
<dt>Namur</dt>
<dd>Place d'Armes · 15h</dd>
<dt>Charleroi</dt>
<dd>Place de la Digue · 14h · <strong>reporté au samedi 19 juin, même heure</strong></dd>
</dl>
<p>Contact presse : presse@marches.example.be</p>
""",
    "hugo_params_nl.md": """\
---
title: "Actiedag Wonen – 12 juni 2027"
date: 2027-05-16
draft: false
layout: actiedag
steden:
  - stad: Amsterdam
    plek: Museumplein
    tijd: "14:00"
    aanmelden: https://actiedagwonen.example.nl/amsterdam
  - stad: Den Haag
    plek: Malieveld
    tijd: "13:00"
    aanmelden: https://actiedagwonen.example.nl/den-haag
  - stad: Nijmegen
    plek: Valkhof
    tijd: "14:30"
---

Huur omlaag, bouw betaalbaar! Kom op zaterdag 12 juni naar een actie bij jou in de buurt.

{{< steden >}}
""",
    "mediawiki_cs.md": """\
---
title: Klimatický den 2027 – Wiki Klimatické koalice
date: 2027-05-10
---

== Klimatický den – sobota 12. června 2027 ==

Akce se konají ve čtyřech městech. Registrace přes odkaz u každého města.

{| class="wikitable sortable"
! Město !! Místo !! Čas !! Registrace
|-
| Praha || Václavské náměstí || 14:00–16:00 || [https://forms.gle/KlimaPraha registrace]
|-
| Brno || náměstí Svobody || 15:00 || [https://forms.gle/KlimaBrno registrace]
|-
| Ostrava || Masarykovo náměstí || 14:00 ||
|-
| Olomouc || Horní náměstí || ''zrušeno'' ||
|}

[[Kategorie:Akce 2027]]
""",
    "ja_fullwidth.md": """\
---
title: 動物たちのための全国アクション
date: 2027-05-20
---

# 動物たちのための全国アクション

２０２７年６月１２日（土）・１３日（日）、全国３都市でスタンディングを行います。

■札幌
日時：６月１２日（土）午後２時〜午後４時
場所：大通公園西３丁目
申込：https://peatix.com/event/3300001

■名古屋
日時：６月１２日（土）午前１１時〜
場所：久屋大通公園 エディオン久屋広場
申込：https://peatix.com/event/3300002

■広島
日時：６月１３日（日）午後１時半〜
場所：平和大通り 白神社前
※雨天決行
""",
    "ko_fullwidth.md": """\
---
title: 기후 행동의 날 2027
date: 2027-05-18
---

# 기후 행동의 날

２０２７년 ６월 １２일（토）전국 동시 집회

◆ 서울
일시：６월 １２일（토） 오후 ２시～４시
장소：광화문광장
신청：https://forms.gle/KihuSeoul

◆ 부산
일시：６월 １２일（토） 오후 ３시
장소：부산역 광장
""",
    "tasklist_pt.md": """\
---
title: "Dia Nacional de Luta pela Moradia — 12/06/2027 · Issue #42"
date: 2027-05-12
---

## Cidades confirmadas

Marquem a caixa quando o ato estiver confirmado com a prefeitura.

- [x] **Recife** — Marco Zero, 15h — inscrição: https://forms.gle/MoradiaRecife
- [x] **Salvador** — Campo Grande, 14h
- [x] **Belo Horizonte** — Praça Sete, 10h — inscrição: https://forms.gle/MoradiaBH
- [ ] **Manaus** — local a definir
""",
    "livestream_sv.md": """\
---
title: Folkets klimatmöte 12 juni 2027
date: 2027-05-22
---

# Folkets klimatmöte 12 juni 2027

**Stockholm** – Mynttorget kl. 12–14. Talen livesänds på [YouTube](https://www.youtube.com/live/abc123XYZ). Anmälan [här](https://forms.gle/KlimatSthlm).

**Uppsala** – Stora torget kl. 13.

**Digitalt** – för dig som inte kan komma: samtal på Zoom kl. 19.00. [Länk till mötet](https://zoom.us/j/9876543210)
""",
    "later_dates_it.md": """\
---
title: Sciopero per il clima – 12 giugno 2027
date: 2027-05-20
---

# 12 giugno: sciopero per il clima

- **Milano** — piazza Duomo, ore 10 — [iscriviti](https://forms.gle/ScioperoMilano)
- **Firenze** — piazza della Signoria, ore 10.30
- **Padova** — Prato della Valle, ore 9.30 — [iscriviti](https://forms.gle/ScioperoPadova)

## Prossimi appuntamenti

- 26 settembre — sciopero globale per il clima, in tutte le città (dettagli a settembre)
- 8 ottobre, Roma — assemblea nazionale al Cinema Palazzo, ore 17
""",
    "country_in_brackets.md": """\
---
title: Global day of action – 12 June 2027
date: 2027-05-27
---

# Global day of action – 12 June 2027

All times are local unless marked.

- Paris (France) — Place de la République — 14:00 — lu.ma/pauseai-paris
- Brussels (Belgium) — Mont des Arts — 13:00 — lu.ma/pauseai-bxl
- Oslo (Norway) — Eidsvolls plass — 12:00 — lu.ma/pauseai-oslo
- Toronto (Canada) — Queen's Park — 12:00 — lu.ma/pauseai-toronto
- Online (worldwide) — a call for those without a local group — 20:00 UTC — meet.jit.si/GlobalDayCall
""",
}
