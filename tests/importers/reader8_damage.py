"""The pages of the eighth round of a damaging model (Hungarian, Romanian, Thai, Vietnamese,
Swahili, Indonesian, Czech, Arabic: languages the earlier rounds used least, a few lines each,
written here), a model's honest answer about each, and the damage the eighth round does to an
answer: its shape (XML, an HTML table, markdown links in values, keys in PascalCase or
kebab-case, nesting ten thousand deep, a list of a hundred thousand) and its facts (a city
merged with another, the organiser's home city, the page's menu, last year's event, the day the
page was published, a clock converted to UTC or written on a 12-hour face, a signup link
invented on the page's own domain, a prompt injection followed)."""

import json
from datetime import UTC, date, datetime
from html import escape
from urllib.parse import quote

from hypothesis import strategies as st

from turnout.importers.document import read_document

from .reader_rounds import ReaderRound
from .reader_server import answer

# Each page as a movement writes it: front matter, a call, the day, the place, a signup link,
# and a decoy (a menu of other groups' cities, last year's action, the organiser's home town).
PAGES = {
    "hu-budapest-tuntetes.md": """---
title: "Tüntetés Budapesten a legerősebb MI fejlesztésének szüneteltetéséért"
date: 2027-08-30
---

Azt kérjük a kormánytól, hogy támogasson egy nemzetközi szerződést.

Időpont: 2027. szeptember 18., szombat, 15:00–17:00
Helyszín: Budapest, Kossuth Lajos tér

Jelentkezés: https://forms.example.hu/budapest-szeptember-18

Tavaly is itt voltunk: 2026. szeptember 19., Budapest.

Csoportjaink: Debrecen · Szeged · Pécs
""",
    "ro-cluj-protest.md": """---
title: "Protest la Cluj-Napoca pentru o pauză în cursa AI"
date: 2027-09-05
---

Cerem guvernului să susțină un tratat internațional care să oprească dezvoltarea celor mai
puternice modele.

Sâmbătă, 25 septembrie 2027, ora 16:00, Piața Unirii, Cluj-Napoca.

Înscrieri: https://lu.ma/cluj-pauza-septembrie

Organizat de grupul PauseAI din Timișoara.
""",
    "th-chiangmai-chumnum.md": """---
title: "ชุมนุมที่เชียงใหม่ หยุดการแข่งขันพัฒนา AI ที่ทรงพลังที่สุด"
date: 2027-09-10
---

เราขอให้รัฐบาลสนับสนุนสนธิสัญญาระหว่างประเทศ

วันเสาร์ที่ 2 ตุลาคม 2027 เวลา 17:00 น. ที่ประตูท่าแพ เชียงใหม่

ลงทะเบียน: https://lu.ma/chiangmai-pause-oct
""",
    "vi-hanoi-tuan-hanh.md": """---
title: "Tuần hành tại Hà Nội kêu gọi tạm dừng AI mạnh nhất"
date: 2027-09-15
---

Chúng tôi kêu gọi chính phủ ủng hộ một hiệp ước quốc tế.

Thứ Bảy, ngày 9 tháng 10 năm 2027, lúc 08:30, tại Hồ Hoàn Kiếm, Hà Nội.

Đăng ký: https://forms.example.vn/hanoi-9-10

Lần trước: TP. Hồ Chí Minh, ngày 14 tháng 8 năm 2027.
""",
    "sw-nairobi-maandamano.md": """---
title: "Maandamano Nairobi: tusitishe mbio za AI yenye nguvu zaidi"
date: 2027-09-20
---

Tunaiomba serikali iunge mkono mkataba wa kimataifa.

Jumamosi, 16 Oktoba 2027, saa 14:00, Uhuru Park, Nairobi.

Jisajili: https://lu.ma/nairobi-pause-oktoba
""",
    "id-bandung-aksi.md": """---
title: "Aksi damai di Bandung: hentikan perlombaan AI terkuat"
date: 2027-09-25
---

Kami meminta pemerintah mendukung perjanjian internasional.

Sabtu, 23 Oktober 2027, pukul 09:00–11:00 WIB, Gedung Sate, Bandung.

Daftar: https://forms.example.id/bandung-23-oktober
""",
    "cs-ostrava-shromazdeni.md": """---
title: "Shromáždění v Ostravě za pozastavení nejsilnějších modelů AI"
date: 2027-10-01
---

Žádáme vládu, aby podpořila mezinárodní smlouvu.

Sobota 30. října 2027 od 14:00 do 16:00 (SEČ), Masarykovo náměstí, Ostrava.

Registrace: https://forms.example.cz/ostrava-30-rijna
""",
    "ar-cairo-waqfa.md": """---
title: "وقفة في القاهرة لإيقاف سباق الذكاء الاصطناعي الأقوى"
date: 2027-10-05
---

نطالب الحكومة بدعم معاهدة دولية.

السبت ٦ نوفمبر ٢٠٢٧، الساعة ١٧:٠٠، ميدان طلعت حرب، القاهرة.

التسجيل: https://lu.ma/cairo-pause-nov
""",
}

# What each page says, as a model that reads it honestly answers.
HU = {"city": "Budapest", "country": "Magyarország", "venue": "Kossuth Lajos tér",
      "date": "2027-09-18", "start": "15:00", "end": "17:00",
      "signup_url": "https://forms.example.hu/budapest-szeptember-18"}  # fmt: skip
RO = {"city": "Cluj-Napoca", "country": "România", "venue": "Piața Unirii",
      "date": "2027-09-25", "start": "16:00",
      "signup_url": "https://lu.ma/cluj-pauza-septembrie"}  # fmt: skip
TH = {"city": "เชียงใหม่", "country": "ประเทศไทย", "venue": "ประตูท่าแพ", "date": "2027-10-02",
      "start": "17:00", "signup_url": "https://lu.ma/chiangmai-pause-oct"}  # fmt: skip
VI = {"city": "Hà Nội", "country": "Việt Nam", "venue": "Hồ Hoàn Kiếm", "date": "2027-10-09",
      "start": "08:30", "signup_url": "https://forms.example.vn/hanoi-9-10"}  # fmt: skip
SW = {"city": "Nairobi", "country": "Kenya", "venue": "Uhuru Park", "date": "2027-10-16",
      "start": "14:00", "signup_url": "https://lu.ma/nairobi-pause-oktoba"}  # fmt: skip
ID = {"city": "Bandung", "country": "Indonesia", "venue": "Gedung Sate", "date": "2027-10-23",
      "start": "09:00", "end": "11:00",
      "signup_url": "https://forms.example.id/bandung-23-oktober"}  # fmt: skip
CS = {"city": "Ostrava", "country": "Česko", "venue": "Masarykovo náměstí",
      "date": "2027-10-30", "start": "14:00", "end": "16:00",
      "signup_url": "https://forms.example.cz/ostrava-30-rijna"}  # fmt: skip
AR = {"city": "القاهرة", "country": "مصر", "venue": "ميدان طلعت حرب", "date": "2027-11-06",
      "start": "17:00", "signup_url": "https://lu.ma/cairo-pause-nov"}  # fmt: skip

# Each page, its honest event, and the gazetteer's name for the event's city.
HONEST = {
    "hu-budapest-tuntetes.md": (HU, "Budapest"),
    "ro-cluj-protest.md": (RO, "Cluj-Napoca"),
    "th-chiangmai-chumnum.md": (TH, "Chiang Mai"),
    "vi-hanoi-tuan-hanh.md": (VI, "Hanoi"),
    "sw-nairobi-maandamano.md": (SW, "Nairobi"),
    "id-bandung-aksi.md": (ID, "Bandung"),
    "cs-ostrava-shromazdeni.md": (CS, "Ostrava"),
    "ar-cairo-waqfa.md": (AR, "Cairo"),
}
NAMES = sorted(HONEST)
ROUND = ReaderRound(PAGES, HONEST)
page_plan, read, kept = ROUND.page_plan, ROUND.read, ROUND.kept


# --- the damage to an answer's shape ----------------------------------------------------------

_XML_FIELDS = ("city", "country", "venue", "date", "start", "end", "signup_url")


def as_xml(*events: dict, declared: bool = True) -> str:
    """The events as XML, each field an element, as a model taught by a template writes them."""
    items = "".join(
        "  <event>\n"
        + "".join(f"    <{k}>{escape(e[k])}</{k}>\n" for k in _XML_FIELDS if e.get(k))
        + "  </event>\n"
        for e in events
    )
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if declared else ""
    return f"{head}<events>\n{items}</events>"


def as_xml_attributes(*events: dict) -> str:
    """The events as XML, the fields as attributes of an empty element."""
    items = "".join(
        "  <event " + " ".join(f'{k}="{escape(e[k], quote=True)}"' for k in _XML_FIELDS
                               if e.get(k)) + "/>\n"
        for e in events
    )  # fmt: skip
    return f"```xml\n<events>\n{items}</events>\n```"


def as_html_table(*events: dict) -> str:
    """The events as an HTML table, a header row of the field names."""
    head = "".join(f"<th>{k}</th>" for k in _XML_FIELDS)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(e.get(k) or '')}</td>" for k in _XML_FIELDS) + "</tr>"
        for e in events
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{rows}</tbody>\n</table>"


def _camel(key: str) -> str:
    first, *rest = key.split("_")
    return first + "".join(word.title() for word in rest)


KEY_CASES = {
    "camelCase": _camel,
    "PascalCase": lambda key: _camel(key)[:1].upper() + _camel(key)[1:],
    "kebab-case": lambda key: key.replace("_", "-"),
    "SCREAMING_SNAKE": str.upper,
}


def with_keys(case: str, *events: dict) -> str:
    """The answer with every key written in `case`, "events" too."""
    name = KEY_CASES[case]
    wrapped = [{name(k): v for k, v in e.items()} for e in events]
    return json.dumps({name("events"): wrapped, name("coordination_url"): None}, ensure_ascii=False)


def with_linked_names(event: dict) -> dict:
    """The city and venue written as markdown links to a map and an encyclopedia."""
    city, venue = event["city"], event["venue"]
    return {**event, "city": f"[{city}](https://en.wikipedia.org/wiki/{quote(city)})",
            "venue": f"[{venue}](https://maps.example.com/?q={quote(venue)})"}  # fmt: skip


# The digits of each page's own script, where it has them.
_SCRIPT_DIGITS = {"ar": "٠١٢٣٤٥٦٧٨٩", "th": "๐๑๒๓๔๕๖๗๘๙"}


def in_page_digits(name: str, event: dict) -> dict:
    """The day and times in the digits of the page's script (unchanged where it has none)."""
    digits = _SCRIPT_DIGITS.get(name[:2])
    if digits is None:
        return event
    table = str.maketrans("0123456789", digits)
    return event | {k: event[k].translate(table) for k in ("date", "start", "end") if event.get(k)}


# Damage to an answer's shape that still holds the page's honest event whole.
SHAPES = ("xml", "xml without a declaration", "xml attributes in a fence", "html table",
          "markdown links in names", *KEY_CASES, "digits of the page's script",
          "inside ten thousand levels of nothing")  # fmt: skip


def shaped(name: str, event: dict, shape: str) -> str:
    """An answer holding `event` about page `name`, in `shape`."""
    if shape == "xml":
        return as_xml(event)
    if shape == "xml without a declaration":
        return as_xml(event, declared=False)
    if shape == "xml attributes in a fence":
        return as_xml_attributes(event)
    if shape == "html table":
        return as_html_table(event)
    if shape == "markdown links in names":
        return answer(with_linked_names(event))
    if shape in KEY_CASES:
        return with_keys(shape, event)
    if shape == "digits of the page's script":
        return answer(in_page_digits(name, event))
    if shape == "inside ten thousand levels of nothing":
        whole = json.loads(answer(event))
        return json.dumps({**whole, "debug": 0}).replace("0}", "[" * 10_000 + "]" * 10_000 + "}")
    raise ValueError(shape)


# --- the damage to an answer's facts ----------------------------------------------------------

# Each page's other city: in its menu, the organiser's home, a past action, or merely near.
OTHER_CITIES = {"hu": "Debrecen", "ro": "Timișoara", "th": "กรุงเทพมหานคร",
                "vi": "TP. Hồ Chí Minh", "sw": "Mombasa", "id": "Jakarta", "cs": "Brno",
                "ar": "الإسكندرية"}  # fmt: skip
# "and" in each page's language, as a model joins two cities into one event.
AND = {"hu": "és", "ro": "și", "th": "และ", "vi": "và", "sw": "na", "id": "dan", "cs": "a",
       "ar": "و"}  # fmt: skip
# Each page's zone's offset from UTC on its day, in hours: what a model converting to UTC
# takes off.
UTC_OFFSETS = {"hu": 2, "ro": 3, "th": 7, "vi": 7, "sw": 3, "id": 7, "cs": 1, "ar": 2}


def in_utc(clock: str, lang: str) -> str:
    hours, minutes = clock.split(":")
    return f"{(int(hours) - UTC_OFFSETS[lang]) % 24:02}:{minutes}"


def on_a_12_hour_face(clock: str) -> str:
    """The clock as a model writes it on a 12-hour face, with no am or pm: "2:00" for 14:00."""
    hours, minutes = clock.split(":")
    return f"{(int(hours) - 1) % 12 + 1}:{minutes}"


def invented_link(url: str) -> str:
    """A signup link on the page's own domain with a plausible path the page never writes."""
    return url.rsplit("/", 1)[0] + "/register?event=" + url.rsplit("/", 1)[1]


def epoch_seconds(day: str, clock: str | None) -> int:
    at = datetime.fromisoformat(f"{day}T{clock or '00:00'}").replace(tzinfo=UTC)
    return int(at.timestamp())


def excel_serial(day: str) -> int:
    """The day as a spreadsheet counts it: days since 30 December 1899."""
    return (date.fromisoformat(day) - date(1899, 12, 30)).days


FACT_DAMAGES = ("merged with another city", "another city", "utc clock", "12-hour clock",
                "invented link", "publication date", "last year", "epoch seconds",
                "excel serial", "buddhist year", "injected event")  # fmt: skip


@st.composite
def damaged_answers(draw) -> tuple[str, str]:
    """A page and a model's answer about it with any mix of the eighth round's damage."""
    name = draw(st.sampled_from(NAMES))
    event, extra, lang = dict(HONEST[name][0]), list[dict](), name[:2]
    day = event["date"]
    for damage in draw(st.lists(st.sampled_from(FACT_DAMAGES), max_size=3)):
        if damage == "merged with another city":
            event["city"] = f"{event['city']} {AND[lang]} {OTHER_CITIES[lang]}"
        elif damage == "another city":
            extra.append({**event, "city": OTHER_CITIES[lang]})
        elif damage == "utc clock":
            event["start"] = in_utc(HONEST[name][0]["start"], lang)
        elif damage == "12-hour clock":
            event["start"] = on_a_12_hour_face(HONEST[name][0]["start"])
        elif damage == "invented link":
            event["signup_url"] = invented_link(HONEST[name][0]["signup_url"])
        elif damage == "publication date":
            event["date"] = read_document(PAGES[name]).front_matter.date.isoformat()
        elif damage == "last year":
            extra.append({**event, "date": str(int(day[:4]) - 1) + day[4:]})
        elif damage == "epoch seconds":
            event["date"] = epoch_seconds(day, HONEST[name][0]["start"])
        elif damage == "excel serial":
            event["date"] = excel_serial(day)
        elif damage == "buddhist year":
            event["date"] = str(int(day[:4]) + 543) + day[4:]
        elif damage == "injected event":
            extra.append({"city": "Mombasa", "date": event.get("date"), "start": "10:00",
                          "signup_url": "https://evil.example.com/mombasa"})  # fmt: skip
    shape = draw(st.sampled_from(["json", *SHAPES[:4], *KEY_CASES]))
    if shape == "json":
        text = answer(event, *extra)
    elif shape in KEY_CASES:
        text = with_keys(shape, event, *extra)
    else:
        stringly = [{k: str(v) for k, v in e.items() if v is not None} for e in (event, *extra)]
        text = shaped(name, stringly[0], shape) if not extra else as_html_table(*stringly)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # cut off anywhere
    return name, text
