"""The tenth round of damage (`damage_tenth.py`) over faithful translations into ten
languages: every damaged answer is refused with the reason that names it, every faithful one
passes, and so do unusual faithful ones (a count written in digits or by a word the source
does not use, a name transliterated otherwise, a Hungarian city adjective, a "not" the
source's "avoid" or "free" asks for, a price in words of the same currency, a Slovak answer
with a word Czech shares, kilometres and kilograms both called "キロ"); and no answer, however
odd, crashes the checks or takes long."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.translation.placeholders import protect
from turnout.translation.validation import translation_problems

from .damage_rounds import (
    DamageRound,
    DamageRoundTests,
    assert_checked_in_linear_time,
    assert_checks_hold,
)
from .damage_tenth import HARMFUL, LANGUAGES, PAIRS, REASONS
from .test_generated_damage import problems

ROUND = DamageRound(HARMFUL, PAIRS, REASONS, LANGUAGES)
_pair = ROUND.pair


class TestTenthRound(DamageRoundTests):
    ROUND = ROUND


def _answer(source: str, language: str, answer: str, *, source_language: str = "en") -> list:
    """The problems of an answer written with the real addresses and placeholders."""
    protected = protect(source)
    for number, original in enumerate(protected.originals, start=1):
        answer = answer.replace(original, f"⟦{number}⟧", 1)
    found = translation_problems(
        protected=protected, translated=answer, source_language=source_language,
        language=language,
    )  # fmt: skip
    return [problem.code for problem in found]


# ---------------------------------------------------------------------------------------------
# The gaps of earlier rounds.

_COUNT = "About two hundred people walked five kilometres to parliament."
_THREE = "Three groups from Leiden will join us."


@pytest.mark.parametrize(
    ("source", "language", "faithful", "damaged"),
    [
        (_COUNT, "de", "Etwa zweihundert Menschen liefen fünf Kilometer zum Parlament.",
         "Etwa dreihundert Menschen liefen fünf Kilometer zum Parlament."),
        (_COUNT, "bg", "Около двеста души извървяха пет километра до парламента.",
         "Около триста души извървяха пет километра до парламента."),
        (_COUNT, "hr", "Oko dvjesto ljudi prepješačilo je pet kilometara do parlamenta.",
         "Oko tristo ljudi prepješačilo je pet kilometara do parlamenta."),
        (_COUNT, "es", "Unas doscientas personas caminaron cinco kilómetros hasta el parlamento.",
         "Unas doscientas personas caminaron siete kilómetros hasta el parlamento."),
        (_THREE, "nl", "Drie groepen uit Leiden doen met ons mee.",
         "Vier groepen uit Leiden doen met ons mee."),
        (_THREE, "it", "Tre gruppi da Leida si uniranno a noi.",
         "Due gruppi da Leida si uniranno a noi."),
        (_THREE, "ru", "К нам присоединятся три группы из Лейдена.",
         "К нам присоединятся пять групп из Лейдена."),
        (_THREE, "el", "Τρεις ομάδες από το Λέιντεν θα έρθουν μαζί μας.",
         "Δύο ομάδες από το Λέιντεν θα έρθουν μαζί μας."),
        (_THREE, "zh", "来自莱顿的三个小组将加入我们。", "来自莱顿的四个小组将加入我们。"),
        (_THREE, "pt", "Três grupos de Leiden vão juntar-se a nós.",
         "6 grupos de Leiden vão juntar-se a nós."),
    ],
)  # fmt: skip
def test_a_count_in_words_changed_is_refused(source, language, faithful, damaged):
    assert _answer(source, language, faithful) == []
    assert "numbers" in _answer(source, language, damaged)


_SPEAKS = "Dmitri Petrov and Greta Thunberg will speak at the rally."


@pytest.mark.parametrize(
    ("language", "faithful", "damaged"),
    [
        ("ru", "На митинге выступят Дмитрий Петров и Грета Тунберг.",
         "На митинге выступят Дмитрий Смирнов и Грета Тунберг."),
        ("uk", "На мітингу виступлять Дмитро Петров і Ґрета Тунберг.",
         "На мітингу виступлять Дмитро Петров і Ґрета Шмідт."),
        ("el", "Στη συγκέντρωση θα μιλήσουν ο Ντμίτρι Πετρόφ και η Γκρέτα Τούνμπεργκ.",
         "Στη συγκέντρωση θα μιλήσουν ο Γιώργος Πετρόφ και η Γκρέτα Τούνμπεργκ."),
        ("ar", "سيتحدث دميتري بيتروف وغريتا تونبرغ في التجمع.",
         "سيتحدث دميتري إيفانوف وغريتا تونبرغ في التجمع."),
        ("he", "בעצרת ידברו דמיטרי פטרוב וגרטה תונברי.",
         "בעצרת ידברו דמיטרי פטרוב וגרטה שמידט."),
        ("ja", "集会ではドミトリー・ペトロフとグレタ・トゥーンベリが話します。",
         "集会ではドミトリー・スミルノフとグレタ・トゥーンベリが話します。"),
        ("bg", "На митинга ще говорят Дмитрий Петров и Грета Тунберг.",
         "На митинга ще говорят Иван Петров и Грета Тунберг."),
    ],
)  # fmt: skip
def test_a_name_changed_in_another_script_is_refused(language, faithful, damaged):
    assert _answer(_SPEAKS, language, faithful) == []
    assert "names" in _answer(_SPEAKS, language, damaged)


@pytest.mark.parametrize(
    ("source", "faithful", "damaged"),
    [
        ("We start at the Budapest office.", "A budapesti irodánál kezdünk.",
         "A debreceni irodánál kezdünk."),
        ("The Amsterdam group meets every week.", "Az amszterdami csoport minden héten "
         "találkozik.", "Az utrechti csoport minden héten találkozik."),
    ],
)  # fmt: skip
def test_a_city_swapped_in_a_hungarian_adjective_is_refused(source, faithful, damaged):
    assert _answer(source, "hu", faithful) == []
    assert "cities" in _answer(source, "hu", damaged)


_RAISED = "We raised €1,250 of our €5,000 goal. Bring water and share the event with friends."


@pytest.mark.parametrize(
    ("language", "faithful", "damaged"),
    [
        ("sk", "Vyzbierali sme 1 250 € z nášho cieľa 5 000 €. Prineste si vodu a zdieľajte "
         "podujatie s priateľmi.", "Vybrali jsme 1 250 € z našeho cíle 5 000 €. Přineste si "
         "vodu a sdílejte akci s přáteli."),
        ("sk", "Vyzbierali sme 1 250 € z nášho cieľa 5 000 €. Prineste si vodu a zdieľajte "
         "podujatie s priateľmi.", "Vybrali jsme 1 250 € z cílových 5 000 €. Vezměte si vodu "
         "a sdílejte akci s přáteli."),
        ("cs", "Vybrali jsme 1 250 € z našeho cíle 5 000 €. Přineste si vodu a sdílejte akci "
         "s přáteli.", "Vyzbierali sme 1 250 € z nášho cieľa 5 000 €. Prineste si vodu a "
         "zdieľajte podujatie s priateľmi."),
    ],
)  # fmt: skip
def test_czech_and_slovak_for_each_other_are_refused(language, faithful, damaged):
    assert _answer(_RAISED, language, faithful) == []
    assert "wrong_language" in _answer(_RAISED, language, damaged)


@pytest.mark.parametrize(
    ("source", "faithful", "damaged"),
    [
        ("We carry 5 lbs of leaflets.", "チラシを5ポンド運びます。", "チラシを5キロ運びます。"),
        ("We carry 5 kg of leaflets 3 miles.", "チラシ5キロを3マイル運びます。",
         "チラシ5キロを3キロ運びます。"),
        ("Bring 2 kg of rice.", "お米を2キロ持ってきてください。",
         "お米を2ポンド持ってきてください。"),
        ("We walk 5 km to the square.", "広場まで5キロ歩きます。", "広場まで5マイル歩きます。"),
    ],
)  # fmt: skip
def test_a_kilo_in_japanese_is_the_sources_unit_or_refused(source, faithful, damaged):
    assert _answer(source, "ja", faithful) == []
    assert "units" in _answer(source, "ja", damaged)


# ---------------------------------------------------------------------------------------------
# Damage of this round, one by one, with the reason it must be given.


@pytest.mark.parametrize(
    ("name", "language", "damage", "code"),
    [
        ("contact", "he", lambda t: t.replace("4567", "4667"), "phone"),
        ("contact", "tr", lambda t: t.replace("123 4567", "123 45 76"), "phone"),
        ("march", "de", lambda t: t.replace("15:00", "3:00"), "moments"),
        ("march", "ja", lambda t: t.replace("15:00", "3:00"), "moments"),
        ("march", "zh", lambda t: t.replace("6月14日", "6月15日"), "numbers"),
        ("march", "he", lambda t: t.replace("אל תביאו", "הביאו"), "negation"),
        ("march", "tr", lambda t: t.replace("getirmeyin", "getirin"), "negation"),
        ("march", "ar", lambda t: t.replace("لا تحضروا", "أحضروا"), "negation"),
        ("appeal", "es", lambda t: t.replace("que pausen", "que no pausen"), "negation"),
        ("appeal", "tr", lambda t: t.replace("katılın", "katılmayın"), "negation"),
        ("tickets", "ar", lambda t: t.replace("يورو", "دولار"), "currency"),
        ("tickets", "zh", lambda t: t.replace("欧元", "美元"), "currency"),
        ("tickets", "ja", lambda t: t.replace("ユーロ", "ドル"), "currency"),
        ("tickets", "he", lambda t: t.replace("🚌 ", ""), "symbols"),
        ("tickets", "es", lambda t: t.replace("#PauseAI", "#PausaIA"), "symbols"),
        ("bring", "nl", lambda t: "#" + t, "structure"),
        ("bring", "pl", lambda t: t.replace("\n- Transparent", ""), "structure"),
        ("appeal", "de", lambda t: t.split(". ")[0] + ". Join us and make your voice heard.",
         "partly_untranslated"),
        ("appeal", "zh", lambda t: t + "\n\n注：“AI”译为“人工智能”。", "postamble"),
        ("appeal", "he", lambda t: f'"{t}"', "quoted"),
        ("speaker", "tr", lambda t: t.replace("üç", "dört"), "numbers"),
        ("speaker", "he", lambda t: t.replace("פטרובה", "סמירנובה"), "names"),
        ("speaker", "ja", lambda t: t.replace("ユトレヒト", "ロッテルダム"), "cities"),
    ],
)  # fmt: skip
def test_each_damage_is_refused_with_its_reason(name, language, damage, code):
    pair = _pair(name, language)
    assert code in problems(pair, damage(pair.faithful))


@pytest.mark.parametrize(
    ("source", "language", "answer"),
    [
        ("Hello %(name)s, the meeting in %(city)s starts at 19:30.", "nl",
         "Hallo %(name)s, de bijeenkomst in %(stad)s begint om 19:30."),
        ('Read <a href="/en/plan">our plan</a> today.', "fr",
         'Lisez <a href="/fr/plan">notre plan</a> aujourd\'hui.'),
        ("Questions? Email info@pauseai.nl today.", "pl",
         "Masz pytania? Napisz dziś na info@pauseal.nl."),
    ],
)  # fmt: skip
def test_a_protected_part_written_out_changed_is_refused(source, language, answer):
    assert {"missing", "added"} <= set(_answer(source, language, answer))


# ---------------------------------------------------------------------------------------------
# Faithful answers that look like damage.


@pytest.mark.parametrize(
    ("source", "language", "answer"),
    [
        # A count in digits, or said without its number ("both", "a pair").
        (_THREE, "de", "3 Gruppen aus Leiden schließen sich uns an."),
        ("Two groups meet at 2 p.m. in June.", "de",
         "Beide Gruppen treffen sich im Juni um 14 Uhr."),
        ("Two groups meet in June.", "ja", "両グループは6月に集まります。"),
        ("Bring two friends on 12 May.", "fr", "Venez avec deux amis le 12 mai."),
        ("Three cities, 12 buses and 500 people.", "tr", "Üç şehir, 12 otobüs ve 500 kişi."),
        ("Ten days of action across five countries.", "pl",
         "Dziesięć dni akcji w pięciu krajach."),
        # Names transliterated otherwise than letter for letter, declined, or with an r
        # Japanese leaves out.
        ("Geoffrey Hinton and Stuart Russell signed the letter.", "ru",
         "Джеффри Хинтон и Стюарт Рассел подписали письмо."),
        ("Geoffrey Hinton and Stuart Russell signed the letter.", "ja",
         "ジェフリー・ヒントンとスチュアート・ラッセルが書簡に署名しました。"),
        ("Geoffrey Hinton and Stuart Russell signed the letter.", "he",
         "ג׳פרי הינטון וסטיוארט ראסל חתמו על המכתב."),
        ("We thank Maria Petrova for her speech.", "ru",
         "Мы благодарим Марию Петрову за её речь."),
        ("We thank Maria Petrova for her speech.", "el",
         "Ευχαριστούμε τη Μαρία Πετρόβα για την ομιλία της."),
        ("Yoshua Bengio will speak in Montreal.", "ko", "요슈아 벤지오가 몬트리올에서 연설합니다."),
        # A Hungarian adjective of the source's own city, and a word ending in "i" that is none.
        ("We meet at the Leiden station in the evening.", "hu",
         "Esti találkozó a leideni állomáson."),
        # A "not" the source's "avoid", "free", "only", "under" or "unless" asks for.
        ("Avoid glass bottles.", "de", "Bringt keine Glasflaschen mit."),
        ("Entry is free for everyone.", "fr", "L'entrée est sans frais pour tout le monde."),
        ("Only members can vote.", "fr", "Seuls les membres peuvent voter, personne d'autre."),
        ("Children under 12 travel free.", "ar", "الأطفال دون 12 عامًا يسافرون مجانًا."),
        ("Stay on the pavement.", "nl", "Verlaat de stoep niet."),
        ("We walk to the square.", "he", "אנחנו הולכים אל הכיכר."),
        ("We walk to Tel Aviv.", "he", "אנחנו הולכים אל תל אביב."),
        # A label, and the form for 0 of a catalogue's "%(count)d cities".
        ("Cities", "ar", "لا مدن"),
        ("Share the post with a person you know.", "fr",
         "Partagez la publication avec une personne que vous connaissez."),
        # The source's currency, named in words.
        ("Tickets cost €12.50.", "ar", "سعر التذكرة 12.50 يورو."),
        ("Tickets cost $20.", "es", "Las entradas cuestan 20 dólares."),
        ("Tickets cost €12.50.", "zh", "门票12.50欧元。"),
        # A Slovak answer with words Czech writes too, and a Czech one with "ie" in a name.
        ("We meet on Saturday in Bratislava.", "sk", "Stretneme sa v sobotu v Bratislave."),
        ("Pierre and Marie will speak first.", "cs", "Jako první promluví Pierre a Marie."),
        # Turkish words that end like a "not" but say none.
        ("Now we march to the square.", "tr", "Şimdi meydana yürüyoruz."),
    ],
)  # fmt: skip
def test_unusual_faithful_answers_pass(source, language, answer):
    assert _answer(source, language, answer) == []


def test_a_short_first_name_changed_in_persian_is_refused():
    source = "Anna de Vries says this."
    assert _answer(source, "fa", "آنا د فریس این را می‌گوید.") == []
    assert "names" in _answer(source, "fa", "ماریا د فریس این را می‌گوید.")


@pytest.mark.xfail(
    strict=True,
    reason="Chinese writes a foreign name in characters chosen for their sound ('彼得罗娃'), "
    "which are not read as sounds: a surname changed there is not told",
)
def test_a_name_changed_in_chinese_characters_is_not_yet_refused():
    pair = _pair("speaker", "zh")
    assert "names" in problems(pair, pair.faithful.replace("彼得罗娃", "斯米尔诺娃"))


@pytest.mark.xfail(
    strict=True,
    reason="'05/06' in English is 5 June or 6 May: with no other date to show the order, an "
    "answer that writes '06/05' may have read it either way",
)
@pytest.mark.parametrize("language", ["fr", "nl", "es"])
def test_an_ambiguous_numeric_date_turned_around_is_not_yet_refused(language):
    assert "moments" in _answer("The meeting is on 05/06.", language, "… 06/05.")


# ---------------------------------------------------------------------------------------------
# Any answer, damaged or not.


_ANSWER_TEXT = st.lists(
    st.sampled_from(
        list("aаeоpр1,.:;!?-*_#>|`\n()[]«»“”„%€$") + ["⟦1⟧", "⟦2⟧", "⟦3⟧", "drie", "vier", "три",
         "триста", "zweihundert", "dreihundert", "三つ", "四座", "二百", "ثلاث", "שלוש", "üç",
         "Petrova", "Петрова", "ペトロワ", "スミルノワ", "بيتروفا", "סמירנובה", "ไลเดน", "আনা",
         "안나", "budapesti", "rotterdami", "jsme", "sme", "cieľ", "キロ", "キロメートル", "ポンド",
         "5 lbs", "5 kg", "5キロ", "12,50 €", "12.50 دولار", "美元", "ドル", "niet", "nicht",
         "getirmeyin", "gelmedi", "לא", "אל", "لا", "دون", "personne", "15:00", "3:00", "05/06",
         "\n\n", "## ", "- ", "Note:", "%(stad)s", '<a href="/nl/plan">']
    )
    | st.text(max_size=8),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    answer=_ANSWER_TEXT,
    language=st.sampled_from([*LANGUAGES, "hu", "sk", "cs", "ru", "ko", "bn", "", "xx"]),
    source_language=st.sampled_from(["en", "de", "sk", ""]),
)
def test_no_answer_crashes_the_checks(pair, answer, language, source_language):
    assert_checks_hold(pair.source, answer, language, source_language)


@pytest.mark.parametrize(
    ("answer", "language"),
    [
        ("Петрова Смирнова " * 10_000, "ru"),
        ("マリア・スミルノワ、" * 10_000, "ja"),
        ("drie vier vijf honderd " * 10_000, "nl"),
        ("三座四座五座" * 10_000, "zh"),
        ("budapesti rotterdami " * 10_000, "hu"),
        ("5キロ 3ポンド " * 10_000, "ja"),
        ("12.50 دولار " * 10_000, "ar"),
        ("getirmeyin niet " * 10_000, "tr"),
        ("jsme sme " * 10_000, "sk"),
    ],
    ids=["cyrillic names", "katakana names", "number words", "han counts", "adjectives",
         "kilos", "currencies", "negations", "czech and slovak"],
)  # fmt: skip
def test_large_answers_are_checked_in_linear_time(answer, language):
    pair = _pair("speaker", "he")
    assert_checked_in_linear_time(answer, language, pair.protected)
