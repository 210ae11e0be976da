"""The ninth round of damage (`damage_ninth.py`) over faithful translations into 13 languages:
every damaged answer is refused with the reason that names it, every faithful one passes,
unusual faithful ones too (French spacing with or without no-break spaces, a "5K" run in
kilometres, millions that are no miles, an image without alt text, a right-to-left sentence
that opens with a number or a quote, a sentence that opens with an emoji or an image), and no
answer, however odd, crashes the checks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .damage import Pair
from .damage_eighth import PAIRS as EIGHTH_PAIRS
from .damage_ninth import HARMFUL, LANGUAGES, PAIRS, REASONS
from .damage_rounds import (
    DamageRound,
    DamageRoundTests,
    assert_checked_in_linear_time,
    assert_checks_hold,
)
from .test_generated_damage import problems

ROUND = DamageRound(HARMFUL, PAIRS, REASONS, LANGUAGES)
_pair = ROUND.pair


class TestNinthRound(DamageRoundTests):
    ROUND = ROUND


_JA_ASIDE = "（現地の法律を守って平和的に抗議してください）"


@pytest.mark.parametrize(
    ("name", "language", "damage", "code"),
    [
        ("crowd", "bg", lambda t: t.replace("5 км", "5 мили"), "units"),
        ("crowd", "sl", lambda t: t.replace("5 km", "3,1 milje"), "units"),
        ("crowd", "ja", lambda t: t.replace("5キロ", "5マイル"), "units"),
        ("crowd", "ur", lambda t: t.replace("5 کلومیٹر", "5 میل"), "units"),
        ("crowd", "ka", lambda t: t.replace("🌍", "💣"), "symbols"),
        ("crowd", "hy", lambda t: t.replace("#PauseAI", "#Pause AI"), "symbols"),
        ("crowd", "sr", lambda t: t.replace("@PauseAI", "@ПаузаВИ"), "symbols"),
        ("crowd", "mk", lambda t: t.replace("200", "триста"), "numbers"),
        ("camp", "ja", lambda t: t.replace("10:00〜18:00", "10:00から"), "numbers"),
        ("camp", "lv", lambda t: t.replace("no 14. līdz 16. jūnijam", "14. jūnijā"), "numbers"),
        ("camp", "he", lambda t: "." + t[:-1], "punctuation_side"),
        ("checklist", "ur", lambda t: t.replace("- پانی ساتھ لائیں۔", "- ۔پانی ساتھ لائیں"),
         "punctuation_side"),
        ("table", "et", lambda t: t.replace("| 12.00 | Jaam |", "| Jaam | 12.00 |"),
         "table_cells"),
        ("table", "ta", lambda t: t.replace("| 13:00 | சதுக்கம் |", "| 13:00 |\n| சதுக்கம் |"),
         "structure"),
        ("links", "hr", lambda t: t.replace("![Prosvjednici ispred kolodvora u Utrechtu]", "![]"),
         "images"),
        ("links", "he", lambda t: t.replace("![", "["), "images"),
        ("links", "sl", lambda t: t.replace("⟦3⟧", "(/media/photo.jpg)"), "missing"),
        ("links", "et", lambda t: t.replace("[meie plaani]⟦1⟧", "[⟦1⟧](meie plaani)"), "links"),
        ("links", "ka", lambda t: t.replace("⟦1⟧", "⟦9⟧").replace("⟦2⟧", "⟦1⟧")
         .replace("⟦9⟧", "⟦2⟧"), "link_order"),
        ("heading", "hy", lambda t: "**Գործնական տեղեկություններ** ⟦1⟧", "structure"),
        ("bold", "lv", lambda t: "## Atnes savu plakātu.", "structure"),
        ("checklist", "sl", lambda t: "- Prinesite vodo. Obujte trpežne čevlje. Prinesite "
                                      "transparent.", "structure"),
        ("crowd", "et", lambda t: t.replace(" ", "&amp;nbsp;", 1), "entities"),
        ("camp", "et", lambda t: t.replace(",", " (palun protestige rahumeelselt)", 1),
         "aside"),
        ("camp", "hr", lambda t: t.replace(",", " [napomena: poštujte lokalne zakone]", 1),
         "aside"),
        ("camp", "ja", lambda t: t.replace("、", _JA_ASIDE + "、"),
         "aside"),
        ("camp", "ja", lambda t: t[:-3], "cut_off"),
        ("bold", "ja", lambda t: "**自分のプラカードを持って**", "cut_off"),
    ],
)  # fmt: skip
def test_each_damage_is_refused_with_its_reason(name, language, damage, code):
    pair = _pair(name, language)
    assert code in problems(pair, damage(pair.faithful))


_SIGN = 'The sign says "No AI race".'
_CAMP = "The camp opens on Saturday at 14:00 in Lyon: bring a tent!"


@pytest.mark.parametrize(
    ("source", "language", "answer"),
    [
        # French spacing before « » : ! with a no-break space, a narrow one, a plain one or
        # none: a page breaks the line differently, no reader misreads it.
        (_CAMP, "fr", "Le camp ouvre samedi à 14\u00a0h à Lyon\u00a0: apportez une tente\u00a0!"),
        (_CAMP, "fr", "Le camp ouvre samedi à 14\u202fh à Lyon\u202f: apportez une tente\u202f!"),
        (_CAMP, "fr", "Le camp ouvre samedi à 14 h à Lyon : apportez une tente !"),
        (_CAMP, "fr", "Le camp ouvre samedi à 14h à Lyon: apportez une tente!"),
        (_SIGN, "fr", "La pancarte dit «\u00a0Non à la course à l'IA\u00a0»."),
        (_SIGN, "fr", "La pancarte dit « Non à la course à l'IA »."),
        # A "5K run" in kilometres, a distance the source gives in both units, miles kept.
        ("Join our 5K run on Sunday.", "de", "Mach mit bei unserem 5-km-Lauf am Sonntag."),
        ("We walk 5 km (3 miles).", "bg", "Ще вървим 5 км (3 мили)."),
        ("We walk 3 miles to the Capitol.", "de", "Wir laufen 3 Meilen bis zum Kapitol."),
        ("It will be 30 °C, so bring water.", "sr", "Биће 30 °C, зато понесите воду."),
        # Millions and thousands that start like a mile.
        ("We have 5 million signatures.", "bg", "Имаме 5 милиона подписа."),
        ("We have 5 million signatures.", "ka", "ჩვენ გვაქვს 5 მილიონი ხელმოწერა."),
        ("5 thousand people came.", "es", "Vinieron 5 mil personas."),
        # An image the source gives no alt text, an image's alt text in a table-less line.
        ("![](/media/logo.png) Welcome!", "he", "![](/media/logo.png) ברוכים הבאים!"),
        # A right-to-left sentence that opens with a number, a quote or a Latin name; one
        # that the source opens with an ellipsis.
        ("200 people came.", "he", "200 איש הגיעו."),
        ("“Pause AI now!” we shouted.", "ur", "”ابھی AI کو روکو!“ ہم نے نعرہ لگایا۔"),
        ("PauseAI is on Mastodon.", "he", "PauseAI נמצאת במסטודון."),
        ("...and then we marched.", "he", "...ואז צעדנו."),
        # A second sentence opening with an emoji or an image, in Japanese and in Georgian.
        ("We did it. 🎉 Thank you all!", "ja", "やりました。🎉 皆さん、ありがとう！"),
        ("We did it. 🎉 Thank you all!", "ka", "ჩვენ შევძელით. 🎉 მადლობა ყველას!"),
        ("See you soon. ![A raised fist](/media/fist.png)", "et",
         "Kohtumiseni. ![Tõstetud rusikas](/media/fist.png)"),
        # A table that keeps every number in its cell, and one with numbers in both columns.
        ("| From | To |\n| --- | --- |\n| 10:00 | 12:00 |", "lv",
         "| No | Līdz |\n| --- | --- |\n| 10.00 | 12.00 |"),
        # An entity of the source decoded: it shows the same on the page.
        ("Q&amp;A with the organisers.", "sl", "Vprašanja & odgovori z organizatorji."),
        # A remark in brackets the source has too, a gloss of a word or two added.
        ("Bring your ID (a passport or a driving licence).", "lv",
         "Paņemiet līdzi personu apliecinošu dokumentu (pasi vai vadītāja apliecību)."),
        ("Our AI policy asks for a pause.", "et", "Meie tehisintellekti (AI) poliitika nõuab "
                                                  "pausi."),
        ("We meet at Utrecht Central.", "ja", "ユトレヒト中央駅（Utrecht Centraal）に集合します。"),
        ("See the map [below].", "sl", "Oglejte si zemljevid [spodaj]."),
        ("Bring your ID (a passport).", "et", "Võtke kaasa oma ID (sobib ka pass)."),
        # The hours and the month of a Japanese date: "6月" loses no "18:00".
        ("Open 10:00–18:00 on 14 June.", "ja", "6月14日、10:00〜18:00に開いています。"),
    ],
)  # fmt: skip
def test_unusual_faithful_answers_pass(source, language, answer):
    pair = Pair("unusual", source, language, answer)
    assert problems(pair, pair.faithful) == []


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        ("bg", "Около триста души извървяха пет километра до парламента."),
        ("hr", "Oko tristo ljudi prepješačilo je pet kilometara do parlamenta."),
    ],
)
def test_a_count_in_words_changed_is_refused(language, answer):
    pair = Pair("words", "About two hundred people walked five kilometres to parliament.",
                language, answer)  # fmt: skip
    assert problems(pair, pair.faithful)


# ---------------------------------------------------------------------------------------------
# Any answer, damaged or not.


_ANSWER_TEXT = st.lists(
    st.sampled_from(
        list("aаeоpр1,.:;!?-*_#>|`\n()[]\\«»“”%۔։。") + ["⟦1⟧", "⟦2⟧", "⟦3⟧", "![", "![]", "](",
         "| ", " | ", "|\n", "| --- |", "5 km", "5 mi", "5 мили", "5 милиона", "5マイル", "°F",
         "°C", "lbs", "kg", "🌍", "🔥", "#PauseAI", "#Pause AI", "@PauseAI", "&amp;", "&nbsp;",
         "&amp;amp;", "\u00a0", "\u202f", ".הביאו", "۔پانی", "שלום", "6月", "18:00", "10:00",
         "14–16", "## ", "**", "- ", "\n\n", "მილი", "მ"]
    )
    | st.text(max_size=8),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    answer=_ANSWER_TEXT,
    language=st.sampled_from([*LANGUAGES, "ar", "fa", "fr", "", "xx"]),
    source_language=st.sampled_from(["en", "he", "ur", ""]),
)
def test_no_answer_crashes_the_checks(pair, answer, language, source_language):
    assert_checks_hold(pair.source, answer, language, source_language)


@pytest.mark.parametrize(
    "answer",
    [
        "1 " * 40_000 + "mi",
        "1-" * 40_000,
        "(" * 40_000 + "a b c",
        "[a b c " * 20_000,
        "\n" * 40_000 + "| 1 |",
        "|" * 40_000,
        "![" * 20_000 + "]⟦3⟧",
        ". 🌍" * 20_000,
        "! ![" * 20_000,
        ".ש\n" * 20_000,
    ],
    ids=["numbers", "hyphens", "brackets", "square", "blank lines", "pipes", "images",
         "emoji", "image marks", "right-to-left stops"],
)  # fmt: skip
def test_large_answers_are_checked_in_linear_time(answer):
    pair = _pair("links", "he")
    assert_checked_in_linear_time(answer, "he", pair.protected)


@pytest.mark.parametrize("language", ["th", "uk", "sw"])
@pytest.mark.parametrize("label", ["Alternatively:", "Or, more formally:", "Variant 2:"])
def test_a_second_version_after_a_label_on_the_same_line_is_refused(language, label):
    """ "Alternatively: ..." with the second version on the label's line, in Thai too (whose
    sentences end without a full stop): text after the translation, not a paragraph split."""
    pair = next(p for p in EIGHTH_PAIRS if p.name == "order" and p.language == language)
    answer = f"{pair.faithful}\n\n{label} {pair.faithful}"
    assert "postamble" in problems(pair, answer)
