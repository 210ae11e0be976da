"""The fifteenth round of damage (`damage_fifteenth.py`) over a whole rally page translated
into Swedish, Danish, Czech, Romanian, Hungarian, Turkish, Hindi, Indonesian, Thai and
Japanese: every damaged answer is refused with the reason that names it and every faithful one
passes, however its language writes a count (12 500, 12.500, १,२५,०००, 1万2500人), a time
(kl. 14.30, दोपहर २:३० बजे, ढाई बजे, 午後2時30分), a date, a name (Kovács Anna, Anna Kovácsová) or a
city (Bécs, Vídeň, Viyana); and no answer, however odd, crashes the checks or takes long."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.translation.placeholders import protect

from .damage import Pair
from .damage_fifteenth import HARMFUL, LANGUAGES, PAIRS, REASONS
from .damage_rounds import (
    DamageRound,
    DamageRoundTests,
    assert_checked_in_linear_time,
    assert_checks_hold,
)
from .test_generated_damage import problems

ROUND = DamageRound(HARMFUL, PAIRS, REASONS, LANGUAGES)


class TestFifteenthRound(DamageRoundTests):
    ROUND = ROUND


def _changed(language: str, old: str, new: str) -> list[str]:
    """The problems of the page in `language` with `old` written as `new`."""
    pair = ROUND.pair("rally", language)
    assert old in pair.faithful, "the change did not apply"
    return problems(pair, pair.faithful.replace(old, new))


def _short(source: str, language: str, translation: str) -> list[str]:
    pair = Pair("short", source, language, translation)
    return problems(pair, pair.faithful)


# ---------------------------------------------------------------------------------------------
# Faithful: a count, a time, a date, a name and a city as the language writes them.


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        # Thousands grouped with a no-break space, a narrow one, a dot.
        ("sv", "12 500 personer", "12\u00a0500 personer"),
        ("sv", "125 000", "125\u202f000"),
        ("id", "12.500 orang", "12 500 orang"),
        # Hindi in Western digits, by lakh or by thousand, or in Devanagari ones.
        ("hi", "**१२,५०० लोग**", "**12,500 लोग**"),
        ("hi", "१,२५,०००", "1,25,000"),
        ("hi", "१,२५,०००", "125,000"),
        # Japanese by thousands, or in ten thousands with a thousand ("1万2千500人").
        ("ja", "1万2500人", "12,500人"),
        ("ja", "12万5000筆", "125,000筆"),
        ("ja", "12万5000筆", "12.5万筆"),
        # The afternoon said or the 24-hour clock, in Hindi and Japanese.
        ("hi", "दोपहर २:३० बजे", "दोपहर 2:30 बजे"),
        ("hi", "दोपहर २:३० बजे", "१४:३० बजे"),
        ("hi", "दोपहर २:३० बजे", "दोपहर ढाई बजे"),
        ("hi", "दोपहर २:३० बजे", "दोपहर साढ़े दो बजे"),
        ("ja", "午後2時30分", "14時30分"),
        ("ja", "午後2時30分", "14:30"),
        # Thai with a space between the name and the next phrase, or none.
        ("th", "แอนนา โควาช\nผู้จัดการ", "แอนนา โควาช ผู้จัดการ"),
        # The city in the nominative beside its declined form, the speaker by her own name.
        ("cs", "ve Vídni 3. října", "ve Vídni (Wien) 3. října"),
        ("cs", "Anna\nKovácsová", "Anna\nKovács"),
    ],
)  # fmt: skip
def test_a_faithful_way_of_writing_it_passes(language, old, new):
    assert _changed(language, old, new) == []


def test_two_and_a_half_is_a_time_only_before_oclock():
    """ "ढाई हज़ार" is two and a half thousand, no time: the source's 14:30 is still lost."""
    assert "numbers" in _changed("hi", "दोपहर २:३० बजे", "ढाई हज़ार")


def test_korean_counts_in_ten_thousands_too():
    source = "Last year **12,500 people** walked with us."
    assert _short(source, "ko", "작년에는 **1만 2500명**이 우리와 함께 걸었습니다.") == []
    assert "numbers" in _short(source, "ko", "작년에는 **1만 3500명**이 우리와 함께 걸었습니다.")


@pytest.mark.parametrize(
    ("source", "language", "translation"),
    [
        ("We meet at 14:30. Anna speaks first.", "da", "Vi mødes kl. 14.30. Anna taler først."),
        ("We meet at 17:00. Anna speaks first.", "sv",
         "Vi träffas klockan 17.00. Anna talar först."),
        ("We meet at 17:00. Anna speaks first.", "id",
         "Kami berkumpul pukul 17.00. Anna berbicara pertama."),
    ],
)  # fmt: skip
def test_a_sentence_that_ends_on_a_time_with_a_dot_is_one_sentence(source, language, translation):
    """A full stop after "14.30" ends a sentence: no month is numbered 30, so no date ends
    there."""
    assert _short(source, language, translation) == []


def test_a_hungarian_paragraph_that_opens_with_the_year_escapes_its_dot():
    """A paragraph opening "2032. október 3-án" is to Markdown an ordered list item (one
    numbered 2032): the page shows a list the source lacks, unless the dot is escaped."""
    old = "Vasárnap, 2032. október 3-án"
    assert "structure" in _changed("hu", old, "2032. október 3-án, vasárnap,")
    assert _changed("hu", old, "2032\\. október 3-án, vasárnap,") == []


def test_a_numbered_step_escaped_is_still_refused():
    source = "1. Sign up\n2. Come to the square"
    assert "escaped_markdown" in _short(source, "sv", "1\\. Anmäl dig\n2. Kom till torget")


# ---------------------------------------------------------------------------------------------
# Damage in the language's own way of writing it.


@pytest.mark.parametrize(
    ("language", "old", "new", "code"),
    [
        # A count changed in Devanagari digits grouped by lakh, or in ten thousands.
        ("hi", "१,२५,०००", "१,२०,०००", "numbers"),
        ("ja", "12万5000筆", "12万8000筆", "numbers"),
        ("ja", "1万2500人", "2500人", "numbers"),
        # The afternoon said as the morning or the night.
        ("hi", "दोपहर २:३० बजे", "सुबह २:३० बजे", "moments"),
        ("ja", "午後2時30分", "午前2時30分", "moments"),
        ("th", "เวลา 14.30 น.", "เวลา 4.30 น.", "moments"),
        ("hi", "दोपहर २:३० बजे", "सुबह ढाई बजे", "moments"),
        ("hi", "दोपहर २:३० बजे", "दोपहर साढ़े तीन बजे", "numbers"),
        # "Without sticks" said "with sticks" in Turkish.
        ("tr", "Sopasız, kendi pankartınız", "Sopalı, kendi pankartınız", "negation"),
        # The speaker's family name swapped in Thai, the bold moved onto the petition's count.
        ("th", "แอนนา โควาช", "แอนนา สมิธ", "names"),
        ("sv", "**12 500 personer** med oss,\noch vår namninsamling har nu 125 000",
         "12 500 personer med oss,\noch vår namninsamling har nu **125 000**",
         "emphasis_moved"),
    ],
)  # fmt: skip
def test_a_damage_in_the_languages_own_writing_is_refused(language, old, new, code):
    assert code in _changed(language, old, new)


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("sv", "Översatt av frivilliga."),
        ("da", "(Denne side er maskinoversat.)"),
        ("ro", "Traducere automată."),
        ("hi", "यह पृष्ठ मशीन द्वारा अनूदित है।"),
        ("ja", "※本ページは機械翻訳です。"),
    ],
)
def test_a_note_that_the_page_is_a_translation_is_refused(language, note):
    """Run on after the first paragraph (in brackets, a remark too), or after the page."""
    pair = ROUND.pair("rally", language)
    first = pair.faithful.split("\n\n")[1]
    inline = pair.faithful.replace(first, first + " " + note)
    assert {"translation_note", "aside"} & set(problems(pair, inline))
    after = problems(pair, pair.faithful + "\n\n" + note)
    assert {"translation_note", "postamble"} & set(after)


@pytest.mark.parametrize(
    ("source", "language", "translation"),
    [
        # Words that mean "translated" elsewhere: surrounded, a transfer, turned round.
        ("The square was cordoned off by the police.", "tr", "Meydan polis tarafından çevrildi."),
        ("Donate by bank transfer.", "ru", "Пожертвуйте банковским переводом."),
        ("Let us reverse the trend together.", "hu", "Fordítsuk meg együtt a trendet."),
        # A time in bold on the other clock: an hour is no count.
        ("Meet us at **2 p.m.** on the square.", "de", "Triff uns um **14 Uhr** auf dem Platz."),
    ],
)  # fmt: skip
def test_words_like_a_note_or_a_moved_emphasis_pass(source, language, translation):
    assert _short(source, language, translation) == []


def test_a_page_about_translating_may_say_so():
    source = "Our texts are translated by volunteers."
    assert _short(source, "da", "Vores tekster er oversat af frivillige.") == []
    assert _short(source, "tr", "Metinlerimiz gönüllüler tarafından çevrilir.") == []


def test_a_weekday_said_once_less_without_another_day_passes():
    """ "Before Sunday" said "before then" names Sunday once less, and no other day."""
    assert _changed("sv", "före\nsöndag", "innan dess") == []
    assert _changed("th", "ได้ก่อน\nวันอาทิตย์", "ได้ก่อนวันงาน") == []


def test_a_heading_of_a_brand_or_name_may_stay_as_it_is():
    """Three words, none of them English only: a name kept on purpose."""
    assert _short("## Pause AI Wien", "sv", "## Pause AI Wien") == []


# ---------------------------------------------------------------------------------------------
# Not yet refused.


@pytest.mark.xfail(
    strict=True,
    reason="the descriptions of two table rows swapped keep every cell's number in its column "
    "and every word translated; which row says what needs an alignment the checks do not have",
)
def test_two_rows_descriptions_swapped_are_not_yet_refused():
    old = "| 15.15 | Marschen går mot stadshuset |\n| 17.00 | Musik och avslutning |"
    new = "| 15.15 | Musik och avslutning |\n| 17.00 | Marschen går mot stadshuset |"
    assert "table_cells" in _changed("sv", old, new)


@pytest.mark.xfail(
    strict=True,
    reason="a city is said swapped only for one of the same country (cities.swapped_city): a "
    "capitalized word that is some far town's name is too often no city, and the gazetteer "
    "lacks some exonyms (Indonesian 'Wina'), so a faithful page would lose its city too",
)
@pytest.mark.parametrize(("language", "vienna", "prague"), [("sv", "Wien", "Prag"),
                         ("ja", "ウィーン", "プラハ")])  # fmt: skip
def test_the_city_swapped_for_one_of_another_country_is_not_yet_refused(language, vienna, prague):
    assert "cities" in _changed(language, vienna, prague)


@pytest.mark.xfail(
    strict=True,
    reason="'Anna' sounds as a vowel and an n, as 'ウィーン' (Vienna) does on the same page: "
    "a short given name is kept by any word of that sound (name_sounds.gone)",
)
def test_a_japanese_given_name_swapped_is_not_yet_refused():
    assert "names" in _changed("ja", "アンナ・コヴァーチ", "マリア・コヴァーチ")


@pytest.mark.xfail(
    strict=True,
    reason="emphasis moved between words without a number keeps as many marks; which words "
    "translate the emphasized ones needs an alignment the checks do not have",
)
def test_emphasis_moved_onto_other_words_is_not_yet_refused():
    found = _short("**Bring water** and warm clothes.", "sv", "Ta med vatten och **varma kläder**.")
    assert "emphasis_moved" in found


# ---------------------------------------------------------------------------------------------
# Any answer, damaged or not.

_ANSWER_TEXT = st.lists(
    st.sampled_from(
        list("ab1:.,-|#*_\\\n ") + ["⟦1⟧", "⟦2⟧", "**", "1万", "2500", "万", "만", "億", "१,२५,०००",
         "२:३०", "दोपहर", "बजे", "kl. ", "14.30", "pukul", "เวลา", "น.", "2032. ", "2032\\. ",
         "Översatt", "翻訳", "sız", "แอนนา", "(AI)"]
    )
    | st.text(max_size=8),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(source=_ANSWER_TEXT, answer=_ANSWER_TEXT, language=st.sampled_from([*LANGUAGES, "ko", ""]))
def test_no_answer_crashes_the_checks(source, answer, language):
    assert_checks_hold(source, answer, language)


@pytest.mark.parametrize(
    ("answer", "language"),
    [
        ("1万2500人 12万5000 1億2000万 1,25,000 १२,५०० " * 2_000, "ja"),
        ("**१२,५००** दोपहर २:३० बजे शाम ७ बजे " * 2_000, "hi"),
        ("kl. 14.30. Anna 2032\\. okt *12 500* " * 2_000, "da"),
        ("(แปลโดย AI) เวลา 14.30 น. **12,500 คน** " * 2_000, "th"),
    ],
    ids=["ten thousands", "hindi times", "dotted times and escapes", "thai notes"],
)
def test_large_answers_are_checked_in_linear_time(answer, language):
    source = "We walk at **14:30** with 12,500 people. " * 1_000
    assert_checked_in_linear_time(
        answer, language, protect(source), ROUND.pair("rally", language).protected
    )
