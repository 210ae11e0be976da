"""Hours as Korean, Japanese and Chinese pages write them (the half of the day before the hour,
minutes with their own word), notes that details are to come in languages without spaces or
not read before, and postcodes written the Polish, Portuguese, Brazilian and Swedish way."""

import time as clock
from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.times import find_times, strip_times
from turnout.importers.venue_cities import venue_without_city
from turnout.importers.vocabulary import TO_BE_ANNOUNCED, contains_phrase


@pytest.mark.parametrize(
    ("text", "starts", "ends"),
    [
        ("2027년 9월 25일 오후 2시", time(14), None),
        ("오후 2시 30분", time(14, 30), None),
        ("오전 10시~오후 1시", time(10), time(13)),
        ("오후 2시~5시", time(14), time(17)),  # the end takes its start's half of the day
        ("오전 11시 반", time(11, 30), None),
        ("午後2時半", time(14, 30), None),
        ("午後2時〜4時", time(14), time(16)),
        ("午前10時30分から正午", time(10, 30), time(12)),
        ("12時〜14時", time(12), time(14)),
        ("下午2点", time(14), None),
        ("上午9点30分至11点", time(9, 30), time(11)),
        ("晚上", None, None),
    ],
)
def test_hours_written_with_the_half_of_the_day_first(text, starts, ends):
    found = find_times(text)
    if starts is None:
        assert found is None
        return
    assert (found.starts, found.ends) == (starts, ends)


def test_the_hour_leaves_the_venue_beside_it():
    assert strip_times("광화문광장, 오후 2시~오후 5시").strip(" ,") == "광화문광장"
    assert strip_times("中之島公園、午後1時〜3時").strip(" 、") == "中之島公園"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("時間未定", "ja"),
        ("場所：調整中です", "ja"),
        ("장소 미정", "ko"),
        ("시간은 추후 공지", "ko"),
        ("godzina do potwierdzenia", "pl"),
        ("čas bude upřesněn", "cs"),
        ("tidspunkt annonceres senere", "da"),
        ("sted kunngjøres senere", "no"),
    ],
)
def test_details_to_come_in_more_languages(text, language):
    assert contains_phrase(text, TO_BE_ANNOUNCED, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("日比谷公園 大音楽堂", "ja"),
        ("광화문광장", "ko"),
        ("Folk kommer fra hele landet", "no"),
        ("Náměstí Míru", "cs"),
        ("plac Zamkowy", "pl"),
    ],
)
def test_places_are_not_notes(text, language):
    assert not contains_phrase(text, TO_BE_ANNOUNCED, language)


@pytest.mark.parametrize(
    ("venue", "city", "country", "kept"),
    [
        ("plac Zamkowy, 00-277 Warszawa", "Warsaw", "PL", "plac Zamkowy"),
        ("Praça do Comércio, 1100-148 Lisboa", "Lisbon", "PT", "Praça do Comércio"),
        ("Avenida Paulista, 01310-100 São Paulo", "São Paulo", "BR", "Avenida Paulista"),
        ("Sergels torg, 111 57 Stockholm", "Stockholm", "SE", "Sergels torg"),
        ("Václavské náměstí, 110 00 Praha", "Prague", "CZ", "Václavské náměstí"),
        # Another city at the end is a place of its own: kept as written.
        ("Rynek Główny, 31-042 Kraków", "Warsaw", "PL", "Rynek Główny, 31-042 Kraków"),
    ],
)
def test_a_postcode_before_the_city_goes_with_it(venue, city, country, kept):
    assert venue_without_city(venue, city=city, country=country) == kept


def test_a_japanese_page_in_afternoon_hours():
    page = (
        "---\ntitle: 気候マーチ 2028年4月22日\n---\n\n"
        "2028年4月22日（土）\n\n"
        "- 東京：代々木公園、午後1時〜午後3時 [申し込み](https://peatix.com/event/5000001)\n"
        "- 福岡：天神中央公園、午後2時半\n"
    )
    (campaign,) = read_markdown_page(page, name="ja.md").campaigns
    by_city = {event.city: event for event in campaign.events}
    tokyo, fukuoka = by_city["Tokyo"], by_city["Fukuoka"]
    assert (tokyo.starts.hour, tokyo.ends.hour, tokyo.venue) == (13, 15, "代々木公園")
    assert (fukuoka.starts.hour, fukuoka.starts.minute) == (14, 30)
    assert fukuoka.venue == "天神中央公園"


_PIECES = st.sampled_from(
    ["오전", "오후", "午前", "午後", "上午", "下午", "시", "時", "点", "분", "分", "半", "반",
     "〜", "~", "-", "から", "부터", "至", " ", "、", ":", "12", "2", "30", "99", "未定", "미정"]
)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.lists(_PIECES, max_size=400))
def test_no_run_of_these_pieces_breaks_or_slows_the_hour_reader(pieces):
    text = "".join(pieces)
    started = clock.process_time()
    found = find_times(text)
    strip_times(text)
    contains_phrase(text, TO_BE_ANNOUNCED, "ja")
    assert clock.process_time() - started < 1
    assert found is None or 0 <= found.starts.hour < 24


def test_a_note_after_a_japanese_comma_leaves_the_venue():
    page = (
        "---\ntitle: 気候マーチ 2028年4月22日\n---\n\n2028年4月22日（土）\n\n"
        "- 札幌：大通公園、時間未定\n- 仙台：勾当台公園，午後1時\n"
    )
    (campaign,) = read_markdown_page(page, name="ja.md").campaigns
    venues = {event.city: event.venue for event in campaign.events}
    assert venues == {"Sapporo": "大通公園", "Sendai": "勾当台公園"}
