"""The fifth round of damage (`damage_fifth.py`) over faithful translations into eight
languages, Arabic and Hebrew (right to left), Japanese and Chinese among them: every damaged
answer is refused with the reason that names it, every faithful one passes, and no answer,
however odd, crashes the checks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.translation.placeholders import protect
from turnout.translation.validation import translation_problems

from .damage import Pair
from .damage_fifth import HARMFUL, LANGUAGES, PAIRS, REASONS
from .damage_rounds import DamageRound, DamageRoundTests, assert_checks_hold
from .test_generated_damage import problems

ROUND = DamageRound(HARMFUL, PAIRS, REASONS, LANGUAGES)


class TestFifthRound(DamageRoundTests):
    ROUND = ROUND


_pair = ROUND.pair


@pytest.mark.parametrize(
    ("name", "language", "damage", "code"),
    [
        ("saturday", "de", lambda t: "    " + t + "\n\n    " + t, "fence"),
        ("bring", "ar", lambda t: t.replace("\n- ", "\n    - ", 1), "fence"),
        ("saturday", "ja", lambda t: "<pre><code>" + t + "</code></pre>", "markup"),
        ("proposal", "he", lambda t: t.replace("pauseai.info/faq", "pauseai.info/sheelot"),
         "addresses"),
        ("proposal", "zh", lambda t: t.replace("⟦1⟧", "(https://pauseai.info/zh/tian)"), "links"),
        ("crowd", "de", lambda t: t.replace("1.500", "1,500"), "separators"),
        ("crowd", "ja", lambda t: t.replace("1,500", "1.500"), "separators"),
        ("crowd", "ar", lambda t: t.replace("2,500", "2.500"), "separators"),
        ("evening", "fr", lambda t: t.replace("19 h 30", "7 h 30"), "moments"),
        ("evening", "ar", lambda t: t.replace("مساءً", "صباحًا", 1), "moments"),
        ("evening", "zh", lambda t: t.replace("晚上7:30", "早上7:30"), "moments"),
        ("evening", "ja", lambda t: t.replace("午後7時30分", "7時30分"), "moments"),
        ("bring", "he", lambda t: t.replace("\n- טלפון טעון", ""), "structure"),
        ("bring", "ja", lambda t: t.replace("\n- 水", ""), "structure"),
        ("movement", "es", lambda t: t.replace("PauseAI", "PausaIA"), "names"),
        ("movement", "ar", lambda t: t.replace("PauseAI", "أوقفوا الذكاء الاصطناعي"), "names"),
        ("saturday", "zh", lambda t: t + "\n\n" + t, "repeated_sentence"),
        ("saturday", "he", lambda t: t + " " + t, "repeated_sentence"),
        ("saturday", "ar", lambda t: t + "\n\nملاحظة المترجم: تُرجمت كلمة «صديق» بصيغة المذكر.",
         "postamble"),
        ("saturday", "pl", lambda t: t + " (Przyp. tłum.: „znajomego” obejmuje także znajome.)",
         "postamble"),
        ("saturday", "ja", lambda t: t + "\n訳注：「友だち」は性別を限定しない表現にしました。",
         "postamble"),
    ],
)  # fmt: skip
def test_each_damage_is_refused_with_its_reason(name, language, damage, code):
    pair = _pair(name, language)
    assert code in problems(pair, damage(pair.faithful))


def test_a_number_of_a_source_in_another_language_is_read_in_its_language():
    found = translation_problems(
        protected=protect("Vorig jaar liepen 1.500 mensen mee."),
        translated="Last year 1,500 people joined us.",
        source_language="nl",
        language="en",
    )
    assert found == []
    found = translation_problems(
        protected=protect("Vorig jaar liepen 1.500 mensen mee."),
        translated="Last year 1.500 people joined us.",
        source_language="nl",
        language="en",
    )
    assert [problem.code for problem in found] == ["separators"]


def test_a_list_item_dropped_is_counted_in_the_reason():
    pair = _pair("bring", "fr")
    found = translation_problems(
        protected=pair.protected,
        translated=pair.faithful.replace("\n- un imperméable", ""),
        language="fr",
    )
    assert "the answer has 3 list items where the source has 4" in str(found[0])


@pytest.mark.parametrize(
    ("source", "language", "answer"),
    [
        # 24-hour times on a 12-hour clock with the half of the day, and in the morning.
        ("Doors open at 19:30.", "ko", "오후 7시 30분에 문이 열립니다."),
        ("Doors open at 19:30.", "ja", "午後7:30に開場します。"),
        ("Doors open at 19:30.", "zh", "晚上7点半开门。"),
        ("Doors open at 19:30.", "ar", "تُفتح الأبواب الساعة ٧:٣٠ مساءً."),
        ("Doors open at 9:30.", "he", "הדלתות נפתחות ב־9:30 בבוקר."),
        ("Doors open at 21:00.", "de", "Einlass ist um 21 Uhr."),
        ("We have 3 demands. Doors open at 19:30.", "zh", "我们有3点要求。晚上7:30开门。"),
        ("Doors open at 19:30.", "ko", "오후 7시 반에 문이 열립니다."),
        # The same number in each language's separators, and a decimal that is no thousand.
        ("We collected €12,500 for the banners.", "nl", "We haalden € 12.500 op voor de "
         "spandoeken."),
        ("We collected €12,500 for the banners.", "fr", "Nous avons récolté 12 500 € pour les "
         "banderoles."),
        ("We collected €12,500 for the banners.", "he", "אספנו 12,500 אירו עבור השלטים."),
        ("The route is 2.5 km long.", "de", "Die Strecke ist 2,5 km lang."),
        ("Sign up in Spanish.", "es-MX", "Inscríbete en español."),
        # An address kept in a sentence without spaces, and a town with a full stop.
        ("See pauseai.info/faq first.", "ja", "まずpauseai.info/faqをご覧ください。"),
        ("We meet in St.Gallen.", "de", "Wir treffen uns in St. Gallen."),
        # A paragraph indented inside a list item, as in the source.
        ("- Bring water.\n\n    Also a raincoat.", "de",
         "- Bringt Wasser mit.\n\n    Auch eine Regenjacke."),
    ],
)  # fmt: skip
def test_faithful_answers_that_look_like_the_damage_pass(source, language, answer):
    pair = Pair("tricky", source, language, answer)
    assert problems(pair, pair.faithful) == []


_ANSWER_TEXT = st.lists(
    st.sampled_from(
        list("aé zß1,.:;!?-*_#>|`~\n()[]/") + ["⟦1⟧", "⟦2⟧", "19:30", "1,500", "1.500",
         "午後", "時", "。", "مساءً", "ש", "PauseAI", "pauseai.info/faq", "```", "    ",
         "\n\n", "- ", "訳注：", "N.d.T. :", "ない", "nie", "kein", "点半"]
    )
    | st.text(max_size=8),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    answer=_ANSWER_TEXT,
    language=st.sampled_from([*LANGUAGES, "nb", "sk", "ca", "af", "de-CH", "", "xx"]),
)
def test_no_answer_crashes_the_checks(pair, answer, language):
    assert_checks_hold(pair.source, answer, language)
