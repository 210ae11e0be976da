"""The pages of the third round of a damaging model (`fixtures/reader3/`, ten languages), what
each says, a model's honest answer about it, and how a page is read with a model's answer."""

from datetime import UTC, date, datetime, time
from pathlib import Path

from turnout.importers.document import read_document
from turnout.importers.model_completion import complete_with_model
from turnout.importers.model_reader import PageReader
from turnout.importers.records import MarkdownPlan, PageRecord
from turnout.translation.providers import ProviderResult

READER3 = Path(__file__).resolve().parent / "fixtures" / "reader3"


class AnsweringProvider:
    """A provider whose model answers `text` to every page, and says how it stopped."""

    name, model = "fake", "fake-model"

    def __init__(self, text: str, finish_reason: str = "stop") -> None:
        self.text, self.finish_reason = text, finish_reason

    def chat(self, payload: dict) -> ProviderResult:
        return ProviderResult(self.text, self.finish_reason, 10, 10)


class _Budget:
    def allows(self, text: str) -> bool:
        return True

    def record(self, **kwargs) -> None:
        pass


def page_plan(folder: Path, name: str) -> tuple[str, MarkdownPlan]:
    """The page's text and the rules' reading of it fixed to "a content page" (the model is
    asked about pages the rules could not read)."""
    text = (folder / name).read_text()
    record = PageRecord(Path(name).stem, read_document(text).title, [], text, name[:2])
    return text, MarkdownPlan(pages=[record])


def read_page(folder: Path, name: str, reply: str, finish_reason: str = "stop") -> MarkdownPlan:
    """The plan of page `name` of `folder` completed by a model that answers `reply`."""
    text, plan = page_plan(folder, name)
    provider = AnsweringProvider(reply, finish_reason)
    reader = PageReader(provider=provider, budget=_Budget(), now=datetime.now(UTC))  # type: ignore[arg-type]
    complete_with_model(plan, text=text, name=name, reader=reader)
    return plan


def read(name: str, reply: str) -> MarkdownPlan:
    """The plan of a third-round page completed by a model that answers `reply`."""
    return read_page(READER3, name, reply)


def events(plan: MarkdownPlan) -> list[tuple]:
    return [
        (e.city, e.day, e.starts, e.ends, e.venue, e.signup_url)
        for campaign in plan.campaigns
        for e in campaign.events
    ]


def warnings(plan: MarkdownPlan) -> list[str]:
    return [w.message for w in plan.warnings]


# What each page says, and a model's honest answer with the city in another language or script.
PT = {
    "city": "Lisbon",
    "country": "Portugal",
    "venue": "Praça do Comércio",
    "date": "2027-05-15",
    "start": "18:00",
    "end": "20:00",
    "signup_url": "https://lu.ma/vigilia-lisboa-maio",
}
KRAKOW = {
    "city": "Krakow",
    "country": "PL",
    "venue": "Rynek Główny",
    "date": "2027-05-15",
    "start": "14:00",
    "signup_url": "https://forms.example.org/krakow-15-maja",
}
WARSZAWA = {
    "city": "Warsaw",
    "country": "PL",
    "venue": "plac Defilad",
    "date": "2027-05-22",
    "start": "12:00",
    "signup_url": "https://forms.example.org/warszawa-22-maja",
}
TR = {
    "city": "Istanbul",
    "country": "Türkiye",
    "venue": "Kadıköy iskelesi",
    "date": "2027-06-05",
    "start": "15:00",
    "end": "17:00",
    "signup_url": "https://www.eventbrite.com/e/istanbul-duraklama-yuruyusu-778899",
}
JA = {
    "city": "東京",
    "country": "日本",
    "venue": "日比谷公園",
    "date": "2027-06-12",
    "start": "14:00",
    "end": "16:00",
    "signup_url": "https://lu.ma/tokyo-pause-0612",
}
AR = {
    "city": "عمّان",
    "country": "الأردن",
    "venue": "ساحة النخيل",
    "date": "2027-09-18",
    "start": "17:00",
    "signup_url": "https://forms.example.org/amman-waqfa-18-09",
}
SV = {
    "city": "Göteborg",
    "country": "Sverige",
    "venue": "Gustaf Adolfs torg",
    "date": "2027-10-02",
    "start": "13:00",
    "end": "15:00",
    "signup_url": "https://lu.ma/goteborg-paus-oktober",
}
CS = {
    "city": "Prague",
    "country": "Czechia",
    "venue": "Václavském náměstí",
    "date": "2027-03-20",
    "start": "16:00",
    "end": "18:00",
    "signup_url": "https://forms.example.org/praha-20-brezna",
}
SEVILLA = {
    "city": "Seville",
    "country": "España",
    "venue": "Plaza Nueva",
    "date": "2027-04-24",
    "start": "12:00",
    "signup_url": "https://lu.ma/sevilla-pausa-abril",
}
CADIZ = {
    "city": "Cádiz",
    "country": "España",
    "venue": "Plaza de San Juan de Dios",
    "date": "2027-04-24",
    "start": "18:00",
    "signup_url": "https://lu.ma/cadiz-pausa-abril",
}
DE = {
    "city": "Cologne",
    "country": "Germany",
    "venue": "Roncalliplatz",
    "date": "2027-05-22",
    "start": "11:00",
    "end": "13:00",
    "signup_url": "https://www.mobilize.us/pause-koeln/event/90210/",
}
FR = {"city": "Brussels", "country": "Belgique", "venue": "place du Luxembourg",
      "date": "2027-05-16", "start": "14:30", "end": "16:30",
      "signup_url": "https://lu.ma/bruxelles-pause-mai"}  # fmt: skip


def kept_event(e: dict, city: str) -> tuple:
    clock = [time.fromisoformat(e[k]) if e.get(k) else None for k in ("start", "end")]
    return (city, date.fromisoformat(e["date"]), *clock, e["venue"], e["signup_url"])


HONEST = {
    "pt-lisboa-vigilia.md": ([PT], ["Lisbon"]),
    "pl-krakow-warszawa.md": ([KRAKOW, WARSZAWA], ["Kraków", "Warsaw"]),
    "tr-istanbul-yuruyus.md": ([TR], ["Istanbul"]),
    "ja-tokyo-demo.md": ([JA], ["Tokyo"]),
    "ar-amman-waqfa.md": ([AR], ["Amman"]),
    "sv-goteborg-manifestation.md": ([SV], ["Gothenburg"]),
    "cs-praha-shromazdeni.md": ([CS], ["Prague"]),
    "es-sevilla-concentracion.md": ([SEVILLA, CADIZ], ["Seville", "Cadiz"]),
    "de-koeln-mahnwache.md": ([DE], ["Cologne"]),
    "fr-bruxelles-rassemblement.md": ([FR], ["Brussels"]),
}


# Decoys a damaging model takes from each page: a footer's, an update's or a past event's day,
# a city only mentioned, a neighbour, the page's own address; and from anywhere.
page_decoys = {
    "pt-lisboa-vigilia.md": {"date": ["2027-05-03"], "venue": ["Rua da Prata 80"]},
    "pl-krakow-warszawa.md": {"city": ["Gdańsk"], "date": ["2027-04-10"], "venue": ["Długi Targ"]},
    "de-koeln-mahnwache.md": {"city": ["Bonn", "Düsseldorf"]},
    "sv-goteborg-manifestation.md": {"date": ["2027-09-20"], "city": ["Mölndal"]},
    "cs-praha-shromazdeni.md": {"signup_url": ["https://pauza.example.cz/akce/praha-brezen"]},
    "ja-tokyo-demo.md": {"city": ["Yokohama"]},
    "tr-istanbul-yuruyus.md": {"city": ["Kadıköy"]},
}
anywhere_decoys = {"date": ["next Saturday"], "start": ["12:00 PM"],
             "signup_url": ["https://bit.ly/3xYz9Qw"]}  # fmt: skip
