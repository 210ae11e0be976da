"""A tenth model that damages its reading of a page, on pages in Swedish, Czech, Romanian,
Turkish, Japanese, Hindi, Swahili and Indonesian (`reader10_damage`).

Damage the earlier rounds lack: the answer in <answer> tags, in an HTML <pre> with its quotes
as entities, or in OpenAI's "harmony" channels after a draft; citation marks glued to every
value ("Brno [1]", "İzmir【4:0†source】"); keys with an emoji before them or in camel case named
for the event ("eventDate"); emoji, quotes, HTML bold or a sentence's full stop around a value;
null as the page's word for "not known" ("okänt", "haijulikani"); the end given as the event's
length ("2 saat", "PT2H"); a Swahili clock counted from dawn ("saa 9 alasiri" is 15:00); the
part of the day in the page's words ("öğleden sonra 5", "8 pagi", "ora 12"); the day as
seconds since 1970 or a spreadsheet's serial; a time zone by its abbreviation, right or wrong;
the city in two spellings; the online call in Turkish as a second event. Each keeps the page's
honest event whole, or imports nothing and says why; no mix of them imports a fact the page
does not give (the server is in `test_reader_damage_tenth_server`).
"""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from turnout.importers.model_day_parts import clock_with_day_part

from .reader3_pages import events, warnings
from .reader10_damage import (
    HONEST,
    LENGTHS,
    NAMES,
    OTHER_SPELLINGS,
    SHAPES,
    SW,
    TR,
    UNKNOWN,
    ZONES,
    as_seconds,
    as_serial,
    damaged_answers,
    kept,
    read,
    shaped,
)
from .reader_server import answer

PAGE = {name[:2]: name for name in NAMES}
GOTEBORG, BRNO, CLUJ, IZMIR = PAGE["sv"], PAGE["cs"], PAGE["ro"], PAGE["tr"]
FUKUOKA, JAIPUR, MOMBASA, SURABAYA = PAGE["ja"], PAGE["hi"], PAGE["sw"], PAGE["id"]


@pytest.mark.parametrize("name", NAMES)
def test_an_honest_answer_is_kept_whole_on_every_page(name):
    plan = read(name, answer(HONEST[name][0]))
    assert (events(plan), warnings(plan)) == (kept(name), [])


# Each shape on two pages in turn, so that every page meets most shapes.
SHAPED = [(NAMES[(n + shift) % len(NAMES)], shape) for n, shape in enumerate(SHAPES)
          for shift in (0, 5)]  # fmt: skip


@pytest.mark.parametrize(("name", "shape"), SHAPED)
def test_an_answer_in_another_shape_gives_the_honest_event_and_no_noise(name, shape):
    plan = read(name, shaped(name, HONEST[name][0], shape))
    assert (events(plan), warnings(plan)) == (kept(name), [])


def test_a_citation_mark_on_the_signup_link_alone_is_not_part_of_the_link():
    plan = read(IZMIR, answer({**TR, "signup_url": TR["signup_url"] + "[1]"}))
    assert (events(plan), warnings(plan)) == (kept(IZMIR), [])


def test_a_link_ending_in_a_japanese_full_stop_is_the_pages_link():
    given = HONEST[FUKUOKA][0]
    plan = read(FUKUOKA, answer({**given, "signup_url": given["signup_url"] + "。"}))
    assert events(plan) == kept(FUKUOKA)
    assert warnings(plan) == [
        f"the model's link “{given['signup_url']}。” is written otherwise than on the page; the "
        f"page's link {given['signup_url']} is taken"
    ]


def test_a_japanese_venue_with_its_reading_in_brackets_is_the_venue():
    given = HONEST[FUKUOKA][0]
    plan = read(FUKUOKA, answer({**given, "venue": "天神中央公園（てんじんちゅうおうこうえん）"}))
    assert (events(plan), warnings(plan)) == (kept(FUKUOKA), [])


# --- nulls and clocks in the page's words ----------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_the_pages_word_for_not_known_is_null_and_no_notice(name):
    plan = read(name, answer({**HONEST[name][0], "end": UNKNOWN[name[:2]]}))
    assert (events(plan), warnings(plan)) == (kept(name, ends=None), [])


@pytest.mark.parametrize("lang", sorted(LENGTHS))
@pytest.mark.parametrize("written", ["page", "iso"])
def test_an_end_given_as_the_events_length_is_the_end_the_page_gives(lang, written):
    name, given = PAGE[lang], HONEST[PAGE[lang]][0]
    hours, minutes = (int(part) for part in given["end"].split(":"))
    start = int(given["start"][:2]) * 60 + int(given["start"][3:])
    iso = f"PT{(hours * 60 + minutes - start) // 60}H" + (f"{minutes}M" if minutes else "")
    plan = read(name, answer({**given, "end": LENGTHS[lang] if written == "page" else iso}))
    assert (events(plan), warnings(plan)) == (kept(name), [])


def test_a_length_that_ends_at_an_hour_the_page_does_not_write_gives_no_end():
    plan = read(IZMIR, answer({**TR, "end": "3 saat"}))
    assert events(plan) == kept(IZMIR, ends=None)
    assert warnings(plan) == ["the model's time 20:00 is not written on the page; left out"]


@pytest.mark.parametrize("start", ["saa 9:00 alasiri", "saa tisa alasiri", "9 alasiri"])
def test_a_swahili_clock_counted_from_dawn_is_the_afternoon_the_page_says(start):
    """ "saa 9:00 alasiri" is the ninth hour after dawn: 15:00, which the page also writes;
    never nine in the morning, though the page writes "9:00" too."""
    plan = read(MOMBASA, answer({**SW, "start": start}))
    assert (events(plan), warnings(plan)) == (kept(MOMBASA), [])


@pytest.mark.parametrize(
    ("written", "clock"),
    [("saa 3 asubuhi", "09:00"), ("saa 12 asubuhi", "06:00"), ("saa 6 mchana", "12:00"),
     ("saa 12 jioni", "18:00"), ("saa kumi na mbili jioni", "18:00"), ("saa 2 usiku", "20:00"),
     ("saa 8 usiku", None), ("saa 6 asubuhi", None), ("saa 13 alasiri", None)],
)  # fmt: skip
def test_swahili_hours_are_counted_from_six_and_the_night_after_midnight_not_guessed(
    written, clock
):
    found = clock_with_day_part(written)
    assert (found.strftime("%H:%M") if found else None) == clock


def test_a_swahili_morning_clock_the_page_does_not_write_is_no_start():
    plan = read(MOMBASA, answer({**SW, "start": "saa 9 asubuhi"}))
    assert events(plan) == kept(MOMBASA, starts=None)
    assert "15:00" not in " ".join(warnings(plan)) and warnings(plan)


@pytest.mark.parametrize(
    ("lang", "start", "end"),
    [("tr", "öğleden sonra 5", "akşam 7"), ("id", "8 pagi", "10 pagi"), ("sv", "1 em", "3 em"),
     ("cs", "2 odpoledne", "4 odpoledne"), ("ro", "12 la prânz", None),
     ("ro", "ora 12", None), ("ro", "la ora 12:00", None), ("hi", "सुबह 10 बजे", None),
     ("tr", "saat 17.00", "19.00"), ("id", "pukul 08.00 WIB", "pukul 10.00 WIB")],
)  # fmt: skip
def test_a_clock_with_the_pages_words_for_its_part_of_the_day_is_its_clock(lang, start, end):
    name = PAGE[lang]
    plan = read(name, answer({**HONEST[name][0], "start": start, "end": end}))
    assert (events(plan), warnings(plan)) == (kept(name, **({} if end else {"ends": None})), [])


# --- days and zones written as numbers and abbreviations --------------------------------------


@pytest.mark.parametrize("number", ["seconds", "seconds as text", "milliseconds", "serial"])
def test_a_day_given_as_a_number_is_no_day_and_says_so(number):
    """Seconds since 1970 count from midnight in London, not in Fukuoka, and a spreadsheet's
    serial from 1900 or 1904: which day either means is the model's guess, not the page's."""
    day = HONEST[FUKUOKA][0]["date"]
    value = {"seconds": as_seconds(day), "seconds as text": str(as_seconds(day)),
             "milliseconds": as_seconds(day) * 1000, "serial": as_serial(day)}[number]  # fmt: skip
    plan = read(FUKUOKA, answer({**HONEST[FUKUOKA][0], "date": value}))
    assert events(plan) == []
    assert warnings(plan) == [f"the model's date “{value}” is not a date; left out"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("whose", ["the city's", "another's"])
def test_a_time_zone_by_abbreviation_never_moves_the_pages_clock(name, whose):
    lang = name[:2]
    zone = ZONES[lang] if whose == "the city's" else ("IST" if lang != "hi" else "CET")
    plan = read(name, answer({**HONEST[name][0], "zone": zone}))
    assert events(plan) == kept(name)


@pytest.mark.parametrize("name", [GOTEBORG, CLUJ])
def test_a_year_from_the_models_training_is_the_pages_year_and_says_so(name):
    given = HONEST[name][0]
    plan = read(name, answer({**given, "date": "2023" + given["date"][4:]}))
    assert events(plan) == kept(name)
    assert len(warnings(plan)) == 1 and "2023" in warnings(plan)[0]


# --- the same event twice, and an event for the call -----------------------------------------


@pytest.mark.parametrize("lang", sorted(OTHER_SPELLINGS))
def test_the_event_again_under_another_spelling_of_its_city_is_one_event(lang):
    name = PAGE[lang]
    twice = answer(HONEST[name][0], {**HONEST[name][0], "city": OTHER_SPELLINGS[lang]})
    plan = read(name, twice)
    assert (events(plan), warnings(plan)) == (kept(name), [])


CALL = "https://meet.jit.si/pause-izmir-mayis"


@pytest.mark.parametrize("as_twin", [False, True])
def test_the_online_call_in_turkish_is_no_venue_and_no_second_event(as_twin):
    online = {**TR, "venue": "Çevrim içi", "signup_url": CALL}
    plan = read(IZMIR, answer(TR, online) if as_twin else answer({**TR, "venue": "Çevrim içi"}))
    assert events(plan) == (kept(IZMIR) if as_twin else kept(IZMIR, venue=""))


# --- words in place of an answer -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [(JAIPUR, "जयपुर में 5 जून 2027 को सुबह 10 बजे अल्बर्ट हॉल के सामने प्रदर्शन है।"),
     (MOMBASA, "Tukio: Mombasa, tarehe 12 Juni 2027, saa 9 alasiri, Uwanja wa Mama Ngina."),
     (SURABAYA, "Maaf, saya tidak dapat membantu permintaan ini."),
     (BRNO, "Omlouvám se, ale s tímto nemohu pomoci.")],
)  # fmt: skip
def test_an_answer_in_words_imports_nothing_and_says_the_models_words(name, words):
    plan = read(name, words)
    assert events(plan) == []
    assert warnings(plan) == [
        f"the model's answer holds no JSON object, only words: “{words}”; the page was read "
        "by the rules alone"
    ]


# --- whatever the mix -------------------------------------------------------------------------


@hypothesis_settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_answers(), st.sampled_from(["stop", "length"]))
def test_no_mix_of_damage_imports_an_event_or_fact_the_page_does_not_give(page_and_answer, end):
    name, reply = page_and_answer
    plan = read(name, reply, finish_reason=end)
    ((honest_city, honest_day, start, end_time, venue, link),) = kept(name)
    for city, day, starts, ends, place, signup in events(plan):
        assert (city, day) == (honest_city, honest_day)
        assert starts in (None, start) and ends in (None, end_time)
        assert place in ("", venue) and signup in ("", link)
    assert len(events(plan)) <= 1
    for message in warnings(plan):
        assert isinstance(message, str) and message


_PIECES = st.sampled_from(
    ["{", "}", "[", "]", '"', ":", ",", "\n", "<answer>", "</answer>", "<pre>", "&quot;",
     "<|channel|>", "analysis", "final", "<|message|>", "<|end|>", "[1]", "【4:0†source】",
     "📍", "🏙️ city", "eventDate", "„", "“", "<b>", "Mombasa", "saa 9 alasiri", "saa",
     "2 saat", "PT2H", "PT", "1811462400", "46543", "IST", "okänt", "ora 12", "2027-06-12"]
)  # fmt: skip


@hypothesis_settings(max_examples=50, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=10)), max_size=40), st.booleans())
def test_no_answer_text_crashes_the_reader(pieces, is_cut_off):
    plan = read(MOMBASA, "".join(pieces), finish_reason="length" if is_cut_off else "stop")
    for city, *_rest in events(plan):
        assert city == "Mombasa"
    for message in warnings(plan):
        message.encode("utf-8")
