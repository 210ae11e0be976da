"""The pages of the tenth round of a damaging model (Swedish, Czech, Romanian, Turkish,
Japanese, Hindi, Swahili, Indonesian: a few lines each, written here), a model's honest answer
about each, and the damage the tenth round does to an answer: its shape (in <answer> tags, an
HTML <pre>, OpenAI's "harmony" channels; citation marks, emoji, quotes, HTML bold or a full
stop around values; keys with emoji or named for the event; null as the page's word for "not
known") and its facts (the end as a length, the day as seconds or a spreadsheet's serial, a
time zone by abbreviation, the city in another spelling as a second event, a year from the
model's training, a Swahili clock in the morning)."""

import json
from datetime import date
from html import escape

from hypothesis import strategies as st

from .reader_rounds import ReaderRound
from .reader_server import answer

# Each page as a movement writes it: front matter, a call, the day, the place, a signup link,
# and a decoy (an earlier action, the organisation's address, an online call).
PAGES = {
    "sv-goteborg-manifestation.md": """---
title: "Manifestation i Göteborg för att pausa de mest kraftfulla AI-modellerna"
date: 2027-04-02
---

Vi kräver att regeringen stöder ett internationellt avtal.

Lördag 24 april 2027 kl. 13.00–15.00, Gustaf Adolfs torg, Göteborg.

Anmälan: https://lu.ma/goteborg-24-april

Förra gången: Stockholm, 6 mars 2027.
""",
    "cs-brno-demonstrace.md": """---
title: "Demonstrace v Brně za pozastavení vývoje nejsilnějších modelů AI"
date: 2027-04-09
---

Žádáme vládu, aby podpořila mezinárodní smlouvu.

Sobota 8. května 2027 od 14:00 do 16:00, náměstí Svobody, Brno.

Registrace: https://forms.example.cz/brno-8-kvetna

Spolek: Vodičkova 30, Praha
""",
    "ro-cluj-protest.md": """---
title: "Protest la Cluj-Napoca pentru oprirea cursei celor mai puternice modele IA"
date: 2027-04-15
---

Cerem guvernului să susțină un tratat internațional.

Sâmbătă, 15 mai 2027, ora 12:00, Piața Unirii, Cluj-Napoca.

Înscriere: https://lu.ma/cluj-15-mai
""",
    "tr-izmir-eylem.md": """---
title: "İzmir'de en güçlü yapay zekâ yarışını durdurma eylemi"
date: 2027-04-20
---

Hükümetten uluslararası bir antlaşmayı desteklemesini istiyoruz.

22 Mayıs 2027 Cumartesi, saat 17:00–19:00, Gündoğdu Meydanı, İzmir.

Kayıt: https://forms.example.com.tr/izmir-22-mayis

Çevrim içi katılım: https://meet.jit.si/pause-izmir-mayis
""",
    "ja-fukuoka-demo.md": """---
title: "福岡デモ：最も強力なAIの開発競争を止めよう"
date: 2027-04-25
---

私たちは政府に国際条約への支持を求めます。

2027年5月29日（土）15時〜16時30分、天神中央公園、福岡。

申し込み：https://lu.ma/fukuoka-0529
""",
    "hi-jaipur-pradarshan.md": """---
title: "जयपुर में सबसे शक्तिशाली एआई की दौड़ रोकने के लिए प्रदर्शन"
date: 2027-05-01
---

हम सरकार से एक अंतरराष्ट्रीय संधि का समर्थन करने की माँग करते हैं।

शनिवार, 5 जून 2027, सुबह 10:00 बजे, अल्बर्ट हॉल के सामने, जयपुर।

पंजीकरण: https://forms.example.in/jaipur-5-june

पिछली बार: दिल्ली, 3 अप्रैल 2027।
""",
    "sw-mombasa-maandamano.md": """---
title: "Maandamano Mombasa kusitisha mashindano ya AI yenye nguvu zaidi"
date: 2027-05-10
---

Tunaitaka serikali iunge mkono mkataba wa kimataifa.

Jumamosi, 12 Juni 2027, saa 9:00 alasiri (15:00), Uwanja wa Mama Ngina, Mombasa.

Jisajili: https://lu.ma/mombasa-12-juni

Ofisi: Barabara ya Moi 4, Nairobi
""",
    "id-surabaya-aksi.md": """---
title: "Aksi di Surabaya untuk menghentikan perlombaan AI terkuat"
date: 2027-05-15
---

Kami meminta pemerintah mendukung perjanjian internasional.

Sabtu, 19 Juni 2027, pukul 08.00–10.00 WIB, Taman Bungkul, Surabaya.

Pendaftaran: https://forms.example.id/surabaya-19-juni
""",
}

# What each page says, as a model that reads it honestly answers.
SV = {"city": "Göteborg", "country": "Sverige", "venue": "Gustaf Adolfs torg",
      "date": "2027-04-24", "start": "13:00", "end": "15:00",
      "signup_url": "https://lu.ma/goteborg-24-april"}  # fmt: skip
CS = {"city": "Brno", "country": "Česko", "venue": "náměstí Svobody", "date": "2027-05-08",
      "start": "14:00", "end": "16:00",
      "signup_url": "https://forms.example.cz/brno-8-kvetna"}  # fmt: skip
RO = {"city": "Cluj-Napoca", "country": "România", "venue": "Piața Unirii",
      "date": "2027-05-15", "start": "12:00",
      "signup_url": "https://lu.ma/cluj-15-mai"}  # fmt: skip
TR = {"city": "İzmir", "country": "Türkiye", "venue": "Gündoğdu Meydanı", "date": "2027-05-22",
      "start": "17:00", "end": "19:00",
      "signup_url": "https://forms.example.com.tr/izmir-22-mayis"}  # fmt: skip
JA = {"city": "福岡", "country": "日本", "venue": "天神中央公園", "date": "2027-05-29",
      "start": "15:00", "end": "16:30", "signup_url": "https://lu.ma/fukuoka-0529"}  # fmt: skip
HI = {"city": "जयपुर", "country": "भारत", "venue": "अल्बर्ट हॉल के सामने", "date": "2027-06-05",
      "start": "10:00", "signup_url": "https://forms.example.in/jaipur-5-june"}  # fmt: skip
SW = {"city": "Mombasa", "country": "Kenya", "venue": "Uwanja wa Mama Ngina",
      "date": "2027-06-12", "start": "15:00",
      "signup_url": "https://lu.ma/mombasa-12-juni"}  # fmt: skip
ID = {"city": "Surabaya", "country": "Indonesia", "venue": "Taman Bungkul",
      "date": "2027-06-19", "start": "08:00", "end": "10:00",
      "signup_url": "https://forms.example.id/surabaya-19-juni"}  # fmt: skip

# Each page, its honest event, and the gazetteer's name for the event's city.
HONEST = {
    "sv-goteborg-manifestation.md": (SV, "Gothenburg"),
    "cs-brno-demonstrace.md": (CS, "Brno"),
    "ro-cluj-protest.md": (RO, "Cluj-Napoca"),
    "tr-izmir-eylem.md": (TR, "İzmir"),
    "ja-fukuoka-demo.md": (JA, "Fukuoka"),
    "hi-jaipur-pradarshan.md": (HI, "Jaipur"),
    "sw-mombasa-maandamano.md": (SW, "Mombasa"),
    "id-surabaya-aksi.md": (ID, "Surabaya"),
}
NAMES = sorted(HONEST)
ROUND = ReaderRound(PAGES, HONEST)
page_plan, read, kept = ROUND.page_plan, ROUND.read, ROUND.kept


# --- the damage to an answer's shape ----------------------------------------------------------

# Each page's word for "not known", as a model answering in the page's language writes null.
UNKNOWN = {"sv": "okänt", "cs": "neuvedeno", "ro": "necunoscut", "tr": "belirtilmemiş",
           "ja": "不明", "hi": "अज्ञात", "sw": "haijulikani", "id": "tidak diketahui"}  # fmt: skip

# Each page's event's length, as a model gives it in the end's place: the page's words.
LENGTHS = {"sv": "2 timmar", "cs": "2 hodiny", "tr": "2 saat", "ja": "1時間30分間",
           "id": "2 jam"}  # fmt: skip

# Keys as a chatty model writes them: an emoji before each.
EMOJI_KEYS = {"events": "📅 events", "city": "🏙️ city", "country": "🌍 country",
              "venue": "📍 venue", "date": "📆 date", "start": "🕐 start", "end": "🕒 end",
              "signup_url": "🔗 signup_url"}  # fmt: skip
# Keys in camel case, named with the event they belong to.
EVENT_KEYS = {"city": "eventCity", "country": "eventCountry", "venue": "venueName",
              "date": "eventDate", "start": "startTime", "end": "endTime",
              "signup_url": "signUpUrl"}  # fmt: skip


def with_keys(event: dict, keys: dict[str, str]) -> str:
    inner = {keys.get(k, k): v for k, v in event.items()}
    return json.dumps({keys.get("events", "events"): [inner]}, ensure_ascii=False)


def cited(event: dict, mark: str = "[1]") -> str:
    """The answer of a model with search or files: a citation mark glued to every value."""
    return answer({k: f"{v}{mark}" for k, v in event.items()})


def in_harmony(event: dict, draft: dict) -> str:
    """The answer of a model speaking OpenAI's "harmony" format: a draft in its analysis
    channel, the answer in its final one."""
    return (f"<|channel|>analysis<|message|>Draft: {answer(draft)}<|end|>"
            f"<|start|>assistant<|channel|>final<|message|>{answer(event)}<|return|>")  # fmt: skip


SHAPES = ("answer tags", "html pre", "harmony channels", "citation marks", "file citations",
          "emoji keys", "camel keys named for the event", "emoji before values",
          "values in quotes", "values in html bold", "full stop after the place",
          "nulls in the page's language")  # fmt: skip


def shaped(name: str, event: dict, shape: str) -> str:
    """An answer holding `event` about page `name`, in `shape`."""
    if shape == "answer tags":
        return f"<answer>\n{answer(event)}\n</answer>"
    if shape == "html pre":
        return "<pre><code>" + escape(answer(event)) + "</code></pre>"
    if shape == "harmony channels":
        return in_harmony(event, {**event, "date": "2026-01-01"})
    if shape == "citation marks":
        return cited(event, " [1]")
    if shape == "file citations":
        return cited(event, "【4:0†source】")
    if shape == "emoji keys":
        return with_keys(event, EMOJI_KEYS)
    if shape == "camel keys named for the event":
        return with_keys(event, EVENT_KEYS)
    if shape == "emoji before values":
        return answer({**event, "city": f"📍 {event['city']}", "venue": f"🏛️ {event['venue']}"})
    if shape == "values in quotes":
        return answer({**event, "city": f"„{event['city']}“", "venue": f'"{event["venue"]}"'})
    if shape == "values in html bold":
        return answer({**event, "venue": f"<b>{event['venue']}</b>"})
    if shape == "full stop after the place":
        return answer({**event, "venue": event["venue"] + ".", "city": event["city"] + "."})
    if shape == "nulls in the page's language":
        word = UNKNOWN[name[:2]]
        return answer({**event, "title": word, "zone": word, "last_date": word})
    raise ValueError(shape)


# --- the damage to an answer's facts ----------------------------------------------------------

# The city in the other spelling a model gives it beside the page's, as a second event.
OTHER_SPELLINGS = {"sv": "Gothenburg", "cs": "Brünn", "ro": "Kolozsvár", "tr": "Izmir",
                   "ja": "Fukuoka", "hi": "Jaipur", "id": "Soerabaja"}  # fmt: skip
# Time zones by abbreviation: the city's own, and one of another place (IST: India, Ireland
# or Israel).
ZONES = {"sv": "CEST", "cs": "CET", "ro": "EEST", "tr": "TRT", "ja": "JST", "hi": "IST",
         "sw": "EAT", "id": "WIB"}  # fmt: skip
# The day as a number: seconds since 1970 (at midnight UTC) and a spreadsheet's day serial.
EPOCH, EXCEL = date(1970, 1, 1), date(1899, 12, 30)


def as_seconds(day: str) -> int:
    return (date.fromisoformat(day) - EPOCH).days * 86400


def as_serial(day: str) -> int:
    return (date.fromisoformat(day) - EXCEL).days


FACT_DAMAGES = ("citation", "emoji", "quotes", "length", "seconds", "serial", "zone",
                "other spelling", "training year", "unknown", "swahili morning")  # fmt: skip


@st.composite
def damaged_answers(draw) -> tuple[str, str]:
    """A page and a model's answer about it with any mix of the tenth round's damage."""
    name = draw(st.sampled_from(NAMES))
    honest = HONEST[name][0]
    event, extra, lang = dict(honest), list[dict](), name[:2]
    for damage in draw(st.lists(st.sampled_from(FACT_DAMAGES), max_size=4)):
        field = draw(st.sampled_from(sorted(event)))
        if damage == "citation":
            event[field] = f"{event[field]}{draw(st.sampled_from(['[1]', ' [2]', '【3†source】']))}"
        elif damage == "emoji":
            event[field] = f"{draw(st.sampled_from(['📍', '🇸🇪', '✅']))} {event[field]}"
        elif damage == "quotes":
            event[field] = f'"{event[field]}"'
        elif damage == "length" and lang in LENGTHS:
            event["end"] = draw(st.sampled_from([LENGTHS[lang], "PT2H", "90 minutes", "5 saat"]))
        elif damage == "seconds":
            event["date"] = as_seconds(honest["date"]) + draw(st.sampled_from([0, -7200, 3600]))
        elif damage == "serial":
            event["date"] = as_serial(honest["date"])
        elif damage == "zone":
            event["zone"] = draw(st.sampled_from(sorted(set(ZONES.values()))))
        elif damage == "other spelling" and lang in OTHER_SPELLINGS:
            extra.append({**event, "city": OTHER_SPELLINGS[lang]})
        elif damage == "training year":
            event["date"] = "2023" + str(event["date"])[4:]
        elif damage == "unknown":
            event[draw(st.sampled_from(["end", "venue", "signup_url"]))] = UNKNOWN[lang]
        elif damage == "swahili morning":
            event["start"] = "saa 9 asubuhi"
    text = answer(event, *extra)
    wrap = draw(st.sampled_from(["none", "answer tags", "harmony", "pre"]))
    if wrap == "answer tags":
        text = f"<answer>{text}</answer>"
    elif wrap == "harmony":
        text = f"<|channel|>final<|message|>{text}<|return|>"
    elif wrap == "pre":
        text = f"<pre>{escape(text)}</pre>"
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # cut off anywhere
    return name, text
