"""Cities written as lines that open with the name in bold, without bullets: one paragraph
each or all in one, the details after a middle dot, a bullet sign or a colon after the bold.
Each is a place of the page's list, as the same lines with bullets are; a paragraph of labels
in bold ("**Wann**: …") stays one event's details."""

from datetime import date, time

import pytest

from turnout.importers.protest_pages import read_markdown_page

CITIES = [
    ("Madrid", "sábado 14 de junio de 2027", "18:00 h", "Puerta del Sol", "https://lu.ma/pausa-madrid"),
    ("Barcelona", "dissabte 14 de juny", "17.30 h", "Plaça de Catalunya",
     "https://www.meetup.com/pauseai-bcn/events/301/"),
    ("Valencia", "sábado 14/06", "12:00", "Plaza del Ayuntamiento", "https://forms.gle/AbC123"),
]  # fmt: skip
EXPECTED = [
    ("Madrid", date(2027, 6, 14), time(18), "Puerta del Sol", "https://lu.ma/pausa-madrid"),
    ("Barcelona", date(2027, 6, 14), time(17, 30), "Plaça de Catalunya",
     "https://www.meetup.com/pauseai-bcn/events/301/"),
    ("Valencia", date(2027, 6, 14), time(12), "Plaza del Ayuntamiento",
     "https://forms.gle/AbC123"),
]  # fmt: skip


def page(separator: str, *, between: str) -> str:
    lines = [
        f"**{city}**{separator}{day}{separator.strip() or ','} {clock}, {venue}, "
        f"[Inscripción]({link})"
        if separator == ": "
        else f"**{city}**{separator}{day}{separator}{clock}{separator}{venue}{separator}"
        f"[Inscripción]({link})"
        for city, day, clock, venue, link in CITIES
    ]
    return (
        "# Pausa a la IA: concentraciones el 14 de junio\n\n"
        "Nos concentramos en varias ciudades de España.\n\n"
        + between.join(lines)
        + "\n\n¿Preguntas? Únete a nuestro [grupo de Telegram](https://t.me/pausaia).\n"
    )


def events(text: str) -> list[tuple]:
    plan = read_markdown_page(text, name="concentraciones.md")
    return [
        (e.city, e.day, e.starts, e.venue, e.signup_url)
        for campaign in plan.campaigns
        for e in campaign.events
    ]


@pytest.mark.parametrize("separator", [" · ", " • ", ": "], ids=["middle dot", "bullet", "colon"])
@pytest.mark.parametrize("between", ["\n\n", "\n"], ids=["a paragraph each", "one paragraph"])
def test_bold_city_lines_without_bullets_are_a_list_of_places(separator, between):
    assert events(page(separator, between=between)) == EXPECTED


def test_a_paragraph_of_bold_labels_stays_one_events_details():
    text = (
        "# Mahnwache für eine KI-Pause in Köln\n\nWir treffen uns vor dem Dom.\n\n"
        "**Wann**: Samstag, 14. Juni 2027, 14:00–16:00 Uhr\n**Wo**: Roncalliplatz, Köln\n"
        "**Anmeldung**: [hier anmelden](https://lu.ma/koeln-pause)\n\nBring Schilder mit!\n"
    )
    assert events(text) == [
        ("Cologne", date(2027, 6, 14), time(14), "Roncalliplatz", "https://lu.ma/koeln-pause")
    ]


@pytest.mark.parametrize("arrow", [" → ", " ", " 👉 "])
def test_a_japanese_list_with_its_venue_after_the_day_and_time(arrow):
    """No comma between the day, the hours and the venue: "6月14日(土) 14:00〜16:00 新宿駅南口"."""
    text = (
        "# 2027年6月14日 世界同時アクション\n\n"
        f"- **東京**：6月14日(土) 14:00〜16:00 新宿駅南口{arrow}[参加登録](https://lu.ma/pause-tokyo)\n"
        f"- **大阪**：6月14日(土) 13:00〜 梅田HEP前{arrow}[参加登録](https://forms.gle/osaka)\n"
    )
    assert events(text) == [
        ("Tokyo", date(2027, 6, 14), time(14), "新宿駅南口", "https://lu.ma/pause-tokyo"),
        ("Osaka", date(2027, 6, 14), time(13), "梅田HEP前", "https://forms.gle/osaka"),
    ]
