"""The sixth round of damage (`damage_sixth.py`) over faithful translations into 22 languages:
every damaged answer is refused with the reason that names it, every faithful one passes,
tricky faithful ones too (other digits, other quotation marks, NFD, a weekday declined, a
phone number grouped otherwise), and no answer, however odd, crashes the checks."""

import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.translation.validation import translation_problems

from .damage import Pair
from .damage_rounds import DamageRound, DamageRoundTests, assert_checks_hold
from .damage_sixth import HARMFUL, LANGUAGES, PAIRS, REASONS
from .test_generated_damage import problems

ROUND = DamageRound(HARMFUL, PAIRS, REASONS, LANGUAGES)


class TestSixthRound(DamageRoundTests):
    ROUND = ROUND


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p.name}-{p.language}" for p in PAIRS])
def test_faithful_answers_pass_decomposed(pair):
    """NFD (Hangul as jamo, "é" as e and an accent) is the same text, not damage."""
    assert problems(pair, unicodedata.normalize("NFD", pair.faithful)) == []


_pair = ROUND.pair


@pytest.mark.parametrize(
    ("name", "language", "damage", "code"),
    [
        ("contact", "nl", lambda t: t.replace("1234 5678", "5678 1234"), "phone"),
        ("contact", "ar", lambda t: t.replace("+31 6 1234 5678", "+31 6 1234 5687"), "phone"),
        ("contact", "de", lambda t: t.replace("@PauseAI_NL", "@PauseKI_NL"), "symbols"),
        ("contact", "ja", lambda t: t.replace("@PauseAI_NL", "PauseAI_NL"), "symbols"),
        ("date", "pl", lambda t: t.replace("w sobotę", "w niedzielę"), "weekdays"),
        ("date", "ru", lambda t: t.replace("в субботу", "в пятницу"), "weekdays"),
        ("date", "uk", lambda t: t.replace("в суботу", "в п’ятницю"), "weekdays"),
        ("date", "fa", lambda t: t.replace("شنبه", "یکشنبه"), "weekdays"),
        ("date", "ja", lambda t: t.replace("（土）", "（日）"), "weekdays"),
        ("date", "th", lambda t: t.replace("วันเสาร์", "วันอาทิตย์"), "weekdays"),
        ("date", "he", lambda t: t.replace("ביום שבת", "ביום ראשון"), "weekdays"),
        ("date", "vi", lambda t: t.replace("thứ Bảy", "Chủ nhật"), "weekdays"),
        ("date", "th", lambda t: t.replace("2029", "2572"), "numbers"),
        ("fund", "de", lambda t: t.replace("250 €", "250 $"), "currency"),
        ("fund", "hi", lambda t: t.replace("€250", "₹250"), "currency"),
        ("contact", "fr", lambda t: t.replace("à", "Ã\xa0").replace("é", "Ã©"), "encoding"),
        ("fund", "fr", lambda t: t.replace("banderoles", "banderoles\u200d"), "invisible"),
        ("contact", "pl", lambda t: t.replace("ń", "\ufffd"), "encoding"),
        ("contact", "ru", lambda t: t.replace("вопросы", "Ð²Ð¾Ð¿Ñ€Ð¾ÑÑ‹"), "encoding"),
        ("contact", "es", lambda t: t.replace("¿", "Â¿"), "encoding"),
        ("fund", "it", lambda t: t.replace("l'impianto", "lâ€™impianto"), "encoding"),
        ("steps", "th", lambda t: t[: t.index("\n3. ") + 5], "cut_off"),
        ("steps", "ko", lambda t: t.replace("\n3. ", "\n1. "), "structure"),
        ("table", "zh", lambda t: t.replace("| 代尔夫特 | 15:30 |", "| 代尔夫特 15:30 |"),
         "structure"),
        ("heading", "ar", lambda t: "#" + t, "structure"),
        ("fund", "hi", lambda t: t.replace("के लिए अभी भी €250 चाहिए", "ke liye abhi bhi €250 "
                                            "chahiye"), "mixed_language"),
        ("fund", "he", lambda t: t.replace("לשלטים ולמערכת ההגברה", "la-shlatim u-la-maarekhet "
                                            "ha-hagbara"), "mixed_language"),
        ("steps", "nl", lambda t: "<think>\nKeep the numbering.\n</think>\n\n" + t, "markup"),
        ("heading", "de", lambda t: "“## Why we march ⟦1⟧”: " + t, "partly_untranslated"),
        ("date", "ja", lambda t: "> The march starts on Saturday 12 May 2029 at the central "
                                 "station.\n\n" + t, "preamble"),
        ("fund", "ko", lambda t: json.dumps({"translation": t}, ensure_ascii=False), "json"),
    ],
)  # fmt: skip
def test_each_damage_is_refused_with_its_reason(name, language, damage, code):
    pair = _pair(name, language)
    assert code in problems(pair, damage(pair.faithful))


_NOTED = "We ask for a pause.[^1] Read [our proposal][plan] or pauseai.info/join?city=utrecht#form."
_NOTED_TRANSLATIONS = {
    "nl": "We vragen om een pauze.[^1] Lees [ons voorstel][plan] of pauseai.info/join?city="
    "utrecht#form.",
    "tr": "Bir ara verilmesini istiyoruz.[^1] [Önerimizi][plan] ya da "
    "pauseai.info/join?city=utrecht#form adresini okuyun.",
    # A footnote's marker before the full stop, as Japanese places it.
    "ja": "私たちは一時停止を求めています[^1]。[私たちの提案][plan]またはpauseai.info/join?"
    "city=utrecht#formをお読みください。",
    "uk": "Ми вимагаємо паузи.[^1] Прочитайте [нашу пропозицію][plan] або "
    "pauseai.info/join?city=utrecht#form.",
}


@pytest.mark.parametrize(
    ("language", "damage", "code"),
    [
        ("nl", lambda t: t.replace("⟦1⟧", ""), "missing"),  # the footnote's marker dropped
        ("ja", lambda t: t.replace("⟦1⟧", "[^2]"), "missing"),
        ("tr", lambda t: t.replace("⟦2⟧", "[oneri]"), "missing"),  # the link's label renamed
        ("uk", lambda t: t.replace("[нашу пропозицію]⟦2⟧", "нашу пропозицію"), "missing"),
        ("nl", lambda t: t.replace("?city=utrecht#form", ""), "addresses"),
        ("tr", lambda t: t.replace("#form", ""), "addresses"),
        ("ja", lambda t: t.replace("city=utrecht", "city=delft"), "addresses"),
    ],
)
def test_footnotes_reference_links_and_queries_are_kept(language, damage, code):
    pair = Pair("noted", _NOTED, language, _NOTED_TRANSLATIONS[language])
    assert problems(pair, pair.faithful) == []
    assert code in problems(pair, damage(pair.faithful))


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("nl", "Als taalmodel kan ik deze tekst niet vertalen."),
        ("de", "Als KI-Sprachmodell kann ich diesen Text leider nicht übersetzen."),
        ("tr", "Üzgünüm, bu metni çeviremem."),
        ("fa", "متأسفم، نمی‌توانم این متن را ترجمه کنم."),
        ("hi", "क्षमा करें, मैं इस पाठ का अनुवाद नहीं कर सकता।"),
        ("ko", "죄송하지만 이 텍스트는 번역할 수 없습니다."),
        ("sw", "Samahani, siwezi kutafsiri maandishi haya."),
    ],
)
def test_a_refusal_in_the_answers_language_is_said_to_be_one(language, refusal):
    found = translation_problems(
        protected=_pair("steps", language).protected, translated=refusal, language=language
    )
    assert "refusal" in [problem.code for problem in found]


def test_a_weekday_changed_is_named_in_the_reason():
    pair = _pair("date", "de")
    found = translation_problems(
        protected=pair.protected,
        translated=pair.faithful.replace("Samstag", "Sonntag"),
        language="de",
    )
    assert [str(problem) for problem in found] == [
        "The answer names another day of the week (Sonntag) than the source (Saturday)."
    ]


@pytest.mark.parametrize(
    ("source", "language", "answer"),
    [
        # Digits of the answer's script, where its readers write them.
        ("The march starts on Saturday 12 May 2029 at the central station.", "ar",
         "تنطلق المسيرة يوم السبت ١٢ مايو ٢٠٢٩ من المحطة المركزية."),
        ("The march starts on Saturday 12 May 2029 at the central station.", "hi",
         "मार्च शनिवार, १२ मई २०२९ को सेंट्रल स्टेशन से शुरू होगा।"),
        ("The march starts on Saturday 12 May 2029 at the central station.", "th",
         "การเดินขบวนจะเริ่มในวันเสาร์ที่ ๑๒ พฤษภาคม ๒๐๒๙ ที่สถานีกลาง"),
        ("Questions? Call +31 6 1234 5678.", "fa", "سؤالی دارید؟ با ‎+۳۱ ۶ ۱۲۳۴ ۵۶۷۸ تماس بگیرید."),
        # A phone number grouped otherwise, digits in the same order.
        ("Questions? Call +31 6 1234 5678.", "de", "Fragen? Ruf +31 6 12345678 an."),
        ("Call 030 1234567 before 14:00.", "nl", "Bel voor 14:00 naar 030 1234567."),
        # Quotation marks of the answer's language.
        ('Bring a sign that says "Pause AI now".', "de",
         "Bring ein Schild mit, auf dem „Pause AI now“ steht."),
        ('Bring a sign that says "Pause AI now".', "fr",
         "Apportez une pancarte où il est écrit « Pause AI now »."),
        ('Bring a sign that says "Pause AI now".', "ja",
         "「Pause AI now」と書いたプラカードを持ってきてください。"),
        ('Bring a sign that says "Pause AI now".', "pl",
         "Przynieś transparent z napisem „Pause AI now”."),
        # Days of the week declined, or in another order than the source's.
        ("We march in Utrecht on Saturday and in Delft on Sunday.", "ja",
         "土曜日にユトレヒトで、日曜日にデルフトで行進します。"),
        ("We march in Utrecht on Saturday and in Delft on Sunday.", "pl",
         "W sobotę maszerujemy w Utrechcie, a w niedzielę w Delfcie."),
        ("We march in Utrecht on Saturday and in Delft on Sunday.", "tr",
         "Cumartesi günü Utrecht'te, Pazar günü ise Delft'te yürüyüş yapıyoruz."),
        ("We march in Utrecht on Saturday and in Delft on Sunday.", "cs",
         "V sobotu pochodujeme v Utrechtu a v neděli v Delftu."),
        # Indonesian "minggu" is a week too: Saturday next week is no Sunday.
        ("See you on Saturday next week.", "id", "Sampai jumpa hari Sabtu minggu depan."),
        # A German street before a closing quote is no mojibake; joiners that scripts need.
        ('We meet at "Lange Straße".', "de", "Wir treffen uns an der „Lange Straße“."),
        ("Coders 👩‍💻 are welcome.", "nl", "Programmeurs 👩‍💻 zijn welkom."),
        ("We march on Saturday.", "fa", "روز شنبه راهپیمایی می‌کنیم."),
        # English words the source has, kept in a sentence of another script.
        ("Read the open source license.", "ru", "Прочитайте лицензию open source license."),
        # An apology of the source is translated into one: no refusal.
        ("Sorry, the march on Saturday is cancelled.", "it",
         "Ci dispiace, la marcia di sabato è annullata."),
        ("Unfortunately the march on Saturday is cancelled.", "tr",
         "Maalesef cumartesi günkü yürüyüş iptal edildi."),
        ("Excuse us: the march on Saturday is cancelled.", "vi",
         "Xin lỗi: cuộc tuần hành vào thứ Bảy đã bị hủy."),
        # A slogan kept in English is a quotation, not the source left in.
        ('Chant "Pause AI now" with us.', "nl", 'Roep met ons "Pause AI now".'),
    ],
)  # fmt: skip
def test_faithful_answers_that_look_like_the_damage_pass(source, language, answer):
    pair = Pair("tricky", source, language, answer)
    assert problems(pair, pair.faithful) == []


_ANSWER_TEXT = st.lists(
    st.sampled_from(
        list("aé zß1,.:;!?-*_#>|`~\n()[]/@€$") + ["⟦1⟧", "⟦2⟧", "+31 6 1234 5678", "Ã©", "â€™",
         "\ufffd", "\u200d", "\u200c", "<think>", "</think>", "（土）", "Samstag", "w sobotę",
         "شنبه", "۱۲", "१२", "ke liye", "{\"translation\": ", "\n\n", "1. ", "| a |", "## "]
    )
    | st.text(max_size=8),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    answer=_ANSWER_TEXT,
    language=st.sampled_from([*LANGUAGES, "es-MX", "pt-BR", "zh-Hant", "", "xx"]),
)
def test_no_answer_crashes_the_checks(pair, answer, language):
    assert_checks_hold(pair.source, answer, language)
