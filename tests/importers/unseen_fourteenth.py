# ruff: noqa: E501, RUF001  (pages as people write them: long lines, look-alike dashes)
"""The pages of the fourteenth round of unseen protest pages (`test_unseen_pages_fourteenth`),
in shapes the earlier rounds lack: Nordic cities as level-3 headings under their country's
level-2 heading, each with a two-column table of its facts below (one with bare hours,
"13–15", one whose time is still to come); a Finnish list whose day
follows the city in parentheses ("Tampere (su 13.6.)"); a Catalan page whose "Accions
anteriors" section lists what was already held; a Filipino page with a Zoom teach-in beside
its rallies; a Swiss page in three languages ("14:00 Uhr bis 16 Uhr", "14h–16h", "dalle 14
alle 16"); a Slovak list with cities struck through with ~~ and <del>; a Brazilian
Instagram caption whose city cards (a name in bold over "📍", "🕑" and "🔗" lines) follow one
another with no blank line, one venue on its own line below a lone "📍", and signups that are
Linktrees (one written without "https://") and a WhatsApp group; a Korean page whose cities
are only in Hangul and whose fields "/" sets apart; a Ukrainian overnight vigil from one
evening to the next morning and a camp over two days; a right-to-left Hebrew page in HTML
(`dir="rtl"`, direction marks, a city in <del>); an Afrikaans page ("van 10:00 tot 12:00",
"Kaapstad", "12 Junie"); and a Mexican page with "CDMX", "5 de la tarde" and "de 10 a 13 hrs".

Written here for these tests; the places, links and groups are made up. `EXPECTED` lists
what a careful organizer imports from each page.
"""

from datetime import date, time

T = time
D = date
CPH, STO, OSL = "Europe/Copenhagen", "Europe/Stockholm", "Europe/Oslo"
HEL, MAD, ZRH = "Europe/Helsinki", "Europe/Madrid", "Europe/Zurich"
MNL, SAO, SEO = "Asia/Manila", "America/Sao_Paulo", "Asia/Seoul"
KYI, JER, JNB, MEX = "Europe/Kyiv", "Asia/Jerusalem", "Africa/Johannesburg", "America/Mexico_City"

# (city, country, day, starts, ends, zone, venue, signup, cancelled) of each page's events.
EXPECTED: dict[str, list[tuple]] = {
    "nordic_tables_da.md": [
        ("Copenhagen", "DK", D(2027, 6, 12), T(14), T(16), CPH, "Rådhuspladsen",
         "https://www.billetto.dk/e/klimamarch-kobenhavn-4411", False),
        ("Århus", "DK", D(2027, 6, 12), T(13), T(15), CPH, "Bispetorv", "", False),
        ("Odense", "DK", D(2027, 6, 12), None, None, CPH, "Flakhaven", "", False),
        ("Malmö", "SE", D(2027, 6, 12), T(14), T(15, 30), STO, "Stortorget",
         "https://www.billetto.se/e/klimatmarsch-malmo-4412", False),
        ("Oslo", "NO", D(2027, 6, 12), T(12), None, OSL, "Eidsvolls plass", "", False),
    ],
    "day_in_parens_fi.md": [
        ("Turku", "FI", D(2027, 6, 11), T(17), None, HEL, "Kauppatori",
         "https://www.lyyti.fi/reg/metsat-turku", False),
        ("Helsinki", "FI", D(2027, 6, 12), T(14), T(16), HEL, "Senaatintori",
         "https://www.lyyti.fi/reg/metsat-helsinki", False),
        ("Tampere", "FI", D(2027, 6, 13), T(12), None, HEL, "Keskustori", "", False),
        ("Oulu", "FI", D(2027, 6, 12), T(13), None, HEL, "Rotuaari",
         "https://www.lyyti.fi/reg/metsat-oulu", False),
    ],
    "past_actions_ca.md": [
        ("Barcelona", "ES", D(2027, 6, 12), T(18), T(20), MAD, "plaça de Sant Jaume",
         "https://forms.gle/HabitatgeBcn", False),
        ("Girona", "ES", D(2027, 6, 12), T(11), None, MAD, "plaça del Vi", "", False),
        ("Lleida", "ES", D(2027, 6, 12), T(19), None, MAD, "plaça de la Paeria",
         "https://forms.gle/HabitatgeLleida", False),
    ],
    "online_beside_fil.md": [
        ("Quezon City", "PH", D(2027, 6, 12), T(9), None, MNL, "Quezon Memorial Circle",
         "https://forms.gle/KlimaQC", False),
        ("Cebu City", "PH", D(2027, 6, 12), T(15), None, MNL, "Plaza Independencia",
         "https://forms.gle/KlimaCebu", False),
        ("Davao", "PH", D(2027, 6, 12), T(14), T(16), MNL, "Rizal Park", "", False),
        ("", "", D(2027, 6, 12), T(20), None, MNL, "", "", False),
    ],
    "three_languages_ch.md": [
        ("Zürich", "CH", D(2027, 6, 12), T(14), T(16), ZRH, "Helvetiaplatz",
         "https://climatestrike.ch/events/zuerich", False),
        ("Bern", "CH", D(2027, 6, 12), T(13, 30), T(15), ZRH, "Bundesplatz", "", False),
        ("Geneva", "CH", D(2027, 6, 12), T(14), T(16), ZRH, "Plaine de Plainpalais",
         "https://climatestrike.ch/events/geneve", False),
        ("Lugano", "CH", D(2027, 6, 12), T(14), T(16), ZRH, "Piazza della Riforma", "", False),
    ],
    "struck_cities_sk.md": [
        ("Bratislava", "SK", D(2027, 6, 12), T(17), None, "Europe/Bratislava",
         "Námestie SNP", "https://forms.gle/SlobodneBA", False),
        ("Košice", "SK", D(2027, 6, 12), T(17), None, "Europe/Bratislava", "Hlavná ulica",
         "", True),
        ("Žilina", "SK", D(2027, 6, 12), T(18), None, "Europe/Bratislava",
         "Mariánske námestie", "https://forms.gle/SlobodneZA", False),
        ("Nitra", "SK", D(2027, 6, 12), T(17), None, "Europe/Bratislava",
         "Svätoplukovo námestie", "", True),
    ],
    "pin_lines_pt_br.md": [
        ("São Paulo", "BR", D(2027, 6, 12), T(14), T(17), SAO, "Vão Livre do MASP, Av. Paulista, 1578",
         "https://linktr.ee/marchapelasaguas.sp", False),
        ("Rio de Janeiro", "BR", D(2027, 6, 12), T(10), None, SAO, "Cinelândia",
         "https://linktr.ee/marchapelasaguas.rj", False),
        ("Belo Horizonte", "BR", D(2027, 6, 12), T(9), None, SAO, "Praça da Liberdade",
         "https://chat.whatsapp.com/MarchaBH2027", False),
    ],
    "hangul_only_ko.md": [
        ("Seoul", "KR", D(2027, 6, 12), T(14), T(16), SEO, "광화문광장",
         "https://forms.gle/GihuSeoul", False),
        ("Busan", "KR", D(2027, 6, 12), T(15), None, SEO, "서면 쥬디스태화 앞",
         "https://forms.gle/GihuBusan", False),
        ("Daegu", "KR", D(2027, 6, 12), T(14), None, SEO, "동성로 대구백화점 앞", "", False),
        ("Gwangju", "KR", D(2027, 6, 12), T(16), None, SEO, "5·18민주광장", "", False),
    ],
    "overnight_uk.md": [
        ("Kyiv", "UA", D(2027, 6, 12), T(20), T(8), KYI, "Майдан Незалежності",
         "https://forms.gle/VartaKyiv", False),
        ("Lviv", "UA", D(2027, 6, 12), T(10), T(18), KYI, "площа Ринок",
         "https://forms.gle/VartaLviv", False),
        ("Kharkiv", "UA", D(2027, 6, 12), T(19), None, KYI, "майдан Свободи", "", False),
    ],
    "rtl_he.md": [
        ("Tel Aviv", "IL", D(2027, 6, 12), T(19, 30), None, JER, "כיכר הבימה",
         "https://chat.whatsapp.com/TelAvivDiur2027", False),
        ("Jerusalem", "IL", D(2027, 6, 12), T(20), None, JER, "גן הוורדים", "", False),
        ("Haifa", "IL", D(2027, 6, 12), T(19), T(21), JER, "כיכר פריז",
         "https://chat.whatsapp.com/HaifaDiur2027", False),
        ("Ashdod", "IL", D(2027, 6, 12), T(20), None, JER, "כיכר העירייה", "", True),
        ("Beersheba", "IL", D(2027, 6, 12), None, None, JER, "", "", True),
    ],
    "afrikaans_af.md": [
        ("Cape Town", "ZA", D(2027, 6, 12), T(10), T(12), JNB, "Parlement, Plein-straat",
         "https://forms.gle/WaterKaapstad", False),
        ("Pretoria", "ZA", D(2027, 6, 12), T(11), None, JNB, "Uniegebou",
         "https://forms.gle/WaterPretoria", False),
        ("Bloemfontein", "ZA", D(2027, 6, 12), T(9), T(11), JNB, "Hoffmanplein", "", False),
    ],
    "latam_mx.md": [
        ("Mexico City", "MX", D(2027, 6, 12), T(17), None, MEX, "Ángel de la Independencia",
         "https://forms.gle/AguaCDMX", False),
        ("Guadalajara", "MX", D(2027, 6, 12), T(10), T(13), MEX, "Plaza de Armas",
         "https://forms.gle/AguaGdl", False),
        ("Monterrey", "MX", D(2027, 6, 12), T(18), None, "America/Monterrey", "Macroplaza", "",
         False),
    ],
}  # fmt: skip


PAGES: dict[str, str] = {
    "nordic_tables_da.md": """\
---
title: Nordisk klimamarch – lørdag den 12. juni 2027
date: 2027-05-18
---

# Nordisk klimamarch lørdag den 12. juni

Vi går på gaden i hele Norden. Find din by herunder.

## Danmark

### København

| | |
|---|---|
| Tidspunkt | kl. 14–16 |
| Mødested | Rådhuspladsen |
| Tilmelding | [billetto.dk](https://www.billetto.dk/e/klimamarch-kobenhavn-4411) |

### Aarhus

| | |
|---|---|
| Tidspunkt | 13–15 |
| Mødested | Bispetorv |

### Odense

| | |
|---|---|
| Mødested | Flakhaven |
| Tidspunkt | følger |

## Sverige

### Malmö

| | |
|---|---|
| Tid | kl. 14.00–15.30 |
| Plats | Stortorget |
| Anmälan | [billetto.se](https://www.billetto.se/e/klimatmarsch-malmo-4412) |

## Norge

### Oslo

| | |
|---|---|
| Tid | kl. 12.00 |
| Sted | Eidsvolls plass |

Spørgsmål? Skriv til nord@klimamarch.example.dk
""",
    "day_in_parens_fi.md": """\
---
title: Metsäviikko 7.–13.6.2027
date: 2027-05-20
---

# Metsäviikko 7.–13.6.2027

Metsien puolesta koko viikon. Paikalliset ryhmät järjestävät mielenosoituksia eri päivinä:

- Turku (pe 11.6.) – Kauppatori klo 17. Ilmoittaudu: https://www.lyyti.fi/reg/metsat-turku
- Helsinki (la 12.6.) – Senaatintori klo 14–16. Ilmoittaudu: https://www.lyyti.fi/reg/metsat-helsinki
- Tampere (su 13.6.) – Keskustori klo 12
- Oulu (la 12.6.) – Rotuaari klo 13. Ilmoittaudu: https://www.lyyti.fi/reg/metsat-oulu

Tervetuloa mukaan!
""",
    "past_actions_ca.md": """\
---
title: Habitatge digne – jornada del 12 de juny de 2027
date: 2027-05-24
---

# Dissabte 12 de juny: habitatge digne ja!

Tornem als carrers per exigir lloguers assequibles.

## Properes accions

- **Barcelona**: plaça de Sant Jaume, de 18 a 20 h. Inscripcions: https://forms.gle/HabitatgeBcn
- **Girona**: plaça del Vi, a les 11 h.
- **Lleida**: plaça de la Paeria, a les 19 h. Inscripcions: https://forms.gle/HabitatgeLleida

## Accions anteriors

- **Tarragona**, 15 de maig: plaça de la Font, a les 12 h. Hi vam ser més de 300 persones.
- **Reus**, 8 de maig: plaça del Mercadal, a les 18 h.
- **Barcelona**, 24 d'abril: passeig de Gràcia, a les 17 h.

Gràcies a totes les persones que hi vau venir!
""",
    "online_beside_fil.md": """\
---
title: Araw ng Pagkilos para sa Klima – Hunyo 12, 2027
date: 2027-05-22
---

# Sabado, Hunyo 12: Araw ng Pagkilos para sa Klima

Sumama sa pinakamalapit na pagkilos sa inyong lungsod.

- **Quezon City** — Quezon Memorial Circle, alas-9 ng umaga — [Magparehistro](https://forms.gle/KlimaQC)
- **Cebu City** — Plaza Independencia, alas-3 ng hapon — [Magparehistro](https://forms.gle/KlimaCebu)
- **Davao City** — Rizal Park, from 2 to 4pm
- **Online** — teach-in sa Zoom, alas-8 ng gabi — [Link ng Zoom](https://zoom.us/j/88120033441)

Magdala ng tubig at payong!
""",
    "three_languages_ch.md": """\
---
title: Klimastreik Schweiz – Grève du Climat – Sciopero per il clima · 12.06.2027
date: 2027-05-21
---

# Samstag, 12. Juni 2027 · samedi 12 juin · sabato 12 giugno

**Zürich** – Helvetiaplatz, 14:00 Uhr bis 16 Uhr – [Anmeldung](https://climatestrike.ch/events/zuerich)

**Bern** – Bundesplatz, 13:30 Uhr bis 15 Uhr

**Genève** – Plaine de Plainpalais, 14h–16h – [Inscription](https://climatestrike.ch/events/geneve)

**Lugano** – Piazza della Riforma, dalle 14 alle 16

Kontakt · Contact · Contatto: info@climatestrike.example.ch
""",
    "struck_cities_sk.md": """\
---
title: Za slobodné médiá – protesty 12. júna 2027
date: 2027-05-27
---

# Sobota 12. júna: Za slobodné médiá

Aktualizované 3. júna: v Košiciach a v Nitre sa protest nekoná.

- **Bratislava** – Námestie SNP, o 17:00 – registrácia: https://forms.gle/SlobodneBA
- ~~**Košice** – Hlavná ulica, o 17:00~~ zrušené
- **Žilina** – Mariánske námestie o 18:00 – registrácia: https://forms.gle/SlobodneZA
- <del>**Nitra** – Svätoplukovo námestie, o 17:00</del>

Prineste si vlajky a transparenty.
""",
    "pin_lines_pt_br.md": """\
---
title: Marcha pelas Águas – 12 de junho de 2027
date: 2027-05-23
---

# Sábado, 12 de junho: Marcha pelas Águas 💧

Rios limpos para todo mundo! Escolha sua cidade e chame a galera 👇

**São Paulo**
📍 Vão Livre do MASP, Av. Paulista, 1578
🕑 14h às 17h
🔗 https://linktr.ee/marchapelasaguas.sp
**Rio de Janeiro**
📍
Cinelândia
🕑 10h
🔗 linktr.ee/marchapelasaguas.rj
**Belo Horizonte**
📍 Praça da Liberdade
🕑 9h
🔗 chat.whatsapp.com/MarchaBH2027

#MarchaPelasÁguas #ÁguaÉVida
""",
    "hangul_only_ko.md": """\
---
title: 기후정의행진 – 2027년 6월 12일
date: 2027-05-26
---

# 2027년 6월 12일(토) 기후정의행진

지역별 행진 안내입니다.

● 서울 / 광화문광장 / 14:00~16:00 / 신청: https://forms.gle/GihuSeoul
● 부산 / 서면 쥬디스태화 앞 / 15:00 / 신청: https://forms.gle/GihuBusan
● 대구 / 동성로 대구백화점 앞 / 14:00
● 광주 / 5·18민주광장 / 16:00

문의: 기후정의행진 조직위원회
""",
    "overnight_uk.md": """\
---
title: Варта пам'яті – 12–13 червня 2027
date: 2027-05-28
---

# Варта пам'яті: 12–13 червня 2027

Ми стоїмо разом усю ніч і весь день.

- **Київ** — Майдан Незалежності, з 20:00 12 червня до 08:00 13 червня. Реєстрація: https://forms.gle/VartaKyiv
- **Львів** — площа Ринок, 12–13 червня, щодня 10:00–18:00 (наметове містечко). Реєстрація: https://forms.gle/VartaLviv
- **Харків** — майдан Свободи, 12 червня о 19:00

Візьміть із собою ліхтарики.
""",
    "rtl_he.md": """\
---
title: ‏הפגנות למען הדיור – מוצאי שבת 12 ביוני 2027
date: 2027-05-30
---

<div dir="rtl" lang="he">
<h1>‏שבת, 12 ביוני 2027: מפגינים למען דיור בר השגה</h1>
<p>‏הצטרפו להפגנה בעיר שלכם:</p>
<ul>
<li>‏<strong>תל אביב</strong> – כיכר הבימה, בשעה 19:30. קבוצת וואטסאפ: <a href="https://chat.whatsapp.com/TelAvivDiur2027">להצטרפות</a></li>
<li>‏<strong>ירושלים</strong> – גן הוורדים, בשעה 20:00</li>
<li>‏<strong>חיפה</strong> – כיכר פריז, 19:00–21:00. קבוצת וואטסאפ: <a href="https://chat.whatsapp.com/HaifaDiur2027">להצטרפות</a></li>
<li><del>‏<strong>אשדוד</strong> – כיכר העירייה, בשעה 20:00</del></li>
<li>‏<strong>באר שבע</strong> – בוטל</li>
</ul>
<p>‏נתראה ברחובות!</p>
</div>
""",
    "afrikaans_af.md": """\
---
title: Water vir almal – optogte op Saterdag 12 Junie 2027
date: 2027-05-19
---

# Saterdag 12 Junie 2027: Water vir almal

Sluit aan by 'n optog naby jou.

- **Kaapstad**: Parlement, Plein-straat, van 10:00 tot 12:00. Teken in: https://forms.gle/WaterKaapstad
- **Pretoria**: Uniegebou, om 11:00. Teken in: https://forms.gle/WaterPretoria
- **Bloemfontein**: Hoffmanplein, van 09:00 tot 11:00

Bring water en 'n hoed.
""",
    "latam_mx.md": """\
---
title: Marcha por el agua – sábado 12 de junio de 2027
date: 2027-05-25
---

# Sábado 12 de junio: ¡El agua no se vende!

Nos vemos en las calles. Regístrate en tu ciudad:

* **CDMX** · Ángel de la Independencia · 5 de la tarde · [Regístrate](https://forms.gle/AguaCDMX)
* **Guadalajara** · Plaza de Armas · de 10 a 13 hrs · [Regístrate](https://forms.gle/AguaGdl)
* **Monterrey** · Macroplaza · 18:00 hrs

¡Trae tu pancarta!
""",
}
