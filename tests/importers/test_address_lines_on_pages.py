"""Pages that write their places as each country writes addresses, read end to end.

Written here: a Japanese list of standings with comma-less addresses and a postcode, an
Australian list with suburbs, states and postcodes (one town the gazetteer lacks, one city
whose name is also an English one), a Mexican list of cities with their states, and an Italian
list with provinces in brackets.
"""

from datetime import date, time

import pytest

from turnout.importers.protest_pages import read_markdown_page

PAGES = {
    "ja": """---
title: AI開発一時停止を求める全国スタンディング
date: 2027-05-01
---
# AI開発一時停止を求める全国スタンディング

2027年6月12日（土）、全国各地で同時にスタンディングを行います。

## 開催地

- **東京**：国会議事堂前（東京都千代田区永田町1-7-1）14:00〜16:00　[参加登録](https://forms.gle/TokyoStand)
- **大阪**：〒530-0001 大阪府大阪市北区梅田3丁目1−1　15:00〜17:00　[参加登録](https://forms.gle/OsakaStand)
- **札幌**：北海道札幌市中央区大通西7丁目　13:00〜14:30
""",
    "au": """---
title: Pause AI rallies across Australia
date: 2027-05-01
---
# Pause AI rallies across Australia

Saturday 12 June 2027, join us:

- **Sydney** — The Rocks Community Hall, 2 Argyle St, The Rocks NSW 2000, 11am–1pm. [RSVP](https://lu.ma/syd-pause)
- **Melbourne** — State Library, 328 Swanston St, Melbourne VIC 3000, 12pm. [RSVP](https://lu.ma/mel-pause)
- **Perth** — Forrest Place, Perth WA 6000, 1pm AWST
- **Byron Bay** — Byron Bay Community Centre, 69 Jonson St, Byron Bay NSW 2481, 10am
""",
    "mx": """---
title: Marcha por una pausa en la IA
date: 2027-05-01
---
# Marcha por una pausa en la IA

Sábado 12 de junio de 2027

- **Ciudad de México**: Ángel de la Independencia, Paseo de la Reforma, 11:00 h. [Regístrate](https://www.eventbrite.com.mx/e/cdmx-123)
- **Guadalajara, Jalisco**: Plaza de la Liberación, 12:00 h.
- **Monterrey, Nuevo León**: Macroplaza, 10:00 h.
- **León, Guanajuato**: Arco de la Calzada, 17:00 h.
""",
    "it": """---
title: Presidi per una pausa sull'IA
date: 2027-05-01
---
# Presidi per una pausa sull'IA

Sabato 12 giugno 2027, ore 15

- Torino (TO) – Piazza Castello
- Bergamo (BG) – Piazza Vecchia
- Milano (MI) – Piazza della Scala
""",
}


D, T = date(2027, 6, 12), time
EXPECTED = {
    "ja": [("Tokyo", "Asia/Tokyo", T(14), "国会議事堂前（東京都千代田区永田町1-7-1）",
            "https://forms.gle/TokyoStand"),
           ("Osaka", "Asia/Tokyo", T(15), "〒530-0001 大阪府大阪市北区梅田3丁目1−1",
            "https://forms.gle/OsakaStand"),
           ("Sapporo", "Asia/Tokyo", T(13), "北海道札幌市中央区大通西7丁目", "")],
    "au": [("Sydney", "Australia/Sydney", T(11),
            "The Rocks Community Hall, 2 Argyle St, The Rocks NSW 2000", "https://lu.ma/syd-pause"),
           ("Melbourne", "Australia/Melbourne", T(12),
            "State Library, 328 Swanston St, Melbourne VIC 3000", "https://lu.ma/mel-pause"),
           ("Perth", "Australia/Perth", T(13), "Forrest Place, Perth WA 6000", ""),
           ("Byron Bay", "Australia/Sydney", T(10),
            "Byron Bay Community Centre, 69 Jonson St, Byron Bay NSW 2481", "")],
    "mx": [("Mexico City", "America/Mexico_City", T(11),
            "Ángel de la Independencia, Paseo de la Reforma",
            "https://www.eventbrite.com.mx/e/cdmx-123"),
           ("Guadalajara", "America/Mexico_City", T(12), "Plaza de la Liberación", ""),
           ("Monterrey", "America/Monterrey", T(10), "Macroplaza", ""),
           ("León de los Aldama", "America/Mexico_City", T(17), "Arco de la Calzada", "")],
    "it": [("Turin", "Europe/Rome", T(15), "Piazza Castello", ""),
           ("Bergamo", "Europe/Rome", T(15), "Piazza Vecchia", ""),
           ("Milan", "Europe/Rome", T(15), "Piazza della Scala", "")],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_of_addresses_reads_into_its_events(name):
    plan = read_markdown_page(PAGES[name], name=name)
    (campaign,) = plan.campaigns
    found = [(e.city, e.timezone, e.starts, e.venue, e.signup_url) for e in campaign.events]
    assert found == EXPECTED[name]
    assert all(e.day == D for e in campaign.events)
    assert not [w for w in plan.warnings if "place" in w.message]


def test_a_city_whose_name_is_english_too_is_australian_by_its_postcode():
    text = (
        "# Rallies in regional New South Wales\n\nSaturday 12 June 2027:\n\n"
        "- **Newcastle** — Civic Park, King St, Newcastle NSW 2300, 11am\n"
        "- **Wollongong** — Crown St Mall, Wollongong NSW 2500, 12pm\n"
    )
    (campaign,) = read_markdown_page(text, name="nsw").campaigns
    assert [(e.city, e.country, e.timezone) for e in campaign.events] == [
        ("Newcastle", "AU", "Australia/Sydney"),
        ("Wollongong", "AU", "Australia/Sydney"),
    ]
