"""The markdown importer states no fact the page does not give, and no page stalls it.

A city is taken only where the page names it, by its own name or by another name the page's
language or its named country makes likely; a word that is merely one of the other names
GeoNames lists (an airport code, a square's name) is not a city. Called-off words count in
their own language, or elsewhere only as written there. Whatever a page declares as its
language, and however long or repetitive it is, the importer finishes in bounded time and
memory.
"""

import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from turnout.importers.page_language import guess_language, known_language
from turnout.importers.places import resolve_city
from turnout.importers.protest_pages import read_markdown_page

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def only_event(text: str, name: str):
    plan = read_markdown_page(textwrap.dedent(text), name=name)
    assert len(plan.campaigns) == 1, [str(w) for w in plan.warnings]
    (event,) = plan.campaigns[0].events
    return event, plan


# --- cities -----------------------------------------------------------------------------


def test_a_square_named_castello_is_not_castello_de_la_plana():
    event, _plan = only_event(
        """\
        ---
        title: "Presidio per la pace in Piazza Castello"
        date: 2026-11-01
        ---

        Il presidio di sabato 7 novembre 2026, ore 15, si terrà in Piazza Castello a Torino.
        Portate bandiere e cartelli: ci vediamo lì.
        """,
        "it-castello.md",
    )
    assert (event.city, event.country) == ("Turin", "IT")


def test_an_italian_page_naming_only_a_square_leaves_the_city_empty():
    plan = read_markdown_page(
        textwrap.dedent(
            """\
            ---
            title: "Presidio per la pace in Piazza Castello"
            date: 2026-11-01
            ---

            Il presidio di sabato 7 novembre 2026, ore 15, si terrà in Piazza Castello.
            Portate bandiere e cartelli: ci vediamo lì.
            """
        ),
        name="it-castello-only.md",
    )
    cities = [e.city for c in plan.campaigns for e in c.events]
    assert "Castelló de la Plana" not in cities
    assert cities == []
    # Not silently: the day and hour are there, and the warning says where and what to write.
    assert [str(w).split(": ")[0] for w in plan.warnings] == ["it-castello-only.md:6"]
    assert "no city the importer can be sure of" in str(plan.warnings[0])


def test_a_german_word_that_is_an_airport_code_is_not_eindhoven():
    event, _plan = only_event(
        """\
        ---
        title: "Menschenkette für den Frieden"
        date: 2026-04-20
        ---

        Am kommenden Samstag, dem 25. April, bilden wir eine Menschenkette rund um den
        Marienplatz in München.
        Wir treffen uns um 15 Uhr vor dem Alten Rathaus; gegen 17 Uhr lösen wir sie auf.
        Wer mitmachen will, trägt sich bitte unter https://www.mobilize.us/frieden/event/61234/ ein,
        damit wir wissen, wie viele Ordnerinnen und Ordner wir brauchen.
        """,
        "de-muenchen.md",
    )
    assert (event.city, event.country) == ("Munich", "DE")
    assert "mitmachen" not in event.venue


def test_valencia_on_a_catalan_page_without_lang_is_the_spanish_one():
    event, _plan = only_event(
        """\
        ---
        title: "Concentració per l'habitatge digne a València"
        date: 2026-10-01
        ---

        Els lloguers a València han pujat més d'un 60 % en cinc anys. Mentrestant, milers de
        pisos turístics buiden els nostres barris i no hi ha cap pla per als joves.

        **Quan:** dissabte 17 d'octubre de 2026, de 18 a 20 h
        **On:** Plaça de l'Ajuntament, València
        """,
        "ca-valencia.md",
    )
    assert (event.city, event.country, event.timezone) == ("Valencia", "ES", "Europe/Madrid")


def test_the_end_of_a_sentence_before_a_city_is_not_its_venue():
    event, _plan = only_event(
        """\
        ---
        title: "Due piazze contro il riarmo"
        date: 2026-06-01
        slug: milano-torino
        lang: it
        ---

        Sabato 13 giugno saremo in due città. A Torino ci troviamo alle 16:00 in Piazza
        Castello, con interventi di medici e insegnanti.

        A Milano il presidio in Piazza della Scala, previsto per le 18:30, è stato annullato
        per motivi di sicurezza: chi può raggiunga Torino.
        """,
        "it-due-piazze.md",
    )
    # Not "motivi di sicurezza: chi può raggiunga" (before "Torino."), not Milan from the slug.
    assert (event.city, event.venue) == ("Turin", "Piazza Castello")


def test_an_english_page_keeps_its_cities():
    event, _plan = only_event(
        """\
        ---
        title: "Clean air for Leeds: we march again"
        date: 2026-03-01
        ---

        On Saturday 14 March 2026 we gather at 11:30 on the Headrow in Leeds and walk to the
        Civic Hall. Bring your family and your friends.
        """,
        "en-leeds.md",
    )
    assert (event.city, event.country) == ("Leeds", "GB")


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("ein", "de", None),  # Eindhoven's airport code, and the German for "a"
        ("Castello", "it", None),  # a square in Turin, only one of Castelló's other names
        ("München", "de", ("Munich", "DE")),  # another name, in the page's own language
        ("Munchen", None, ("Munich", "DE")),  # another name only one large city has
        ("Mailand", "de", ("Milan", "IT")),  # a large foreign city's name in the language
        ("Castello", None, None),  # another name of a smaller city, language unknown
        ("NYC", "en", ("New York City", "US")),  # a metropolis's short name in capitals
        ("Bologna", "it", ("Bologna", "IT")),
        ("València", "ca", ("Valencia", "ES")),
    ],
)
def test_other_names_count_only_where_the_page_makes_them_likely(name, language, expected):
    city = resolve_city(name, language=language)
    assert (city and (city.name, city.country)) == expected


# --- the page's language ------------------------------------------------------------------


@pytest.mark.parametrize("declared", ["x0", "qa", "klingon", "123", "é", "de_DE_x-1", ""])
def test_any_declared_language_is_read_without_raising(declared):
    page = f"---\nlang: '{declared}'\n---\n\n## 13 May 2024\n\n- **Paris**, France\n"
    plan = read_markdown_page(page, name="lang.md")
    assert len(plan.campaigns) + len(plan.pages) == 1


def test_an_unknown_declared_language_is_a_warning_on_the_front_matter():
    page = "---\nlang: qa\n---\n\n## 13 May 2024\n\n- **Paris**, France\n"
    plan = read_markdown_page(page, name="lang.md")
    assert any(str(w).startswith("lang.md:1: ") and "“qa”" in str(w) for w in plan.warnings), (
        plan.warnings
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [("pt-BR", "pt"), ("ca_ES", "ca"), ("DE", "de"), ("x0", None), ("qa", None), (None, None)],
)
def test_a_declared_language_is_its_base_language_if_babel_knows_it(value, expected):
    assert known_language(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Els lloguers han pujat i no hi ha cap pla per als joves dels nostres barris", "ca"),
        ("Wir treffen uns um 15 Uhr und bilden mit euch eine Kette für den Frieden", "de"),
        ("Il presidio è rinviato per il maltempo: non ci sono alternative per la piazza", "it"),
        ("We will meet at the square and walk to the town hall with our banners", "en"),
        ("Marienplatz 15 Uhr", None),  # too few words to tell
    ],
)
def test_the_language_is_guessed_only_when_clear(text, expected):
    assert guess_language(text) == expected


# --- called off ---------------------------------------------------------------------------


def test_a_spanish_report_heading_calls_nothing_off():
    event, _plan = only_event(
        """\
        ---
        title: "Marcha por el clima en Zaragoza"
        date: 2026-03-01
        ---

        **Cuándo:** sábado 14 de marzo de 2026, 12:00 - 14:00
        **Dónde:** Plaza del Pilar, Zaragoza

        Inscríbete [aquí](https://www.example.org/zaragoza-14-marzo).

        ## Reporte

        Reporte
        """,
        "es-reporte.md",
    )
    assert event.city == "Zaragoza"
    assert not event.is_cancelled


def test_a_french_postponement_still_calls_the_event_off():
    event, _plan = only_event(
        """\
        ---
        title: "Rassemblement pour la paix à Bordeaux – REPORTÉ"
        date: 2026-01-29
        ---

        Le rassemblement du jeudi 5 février 2026 à 18h, place Pey-Berland, 33000 Bordeaux,
        est reporté à une date ultérieure. Nous vous tiendrons informés.
        """,
        "fr-reporte.md",
    )
    assert event.is_cancelled


def test_an_italian_cancellation_counts_on_a_page_without_lang():
    event, _plan = only_event(
        """\
        ---
        title: "Sciopero per il clima a Bologna"
        date: 2026-05-10
        ---

        ANNULLATO

        Lo sciopero di venerdì 22 maggio 2026 alle 17:30 in Piazza Maggiore a Bologna non si
        terrà per l'allerta meteo. Vi aggiorneremo per la nuova data.
        """,
        "it-annullato.md",
    )
    assert event.is_cancelled


# --- bounded time and memory --------------------------------------------------------------

PATHOLOGICAL = r"""
import os, sys, time
os.environ.pop("DATABASE_URL", None)
import django
django.setup()
from turnout.importers.protest_pages import read_markdown_page
n = 2000
pages = {
    "long line of one city": "Protest in " + " ".join(["Berlin"] * n * 5),
    "names after a preposition": "at 14:00 in " + " de ".join(["Piazza"] * n * 5),
    "digits": "1" * n * 50, "dots": "1." * n * 20, "colons": "12:" * n * 10,
    "dashes": "1-" * n * 20, "brackets": "[" * n + "(" * n + "]" * n + ")" * n,
    "open links": "[a](" * n * 5, "spaces": "a" + " \t" * n * 20 + "b",
    "city list": "## 13 May 2024\n\n" + "- London, UK\n" * n,
    "commas": "## 13 May 2024\n\n- " + ", ".join(["London"] * n * 5),
    "table": "| a | b |\n|---|---|\n" + "| 13 May 2024 | London |\n" * n,
    "dated prose": "Saturday 13 May 2024 at 14:00 in Berlin. " * n,
    "headings": "## 13 May 2024 – Berlin\n\nat 14:00 in Berlin\n\n" * (n // 10),
    "emoji": "🗓 15.9 🕞 um 16:00 Uhr 📍 Rathausplatz " * n,
    "languages": "".join(f"---\nlang: q{chr(97 + i % 26)}{i}\n---\n" for i in range(50)),
    # Every heading was once matched phrase by phrase against every language's titles: 48 s.
    "many headings": "".join(
        f"## Where & when {i}: Berlin, Germany\n\n- Wann: 13 May 2024, 14:00\n\n"
        for i in range(1500)
    ),
}
for label, text in pages.items():
    start = time.process_time()
    read_markdown_page(text, name="big.md")
    took = time.process_time() - start
    print(f"{label}: {took:.1f}s", flush=True)
    assert took < 30, f"{label} took {took:.0f} s"
"""


def _limit_memory():
    gigabytes = 3
    resource.setrlimit(resource.RLIMIT_AS, (gigabytes << 30, gigabytes << 30))


@pytest.mark.skipif(sys.platform != "linux", reason="memory limits are set the Linux way")
def test_pathological_pages_finish_within_bounds():
    """Long lines, repeated words, runs of digits, dots, colons and brackets, thousands of
    cities: each read finishes, in a child process held to 3 GB, well inside the limit."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "turnout.settings"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", PATHOLOGICAL],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        preexec_fn=_limit_memory,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.count("\n") == 17, result.stdout
