"""The pages of the fifth round of a damaging model (`fixtures/reader5/`: Greek, Czech, Swedish,
Korean, Hindi, Indonesian, Ukrainian and Turkish), a model's honest answer about each, and the
damage the fifth round does to an answer: to its text (a schema echoed before it, one JSON
object a line, invisible characters, a refusal or an answer in another language), to its
fields (time ranges in one field, dates without a year or with a weekday of another day, a
city with its country, "N/A" for null, links in brackets) and to its events (invented from
nothing on the page)."""

import json
import re
from datetime import date, time
from pathlib import Path

from hypothesis import strategies as st

from turnout.importers.records import MarkdownPlan

from . import reader3_pages
from .reader3_pages import read_page
from .reader_server import answer

READER5 = Path(__file__).resolve().parent / "fixtures" / "reader5"


def page_plan(name: str) -> tuple[str, MarkdownPlan]:
    return reader3_pages.page_plan(READER5, name)


def read(name: str, reply: str, finish_reason: str = "stop") -> MarkdownPlan:
    """The plan of page `name` completed by a model that answers `reply`."""
    return read_page(READER5, name, reply, finish_reason)


def kept_event(e: dict, city: str) -> tuple:
    clock = [time.fromisoformat(e[k]) if e.get(k) else None for k in ("start", "end")]
    return (city, date.fromisoformat(e["date"]), *clock, e["venue"], e["signup_url"])


# What each page says, as a model that reads it honestly answers.
EL = {"city": "Αθήνα", "country": "Ελλάδα", "venue": "πλατεία Συντάγματος",
      "date": "2027-08-07", "start": "18:00", "end": "20:00",
      "signup_url": "https://lu.ma/athina-pafsi-avgoustos"}  # fmt: skip
CS = {"city": "Brno", "country": "Česko", "venue": "náměstí Svobody", "date": "2027-08-14",
      "start": "15:00", "end": "17:00",
      "signup_url": "https://forms.example.cz/brno-14-srpna"}  # fmt: skip
SV = {"city": "Malmö", "country": "Sverige", "venue": "Stortorget", "date": "2027-08-21",
      "start": "13:00", "end": "15:00",
      "signup_url": "https://lu.ma/malmo-paus-augusti"}  # fmt: skip
SEOUL = {"city": "서울", "country": "대한민국", "venue": "광화문광장", "date": "2027-08-28",
         "start": "14:00", "end": "16:00",
         "signup_url": "https://lu.ma/seoul-pause-0828"}  # fmt: skip
BUSAN = {"city": "부산", "country": "대한민국", "venue": "서면역", "date": "2027-09-04",
         "start": "15:00", "signup_url": "https://lu.ma/busan-pause-0904"}  # fmt: skip
HI = {"city": "मुंबई", "country": "भारत", "venue": "आज़ाद मैदान", "date": "2027-09-12",
      "start": "17:00", "end": "19:00",
      "signup_url": "https://forms.example.in/mumbai-12-sept"}  # fmt: skip
ID = {"city": "Jakarta", "country": "Indonesia", "venue": "Bundaran HI", "date": "2027-09-18",
      "start": "09:00", "end": "11:00", "zone": "WIB",
      "signup_url": "https://lu.ma/jakarta-jeda-september"}  # fmt: skip
UK = {"city": "Київ", "country": "Україна", "venue": "Майдан Незалежності", "date": "2027-09-25",
      "start": "12:00", "signup_url": "https://forms.example.org/kyiv-25-veresnia"}  # fmt: skip
TR = {"city": "Ankara", "country": "Türkiye", "venue": "Kızılay Meydanı", "date": "2027-10-02",
      "start": "14:00", "end": "16:00",
      "signup_url": "https://www.eventbrite.com/e/ankara-yuruyus-556677"}  # fmt: skip

# Each page, its honest events, and the gazetteer's name for each event's city.
HONEST = {
    "el-athina-syntagma.md": ([EL], ["Athens"]),
    "cs-brno-namesti.md": ([CS], ["Brno"]),
    "sv-malmo-stortorget.md": ([SV], ["Malmö"]),
    "ko-seoul-busan-jiphoe.md": ([SEOUL, BUSAN], ["Seoul", "Busan"]),
    "hi-mumbai-dharna.md": ([HI], ["Mumbai"]),
    "id-jakarta-aksi.md": ([ID], ["Jakarta"]),
    "uk-kyiv-maidan.md": ([UK], ["Kyiv"]),
    "tr-ankara-kizilay.md": ([TR], ["Ankara"]),
}


def kept(name: str) -> list[tuple]:
    """The events an honest answer about page `name` gives."""
    given, cities = HONEST[name]
    return [kept_event(e, city) for e, city in zip(given, cities, strict=True)]


# --- the damage to an answer's text -----------------------------------------------------------

# The keys of an answer in each page's language, as a model answering "in the page's language"
# writes them.
PAGE_KEYS = {
    "el-athina-syntagma.md": {"events": "εκδηλώσεις", "city": "πόλη", "venue": "τοποθεσία",
                              "date": "ημερομηνία", "start": "ώρα_έναρξης", "end": "ώρα_λήξης",
                              "signup_url": "εγγραφή", "country": "χώρα"},
    "cs-brno-namesti.md": {"events": "akce", "city": "město", "venue": "místo", "date": "datum",
                           "start": "začátek", "end": "konec", "signup_url": "registrace"},
    "sv-malmo-stortorget.md": {"events": "evenemang", "city": "stad", "venue": "plats",
                               "date": "datum", "start": "starttid", "end": "sluttid",
                               "signup_url": "anmälan"},
    "ko-seoul-busan-jiphoe.md": {"events": "행사", "city": "도시", "venue": "장소",
                                 "date": "날짜", "start": "시작", "end": "종료",
                                 "signup_url": "신청", "country": "국가"},
    "hi-mumbai-dharna.md": {"events": "कार्यक्रम", "city": "शहर", "venue": "स्थान",
                            "date": "तारीख", "start": "समय", "end": "समाप्ति",
                            "signup_url": "पंजीकरण", "country": "देश"},
    "id-jakarta-aksi.md": {"events": "acara", "city": "kota", "venue": "lokasi",
                           "date": "tanggal", "start": "mulai", "end": "selesai",
                           "zone": "zona_waktu", "signup_url": "pendaftaran"},
    "uk-kyiv-maidan.md": {"events": "події", "city": "місто", "venue": "місце", "date": "дата",
                          "start": "початок", "end": "кінець", "signup_url": "реєстрація"},
    "tr-ankara-kizilay.md": {"events": "etkinlikler", "city": "şehir", "venue": "yer",
                             "date": "tarih", "start": "başlangıç", "end": "bitiş",
                             "signup_url": "kayıt", "country": "ülke"},
}  # fmt: skip
# The schema as a model echoes it back before its answer, and the prompt's shape filled in with
# type names.
SCHEMA_ECHO = json.dumps({"type": "object", "required": ["events"], "properties": {
    "events": {"type": "array", "items": {"type": "object", "properties": {
        "city": {"type": ["string", "null"]},
        "date": {"type": ["string", "null"]}}}}}})  # fmt: skip
TEMPLATE_ECHO = json.dumps({"events": [{"title": "string", "city": "string", "country": "string",
    "venue": "string", "date": "YYYY-MM-DD", "last_date": "YYYY-MM-DD", "start": "HH:MM",
    "end": "HH:MM", "zone": "string", "signup_url": "string", "cancelled": "boolean"}],
    "coordination_url": "string"})  # fmt: skip
# Where models nest the events they were asked to give at the top.
NESTINGS = ("items", "output", "records", "data.results", "events[0].events", "index keys")


def _full(events: list[dict]) -> list[dict]:
    return json.loads(answer(*events))["events"]


def _nested(events: list[dict], nesting: str) -> str:
    full = _full(events)
    if nesting == "data.results":
        value: object = {"data": {"results": full}}
    elif nesting == "events[0].events":
        value = {"events": [{"events": full}]}
    elif nesting == "index keys":
        value = {"events": {str(number): event for number, event in enumerate(full)}}
    else:
        value = {nesting: full}
    return json.dumps(value, ensure_ascii=False)


def _typographic(text: str) -> str:
    """Every quote of `text` typed as a word processor types it: “ opening, ” closing."""
    out, is_open = [], True
    for char in text:
        if char == '"':
            out.append("“" if is_open else "”")
            is_open = not is_open
        else:
            out.append(char)
    return "".join(out)


# Damage to an answer's text that still holds the page's honest events whole.
TEXT_DAMAGES = ("hash comments", "python repr", "infinity", "a key given twice, once null",
                "events given twice", "schema echoed first", "template echoed first",
                *(f"nested as {n}" for n in NESTINGS), "one object a line",
                "one wrapped object a line", "invisible characters between tokens",
                "typographic quotes", "escaped once more", "html escaped", "full-width signs",
                "keys in the page's language", "events in a list of their own",
                "no commas between events", "keys with colons", "times as a span's object",
                "days as a span's object")  # fmt: skip


def damaged_text(name: str, events: list[dict], damage: str) -> str:
    """An answer holding `events` about page `name`, its text damaged by `damage`."""
    text = answer(*events)
    if damage == "hash comments":
        text = json.dumps(json.loads(text), ensure_ascii=False, indent=1)
        return "# events of the page\n" + text.replace('"cancelled"', '# on\n  "cancelled"')
    if damage == "python repr":
        return repr(json.loads(text))
    if damage == "infinity":
        text = text.replace('"last_date": null', '"last_date": Infinity')
        return text.replace('"zone": null', '"zone": -Infinity')
    if damage == "a key given twice, once null":
        return text.replace('"venue": "', '"venue": null, "venue": "')
    if damage == "events given twice":
        lists = [f'"events": {json.dumps([e], ensure_ascii=False)}' for e in _full(events)]
        return "{" + ", ".join(lists) + "}"
    if damage == "schema echoed first":
        return f"```json\n{SCHEMA_ECHO}\n```\n```json\n{text}\n```"
    if damage == "template echoed first":
        return f"{TEMPLATE_ECHO}\n\n{text}"
    if damage.startswith("nested as "):
        return _nested(events, damage.removeprefix("nested as "))
    if damage == "one object a line":
        return "\n".join(json.dumps(e, ensure_ascii=False) for e in events)
    if damage == "one wrapped object a line":
        return "\n".join(json.dumps({"event": e}, ensure_ascii=False) for e in events)
    if damage == "invisible characters between tokens":
        return "\ufeff" + text.replace(", ", ",\u200b ").replace(": ", ":\u2060 ")
    if damage == "typographic quotes":
        return _typographic(text)
    if damage == "escaped once more":
        return text.replace('"', '\\"')
    if damage == "html escaped":
        return text.replace('"', "&quot;")
    if damage == "full-width signs":
        return text.replace('": ', '"： ').replace(', "', '， "')
    if damage == "keys in the page's language":
        keys = PAGE_KEYS[name]
        given = [{keys.get(k, k): v for k, v in e.items()} for e in events]
        return json.dumps({keys["events"]: given}, ensure_ascii=False)
    if damage == "events in a list of their own":
        return json.dumps({"events": {"list": _full(events), "count": len(events)}})
    if damage == "no commas between events":
        return "[" + "\n".join(json.dumps(e, ensure_ascii=False) for e in _full(events)) + "]"
    if damage == "keys with colons":
        given = [{f"{k.replace('_', ' ').title()}:": v for k, v in e.items()} for e in events]
        return json.dumps({"Events:": given}, ensure_ascii=False)
    if damage == "times as a span's object":
        spans = [{**e, "start": {"from": e.get("start"), "to": e.get("end")}} for e in events]
        return json.dumps({"events": [{k: v for k, v in e.items() if k != "end"} for e in spans]})
    if damage == "days as a span's object":
        spans = [{**e, "date": {"start": e.get("date"), "end": None}} for e in events]
        return json.dumps({"events": spans}, ensure_ascii=False)
    raise ValueError(damage)


# --- the damage to an answer's fields ---------------------------------------------------------

# Each event's day as a model writes it without the year or in another language's words.
WRITTEN_DAYS = {
    "2027-08-07": ["07/08", "August 7th", "2027-8-7", "7 août", "७ अगस्त २०२७"],
    "2027-08-14": ["14/08", "August 14th", "2027-8-14", "14 août", "14. srpna"],
    "2027-08-21": ["21/08", "Aug 21st", "2027-8-21", "21 août", "21 augusti"],
    "2027-08-28": ["28/08", "August 28th", "2027-8-28", "28 août", "8월 28일"],
    "2027-09-04": ["04/09", "September 4th", "2027-9-4", "4 septembre", "9월 4일"],
    "2027-09-12": ["12/09", "September 12th", "2027-9-12", "12 septembre", "१२ सितंबर २०२७"],
    "2027-09-18": ["18/09", "September 18th", "2027-9-18", "18 septembre", "18 September 2027"],
    "2027-09-25": ["25/09", "September 25th", "2027-9-25", "25 septembre", "25 вересня"],
    "2027-10-02": ["02/10", "October 2nd", "2027-10-2", "2 octobre", "2 Ekim 2027"],
}
# Each day with the weekday of the day after, in English and in the page's own words.
WRONG_WEEKDAYS = {
    "el-athina-syntagma.md": ["Sunday, 2027-08-07", "Κυριακή 7 Αυγούστου 2027"],
    "cs-brno-namesti.md": ["Sunday, 2027-08-14", "neděle 14. srpna 2027"],
    "sv-malmo-stortorget.md": ["Sunday, 2027-08-21", "söndag 21 augusti 2027"],
    "ko-seoul-busan-jiphoe.md": ["Sunday, 2027-08-28", "2027년 8월 28일 일요일"],
    "hi-mumbai-dharna.md": ["Monday, 2027-09-12", "सोमवार, 12 सितंबर 2027"],
    "id-jakarta-aksi.md": ["Sunday, 2027-09-18", "Minggu, 18 September 2027"],
    "uk-kyiv-maidan.md": ["Sunday, 2027-09-25", "неділя, 25 вересня 2027"],
    "tr-ankara-kizilay.md": ["Sunday, 2027-10-02", "2 Ekim 2027 Pazar"],
}
# Each city with its country, region or other name beside it.
CITIES_WITH_MORE = {
    "Αθήνα": ["Αθήνα, Ελλάδα", "Athens (GR)", "Αθήνα / Athens"],
    "Brno": ["Brno, Czechia", "Brno (CZ)", "Brno, Jihomoravský kraj", "Brno / Brünn"],
    "Malmö": ["Malmö, Sverige", "Malmö (SE)", "Malmö, Skåne"],
    "서울": ["서울, 대한민국", "Seoul (KR)", "서울 / Seoul"],
    "부산": ["부산, 대한민국", "Busan (KR)"],
    "मुंबई": ["मुंबई, भारत", "Mumbai (IN)", "मुंबई, महाराष्ट्र"],
    "Jakarta": ["Jakarta, Indonesia", "Jakarta (ID)", "Jakarta, DKI Jakarta"],
    "Київ": ["Київ, Україна", "Kyiv (UA)", "Київ / Kyiv"],
    "Ankara": ["Ankara, Türkiye", "Ankara (TR)", "Ankara / Çankaya"],
}
# What models write for null, in English and in the pages' languages.
NULL_WORDS = ("N/A", "unknown", "TBD", "null", "(none)", "—", "n.a.", "not mentioned",
              "neuvedeno", "okänd", "άγνωστο", "미정", "अज्ञात", "tidak diketahui",
              "не вказано", "belirtilmemiş")  # fmt: skip


def written_links(url: str) -> list[str]:
    """The page's link as models write it otherwise: as markdown, in <> or backticks, with
    tracking, over http, without its scheme, with a zero-width space."""
    return [f"[link]({url})", f"<{url}>", f"`{url}`", f"{url}?utm_source=chatgpt.com",
            url.replace("https://", "http://"), re.sub(r"^https://", "", url),
            url + "\u200b", f"\u202a{url}\u202c"]  # fmt: skip


def start_ranges(start: str, end: str) -> list[str]:
    """A start and an end written together in the start field."""
    hour, end_hour = int(start[:2]), int(end[:2])
    twelve = f"{hour % 12 or 12}{'pm' if hour >= 12 else 'am'}"
    end_twelve = f"{end_hour % 12 or 12}{'pm' if end_hour >= 12 else 'am'}"
    return [f"{start}-{end}", f"{start} – {end}", f"{twelve} to {end_twelve}",
            f"{start.replace(':', '.')}–{end.replace(':', '.')}",
            f"from {start} until {end}"]  # fmt: skip


def with_native_digits(text: str, zero: str) -> str:
    """`text` with its digits written in the script whose zero is `zero` ("०", "٠")."""
    return "".join(chr(ord(zero) + int(c)) if c.isdigit() else c for c in text)


# --- any mix of it, as hypothesis strategies ---------------------------------------------------

# Damage to one field that the reader reads right or leaves out, never imports wrong.
FIELD_DAMAGES = ("day without year", "wrong weekday", "city with more", "null words",
                 "link written otherwise", "range in start", "native digits", "invisible",
                 "invented link", "invented event", "list value")  # fmt: skip


@st.composite
def damaged_answers(draw) -> tuple[str, str]:
    """A page and a model's answer about it with any mix of the fifth round's damage."""
    name = draw(st.sampled_from(sorted(HONEST)))
    given = [dict(e) for e in HONEST[name][0]]
    for damage in draw(st.lists(st.sampled_from(FIELD_DAMAGES), max_size=4)):
        index = draw(st.integers(0, len(given) - 1))
        event = given[index]
        if damage == "day without year" and str(event.get("date")) in WRITTEN_DAYS:
            event["date"] = draw(st.sampled_from(WRITTEN_DAYS[event["date"]]))
        elif damage == "wrong weekday":
            event["date"] = draw(st.sampled_from(WRONG_WEEKDAYS[name]))
        elif damage == "city with more" and str(event.get("city")) in CITIES_WITH_MORE:
            event["city"] = draw(st.sampled_from(CITIES_WITH_MORE[event["city"]]))
        elif damage == "null words":
            field = draw(st.sampled_from(["end", "zone", "last_date", "venue", "country"]))
            event[field] = draw(st.sampled_from(NULL_WORDS))
        elif damage == "link written otherwise" and event.get("signup_url"):
            event["signup_url"] = draw(st.sampled_from(written_links(event["signup_url"])))
        elif damage == "range in start" and all(
            re.fullmatch(r"\d\d:\d\d", str(event.get(k))) for k in ("start", "end")
        ):
            event["start"] = draw(st.sampled_from(start_ranges(event["start"], event.pop("end"))))
        elif damage == "native digits" and isinstance(event.get("date"), str):
            zero = draw(st.sampled_from(["०", "٠", "০"]))
            event["date"] = with_native_digits(event["date"], zero)
        elif damage == "invisible":
            field = draw(st.sampled_from(["city", "venue", "date", "start", "signup_url"]))
            if isinstance(event.get(field), str) and event[field]:
                event[field] = event[field][:2] + "\u200b" + event[field][2:]
        elif damage == "invented link":
            event["signup_url"] = "https://lu.ma/" + draw(st.text("abcdefgh-", min_size=3))
        elif damage == "invented event":
            given.append({**event, "city": draw(st.sampled_from(["Θεσσαλονίκη", "Львів",
                          "Göteborg", "인천", "Ostrava"])), "venue": "Náměstí"})  # fmt: skip
        elif damage == "list value" and isinstance(event.get("date"), str):
            event["date"] = [event["date"]]
    damage = draw(st.sampled_from(["none", *TEXT_DAMAGES]))
    text = answer(*given) if damage == "none" else damaged_text(name, given, damage)
    if draw(st.booleans()):  # a day given twice, the second another
        text = text.replace('"date": ', '"date": "2027-12-31", "date": ', 1)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # cut off, mid-string or anywhere
    return name, text
