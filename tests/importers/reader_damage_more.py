"""A second model that damages its answers about a page: facts invented or shifted a little
(a day one off, an hour off, the wrong half of a 12-hour clock, a link one character off, a
cancelled event given as on), facts swapped between two cities (also inside one sentence),
and answers shaped otherwise than asked (keys in another language, dates and times as people
write them, "N/A" for null, events nested or keyed by city, several code blocks, cut off).

Pages in English, Dutch, German, French, Spanish and Russian, each with its true events.
"""

import json
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from hypothesis import strategies as st


@dataclass(frozen=True)
class TrueEvent:
    city: str  # as the page writes it
    gazetteer_city: str  # as the gazetteer names it
    day: date
    start: time
    venue: str
    signup_url: str = ""
    cancelled: bool = False


PAGES: dict[str, tuple[str, list[TrueEvent]]] = {
    "en": (
        """---
title: Walks for a pause on frontier AI
date: 2031-05-02
---

We walk in three cities this month. Bring a friend and a sign.

- Leeds: Saturday 17 May 2031 at 14:00, Millennium Square. Sign up: https://lu.ma/pause-leeds
- Sheffield: Sunday 18 May 2031 at 11:30, Peace Gardens. Sign up: https://lu.ma/pause-sheff
- Bristol: Saturday 24 May 2031 at 13:00, College Green. This walk is cancelled.

## Past walks

- York: Saturday 12 April 2031 at 12:00, Museum Gardens. Thanks to the forty who came!
""",
        [
            TrueEvent(
                "Leeds",
                "Leeds",
                date(2031, 5, 17),
                time(14),
                "Millennium Square",
                "https://lu.ma/pause-leeds",
            ),
            TrueEvent(
                "Sheffield",
                "Sheffield",
                date(2031, 5, 18),
                time(11, 30),
                "Peace Gardens",
                "https://lu.ma/pause-sheff",
            ),
            TrueEvent(
                "Bristol", "Bristol", date(2031, 5, 24), time(13), "College Green", cancelled=True
            ),
        ],
    ),  # fmt: skip
    "nl": (
        """---
title: Wandelen voor een AI-pauze
date: 2031-04-20
---

We lopen in Amsterdam op zaterdag 3 mei 2031 om 14:00 vanaf het Museumplein en in Utrecht
op zondag 4 mei 2031 om 15:30 vanaf het Domplein.

Aanmelden voor Amsterdam: https://forms.example.org/ams-0503
Aanmelden voor Utrecht: https://forms.example.org/utr-0504
""",
        [
            TrueEvent(
                "Amsterdam",
                "Amsterdam",
                date(2031, 5, 3),
                time(14),
                "Museumplein",
                "https://forms.example.org/ams-0503",
            ),
            TrueEvent(
                "Utrecht",
                "Utrecht",
                date(2031, 5, 4),
                time(15, 30),
                "Domplein",
                "https://forms.example.org/utr-0504",
            ),
        ],
    ),  # fmt: skip
    "de": (
        """---
title: Mahnwachen für eine Denkpause bei KI
date: 2031-05-30
---

## Hamburg

Am Samstag, 14. Juni 2031, um 16.00 Uhr am Jungfernstieg.
Anmeldung: https://pausekitreff.example.de/hamburg

## Dresden

Am Sonntag, 15. Juni 2031, um 12.00 Uhr auf dem Neumarkt.
Anmeldung: https://pausekitreff.example.de/dresden
""",
        [
            TrueEvent(
                "Hamburg",
                "Hamburg",
                date(2031, 6, 14),
                time(16),
                "Jungfernstieg",
                "https://pausekitreff.example.de/hamburg",
            ),
            TrueEvent(
                "Dresden",
                "Dresden",
                date(2031, 6, 15),
                time(12),
                "Neumarkt",
                "https://pausekitreff.example.de/dresden",
            ),
        ],
    ),  # fmt: skip
    "fr": (
        """---
title: Rassemblements pour suspendre l'IA avancée
date: 2031-08-25
---

| Ville | Date | Heure | Lieu |
|-------|------|-------|------|
| Toulouse | 13/09/2031 | 15h | place du Capitole |
| Bordeaux | 14/09/2031 | 10h30 | place de la Bourse |

Inscription : https://mobilisation.example.fr/septembre
""",
        [
            TrueEvent("Toulouse", "Toulouse", date(2031, 9, 13), time(15), "place du Capitole"),
            TrueEvent(
                "Bordeaux", "Bordeaux", date(2031, 9, 14), time(10, 30), "place de la Bourse"
            ),
        ],
    ),  # fmt: skip
    "es": (
        """---
title: Concentraciones por una pausa en la IA
date: 2031-02-15
---

- **Bilbao**, sábado 8 de marzo de 2031, 12:00, Plaza Moyúa
- **Zaragoza**, domingo 9 de marzo de 2031, 18:00, Plaza del Pilar

Más información en https://pausaia.example.es/marzo
""",
        [
            TrueEvent("Bilbao", "Bilbao", date(2031, 3, 8), time(12), "Plaza Moyúa"),
            TrueEvent("Zaragoza", "Zaragoza", date(2031, 3, 9), time(18), "Plaza del Pilar"),
        ],
    ),  # fmt: skip
    "ru": (
        """---
title: Пикеты за паузу в разработке ИИ
date: 2031-06-01
---

Мы выходим на пикеты в двух городах.

- Казань: суббота, 21 июня 2031 года, 13:00, площадь Свободы
- Самара: воскресенье, 22 июня 2031 года, 17:00, площадь Славы
""",
        [
            TrueEvent("Казань", "Kazan", date(2031, 6, 21), time(13), "площадь Свободы"),
            TrueEvent("Самара", "Samara", date(2031, 6, 22), time(17), "площадь Славы"),
        ],
    ),  # fmt: skip
}

LANGUAGES = tuple(sorted(PAGES))
INVENTED_CITIES = ["Rotterdam", "Leipzig", "Nantes", "Sevilla", "Новосибирск", "Glasgow"]


def true_answer_events(language: str) -> list[dict]:
    """The answer a faithful model gives, as asked."""
    return [
        {"title": None, "city": e.city, "country": None, "venue": e.venue,
         "date": e.day.isoformat(), "last_date": None, "start": e.start.strftime("%H:%M"),
         "end": None, "zone": None, "signup_url": e.signup_url or None,
         "cancelled": e.cancelled}
        for e in PAGES[language][1]
    ]  # fmt: skip


# -- facts changed: each makes the answer say what the page does not say of that event ---------

FACT_DAMAGE = [
    "invented city", "day one off", "hour off", "wrong half of the day", "venue of another city",
    "link not on the page", "link one character off", "cancelled given as on",
    "past given as on",
    "days swapped", "times swapped", "links swapped", "venues swapped",
]  # fmt: skip


def _twelve_hour(clock: time, *, wrong_half: bool) -> str:
    hour = clock.hour % 12 or 12
    pm = clock.hour >= 12
    if wrong_half:
        pm = not pm
    return f"{hour}:{clock.minute:02d} {'PM' if pm else 'AM'}"


def damage_facts(draw, language: str, events: list[dict]) -> list[str]:
    done = []
    for _ in range(draw(st.integers(1, 2))):
        how = draw(st.sampled_from(FACT_DAMAGE))
        index = draw(st.integers(0, len(events) - 1))
        event, other = events[index], events[(index + 1) % len(events)]
        if how == "invented city":
            event["city"] = draw(st.sampled_from(INVENTED_CITIES))
        elif how == "day one off":
            shift = draw(st.sampled_from([-1, 1]))
            day = date.fromisoformat(event["date"]) + timedelta(days=shift)
            if day.isoformat() in {e["date"] for e in events}:
                continue  # another event's day: that is a swap, drawn on its own
            event["date"] = day.isoformat()
        elif how in ("hour off", "wrong half of the day") and not _clock(event["start"]):
            continue  # already damaged
        elif how == "hour off":
            clock = time.fromisoformat(event["start"])
            hour = (clock.hour + draw(st.sampled_from([-1, 1]))) % 24
            event["start"] = f"{hour:02d}:{clock.minute:02d}"
        elif how == "wrong half of the day":
            event["start"] = _twelve_hour(time.fromisoformat(event["start"]), wrong_half=True)
        elif how == "venue of another city":
            event["venue"] = other["venue"]
        elif how == "link not on the page":
            event["signup_url"] = f"https://lu.ma/pause-{event['city'].lower()}-2031"
        elif how == "link one character off" and event["signup_url"]:
            url = event["signup_url"]
            event["signup_url"] = url[:-1] + ("x" if url[-1] != "x" else "y")
        elif how == "past given as on" and language == "en":
            past = {"city": "York", "date": "2031-04-12", "start": "12:00"}
            events.append({**past, "venue": "Museum Gardens", "cancelled": False})
        elif how == "cancelled given as on" and event["cancelled"]:
            event["cancelled"] = False
        elif how.endswith("swapped") and other is not event:
            key = {"days": "date", "times": "start", "links": "signup_url", "venues": "venue"}[
                how.split()[0]
            ]
            # The past event a damage added ("past given as on") has no signup link.
            if event.get(key, "") == other.get(key, ""):
                continue
            event[key], other[key] = other.get(key, ""), event.get(key, "")
        else:
            continue
        done.append(how)
    return done


# -- the answer shaped otherwise: the same facts, written as a model might ------------------

SHAPES = [
    "several code blocks", "keys in another case", "keys in German", "day as 17/05",
    "day as May 17th", "day with time and zone", "time as 14h", "time as 2pm",
    "time as 14.00 Uhr", "numbers as strings", "nulls as words", "duplicated events",
    "nested events", "keyed by city", "trailing prose", "cancelled as text",
]  # fmt: skip
_GERMAN_KEYS = {"city": "Stadt", "date": "Datum", "start": "Beginn", "venue": "Ort",
                "signup_url": "Anmeldung", "title": "Titel", "cancelled": "abgesagt"}  # fmt: skip
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def reshape(draw, events: list[dict], shapes: list[str]) -> str:
    """The answer's text with `shapes` applied; the facts stay the same."""
    for shape in shapes:
        for event in events:
            day = date.fromisoformat(event["date"]) if _is_iso(event["date"]) else None
            clock = _clock(event["start"])
            if shape == "day as 17/05" and day:
                event["date"] = day.strftime("%d/%m")
            elif shape == "day as May 17th" and day:
                event["date"] = f"{_MONTHS[day.month - 1]} {_ordinal(day.day)}"
            elif shape == "day with time and zone" and day and clock:
                event["date"] = f"{day.isoformat()}T{clock.strftime('%H:%M')}:00+02:00"
            elif shape == "time as 14h" and clock:
                event["start"] = (
                    f"{clock.hour}h{clock.minute:02d}" if clock.minute else (f"{clock.hour}h")
                )
            elif shape == "time as 2pm" and clock:
                event["start"] = _twelve_hour(clock, wrong_half=False).replace(":00 ", "")
            elif shape == "time as 14.00 Uhr" and clock:
                event["start"] = f"{clock.hour}.{clock.minute:02d} Uhr"
            elif shape == "nulls as words":
                for key, value in event.items():
                    if value is None:
                        event[key] = draw(st.sampled_from(["N/A", "unknown", "", "null", "-"]))
            elif shape == "numbers as strings" or shape == "cancelled as text":
                event["cancelled"] = "true" if event["cancelled"] is True else "false"
    for shape in shapes:
        if shape == "keys in another case":
            events[:] = [{key.upper(): value for key, value in e.items()} for e in events]
        elif shape == "keys in German":
            events[:] = [{_GERMAN_KEYS.get(k, k): v for k, v in e.items()} for e in events]
        elif shape == "duplicated events":
            events[:] = [e for e in events for _ in (1, 2)]
    answer: object = {"events": events, "coordination_url": None}
    if "nested events" in shapes:
        answer = {"events": answer}
    elif "keyed by city" in shapes:
        answer = {_city_of(e): {k: v for k, v in e.items() if k not in ("city", "CITY", "Stadt")}
                  for e in events}  # fmt: skip
        if len(answer) != len(events):  # duplicated events keyed by city fold into one
            answer = {"events": events}
    if "several code blocks" in shapes and len(events) > 1:
        wrapped = draw(st.booleans())  # each block an event, or an answer of one event
        text = "\n\n".join(
            f"Event {n}:\n```json\n"
            f"{json.dumps({'events': [e]} if wrapped else e, ensure_ascii=False, indent=2)}\n```"
            for n, e in enumerate(events, start=1)
        )
    else:
        text = json.dumps(answer, ensure_ascii=False, indent=draw(st.sampled_from([None, 2])))
    if "trailing prose" in shapes:
        text += draw(st.sampled_from(["\n\nI left out the end times: the page gives none.",
                                      "\nNote: {\"events\"} holds all of them.",
                                      "\n\nHope this helps! [1] see the page."]))  # fmt: skip
    return text


def _city_of(event: dict) -> str:
    return str(event.get("city") or event.get("CITY") or event.get("Stadt"))


def _is_iso(text: object) -> bool:
    return isinstance(text, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None


def _clock(text: object) -> time | None:
    if isinstance(text, str) and re.fullmatch(r"\d{2}:\d{2}", text):
        return time.fromisoformat(text)
    return None


@st.composite
def damaged_answers(draw, languages=LANGUAGES):
    """(language, the answer's text, what was done): facts damaged, shaped otherwise."""
    language = draw(st.sampled_from(languages))
    events = true_answer_events(language)
    done = damage_facts(draw, language, events)
    shapes = draw(st.lists(st.sampled_from(SHAPES), max_size=3, unique=True))
    text = reshape(draw, events, shapes)
    if draw(st.integers(0, 4)) == 0:
        text = text[: draw(st.integers(len(text) // 2, len(text)))]
        shapes.append("cut off")
    return language, text, done + shapes


@st.composite
def faithful_answers(draw, languages=LANGUAGES):
    """(language, the answer's text, its shapes): every fact true, only shaped otherwise."""
    language = draw(st.sampled_from(languages))
    events = true_answer_events(language)
    shapes = draw(st.lists(st.sampled_from(SHAPES), max_size=3, unique=True))
    return language, reshape(draw, events, shapes), shapes


def huge_answer(count: int = 10_000) -> str:
    """An answer of `count` events, each in a city the page does not name."""
    event = {"city": "Rotterdam", "date": "2031-05-03", "start": "14:00", "venue": "Coolsingel"}
    return json.dumps({"events": [event] * count})
