"""The pages of the sixth round of a damaging model (Dutch, German, French, Spanish, Japanese,
Arabic, Russian: a few lines each, written here), a model's honest answer about each, and the
damage the sixth round does to an answer's shape (a table, CSV, a proxy's "data:" lines, a
refusal first), its fields ("sixteenth of October", "3pm CEST", "名古屋（日本）", a link in
capitals) and its events (one twice under two names of its city)."""

import json
import re
from datetime import date

from hypothesis import strategies as st

from .reader_rounds import ReaderRound
from .reader_server import answer

# Each page as a movement writes it: front matter, a call, the day, the place, a signup link,
# and a decoy or two (a past action, a contact address, a chat to talk in).
PAGES = {
    "nl-den-haag-malieveld.md": """---
title: "Manifestatie op het Malieveld: zet de race naar superintelligentie op pauze"
date: 2027-09-20
---

Het kabinet moet zich inzetten voor een internationaal verdrag dat de bouw van de krachtigste
AI-modellen stillegt.

Zaterdag 16 oktober 2027 staan we van 14:00 tot 16:00 op het Malieveld in Den Haag.
Neem een spandoek mee.

Aanmelden: https://lu.ma/denhaag-pauze-oktober

Vorige actie: Rotterdam, zaterdag 11 september 2027, bij het stadhuis.
""",
    "de-freiburg-kundgebung.md": """---
title: "Kundgebung in Freiburg: Wettlauf um immer stärkere KI stoppen"
date: 2027-10-01
---

Wir fordern von der Bundesregierung, sich für ein internationales Moratorium einzusetzen.

Samstag, 23. Oktober 2027, 15:00 Uhr, Platz der Alten Synagoge in Freiburg im Breisgau.
Anschließend offenes Mikrofon.

Anmeldung: https://forms.example.de/freiburg-23-oktober

Fragen an kontakt@pause-freiburg.example.de
""",
    "fr-nantes-rassemblement.md": """---
title: "Rassemblement à Nantes : une pause pour l'IA la plus puissante"
date: 2027-10-05
---

Nous demandons au gouvernement de soutenir un traité international.

Rendez-vous le samedi 30 octobre 2027 de 11h00 à 13h00, place Royale, à Nantes.

Inscription : https://lu.ma/nantes-pause-octobre

Pour discuter entre bénévoles : https://chat.whatsapp.com/NantesPause2027
""",
    "es-zaragoza-concentracion.md": """---
title: "Concentración en Zaragoza por una pausa en la IA"
date: 2027-10-12
---

Exigimos que se detenga la carrera hacia sistemas de IA cada vez más potentes.

Nos vemos el sábado 6 de noviembre de 2027 a las 18:00 en la Plaza del Pilar de Zaragoza.

Apúntate: https://forms.example.es/zaragoza-6-noviembre
""",
    "ja-nagoya-demo.md": """---
title: "名古屋でAI開発の一時停止を求める集会"
date: 2027-10-20
---

最も強力なAIの開発競争を止める国際条約を政府に求めます。

2027年11月13日（土）14:00〜16:00、名古屋の久屋大通公園で集会を開きます。

参加登録: https://lu.ma/nagoya-pause-1113
""",
    "ar-casablanca-waqfa.md": """---
title: "وقفة في الدار البيضاء من أجل إيقاف سباق الذكاء الاصطناعي"
date: 2027-10-25
---

نطالب الحكومة بدعم معاهدة دولية توقف تطوير أقوى النماذج مؤقتا.

الموعد: السبت 20 نوفمبر 2027 الساعة 17:00 في الدار البيضاء، ساحة محمد الخامس.

للتسجيل: https://forms.example.org/casablanca-20-11
""",
    "ru-kazan-piket.md": """---
title: "Пикет в Казани: остановить гонку сверхмощного ИИ"
date: 2027-11-01
---

Мы призываем правительство поддержать международный договор о паузе.

Суббота, 27 ноября 2027 года, 13:00, площадь Свободы, Казань.

Регистрация: https://forms.example.org/kazan-27-noyabrya
""",
}

# What each page says, as a model that reads it honestly answers.
NL = {"city": "Den Haag", "country": "Nederland", "venue": "Malieveld", "date": "2027-10-16",
      "start": "14:00", "end": "16:00",
      "signup_url": "https://lu.ma/denhaag-pauze-oktober"}  # fmt: skip
DE = {"city": "Freiburg im Breisgau", "country": "Deutschland",
      "venue": "Platz der Alten Synagoge", "date": "2027-10-23", "start": "15:00",
      "signup_url": "https://forms.example.de/freiburg-23-oktober"}  # fmt: skip
FR = {"city": "Nantes", "country": "France", "venue": "place Royale", "date": "2027-10-30",
      "start": "11:00", "end": "13:00",
      "signup_url": "https://lu.ma/nantes-pause-octobre"}  # fmt: skip
ES = {"city": "Zaragoza", "country": "España", "venue": "Plaza del Pilar", "date": "2027-11-06",
      "start": "18:00", "signup_url": "https://forms.example.es/zaragoza-6-noviembre"}  # fmt: skip
JA = {"city": "名古屋", "country": "日本", "venue": "久屋大通公園", "date": "2027-11-13",
      "start": "14:00", "end": "16:00",
      "signup_url": "https://lu.ma/nagoya-pause-1113"}  # fmt: skip
AR = {"city": "الدار البيضاء", "country": "المغرب", "venue": "ساحة محمد الخامس",
      "date": "2027-11-20", "start": "17:00",
      "signup_url": "https://forms.example.org/casablanca-20-11"}  # fmt: skip
RU = {"city": "Казань", "country": "Россия", "venue": "площадь Свободы", "date": "2027-11-27",
      "start": "13:00", "signup_url": "https://forms.example.org/kazan-27-noyabrya"}  # fmt: skip

# Each page, its honest event, and the gazetteer's name for the event's city.
HONEST = {
    "nl-den-haag-malieveld.md": (NL, "The Hague"),
    "de-freiburg-kundgebung.md": (DE, "Freiburg"),
    "fr-nantes-rassemblement.md": (FR, "Nantes"),
    "es-zaragoza-concentracion.md": (ES, "Zaragoza"),
    "ja-nagoya-demo.md": (JA, "Nagoya"),
    "ar-casablanca-waqfa.md": (AR, "Casablanca"),
    "ru-kazan-piket.md": (RU, "Kazan"),
}
NAMES = sorted(HONEST)
ROUND = ReaderRound(PAGES, HONEST)
page_plan, read, kept = ROUND.page_plan, ROUND.read, ROUND.kept


# --- the damage to an answer's shape ----------------------------------------------------------

# The field names each page's language gives, as a model answering "in the page's language"
# writes them in JSON, in a table's header or as bold lines.
PAGE_KEYS = {
    "nl-den-haag-malieveld.md": {"events": "evenementen", "city": "Stad", "date": "Datum",
        "start": "Begintijd", "end": "Eindtijd", "venue": "Locatie", "signup_url": "Aanmeldlink",
        "country": "Land"},
    "de-freiburg-kundgebung.md": {"events": "Veranstaltungen", "city": "Stadt",
        "date": "Datum", "start": "Beginn", "venue": "Ort", "signup_url": "Anmeldelink",
        "country": "Land"},
    "fr-nantes-rassemblement.md": {"events": "événements", "city": "Ville", "date": "Date",
        "start": "Heure de début", "end": "Heure de fin", "venue": "Lieu",
        "signup_url": "Lien d'inscription", "country": "Pays"},
    "es-zaragoza-concentracion.md": {"events": "eventos", "city": "Ciudad", "date": "Fecha",
        "start": "Hora de inicio", "venue": "Lugar", "signup_url": "Enlace de inscripción",
        "country": "País"},
    "ja-nagoya-demo.md": {"events": "イベント", "city": "都市", "date": "日付",
        "start": "開始時刻", "end": "終了時刻", "venue": "会場", "signup_url": "登録リンク",
        "country": "国"},
    "ar-casablanca-waqfa.md": {"events": "الفعاليات", "city": "المدينة", "date": "التاريخ",
        "start": "الوقت", "venue": "المكان", "signup_url": "رابط التسجيل", "country": "البلد"},
    "ru-kazan-piket.md": {"events": "мероприятия", "city": "Город", "date": "Дата",
        "start": "Начало", "venue": "Место", "signup_url": "Ссылка на регистрацию",
        "country": "Страна"},
}  # fmt: skip

# The answer's shape as the prompt writes it, echoed back with its "..." for values.
PROMPT_SHAPE = (
    '{"events": [{"title": ..., "city": ..., "country": ..., "venue": ..., "date": ..., '
    '"last_date": ..., "start": ..., "end": ..., "zone": ..., "signup_url": ..., '
    '"cancelled": ...}], "coordination_url": ...}'
)
# What a model says before its JSON when it thinks it should refuse, and answers anyway.
REFUSALS = {
    "nl-den-haag-malieveld.md": "Ik kan geen websites bezoeken, maar uit de tekst haal ik dit:",
    "de-freiburg-kundgebung.md": "Ich kann keine Links öffnen. Aus dem Text ergibt sich:",
    "fr-nantes-rassemblement.md": "Je ne peux pas vérifier ces informations, mais voici :",
    "es-zaragoza-concentracion.md": "No puedo navegar por internet; según el texto:",
    "ja-nagoya-demo.md": "申し訳ありませんが、リンク先は確認できません。本文から抽出しました：",
    "ar-casablanca-waqfa.md": "عذرًا، لا يمكنني تصفح الإنترنت، لكن هذا ما ورد في النص:",
    "ru-kazan-piket.md": "Извините, я не могу открывать ссылки, но вот данные из текста:",
}


def _in_page_keys(name: str, event: dict) -> dict:
    keys = PAGE_KEYS[name]
    return {keys[k]: v for k, v in event.items() if k in keys}


def _table(name: str, event: dict) -> str:
    row = _in_page_keys(name, event)
    header = "| " + " | ".join(row) + " |"
    rule = "|" + "---|" * len(row)
    return f"{header}\n{rule}\n| " + " | ".join(row.values()) + " |"


def _stream_chunks(text: str, size: int = 23) -> str:
    """`text` as a proxy passes a stream on: each chunk's "data:" line, as the answer itself."""
    chunks = [{"choices": [{"index": 0, "delta": {"content": text[i : i + size]}}]}
              for i in range(0, len(text), size)]  # fmt: skip
    return "".join(f"data: {json.dumps(c, ensure_ascii=False)}\n\n" for c in chunks)


def _python(event: dict) -> str:
    """The event as Python prints it, its day and times (those in ISO) as `datetime` objects."""
    parts = []
    for key, value in event.items():
        numbers = (
            [int(n) for n in re.split("[-:]", value)] if re.fullmatch(r"[\d:-]+", value) else []
        )
        if key == "date" and len(numbers) == 3:
            parts.append(f"'date': datetime.date({numbers[0]}, {numbers[1]}, {numbers[2]})")
        elif key in ("start", "end") and len(numbers) == 2:
            parts.append(f"'{key}': datetime.time({numbers[0]}, {numbers[1]})")
        else:
            parts.append(f"{key!r}: {value!r}")
    return "{'events': [{" + ", ".join(parts) + ", 'zone': None, 'last_date': null}]}"


# Damage to an answer's shape that still holds the page's honest event whole.
SHAPES = ("markdown table in the page's language", "csv with a quoted cell",
          "semicolon csv in the page's language", "json lines and a count",
          "a proxy's stream of chunks", "data: before the object", "a refusal, then the json",
          "python with datetime objects", "keys in the page's language",
          "bold lines in the page's language", "events as lists in a list",
          "in answer tags", "the prompt's shape echoed first", "half the object, then whole",
          "nan and huge numbers where nothing is asked")  # fmt: skip


def shaped(name: str, event: dict, shape: str) -> str:
    """An answer holding `event` about page `name`, in `shape`."""
    whole = answer(event)
    if shape == "markdown table in the page's language":
        return f"{REFUSALS[name]}\n\n{_table(name, event)}\n"
    if shape == "csv with a quoted cell":
        row = event | {"venue": f"{event['venue']}, {event['city']}"}
        cells = [f'"{v}"' if "," in v else v for v in row.values()]
        return "```csv\n" + ",".join(row) + "\n" + ",".join(cells) + "\n```"
    if shape == "semicolon csv in the page's language":
        row = _in_page_keys(name, event)
        return ";".join(row) + "\n" + ";".join(row.values())
    if shape == "json lines and a count":
        return json.dumps(event, ensure_ascii=False) + '\n{"count": 1}'
    if shape == "a proxy's stream of chunks":
        return _stream_chunks(whole) + "data: [DONE]\n\n"
    if shape == "data: before the object":
        return f"data: {whole}\n\ndata: [DONE]"
    if shape == "a refusal, then the json":
        return f"{REFUSALS[name]}\n{whole}"
    if shape == "python with datetime objects":
        return _python(event)
    if shape == "keys in the page's language":
        keys = PAGE_KEYS[name]
        return json.dumps({keys["events"]: [_in_page_keys(name, event)]}, ensure_ascii=False)
    if shape == "bold lines in the page's language":
        return "\n".join(f"- **{k}:** {v}" for k, v in _in_page_keys(name, event).items())
    if shape == "events as lists in a list":
        return json.dumps({"events": [[json.loads(whole)["events"][0]]]}, ensure_ascii=False)
    if shape == "in answer tags":
        return f"<answer>\n{whole}\n</answer>"
    if shape == "the prompt's shape echoed first":
        return f"{PROMPT_SHAPE}\n\n{whole}"
    if shape == "half the object, then whole":
        return whole[: len(whole) // 2] + "\n" + whole
    if shape == "nan and huge numbers where nothing is asked":
        return (
            whole.replace('"last_date": null', '"last_date": NaN')
            .replace('"zone": null', '"zone": 1e999')
            .replace('"title": null', f'"title": {10**40}')
        )
    raise ValueError(shape)


# --- the damage to an answer's fields ---------------------------------------------------------


def written_days(iso: str) -> list[str]:
    """The event's day as models write it otherwise than YYYY-MM-DD: without its year, spelled
    out, day first with hyphens, or with its weekday cut short."""
    day = date.fromisoformat(iso)
    month = day.strftime("%B")
    spelled = {6: "sixth", 13: "thirteenth", 16: "sixteenth", 20: "twentieth",
               23: "twenty-third", 27: "twenty-seventh", 30: "thirtieth"}[day.day]  # fmt: skip
    return [f"{day.day}/{day.month}", f"{month} {day.day}th", f"{spelled} of {month} {day.year}",
            f"{month} the {spelled}", f"{day.day:02}-{day.month:02}-{day.year}",
            day.strftime("%a %d %b %Y")]  # fmt: skip


# The event's day with the weekday of the day after: cut short, in brackets, in the page's
# language.
NEXT_WEEKDAYS = {"nl": "zondag", "de": "Sonntag", "fr": "dimanche", "es": "domingo",
                 "ja": "日曜日", "ar": "الأحد", "ru": "воскресенье"}  # fmt: skip


def wrong_weekdays(name: str) -> list[str]:
    iso = HONEST[name][0]["date"]
    return [f"Sun {iso}", f"{iso} (Sunday)", f"{NEXT_WEEKDAYS[name[:2]]} {iso}"]


# Each city with its country in brackets (a Japanese keyboard's brackets on the Japanese page),
# and the city's other name a model gives the same event under a second time.
CITY_WITH_COUNTRY = {"nl": "Den Haag (Nederland)", "de": "Freiburg im Breisgau (Deutschland)",
                     "fr": "Nantes (France)", "es": "Zaragoza (España)", "ja": "名古屋（日本）",
                     "ar": "الدار البيضاء (المغرب)", "ru": "Казань (Россия)"}  # fmt: skip
OTHER_NAMES = {"nl": "The Hague", "de": "Freiburg", "fr": "Nantes, France",
               "es": "Saragossa", "ja": "Nagoya", "ar": "Casablanca", "ru": "Kazan"}  # fmt: skip
# The start as a model writes it with the zone the day is in, where the page gives no zone.
ZONED_STARTS = {"nl": "2pm CEST", "de": "3 p.m. CEST", "fr": "11am CEST", "es": "6pm CET",
                "ja": "2:00 PM JST", "ar": "1700h", "ru": "1 pm MSK"}  # fmt: skip


def written_links(url: str) -> list[str]:
    """The page's link with its scheme and host in capitals, tracking added and in <>, a slash
    after, or over http."""
    scheme, rest = url.split("://")
    host, path = rest.split("/", 1)
    return [f"{scheme.upper()}://{host.upper()}/{path}", f"<{url}?utm_source=chatgpt.com>",
            f"{url}/", f"http://{host.upper()}/{path}"]  # fmt: skip


# --- any mix of it, as hypothesis strategies ---------------------------------------------------

FIELD_DAMAGES = ("written day", "wrong weekday", "city with country", "zoned start",
                 "link written otherwise", "repeat under another name", "invented city",
                 "invented day", "key twice")  # fmt: skip


@st.composite
def damaged_answers(draw) -> tuple[str, str]:
    """A page and a model's answer about it with any mix of the sixth round's damage."""
    name = draw(st.sampled_from(NAMES))
    event, extra, twice = dict(HONEST[name][0]), list[dict](), False
    for damage in draw(st.lists(st.sampled_from(FIELD_DAMAGES), max_size=3)):
        if damage == "written day":
            event["date"] = draw(st.sampled_from(written_days(HONEST[name][0]["date"])))
        elif damage == "wrong weekday":
            event["date"] = draw(st.sampled_from(wrong_weekdays(name)))
        elif damage == "city with country":
            event["city"] = CITY_WITH_COUNTRY[name[:2]]
        elif damage == "zoned start":
            event["start"] = ZONED_STARTS[name[:2]]
        elif damage == "link written otherwise":
            event["signup_url"] = draw(st.sampled_from(written_links(event["signup_url"])))
        elif damage == "repeat under another name":
            extra.append({**event, "city": OTHER_NAMES[name[:2]]})
        elif damage == "invented city":
            city = draw(
                st.sampled_from(["Rotterdam", "Lyon", "Sevilla", "大阪", "Rabat", "Самара"])
            )
            extra.append({**event, "city": city})
        elif damage == "invented day":
            extra.append({**event, "date": "2027-12-11", "venue": "Rathausplatz"})
        twice = twice or damage == "key twice"
    shape = draw(st.sampled_from(["json", *SHAPES]))
    text = answer(event, *extra) if shape == "json" else shaped(name, event, shape)
    if extra and shape != "json":
        text += "\n" + answer(*extra)
    if twice:  # the start given twice, the first another
        text = text.replace('"start": ', '"start": "09:00", "start": ', 1)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # cut off, mid-string or anywhere
    return name, text
