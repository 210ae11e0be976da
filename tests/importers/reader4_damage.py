"""The pages of the fourth round of a damaging model (`fixtures/reader4/`, eight languages), a
model's honest answer about each, the damage the fourth round does to an answer (as hypothesis
strategies), and how a page is read with a model's answer."""

import json
from datetime import UTC, date, datetime, time
from pathlib import Path

from hypothesis import strategies as st

from turnout.importers.records import MarkdownPlan

from . import reader3_pages
from .reader3_pages import read_page
from .reader_server import answer

READER4 = Path(__file__).resolve().parent / "fixtures" / "reader4"


def page_plan(name: str) -> tuple[str, MarkdownPlan]:
    return reader3_pages.page_plan(READER4, name)


def read(name: str, reply: str, finish_reason: str = "stop") -> MarkdownPlan:
    """The plan of page `name` completed by a model that answers `reply`."""
    return read_page(READER4, name, reply, finish_reason)


def kept_event(e: dict, city: str) -> tuple:
    clock = [time.fromisoformat(e[k]) if e.get(k) else None for k in ("start", "end")]
    return (city, date.fromisoformat(e["date"]), *clock, e["venue"], e["signup_url"])


# What each page says, as a model that reads it honestly answers.
NL = {
    "city": "Utrecht",
    "country": "NL",
    "venue": "Neude",
    "date": "2027-06-12",
    "start": "13:00",
    "end": "15:00",
    "signup_url": "https://lu.ma/utrecht-wake-juni",
}
LEIPZIG = {
    "city": "Leipzig",
    "country": "Deutschland",
    "venue": "Augustusplatz",
    "date": "2027-06-19",
    "start": "14:00",
    "signup_url": "https://forms.example.de/leipzig-19-juni",
}
DRESDEN = {
    "city": "Dresden",
    "country": "Deutschland",
    "venue": "Theaterplatz",
    "date": "2027-06-26",
    "start": "11:00",
    "signup_url": "https://forms.example.de/dresden-26-juni",
}
FR = {
    "city": "Lyon",
    "country": "France",
    "venue": "place Bellecour",
    "date": "2027-07-03",
    "start": "12:00",
    "end": "14:00",
    "signup_url": "https://lu.ma/lyon-pause-juillet",
}
ES = {
    "city": "Bilbao",
    "country": "España",
    "venue": "Plaza Moyúa",
    "date": "2027-07-10",
    "start": "19:00",
    "signup_url": "https://forms.example.es/bilbao-10-julio",
}
PT = {
    "city": "Porto",
    "country": "Portugal",
    "venue": "Avenida dos Aliados",
    "date": "2027-07-17",
    "start": "18:30",
    "end": "20:00",
    "signup_url": "https://lu.ma/porto-vigilia-julho",
}
PL = {
    "city": "Wrocław",
    "country": "Polska",
    "venue": "Rynek",
    "date": "2027-06-13",
    "start": "15:00",
    "signup_url": "https://forms.example.org/wroclaw-13-czerwca",
}
JA = {
    "city": "大阪",
    "country": "日本",
    "venue": "扇町公園",
    "date": "2027-06-19",
    "start": "15:00",
    "end": "17:00",
    "signup_url": "https://lu.ma/osaka-pause-0619",
}
AR = {"city": "بيروت", "country": "لبنان", "venue": "ساحة الشهداء", "date": "2027-07-24",
      "start": "18:00", "signup_url": "https://forms.example.org/beirut-waqfa-24-07"}  # fmt: skip

# Each page, its honest events, and the gazetteer's name for each event's city.
HONEST = {
    "nl-utrecht-wake.md": ([NL], ["Utrecht"]),
    "de-leipzig-dresden-kundgebung.md": ([LEIPZIG, DRESDEN], ["Leipzig", "Dresden"]),
    "fr-lyon-rassemblement.md": ([FR], ["Lyon"]),
    "es-bilbao-concentracion.md": ([ES], ["Bilbao"]),
    "pt-porto-vigilia.md": ([PT], ["Porto"]),
    "pl-wroclaw-pikieta.md": ([PL], ["Wrocław"]),
    "ja-osaka-demo.md": ([JA], ["Osaka"]),
    "ar-beirut-waqfa.md": ([AR], ["Beirut"]),
}


# --- the damage, as hypothesis strategies ------------------------------------------------------

# Each event's day as the page's own language writes it.
WRITTEN_DAYS = {
    ("nl-utrecht-wake.md", "2027-06-12"): "zaterdag 12 juni 2027",
    ("de-leipzig-dresden-kundgebung.md", "2027-06-19"): "Samstag, 19. Juni 2027",
    ("de-leipzig-dresden-kundgebung.md", "2027-06-26"): "26.06.2027",
    ("fr-lyon-rassemblement.md", "2027-07-03"): "samedi 3 juillet 2027",
    ("es-bilbao-concentracion.md", "2027-07-10"): "sábado 10 de julio de 2027",
    ("pt-porto-vigilia.md", "2027-07-17"): "17 de julho de 2027",
    ("pl-wroclaw-pikieta.md", "2027-06-13"): "niedziela, 13 czerwca 2027",
    ("ja-osaka-demo.md", "2027-06-19"): "2027年6月19日（土）",
    ("ar-beirut-waqfa.md", "2027-07-24"): "السبت 24 يوليو 2027",
}
# Links a page holds that are no event's signup link.
OTHER_LINKS = {
    "nl-utrecht-wake.md": "https://mastodon.example.nl/@pauzeutrecht",
    "pt-porto-vigilia.md": "https://chat.whatsapp.com/PortoPausa2027",
}
# Keys as models rename or translate them.
RENAMED_KEYS = {
    "camel case": {"city": "cityName", "date": "startDate", "start": "startTime",
                   "end": "endTime", "signup_url": "signupUrl", "venue": "venueName"},
    "spanish": {"city": "ciudad", "date": "fecha", "start": "hora", "venue": "lugar"},
    "german": {"city": "Stadt", "date": "Datum", "start": "Uhrzeit", "venue": "Treffpunkt",
               "signup_url": "Anmeldung"},
    "other words": {"date": "when", "start": "time", "signup_url": "rsvp"},
}  # fmt: skip

FIELD_DAMAGES = ("renamed keys", "iso week", "page words date", "epoch", "next saturday",
                 "date with time", "noon", "zone", "invented event", "country moved",
                 "other link", "invented link", "duplicate", "end as start", "no date")  # fmt: skip
# In the order they are done: the first four write the answer anew, the last cuts it.
TEXT_DAMAGES = ("python literals", "yaml", "markdown table", "tool call", "trailing commas",
                "comments", "unquoted keys", "nan", "think", "prose", "example fence",
                "cut")  # fmt: skip
PROSE = ["Hier zijn de evenementen:\n", "Voici les événements trouvés :\n```json\n",
         "ページから見つけたイベント：\n", "إليك الفعاليات:\n", "Aquí tienes:\n```\n",
         "Oto wydarzenia:\n"]  # fmt: skip


def damaged_events(draw, name: str, damages: list[str]) -> list[dict]:
    """The page's honest events with each field damage of `damages` done to one of them."""
    given = [dict(e) for e in HONEST[name][0]]
    for damage in damages:
        index = draw(st.integers(0, len(given) - 1))
        event = given[index]
        day = _iso_day(event.get("date"))
        if damage == "renamed keys":
            names = RENAMED_KEYS[draw(st.sampled_from(sorted(RENAMED_KEYS)))]
            given[index] = {names.get(k, k): v for k, v in event.items()}
        elif damage == "iso week" and day:
            year, week, weekday = day.isocalendar()
            event["date"] = f"{year}-W{week:02d}-{weekday}"
        elif damage == "page words date" and (name, event.get("date")) in WRITTEN_DAYS:
            event["date"] = WRITTEN_DAYS[(name, event["date"])]
        elif damage == "epoch" and day:
            event["date"] = int(datetime(day.year, day.month, day.day, 12, tzinfo=UTC).timestamp())
        elif damage == "next saturday":
            event["date"] = "next Saturday"
        elif damage == "date with time" and day and event.get("start"):
            event["date"] = f"{day.isoformat()}T{event.pop('start')}:00+02:00"
        elif damage == "noon":
            event["start"] = "noon"
        elif damage == "zone":
            event["zone"] = draw(st.sampled_from(["CEST", "UTC+9", "Europe/Berlin"]))
        elif damage == "invented event":
            given.append({**event, "city": "Rotterdam", "date": "2027-08-14", "start": "10:00"})
        elif damage == "country moved":
            event["country"] = draw(st.sampled_from(["Chile", "BE", "Österreich", "日本"]))
        elif damage == "other link":
            event["signup_url"] = OTHER_LINKS.get(name, given[-1 - index].get("signup_url"))
        elif damage == "invented link":
            event["signup_url"] = "https://lu.ma/" + draw(st.text("abcdefgh-", min_size=3))
        elif damage == "duplicate":
            given.append({**event, "venue": f"{event.get('venue')} (centrum)", "signup_url": None})
        elif damage == "end as start" and event.get("end"):
            given.append({**event, "start": event["end"], "end": None})
        elif damage == "no date":
            event.pop("date", None)
    return given


def _iso_day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # already damaged


def damaged_text(draw, events: list[dict], damages: list[str]) -> str:
    """An answer holding `events`, written with each text damage of `damages`."""
    text = answer(*events)
    for damage in sorted(damages, key=TEXT_DAMAGES.index):
        if damage == "tool call":
            text = json.dumps({"name": "page_events", "arguments": text})
        elif damage == "trailing commas":
            text = text.replace("}", ",}").replace("]", ",]")
        elif damage == "comments":
            text = "// events\n" + text.replace('"cancelled"', '/* flag */ "cancelled"')
        elif damage == "python literals" and text == answer(*events):
            text = repr(json.loads(text))
        elif damage == "unquoted keys":
            text = text.replace('"events":', "events:").replace('"city":', "city:")
        elif damage == "nan":
            text = text.replace('"zone": null', '"zone": NaN')
        elif damage == "think":
            draft = answer({"city": "Rotterdam", "date": "2027-08-14", "start": "10:00"})
            text = f"<think>Eerst dacht ik {draft}, maar nee.</think>\n{text}"
        elif damage == "prose":
            text = draw(st.sampled_from(PROSE)) + text + "\n```\nSuccès ! {fin}"
        elif damage == "example fence":
            example = answer({"city": "Paris", "date": "2020-01-01", "start": "09:00"})
            text = f"Format:\n```json\n{example}\n```\nAnswer:\n```json\n{text}\n```"
        elif damage == "yaml":
            text = "```yaml\nevents:\n" + "".join(_yaml_event(e) for e in events) + "```"
        elif damage == "markdown table":
            text = _markdown_table(events)
        elif damage == "cut":
            text = text[: draw(st.integers(0, len(text)))]
    return text


def _yaml_event(event: dict) -> str:
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in event.items() if v]
    return "  - " + "\n    ".join(lines or ["title: null"]) + "\n"


def _markdown_table(events: list[dict]) -> str:
    keys = list(dict.fromkeys(k for e in events for k in e))
    rows = [" | ".join(str(e.get(k) or "") for k in keys) for e in events]
    return "\n".join([" | ".join(keys), " | ".join("---" for _k in keys), *rows])


@st.composite
def damaged_answers(draw) -> tuple[str, str]:
    """A page and a model's answer about it with any mix of the fourth round's damage."""
    name = draw(st.sampled_from(sorted(HONEST)))
    fields = draw(st.lists(st.sampled_from(FIELD_DAMAGES), max_size=4))
    texts = draw(st.lists(st.sampled_from(TEXT_DAMAGES), max_size=2, unique=True))
    return name, damaged_text(draw, damaged_events(draw, name, fields), texts)
