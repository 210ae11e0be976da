# ruff: noqa: E501, W293  (pages as exports write them: long HTML lines, indented blank lines)
"""The pages of the eleventh round of unseen protest pages (`test_unseen_pages_eleventh`), in
the shapes site builders and exports leave them: Squarespace's events collection, a Ghost
post, a Notion export (callouts as <aside>, toggles as bullets over indented details),
Google Sites' spans, a page of link buttons, a press release, <details> per city, tables
headed in Polish and Turkish, dates as "Sa., 14.6.", "12 giugno, ore 15", "6月12日（土）15時",
"12 Haziran Cumartesi", "sobota 12 czerwca", hours as "Uhr", "uur", "h", "hs", an online
call beside rallies, cities called off in three languages, a city on two days.

Written here for these tests; the places, links and groups are made up. `EXPECTED` lists
what a careful organizer imports from each page.
"""

from datetime import date, time

T = time
D = date
AMS, BER, PAR, MAD, LIS = (
    "Europe/Amsterdam",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Lisbon",
)

# (city, country, day, starts, ends, zone, venue, signup, cancelled) of each page's events.
EXPECTED: dict[str, list[tuple]] = {
    "squarespace_nl.md": [
        ("Groningen", "NL", D(2027, 6, 12), T(14), T(16), AMS, "Vismarkt",
         "https://fietsersbondnoord.example.nl/aanmelden-groningen", False),
        ("Leeuwarden", "NL", D(2027, 6, 19), T(13, 30), T(15, 30), AMS, "Oldehoofsterkerkhof",
         "https://fietsersbondnoord.example.nl/aanmelden-leeuwarden", False),
    ],
    "ghost_fr.md": [
        ("Lyon", "FR", D(2027, 6, 12), T(14), None, PAR, "place Bellecour",
         "https://framaforms.org/marche-lyon", False),
        ("Grenoble", "FR", D(2027, 6, 12), T(14, 30), None, PAR, "place Victor-Hugo",
         "https://framaforms.org/marche-grenoble", False),
        ("Clermont-Ferrand", "FR", D(2027, 6, 12), T(15), None, PAR, "place de Jaude", "", False),
        ("Saint-Étienne", "FR", D(2027, 6, 12), T(14), None, PAR, "place Jean-Jaurès", "", True),
    ],
    "notion_es.md": [
        ("Madrid", "ES", D(2027, 6, 12), T(12), None, MAD, "Puerta del Sol",
         "https://forms.gle/CadenaMadrid", False),
        ("Seville", "ES", D(2027, 6, 12), T(19), None, MAD, "Plaza Nueva",
         "https://forms.gle/CadenaSevilla", False),
        ("Zaragoza", "ES", D(2027, 6, 12), T(12), None, MAD, "Plaza del Pilar", "", False),
    ],
    "gsites_pt.md": [
        ("Lisbon", "PT", D(2027, 6, 12), T(15), None, LIS, "Praça do Comércio",
         "https://forms.gle/MarchaLisboa", False),
        ("Porto", "PT", D(2027, 6, 12), T(16, 30), None, LIS, "Avenida dos Aliados",
         "https://forms.gle/MarchaPorto", False),
        ("Coimbra", "PT", D(2027, 6, 12), T(15), None, LIS, "Largo da Portagem", "", False),
    ],
    "links_de.md": [
        ("Berlin", "DE", D(2027, 6, 14), T(14), None, BER, "Rotes Rathaus",
         "https://pretix.eu/wohnen/berlin/", False),
        ("Hamburg", "DE", D(2027, 6, 14), T(15), None, BER, "Jungfernstieg",
         "https://pretix.eu/wohnen/hamburg/", False),
        ("Cologne", "DE", D(2027, 6, 15), T(12), None, BER, "Heumarkt",
         "https://pretix.eu/wohnen/koeln/", False),
    ],
    "press_nl.md": [
        ("Amsterdam", "NL", D(2027, 6, 12), T(14), None, AMS, "", "", False),
        ("Rotterdam", "NL", D(2027, 6, 12), T(14), None, AMS, "", "", False),
        ("Utrecht", "NL", D(2027, 6, 12), T(14), None, AMS, "", "", False),
    ],
    "details_sv.md": [
        ("Gothenburg", "SE", D(2027, 6, 12), T(13), None, "Europe/Stockholm",
         "Gustaf Adolfs torg", "https://forms.gle/KlimatGBG", False),
        ("Malmö", "SE", D(2027, 6, 12), T(14), None, "Europe/Stockholm", "Stortorget", "", False),
        ("Umeå", "SE", D(2027, 6, 12), T(12), None, "Europe/Stockholm", "Rådhustorget",
         "https://forms.gle/KlimatUmea", False),
    ],
    "table_pl.md": [
        ("Warsaw", "PL", D(2027, 6, 12), T(15), None, "Europe/Warsaw", "Plac Zamkowy",
         "https://forms.gle/MarszWarszawa", False),
        ("Kraków", "PL", D(2027, 6, 12), T(14), None, "Europe/Warsaw", "Rynek Główny",
         "https://forms.gle/MarszKrakow", False),
        ("Gdańsk", "PL", D(2027, 6, 13), T(16), None, "Europe/Warsaw", "Długi Targ", "", False),
    ],
    "table_tr.md": [
        ("Istanbul", "TR", D(2027, 6, 12), T(15), None, "Europe/Istanbul",
         "Kadıköy İskele Meydanı", "https://forms.gle/YuruyusIstanbul", False),
        ("Ankara", "TR", D(2027, 6, 12), T(16), None, "Europe/Istanbul", "Kuğulu Park",
         "https://forms.gle/YuruyusAnkara", False),
        ("İzmir", "TR", D(2027, 6, 13), T(17, 30), None, "Europe/Istanbul", "Gündoğdu Meydanı",
         "", False),
    ],
    "it_ore.md": [
        ("Turin", "IT", D(2027, 6, 12), T(15), None, "Europe/Rome", "piazza Castello",
         "https://forms.gle/ScioperoTorino", False),
        ("Bologna", "IT", D(2027, 6, 12), T(16), None, "Europe/Rome", "piazza Maggiore",
         "https://forms.gle/ScioperoBologna", False),
        ("Naples", "IT", D(2027, 6, 13), T(10, 30), None, "Europe/Rome", "piazza del Plebiscito",
         "", False),
    ],
    "ja.md": [
        ("Tokyo", "JP", D(2027, 6, 12), T(15), None, "Asia/Tokyo", "代々木公園 ケヤキ並木",
         "https://forms.gle/KikoTokyo", False),
        ("Osaka", "JP", D(2027, 6, 12), T(14), None, "Asia/Tokyo", "扇町公園",
         "https://forms.gle/KikoOsaka", False),
        ("Fukuoka", "JP", D(2027, 6, 13), T(13, 30), None, "Asia/Tokyo", "天神中央公園", "", False),
    ],
    "zoom_mixed.md": [
        ("Bristol", "GB", D(2027, 6, 12), T(10), T(13), "Europe/London", "Castle Park",
         "https://forms.gle/RiversBristol", False),
        ("Nottingham", "GB", D(2027, 6, 12), T(11), None, "Europe/London", "Trent Embankment",
         "https://forms.gle/RiversNotts", False),
        ("", "", D(2027, 6, 12), T(19), None, "Europe/London", "", "", False),
    ],
    "cancelled.md": [
        ("Munich", "DE", D(2027, 6, 12), T(14), None, BER, "Odeonsplatz",
         "https://forms.gle/AktionMuenchen", False),
        ("Stuttgart", "DE", D(2027, 6, 12), T(14), None, BER, "Schlossplatz", "", True),
        ("Strasbourg", "FR", D(2027, 6, 12), T(15), None, PAR, "place Kléber",
         "https://forms.gle/ActionStrasbourg", False),
        ("Mulhouse", "FR", D(2027, 6, 12), None, None, PAR, "place de la Réunion", "", True),
        ("Maastricht", "NL", D(2027, 6, 12), T(13), None, AMS, "Vrijthof", "", True),
        ("Eindhoven", "NL", D(2027, 6, 12), T(13), None, AMS, "Stadhuisplein",
         "https://forms.gle/ActieEindhoven", False),
    ],
    "twice_es.md": [
        ("Buenos Aires", "AR", D(2027, 6, 12), T(15), None, "America/Argentina/Buenos_Aires",
         "Plaza de Mayo", "https://forms.gle/CaravanaBA1", False),
        ("Rosario", "AR", D(2027, 6, 13), T(11), None, "America/Argentina/Cordoba",
         "Monumento a la Bandera", "", False),
        ("Buenos Aires", "AR", D(2027, 6, 19), T(16), None, "America/Argentina/Buenos_Aires",
         "Parque Centenario", "https://forms.gle/CaravanaBA2", False),
        ("Córdoba", "AR", D(2027, 6, 19), T(17, 30), None, "America/Argentina/Cordoba",
         "Plaza San Martín", "", False),
    ],
}  # fmt: skip


PAGES: dict[str, str] = {
    "squarespace_nl.md": """\
---
title: Acties – Fietsersbond Noord
date: 2027-05-14
---

<div class="eventlist eventlist--upcoming">
<article class="eventlist-event eventlist-event--upcoming">
  <div class="eventlist-column-info">
    <h1 class="eventlist-title"><a href="/acties/fietsdemo-groningen" class="eventlist-title-link">Fietsdemo Groningen</a></h1>
    <ul class="eventlist-meta event-meta">
      <li class="eventlist-meta-item eventlist-meta-date event-meta-item"><time class="event-date" datetime="2027-06-12">zaterdag 12 juni 2027</time></li>
      <li class="eventlist-meta-item eventlist-meta-time event-meta-item"><span class="event-time-localized"><time class="event-time-localized-start" datetime="2027-06-12">14:00</time><span class="event-datetime-divider"></span><time class="event-time-localized-end" datetime="2027-06-12">16:00</time></span></li>
      <li class="eventlist-meta-item eventlist-meta-address event-meta-item">Vismarkt <a href="http://maps.google.com?q=Vismarkt Groningen" class="eventlist-meta-address-maplink" target="_blank">(kaart)</a></li>
    </ul>
    <a href="https://fietsersbondnoord.example.nl/aanmelden-groningen" class="eventlist-button sqs-editable-button">Aanmelden</a>
  </div>
</article>
<article class="eventlist-event eventlist-event--upcoming">
  <div class="eventlist-column-info">
    <h1 class="eventlist-title"><a href="/acties/fietsdemo-leeuwarden" class="eventlist-title-link">Fietsdemo Leeuwarden</a></h1>
    <ul class="eventlist-meta event-meta">
      <li class="eventlist-meta-item eventlist-meta-date event-meta-item"><time class="event-date" datetime="2027-06-19">zaterdag 19 juni 2027</time></li>
      <li class="eventlist-meta-item eventlist-meta-time event-meta-item"><span class="event-time-localized"><time class="event-time-localized-start" datetime="2027-06-19">13:30</time><span class="event-datetime-divider"></span><time class="event-time-localized-end" datetime="2027-06-19">15:30</time></span></li>
      <li class="eventlist-meta-item eventlist-meta-address event-meta-item">Oldehoofsterkerkhof <a href="http://maps.google.com?q=Oldehoofsterkerkhof Leeuwarden" class="eventlist-meta-address-maplink" target="_blank">(kaart)</a></li>
    </ul>
    <a href="https://fietsersbondnoord.example.nl/aanmelden-leeuwarden" class="eventlist-button sqs-editable-button">Aanmelden</a>
  </div>
</article>
</div>
""",
    "ghost_fr.md": """\
---
title: "Marche pour les forêts : rendez-vous le samedi 12 juin 2027"
date: 2027-05-20
---

<div class="gh-content gh-canvas">
<p>Le <strong>samedi 12 juin 2027</strong>, nous marchons pour les forêts dans plusieurs villes. Voici les points de rendez-vous :</p>
<ul>
<li><strong>Lyon</strong> — place Bellecour, 14h — <a href="https://framaforms.org/marche-lyon">inscription</a></li>
<li><strong>Grenoble</strong> — place Victor-Hugo, 14h30 — <a href="https://framaforms.org/marche-grenoble">inscription</a></li>
<li><strong>Clermont-Ferrand</strong> — place de Jaude, 15h</li>
<li><del><strong>Saint-Étienne</strong> — place Jean-Jaurès, 14h</del> annulé</li>
</ul>
<figure class="kg-card kg-image-card"><img src="https://example.org/content/images/2027/05/foret.jpg" class="kg-image" alt="" loading="lazy"></figure>
<p>Pourquoi marcher ? Parce que les coupes rases ne cessent d'augmenter.</p>
</div>
""",
    "notion_es.md": """\
---
title: Cadena humana por el clima
date: 2027-05-11
---

# Cadena humana por el clima

<aside>
📣 Sábado 12 de junio de 2027. Todas las cadenas empiezan a las 12:00 hora local salvo que se indique otra hora.

</aside>

- Madrid
    
    Lugar: Puerta del Sol
    
    Inscripción: [aquí](https://forms.gle/CadenaMadrid)
    
- Sevilla
    
    Lugar: Plaza Nueva, a las 19:00 (por el calor)
    
    Inscripción: [aquí](https://forms.gle/CadenaSevilla)
    
- Zaragoza
    
    Lugar: Plaza del Pilar
    

<aside>
💡 ¿Tu ciudad no está? Escríbenos a cadena@example.es

</aside>
""",
    "gsites_pt.md": """\
---
title: Marcha pelo Clima 2027
date: 2027-05-03
---

<div class="tyJCtd mGzaTb Depvyb baZpAe"><p class="zfr3Q CDt4Ke " dir="ltr"><span class="C9DxTc ">A Marcha pelo Clima volta às ruas no </span><span class="C9DxTc " style="font-weight: 700;">sábado, 12 de junho de 2027</span><span class="C9DxTc ">.</span></p></div>
<div class="tyJCtd mGzaTb Depvyb baZpAe"><h3 class="zfr3Q OmQG5e " dir="ltr"><span class="C9DxTc ">Lisboa</span></h3><p class="zfr3Q CDt4Ke " dir="ltr"><span class="C9DxTc ">Praça do Comércio, às 15h. </span><a class="XqQF9c" href="https://www.google.com/url?q=https%3A%2F%2Fforms.gle%2FMarchaLisboa&amp;sa=D&amp;sntz=1&amp;usg=AOvVaw1" target="_blank"><span class="C9DxTc aw5Odc ">Inscreve-te</span></a></p><h3 class="zfr3Q OmQG5e " dir="ltr"><span class="C9DxTc ">Porto</span></h3><p class="zfr3Q CDt4Ke " dir="ltr"><span class="C9DxTc ">Avenida dos Aliados, às 16h30. </span><a class="XqQF9c" href="https://www.google.com/url?q=https%3A%2F%2Fforms.gle%2FMarchaPorto&amp;sa=D&amp;sntz=1&amp;usg=AOvVaw2" target="_blank"><span class="C9DxTc aw5Odc ">Inscreve-te</span></a></p><h3 class="zfr3Q OmQG5e " dir="ltr"><span class="C9DxTc ">Coimbra</span></h3><p class="zfr3Q CDt4Ke " dir="ltr"><span class="C9DxTc ">Largo da Portagem, às 15h.</span></p></div>
""",
    "links_de.md": """\
---
title: Aktionstag Wohnen
date: 2027-05-25
---

# Aktionstag Wohnen 🏠

Mieten runter! Alle Aktionen im Überblick 👇

[🗓️ Berlin – Sa., 14.6., 14 Uhr, Rotes Rathaus](https://pretix.eu/wohnen/berlin/)

[🗓️ Hamburg – Sa., 14.6., 15 Uhr, Jungfernstieg](https://pretix.eu/wohnen/hamburg/)

[🗓️ Köln – So., 15.6., 12 Uhr, Heumarkt](https://pretix.eu/wohnen/koeln/)

[📸 Instagram](https://www.instagram.com/aktionstag.wohnen/)

[✉️ Newsletter](https://aktionstag-wohnen.example.de/newsletter)
""",
    "press_nl.md": """\
---
title: "Persbericht: duizenden fietsers eisen veilige routes"
date: 2027-05-28
---

# Persbericht: duizenden fietsers eisen veilige routes

**UTRECHT, 28 mei 2027** – Op zaterdag 12 juni 2027 om 14.00 uur gaan fietsers de straat op in Amsterdam, Rotterdam en Utrecht. De fietsersbeweging vraagt de regering om een landelijk plan voor veilige fietsroutes.

"Elke week vallen er slachtoffers", zegt woordvoerder Anouk de Vries. "Wij willen dat dit stopt."

### Noot voor de redactie

Voor interviews: pers@example.nl of 06-12345678.
""",
    "details_sv.md": """\
---
title: Klimatmanifestation 12 juni 2027
date: 2027-05-09
---

Vi samlas lördagen den 12 juni 2027 på tre orter. Klicka på din ort för detaljer.

<details>
<summary>Göteborg</summary>
<p>Gustaf Adolfs torg, kl. 13.00. <a href="https://forms.gle/KlimatGBG">Anmäl dig här</a></p>
</details>

<details>
<summary>Malmö</summary>
<p>Stortorget, kl. 14.00.</p>
</details>

<details>
<summary>Umeå</summary>
<p>Rådhustorget, kl. 12.00. <a href="https://forms.gle/KlimatUmea">Anmäl dig här</a></p>
</details>
""",
    "table_pl.md": """\
---
title: Marsz dla Klimatu
date: 2027-05-15
---

Zapraszamy na marsze w całej Polsce! Zbiórki w trzech miastach, w dwa dni.

| Miasto | Miejsce zbiórki | Data | Godzina | Zapisy |
| --- | --- | --- | --- | --- |
| Warszawa | Plac Zamkowy | sobota 12 czerwca 2027 | godz. 15:00 | [formularz](https://forms.gle/MarszWarszawa) |
| Kraków | Rynek Główny | sobota 12 czerwca 2027 | godz. 14:00 | [formularz](https://forms.gle/MarszKrakow) |
| Gdańsk | Długi Targ | niedziela 13 czerwca 2027 | godz. 16:00 | |
""",
    "table_tr.md": """\
---
title: İklim Yürüyüşü 2027
date: 2027-05-15
---

| Şehir | Buluşma Yeri | Tarih | Saat | Kayıt |
| --- | --- | --- | --- | --- |
| İstanbul | Kadıköy İskele Meydanı | 12 Haziran Cumartesi | 15.00 | [Kayıt ol](https://forms.gle/YuruyusIstanbul) |
| Ankara | Kuğulu Park | 12 Haziran Cumartesi | 16.00 | [Kayıt ol](https://forms.gle/YuruyusAnkara) |
| İzmir | Gündoğdu Meydanı | 13 Haziran Pazar | 17.30 | |
""",
    "it_ore.md": """\
---
title: Sciopero per il clima
date: 2027-05-20
---

# Sciopero per il clima

Il 12 giugno scendiamo in piazza in tutta Italia!

- **Torino** — 12 giugno, ore 15, piazza Castello — [iscriviti](https://forms.gle/ScioperoTorino)
- **Bologna** — 12 giugno, ore 16, piazza Maggiore — [iscriviti](https://forms.gle/ScioperoBologna)
- **Napoli** — 13 giugno, ore 10.30, piazza del Plebiscito
""",
    "ja.md": """\
---
title: 気候マーチ2027
date: 2027-05-18
---

# 気候マーチ2027

全国で同時開催します。

- **東京** 6月12日（土）15時 代々木公園 ケヤキ並木 → [参加登録](https://forms.gle/KikoTokyo)
- **大阪** 6月12日（土）14時 扇町公園 → [参加登録](https://forms.gle/KikoOsaka)
- **福岡** 6月13日（日）13時30分 天神中央公園
""",
    "zoom_mixed.md": """\
---
title: Global Day for Clean Rivers – 12 June 2027
date: 2027-05-12
---

Join a river clean-up near you, or tune in online.

- **Bristol** — Castle Park, 10:00–13:00 — [sign up](https://forms.gle/RiversBristol)
- **Nottingham** — Trent Embankment, 11:00 — [sign up](https://forms.gle/RiversNotts)
- **Online** — livestream and talks, 19:00 BST on [Zoom](https://us02web.zoom.us/j/81234567890?pwd=RiverTalk)
""",
    "cancelled.md": """\
---
title: Aktionstag / Journée d'action / Actiedag – 12. Juni 2027
date: 2027-05-22
---

## Deutschland

- **München** – Odeonsplatz, 14 Uhr – [Anmelden](https://forms.gle/AktionMuenchen)
- **Stuttgart** – Schlossplatz, 14 Uhr – Abgesagt

## France

- **Strasbourg** – place Kléber, 15h – [s'inscrire](https://forms.gle/ActionStrasbourg)
- **Mulhouse** – place de la Réunion – annulé

## Nederland

- **Maastricht** – Vrijthof, 13.00 uur – geannuleerd
- **Eindhoven** – Stadhuisplein, 13.00 uur – [aanmelden](https://forms.gle/ActieEindhoven)
""",
    "twice_es.md": """\
---
title: Caravana por el agua
date: 2027-05-10
---

# Caravana por el agua

La caravana recorre el país durante dos fines de semana.

- **Buenos Aires** — sábado 12 de junio, 15 hs, Plaza de Mayo — [inscribite](https://forms.gle/CaravanaBA1)
- **Rosario** — domingo 13 de junio, 11 hs, Monumento a la Bandera
- **Buenos Aires** — sábado 19 de junio, 16 hs, Parque Centenario — [inscribite](https://forms.gle/CaravanaBA2)
- **Córdoba** — sábado 19 de junio, 17.30 hs, Plaza San Martín
""",
}

# Pages of a group with its next meeting in schema.org data, and of past schema.org events.
PAGES_OF_GROUPS: dict[str, str] = {
    "meetup_nl": """\
---
title: Klimaatgroep Utrecht
date: 2027-05-02
---

<script type="application/ld+json">
{"@context":"https://schema.org","@type":"Event","name":"Maandelijkse open avond",\
"startDate":"2027-06-10T19:30:00+02:00","endDate":"2027-06-10T21:30:00+02:00",\
"eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode",\
"location":{"@type":"Place","name":"Buurthuis De Pijler","address":{"@type":"PostalAddress",\
"streetAddress":"Oudegracht 245","addressLocality":"Utrecht","addressCountry":"NL"}},\
"url":"https://www.meetup.com/klimaatgroep-utrecht/events/301234567/"}
</script>

# Klimaatgroep Utrecht

Wij zijn een lokale groep van vrijwilligers in Utrecht. Onze open avond is elke tweede \
donderdag van de maand om 19:30, iedereen is welkom.

- [Meetup](https://www.meetup.com/klimaatgroep-utrecht/)
- [WhatsApp-groep](https://chat.whatsapp.com/KlimaatUtrecht27)
- [Instagram](https://www.instagram.com/klimaatgroeputrecht/)
""",
    "past_section_de": """\
---
title: Fahrraddemo für die Verkehrswende
date: 2027-05-10
---

# Fahrraddemo für die Verkehrswende

<script type="application/ld+json">
{"@context":"https://schema.org","@type":"Event","name":"Fahrraddemo Leipzig",\
"startDate":"2027-06-12T14:00:00+02:00","location":{"@type":"Place","name":"Augustusplatz",\
"address":{"@type":"PostalAddress","addressLocality":"Leipzig","addressCountry":"DE"}},\
"url":"https://pretix.eu/verkehrswende/leipzig/"}
</script>

## Vergangene Aktionen

<script type="application/ld+json">
{"@context":"https://schema.org","@type":"Event","name":"Fahrraddemo Dresden",\
"startDate":"2026-09-19T15:00:00+02:00","location":{"@type":"Place","name":"Altmarkt",\
"address":{"@type":"PostalAddress","addressLocality":"Dresden","addressCountry":"DE"}}}
</script>

Im September 2026 waren wir in Dresden auf dem Altmarkt.
""",
    "past_list_de": """\
---
title: Veranstaltungen – Verkehrswende jetzt
date: 2027-05-10
---

<script type="application/ld+json">
[{"@context":"https://schema.org","@type":"Event","name":"Fahrraddemo Leipzig",\
"startDate":"2027-06-12T14:00:00+02:00","location":{"@type":"Place","name":"Augustusplatz",\
"address":{"@type":"PostalAddress","addressLocality":"Leipzig","addressCountry":"DE"}}},
{"@context":"https://schema.org","@type":"Event","name":"Fahrraddemo Dresden",\
"startDate":"2026-09-19T15:00:00+02:00","location":{"@type":"Place","name":"Altmarkt",\
"address":{"@type":"PostalAddress","addressLocality":"Dresden","addressCountry":"DE"}}}]
</script>
""",
}
