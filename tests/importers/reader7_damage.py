"""The pages of the seventh round of a damaging model (Polish, Italian, Portuguese, Turkish,
Korean, Hindi, Swedish, Greek: a few lines each, written here), a model's honest answer about
each, and the damage the seventh round does to an answer: its format (YAML, JSON with comments
and trailing commas, single quotes, keys in the page's language, events under
{"data": {"items": ...}}, a tool call, a reasoning block, the answer twice, escapes) and its
fields (numbers for text, ISO week dates, the year of a model's training, "TBD", a city
transliterated, "24:00", an end before the start)."""

import json
import re
from datetime import date

from hypothesis import strategies as st

from .reader_rounds import ReaderRound
from .reader_server import answer

# Each page as a movement writes it: front matter, a call, the day, the place, a signup link,
# and a decoy (a past action, a nearby city, a contact).
PAGES = {
    "pl-wroclaw-pikieta.md": """---
title: "Pikieta we Wrocławiu: wstrzymajmy wyścig najpotężniejszej AI"
date: 2027-09-25
---

Wzywamy rząd do poparcia międzynarodowego traktatu wstrzymującego rozwój najsilniejszych
modeli sztucznej inteligencji.

Spotykamy się w sobotę 9 października 2027 r. w godz. 12:00–14:00 we Wrocławiu.
Miejsce: Rynek, pod pręgierzem.

Zapisy: https://forms.example.pl/wroclaw-9-pazdziernika

Poprzednia akcja: Poznań, 4 września 2027.
""",
    "it-bologna-presidio.md": """---
title: "Presidio a Bologna per una pausa nello sviluppo dell'IA"
date: 2027-09-30
---

Chiediamo al governo di sostenere un trattato internazionale che fermi la corsa verso
sistemi sempre più potenti.

Ci vediamo sabato 16 ottobre 2027 alle 17:30 in Piazza Maggiore a Bologna, davanti a
Palazzo d'Accursio.

Iscrizione: https://lu.ma/bologna-pausa-ottobre

Per informazioni scrivete a info@pausa-bologna.example.it
""",
    "pt-porto-vigilia.md": """---
title: "Vigília no Porto por uma pausa na IA mais poderosa"
date: 2027-10-04
---

Pedimos ao governo que apoie um tratado internacional.

Sábado, 23 de outubro de 2027, das 15:00 às 17:00, na Avenida dos Aliados, no Porto.

Inscrições: https://forms.example.pt/porto-23-outubro
""",
    "tr-izmir-eylem.md": """---
title: "İzmir'de yapay zekâ yarışına ara verilsin eylemi"
date: 2027-10-10
---

Hükümetten en güçlü yapay zekâ modellerinin geliştirilmesini durduracak uluslararası bir
anlaşmayı desteklemesini istiyoruz.

30 Ekim 2027 Cumartesi, saat 14:00, İzmir Gündoğdu Meydanı.

Kayıt: https://lu.ma/izmir-ara-ekim
""",
    "ko-busan-jiphoe.md": """---
title: "부산 집회: 초지능 AI 개발 경쟁을 멈춰라"
date: 2027-10-15
---

정부가 가장 강력한 AI 개발을 멈추는 국제 조약을 지지할 것을 요구합니다.

2027년 11월 6일(토) 15:00~17:00 부산에서 모입니다.
장소: 서면 젊음의거리

참가 신청: https://lu.ma/busan-pause-1106
""",
    "hi-pune-pradarshan.md": """---
title: "पुणे में प्रदर्शन: सबसे शक्तिशाली एआई की दौड़ रोको"
date: 2027-10-20
---

हम सरकार से एक अंतरराष्ट्रीय संधि का समर्थन करने की माँग करते हैं।

शनिवार, 13 नवंबर 2027, 17:00 बजे, शनिवार वाड़ा के सामने, पुणे।

पंजीकरण: https://forms.example.in/pune-13-november
""",
    "sv-malmo-manifestation.md": """---
title: "Manifestation i Malmö: pausa kapplöpningen mot allt kraftfullare AI"
date: 2027-10-28
---

Vi kräver att regeringen stöder ett internationellt avtal om en paus.

Lördag 20 november 2027 kl. 13:00–15:00 på Stortorget i Malmö.

Anmälan: https://lu.ma/malmo-paus-november

Nästa gång kanske Lund.
""",
    "el-thessaloniki-diamartyria.md": """---
title: "Διαμαρτυρία στη Θεσσαλονίκη για παύση της πιο ισχυρής ΤΝ"
date: 2027-11-02
---

Ζητάμε από την κυβέρνηση να στηρίξει μια διεθνή συνθήκη.

Σάββατο 27 Νοεμβρίου 2027, 18:00–20:00, Πλατεία Αριστοτέλους, Θεσσαλονίκη.

Εγγραφή: https://forms.example.gr/thessaloniki-27-11
""",
}

# What each page says, as a model that reads it honestly answers.
PL = {"city": "Wrocław", "country": "Polska", "venue": "Rynek", "date": "2027-10-09",
      "start": "12:00", "end": "14:00",
      "signup_url": "https://forms.example.pl/wroclaw-9-pazdziernika"}  # fmt: skip
IT = {"city": "Bologna", "country": "Italia", "venue": "Piazza Maggiore", "date": "2027-10-16",
      "start": "17:30", "signup_url": "https://lu.ma/bologna-pausa-ottobre"}  # fmt: skip
PT = {"city": "Porto", "country": "Portugal", "venue": "Avenida dos Aliados",
      "date": "2027-10-23", "start": "15:00", "end": "17:00",
      "signup_url": "https://forms.example.pt/porto-23-outubro"}  # fmt: skip
TR = {"city": "İzmir", "country": "Türkiye", "venue": "Gündoğdu Meydanı", "date": "2027-10-30",
      "start": "14:00", "signup_url": "https://lu.ma/izmir-ara-ekim"}  # fmt: skip
KO = {"city": "부산", "country": "대한민국", "venue": "서면 젊음의거리", "date": "2027-11-06",
      "start": "15:00", "end": "17:00", "signup_url": "https://lu.ma/busan-pause-1106"}  # fmt: skip
HI = {"city": "पुणे", "country": "भारत", "venue": "शनिवार वाड़ा", "date": "2027-11-13",
      "start": "17:00", "signup_url": "https://forms.example.in/pune-13-november"}  # fmt: skip
SV = {"city": "Malmö", "country": "Sverige", "venue": "Stortorget", "date": "2027-11-20",
      "start": "13:00", "end": "15:00",
      "signup_url": "https://lu.ma/malmo-paus-november"}  # fmt: skip
EL = {"city": "Θεσσαλονίκη", "country": "Ελλάδα", "venue": "Πλατεία Αριστοτέλους",
      "date": "2027-11-27", "start": "18:00", "end": "20:00",
      "signup_url": "https://forms.example.gr/thessaloniki-27-11"}  # fmt: skip

# Each page, its honest event, and the gazetteer's name for the event's city.
HONEST = {
    "pl-wroclaw-pikieta.md": (PL, "Wrocław"),
    "it-bologna-presidio.md": (IT, "Bologna"),
    "pt-porto-vigilia.md": (PT, "Porto"),
    "tr-izmir-eylem.md": (TR, "İzmir"),
    "ko-busan-jiphoe.md": (KO, "Busan"),
    "hi-pune-pradarshan.md": (HI, "Pune"),
    "sv-malmo-manifestation.md": (SV, "Malmö"),
    "el-thessaloniki-diamartyria.md": (EL, "Thessaloniki"),
}
NAMES = sorted(HONEST)
ROUND = ReaderRound(PAGES, HONEST)
page_plan, read, kept = ROUND.page_plan, ROUND.read, ROUND.kept


# --- the damage to an answer's shape ----------------------------------------------------------

# The field names in each page's language, as a model answering "in the page's language" writes
# them in JSON or YAML.
PAGE_KEYS = {
    "pl": {"events": "wydarzenia", "city": "miasto", "date": "data", "start": "godzina",
           "end": "koniec", "venue": "miejsce", "signup_url": "zapisy", "country": "kraj"},
    "it": {"events": "eventi", "city": "città", "date": "data", "start": "ora_inizio",
           "venue": "luogo", "signup_url": "link_iscrizione", "country": "paese"},
    "pt": {"events": "eventos", "city": "cidade", "date": "data", "start": "hora_de_início",
           "end": "hora_de_término", "venue": "local", "signup_url": "inscrição",
           "country": "país"},
    "tr": {"events": "etkinlikler", "city": "şehir", "date": "tarih", "start": "saat",
           "venue": "yer", "signup_url": "kayıt", "country": "ülke"},
    "ko": {"events": "행사", "city": "도시", "date": "날짜", "start": "시작_시간",
           "end": "종료_시간", "venue": "장소", "signup_url": "신청_링크", "country": "국가"},
    "hi": {"events": "कार्यक्रम", "city": "शहर", "date": "दिनांक", "start": "समय",
           "venue": "स्थान", "signup_url": "पंजीकरण", "country": "देश"},
    "sv": {"events": "evenemang", "city": "stad", "date": "datum", "start": "starttid",
           "end": "sluttid", "venue": "plats", "signup_url": "anmälan", "country": "land"},
    "el": {"events": "εκδηλώσεις", "city": "πόλη", "date": "ημερομηνία", "start": "ώρα_έναρξης",
           "end": "ώρα_λήξης", "venue": "τοποθεσία", "signup_url": "εγγραφή", "country": "χώρα"},
}  # fmt: skip
# A comment a model leaves in its YAML or JSON, in the page's language.
COMMENTS = {"pl": "ze strony", "it": "dal testo", "pt": "do texto", "tr": "metinden",
            "ko": "본문에서", "hi": "पृष्ठ से", "sv": "från sidan", "el": "από τη σελίδα"}  # fmt: skip
# What a reasoning model drafts before its answer: a nearby city on the wrong day.
DRAFT_CITIES = {"pl": "Poznań", "it": "Modena", "pt": "Braga", "tr": "Manisa", "ko": "울산",
                "hi": "मुंबई", "sv": "Lund", "el": "Αθήνα"}  # fmt: skip


def in_page_keys(name: str, event: dict) -> dict:
    keys = PAGE_KEYS[name[:2]]
    return {keys[k]: v for k, v in event.items() if k in keys}


def _yaml(name: str, event: dict) -> str:
    keys, fields = PAGE_KEYS[name[:2]], in_page_keys(name, event)
    lines = [f"    {k}: '{v}'" if ":" in v[:8] else f"    {k}: {v}" for k, v in fields.items()]
    lines[0] = "  - " + lines[0].strip() + f"  # {COMMENTS[name[:2]]}"
    return f"```yaml\n{keys['events']}:\n" + "\n".join(lines) + "\ncoordination_url: ~\n```"


def _commented_json(name: str, event: dict) -> str:
    pairs = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
                       for k, v in event.items())  # fmt: skip
    return (f'{{\n  // {COMMENTS[name[:2]]}\n  "events": [\n  {{ /* 1 */\n{pairs},\n  }},\n  ],\n'
            '  "coordination_url": null, // none\n}')  # fmt: skip


def _single_quoted(event: dict) -> str:
    """JSON with single quotes as some models write it, JSON's words kept, an apostrophe left
    bare inside a word."""
    fields = ", ".join(f"'{k}': '{v}'" for k, v in event.items())
    return "{'events': [{" + fields + ", 'title': 'Un'azione per l'IA', 'zone': null}]}"


def _tool_call(event: dict) -> dict:
    arguments = answer(event)  # the arguments as the API sends them: JSON in a string
    function = {"name": "report_events", "arguments": arguments}
    return {"tool_calls": [{"id": "call_7", "type": "function", "function": function}]}


def _in_parts(event: dict) -> dict:
    """The day as numbers in parts, the times as numbers: "year": "2027", "start": 1730 (a day
    or time not written as asked is left as it is)."""
    changed = dict(event)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", event.get("date") or ""):
        year, month, day = changed.pop("date").split("-")
        changed |= {"year": year, "month": int(month), "day": str(int(day))}
    for key in ("start", "end"):
        if re.fullmatch(r"\d{2}:\d{2}", event.get(key) or ""):
            changed[key] = int(event[key].replace(":", ""))
    return changed


def iso_week_day(iso: str) -> str:
    year, week, weekday = date.fromisoformat(iso).isocalendar()
    return f"{year}-W{week:02}-{weekday}"


# Damage to an answer's shape that still holds the page's honest event whole.
SHAPES = ("yaml in the page's keys with a comment", "json with comments and trailing commas",
          "single quotes and a bare apostrophe", "keys in the page's language",
          "under data and items", "a tool call", "the whole completion as the answer",
          "a reasoning draft first", "the answer twice", "every letter escaped",
          "letters escaped once more", "the day and times as numbers in parts",
          "an iso week date", "null as words")  # fmt: skip


def shaped(name: str, event: dict, shape: str) -> str:
    """An answer holding `event` about page `name`, in `shape`."""
    whole, lang = answer(event), name[:2]
    if shape == "yaml in the page's keys with a comment":
        return _yaml(name, event)
    if shape == "json with comments and trailing commas":
        return _commented_json(name, event)
    if shape == "single quotes and a bare apostrophe":
        return _single_quoted(event)
    if shape == "keys in the page's language":
        keys = PAGE_KEYS[lang]
        return json.dumps({keys["events"]: [in_page_keys(name, event)]}, ensure_ascii=False)
    if shape == "under data and items":
        return json.dumps({"status": "ok", "data": {"items": [event], "total": 1}})
    if shape == "a tool call":
        return json.dumps({"role": "assistant", "content": None, **_tool_call(event)})
    if shape == "the whole completion as the answer":
        message = {"role": "assistant", "content": None, **_tool_call(event)}
        return json.dumps({"object": "chat.completion", "choices": [{"message": message}]})
    if shape == "a reasoning draft first":
        draft = {**event, "city": DRAFT_CITIES[lang], "date": "2027-09-04"}
        return f"<think>\n{answer(draft)}\n</think>\n\n{whole}"
    if shape == "the answer twice":
        return f"{whole}\n\n{whole}"
    if shape == "every letter escaped":
        return json.dumps(json.loads(whole))  # ensure_ascii: "Malm\u00f6"
    if shape == "letters escaped once more":
        return whole.replace(event["city"], json.dumps(event["city"])[1:-1].replace("\\", "\\\\"))
    if shape == "the day and times as numbers in parts":
        return json.dumps({"events": [_in_parts(event)]}, ensure_ascii=False)
    if shape == "an iso week date":
        return answer({**event, "date": iso_week_day(event["date"])})
    if shape == "null as words":
        return (
            whole.replace('"zone": null', '"zone": "TBD"')
            .replace('"last_date": null', '"last_date": "null"')
            .replace('"title": null', '"title": ""')
        )
    raise ValueError(shape)


# --- the damage to an answer's fields ---------------------------------------------------------

# Each page's city as a model writes it in Latin letters without the page's own: transliterated,
# in capitals, or its name in another language.
TRANSLITERATED = {"pl": ("Wroclaw", "Breslau"), "it": ("BOLOGNA", "Bolonia"),
                  "pt": ("Oporto", "PORTO"), "tr": ("Izmir", "IZMIR"), "ko": ("Busan", "Pusan"),
                  "hi": ("Pune", "Poona"), "sv": ("Malmo", "Malmoe"),
                  "el": ("Thessaloniki", "Salonica")}  # fmt: skip
# The year a model's training ended, which it gives an event of a page it reads later.
TRAINING_YEARS = ("2023", "2024")

FIELD_DAMAGES = ("training year", "transliterated city", "null as a word", "iso week date",
                 "end before start", "24:00 end", "invented city", "lone surrogate",
                 "key twice")  # fmt: skip


@st.composite
def damaged_answers(draw) -> tuple[str, str]:
    """A page and a model's answer about it with any mix of the seventh round's damage."""
    name = draw(st.sampled_from(NAMES))
    event, extra, lang = dict(HONEST[name][0]), list[dict](), name[:2]
    for damage in draw(st.lists(st.sampled_from(FIELD_DAMAGES), max_size=3)):
        if damage == "training year":
            event["date"] = draw(st.sampled_from(TRAINING_YEARS)) + event["date"][4:]
        elif damage == "transliterated city":
            event["city"] = draw(st.sampled_from(TRANSLITERATED[lang]))
        elif damage == "null as a word":
            key = draw(st.sampled_from(["venue", "end", "signup_url", "start"]))
            event[key] = draw(st.sampled_from(["TBD", "null", "", "N/A", "None"]))
        elif damage == "iso week date":
            event["date"] = iso_week_day(HONEST[name][0]["date"])
        elif damage == "end before start" and event.get("end"):
            event["start"], event["end"] = event["end"], event["start"]
        elif damage == "24:00 end":
            event["end"] = "24:00"
        elif damage == "invented city":
            extra.append({**event, "city": DRAFT_CITIES[lang]})
        elif damage == "lone surrogate":
            event["venue"] = f"{event.get('venue') or ''} \ud83d"
    shape = draw(st.sampled_from(["json", *SHAPES]))
    text = answer(event, *extra) if shape == "json" else shaped(name, event, shape)
    if "key twice" in text or draw(st.booleans()) and shape == "json":
        text = text.replace('"start": ', '"start": "09:00", "start": ', 1)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # cut off anywhere
    return name, text
