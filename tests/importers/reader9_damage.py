"""The pages of the ninth round of a damaging model (Finnish, Hebrew, Tagalog, Bengali, Greek,
Korean, Ukrainian, Catalan: languages the earlier rounds used least, a few lines each, written
here), a model's honest answer about each, and the damage the ninth round does to an answer:
its shape (YAML, JSON Lines, JSON with comments and trailing commas, keys in the page's
language, a year with a thousands separator, a day as an ISO week date, clocks as "14h30",
"2.30pm" or with the page's word for the afternoon, the answer twice in one message, a
reasoning block before it, its names in English) and its facts (the city of the organisation's
address in the footer, the online call as the venue or the signup link or as an event of its
own, the day and the month swapped, the answer cut off inside a string, a refusal)."""

import json
from datetime import date

import yaml
from hypothesis import strategies as st

from .reader_rounds import ReaderRound
from .reader_server import answer

# Each page as a movement writes it: front matter, a call, the day, the place, a signup link,
# and a decoy (the organisation's address in the footer, an online link, a past action).
PAGES = {
    "fi-tampere-mielenosoitus.md": """---
title: "Mielenosoitus Tampereella tehokkaimpien tekoälymallien kehityksen keskeyttämiseksi"
date: 2027-10-02
---

Vaadimme hallitusta tukemaan kansainvälistä sopimusta.

Lauantaina 23.10.2027 klo 13.00–15.00, Keskustori, Tampere.

Ilmoittaudu: https://lu.ma/tampere-lokakuu

PauseAI Suomi ry · Mannerheimintie 5, 00100 Helsinki
""",
    "he-haifa-hafgana.md": """---
title: "הפגנה בחיפה: עוצרים את המרוץ לבינה המלאכותית החזקה ביותר"
date: 2027-10-08
---

אנו קוראים לממשלה לתמוך באמנה בינלאומית.

יום שישי, 29 באוקטובר 2027, בשעה 11:00, כיכר פריז, חיפה.

הרשמה: https://forms.example.il/haifa-29-10

העמותה: רחוב רוטשילד 1, תל אביב
""",
    "tl-cebu-protesta.md": """---
title: "Protesta sa Cebu City: itigil ang karera ng pinakamalakas na AI"
date: 2027-10-15
---

Hinihiling namin sa pamahalaan na suportahan ang isang pandaigdigang kasunduan.

Sabado, Nobyembre 6, 2027, alas-3:00 ng hapon (15:00), Fuente Osmeña Circle, Cebu City.

Magparehistro: https://forms.example.ph/cebu-nob-6

Sumali rin online: https://meet.jit.si/pause-cebu-nobyembre
""",
    "bn-chattogram-samabesh.md": """---
title: "চট্টগ্রামে সমাবেশ: সবচেয়ে শক্তিশালী এআই-এর প্রতিযোগিতা থামাও"
date: 2027-10-20
---

আমরা সরকারকে একটি আন্তর্জাতিক চুক্তি সমর্থন করার আহ্বান জানাই।

তারিখ: ১৩/১১/২০২৭ (শনিবার), বিকেল ১৬:০০
স্থান: চট্টগ্রাম প্রেস ক্লাব, চট্টগ্রাম

নিবন্ধন: https://lu.ma/chattogram-nov-13

গত বছর: ঢাকা, ১৪/১১/২০২৬।
""",
    "el-thessaloniki-diamartyria.md": """---
title: "Διαμαρτυρία στη Θεσσαλονίκη για παύση των ισχυρότερων μοντέλων ΤΝ"
date: 2027-10-25
---

Ζητάμε από την κυβέρνηση να στηρίξει μια διεθνή συνθήκη.

Σάββατο 20 Νοεμβρίου 2027, 12:00–14:00, Λευκός Πύργος, Θεσσαλονίκη.

Εγγραφή: https://forms.example.gr/thessaloniki-20-11

Γραφείο: Ερμού 10, Αθήνα
""",
    "ko-busan-jiphoe.md": """---
title: "부산 집회: 가장 강력한 AI 개발 경쟁을 멈춰라"
date: 2027-11-01
---

우리는 정부가 국제 조약을 지지할 것을 요구합니다.

2027년 11월 27일 토요일 오후 2시 30분(14:30), 부산역 광장, 부산.

신청: https://lu.ma/busan-nov-27
""",
    "uk-lviv-aktsiia.md": """---
title: "Акція у Львові за призупинення найпотужніших моделей ШІ"
date: 2027-11-05
---

Ми закликаємо уряд підтримати міжнародний договір.

Субота, 4 грудня 2027 року, 12:00–13:30, площа Ринок, Львів.

Реєстрація: https://forms.example.ua/lviv-4-grudnia

Минулого разу: Київ, 2 жовтня 2027 року.
""",
    "ca-girona-concentracio.md": """---
title: "Concentració a Girona per aturar la cursa de la IA més potent"
date: 2027-11-10
---

Demanem al govern que doni suport a un tractat internacional.

Dissabte, 11 de desembre de 2027, a les 17:30, Plaça del Vi, Girona.

Inscripcions: https://lu.ma/girona-11-desembre

Associació: Carrer de Mallorca 200, Barcelona
""",
}

# What each page says, as a model that reads it honestly answers.
FI = {"city": "Tampere", "country": "Suomi", "venue": "Keskustori", "date": "2027-10-23",
      "start": "13:00", "end": "15:00", "signup_url": "https://lu.ma/tampere-lokakuu"}  # fmt: skip
HE = {"city": "חיפה", "country": "ישראל", "venue": "כיכר פריז", "date": "2027-10-29",
      "start": "11:00", "signup_url": "https://forms.example.il/haifa-29-10"}  # fmt: skip
TL = {"city": "Cebu City", "country": "Pilipinas", "venue": "Fuente Osmeña Circle",
      "date": "2027-11-06", "start": "15:00",
      "signup_url": "https://forms.example.ph/cebu-nob-6"}  # fmt: skip
BN = {"city": "চট্টগ্রাম", "country": "বাংলাদেশ", "venue": "চট্টগ্রাম প্রেস ক্লাব",
      "date": "2027-11-13", "start": "16:00",
      "signup_url": "https://lu.ma/chattogram-nov-13"}  # fmt: skip
EL = {"city": "Θεσσαλονίκη", "country": "Ελλάδα", "venue": "Λευκός Πύργος",
      "date": "2027-11-20", "start": "12:00", "end": "14:00",
      "signup_url": "https://forms.example.gr/thessaloniki-20-11"}  # fmt: skip
KO = {"city": "부산", "country": "대한민국", "venue": "부산역 광장", "date": "2027-11-27",
      "start": "14:30", "signup_url": "https://lu.ma/busan-nov-27"}  # fmt: skip
UK = {"city": "Львів", "country": "Україна", "venue": "площа Ринок", "date": "2027-12-04",
      "start": "12:00", "end": "13:30",
      "signup_url": "https://forms.example.ua/lviv-4-grudnia"}  # fmt: skip
CA = {"city": "Girona", "country": "Espanya", "venue": "Plaça del Vi", "date": "2027-12-11",
      "start": "17:30", "signup_url": "https://lu.ma/girona-11-desembre"}  # fmt: skip

# Each page, its honest event, and the gazetteer's name for the event's city.
HONEST = {
    "fi-tampere-mielenosoitus.md": (FI, "Tampere"),
    "he-haifa-hafgana.md": (HE, "Haifa"),
    "tl-cebu-protesta.md": (TL, "Cebu City"),
    "bn-chattogram-samabesh.md": (BN, "Chattogram"),
    "el-thessaloniki-diamartyria.md": (EL, "Thessaloniki"),
    "ko-busan-jiphoe.md": (KO, "Busan"),
    "uk-lviv-aktsiia.md": (UK, "Lviv"),
    "ca-girona-concentracio.md": (CA, "Girona"),
}
NAMES = sorted(HONEST)
ROUND = ReaderRound(PAGES, HONEST)
page_plan, read, kept = ROUND.page_plan, ROUND.read, ROUND.kept


# --- the damage to an answer's shape ----------------------------------------------------------

# The keys of an answer in each page's language, as a model answering "in the page's
# language" writes them.
PAGE_KEYS = {
    "fi": {"events": "tapahtumat", "city": "kaupunki", "country": "maa", "venue": "paikka",
           "date": "päivämäärä", "start": "alkaa", "end": "päättyy",
           "signup_url": "ilmoittautuminen"},
    "he": {"events": "אירועים", "city": "עיר", "country": "מדינה", "venue": "מקום",
           "date": "תאריך", "start": "שעת התחלה", "end": "שעת סיום", "signup_url": "הרשמה"},
    "tl": {"events": "mga kaganapan", "city": "lungsod", "country": "bansa", "venue": "lugar",
           "date": "petsa", "start": "oras", "end": "pagtatapos",
           "signup_url": "pagpaparehistro"},
    "bn": {"events": "অনুষ্ঠান", "city": "শহর", "country": "দেশ", "venue": "স্থান",
           "date": "তারিখ", "start": "শুরু", "end": "শেষ", "signup_url": "নিবন্ধন"},
    "el": {"events": "εκδηλώσεις", "city": "πόλη", "country": "χώρα", "venue": "τοποθεσία",
           "date": "ημερομηνία", "start": "ώρα έναρξης", "end": "ώρα λήξης",
           "signup_url": "εγγραφή"},
    "ko": {"events": "행사", "city": "도시", "country": "국가", "venue": "장소", "date": "날짜",
           "start": "시작 시간", "end": "종료 시간", "signup_url": "신청 링크"},
    "uk": {"events": "події", "city": "місто", "country": "країна", "venue": "місце",
           "date": "дата", "start": "початок", "end": "кінець", "signup_url": "реєстрація"},
    "ca": {"events": "esdeveniments", "city": "ciutat", "country": "país", "venue": "lloc",
           "date": "data", "start": "hora d'inici", "end": "hora de fi",
           "signup_url": "inscripció"},
}  # fmt: skip

# Each page's clock as a model copies the page's way of telling the time, or writes its own:
# on a 12-hour face with the language's word for the part of the day.
DAY_PART_CLOCKS = {
    "fi": {"start": "klo 1 ip.", "end": "klo 3 ip."},
    "he": {"start": "11:00 בבוקר"},
    "tl": {"start": "3:00 ng hapon"},
    "bn": {"start": "বিকেল ৪টা"},
    "el": {"start": "12:00 μ.μ.", "end": "2:00 μ.μ."},
    "ko": {"start": "오후 2:30"},
    "uk": {"start": "12 години дня", "end": "1:30 дня"},
    "ca": {"start": "5.30 de la tarda"},
}  # fmt: skip

# The names an English-speaking model gives the city and country (the gazetteer's or older).
IN_ENGLISH = {"fi": ("Tampere", "Finland"), "he": ("Haifa", "Israel"),
              "tl": ("Cebu", "Philippines"), "bn": ("Chittagong", "Bangladesh"),
              "el": ("Thessaloniki", "Greece"), "ko": ("Pusan", "South Korea"),
              "uk": ("Lvov", "Ukraine"), "ca": ("Gerona", "Spain")}  # fmt: skip


def as_yaml(*events: dict, fenced: bool = False) -> str:
    text = yaml.safe_dump({"events": list(events)}, allow_unicode=True, sort_keys=False)
    return f"```yaml\n{text}```" if fenced else text


def as_json_lines(*events: dict) -> str:
    """One event a line, as a model trained on JSON Lines answers."""
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events)


def with_comments_and_trailing_commas(*events: dict) -> str:
    """The answer as JavaScript allows it: comments of both kinds, a comma after every last
    item."""
    items = "".join(
        "    {\n"
        + "".join(f"      {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}, // {k}\n"
                  for k, v in e.items())
        + "    },  /* one event */\n"
        for e in events
    )  # fmt: skip
    return f'{{\n  // what the page announces\n  "events": [\n{items}  ],\n}}'


def in_page_keys(lang: str, *events: dict) -> str:
    keys = PAGE_KEYS[lang]
    wrapped = [{keys.get(k, k): v for k, v in e.items()} for e in events]
    return json.dumps({keys["events"]: wrapped}, ensure_ascii=False)


def with_grouped_year(event: dict, separator: str = ",") -> str:
    """The day in parts, its year a number shown with a thousands separator ("2,027")."""
    year, month, day = event["date"].split("-")
    parts = {"year": f"{year[0]}{separator}{year[1:]}", "month": month, "day": day}
    return json.dumps({"events": [{**{k: v for k, v in event.items() if k != "date"},
                                   **parts}]}, ensure_ascii=False)  # fmt: skip


def iso_week_date(day: str) -> str:
    year, week, weekday = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02}-{weekday}"


def french_clock(clock: str) -> str:
    """ "14h30", as French and a model copying it write a time."""
    hours, minutes = clock.split(":")
    return f"{int(hours)}h{minutes}"


def dotted_12_hour_clock(clock: str) -> str:
    """ "2.30pm", as British English writes a time."""
    hours, minutes = map(int, clock.split(":"))
    return f"{(hours - 1) % 12 + 1}.{minutes:02}{'pm' if hours >= 12 else 'am'}"


THINKING = (
    "<think>\nThe page is in {lang}. It mentions {city}. Maybe the date is the post's? "
    'Draft: {{"events": [{{"city": "{city}", "date": "2026-01-01"}}]}}\n</think>\n\n'
)

# Damage to an answer's shape that still holds the page's honest event whole.
SHAPES = ("yaml", "yaml in a fence", "json lines", "comments and trailing commas",
          "keys in the page's language", "year with a thousands separator", "iso week date",
          "14h30", "2.30pm", "the page's words for the part of the day",
          "the answer twice in one message", "a reasoning block first",
          "city and country in english", "invisible direction marks")  # fmt: skip


def shaped(name: str, event: dict, shape: str) -> str:
    """An answer holding `event` about page `name`, in `shape`."""
    lang = name[:2]
    if shape == "yaml":
        return as_yaml(event)
    if shape == "yaml in a fence":
        return "Here are the events:\n\n" + as_yaml(event, fenced=True)
    if shape == "json lines":
        return as_json_lines(event)
    if shape == "comments and trailing commas":
        return with_comments_and_trailing_commas(event)
    if shape == "keys in the page's language":
        return in_page_keys(lang, event)
    if shape == "year with a thousands separator":
        return with_grouped_year(event)
    if shape == "iso week date":
        return answer({**event, "date": iso_week_date(event["date"])})
    if shape in ("14h30", "2.30pm"):
        write = french_clock if shape == "14h30" else dotted_12_hour_clock
        return answer(event | {k: write(event[k]) for k in ("start", "end") if event.get(k)})
    if shape == "the page's words for the part of the day":
        return answer({**event, **DAY_PART_CLOCKS[lang]})
    if shape == "the answer twice in one message":
        return answer(event) + "\n\n" + answer(event)
    if shape == "a reasoning block first":
        return THINKING.format(lang=lang, city=event["city"]) + answer(event)
    if shape == "city and country in english":
        city, country = IN_ENGLISH[lang]
        return answer({**event, "city": city, "country": country})
    if shape == "invisible direction marks":
        return answer({k: f"\u200f{v}\u200e" for k, v in event.items()})
    raise ValueError(shape)


# --- the damage to an answer's facts ----------------------------------------------------------

# The city of the organisation's address in each page's footer, where it gives one.
FOOTER_CITIES = {"fi": ("Helsinki", "Helsinki"), "he": ("תל אביב", "Tel Aviv"),
                 "el": ("Αθήνα", "Athens"), "ca": ("Barcelona", "Barcelona")}  # fmt: skip
CEBU = "tl-cebu-protesta.md"
CALL = "https://meet.jit.si/pause-cebu-nobyembre"
REFUSALS = (
    "I'm sorry, but I can't help with that.",
    "I can’t assist with extracting information from this page.",
    "Lo siento, no puedo ayudar con eso.",
    "As an AI language model, I cannot browse web pages.",
)


def swapped_day(day: str, written: str = "iso") -> str:
    """The day with its day and month the other way round: "2027-04-12" for 4 December, or
    as figures with slashes ("12/04/2027")."""
    year, month, number = day.split("-")
    return f"{year}-{number}-{month}" if written == "iso" else f"{month}/{number}/{year}"


FACT_DAMAGES = ("footer city", "footer city instead", "online venue", "online signup",
                "online twin", "swapped day", "english city", "english venue",
                "day-part clock", "iso week", "grouped epoch")  # fmt: skip


@st.composite
def damaged_answers(draw) -> tuple[str, str]:
    """A page and a model's answer about it with any mix of the ninth round's damage."""
    name = draw(st.sampled_from(NAMES))
    honest = HONEST[name][0]
    event, extra, lang = dict(honest), list[dict](), name[:2]
    for damage in draw(st.lists(st.sampled_from(FACT_DAMAGES), max_size=3)):
        if damage == "footer city" and lang in FOOTER_CITIES:
            extra.append({**event, "city": FOOTER_CITIES[lang][0], "venue": None})
        elif damage == "footer city instead" and lang in FOOTER_CITIES:
            event["city"] = FOOTER_CITIES[lang][0]
        elif damage == "online venue":
            event["venue"] = draw(st.sampled_from(["Online", CALL, f"Online ({CALL})"]))
        elif damage == "online signup":
            event["signup_url"] = CALL
        elif damage == "online twin":
            extra.append({**event, "venue": "Online", "signup_url": CALL})
        elif damage == "swapped day" and int(honest["date"][8:]) <= 12:
            event["date"] = swapped_day(honest["date"], draw(st.sampled_from(["iso", "us"])))
        elif damage == "english city":
            event["city"] = IN_ENGLISH[lang][0]
        elif damage == "english venue":
            event["venue"] = "Main Square"
        elif damage == "day-part clock":
            event |= DAY_PART_CLOCKS[lang]
        elif damage == "iso week":
            event["date"] = iso_week_date(honest["date"])
        elif damage == "grouped epoch":
            event["date"] = f"{1_824_000_000 + draw(st.integers(0, 9_999_999)):,}"
    shape = draw(st.sampled_from(["json", "yaml", "json lines", "comments", "page keys"]))
    text = {
        "json": lambda: answer(event, *extra),
        "yaml": lambda: as_yaml(event, *extra),
        "json lines": lambda: as_json_lines(event, *extra),
        "comments": lambda: with_comments_and_trailing_commas(event, *extra),
        "page keys": lambda: in_page_keys(lang, event, *extra),
    }[shape]()
    if draw(st.booleans()):
        text += "\n\n" + text  # the answer twice
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # cut off anywhere
    return name, text
