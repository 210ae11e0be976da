"""Counts written in words: "three cities" answered "vier steden" keeps every digit (there is
none), so `figures` sees nothing; only reading the words says the count changed.

Each language's words for two to twelve, the tens to fifty and a hundred, two hundred and
three hundred, a thousand and two thousand are read, the way the language joins them
("two hundred", "zweihundert", "doscientos", "二百"). "One" is left out: it is also the
article ("een", "ein", "un"). A count is said to have changed only where the source writes
one in words that the answer has neither in words nor in digits, and the answer writes one
in words or digits that the source has in neither: a count the answer writes in digits
("drei" as "3") is kept.
"""

import re

from django.utils.translation import gettext as _

from .figures import numbers
from .languages import base, words
from .placeholders import PLACEHOLDER
from .problems import Problem

# Each language's words, two first; "|" separates the forms of one number (genders, cases).
_WORDS = {
    "en": "two three four five six seven eight nine ten eleven twelve",
    "nl": "twee drie vier vijf zes zeven acht negen tien elf twaalf",
    "de": "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "fr": "deux trois quatre cinq six sept huit neuf dix onze douze",
    "es": "dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "it": "due tre quattro cinque sei sette otto nove dieci undici dodici",
    "pt": "dois|duas três quatro cinco seis sete oito nove dez onze doze",
    "pl": "dwa|dwie|dwóch|dwoje trzy|trzech|troje cztery|czterech pięć|pięciu sześć|sześciu "
    "siedem|siedmiu osiem|ośmiu dziewięć|dziewięciu dziesięć|dziesięciu jedenaście dwanaście",
    "cs": "dva|dvě tři čtyři pět šest sedm osm devět deset jedenáct dvanáct",
    "sk": "dva|dve tri štyri päť šesť sedem osem deväť desať jedenásť dvanásť",
    "sv": "två tre fyra fem sex sju åtta nio tio elva tolv",
    "da": "to tre fire fem seks syv otte ni ti elleve tolv",
    "tr": "iki üç dört beş altı yedi sekiz dokuz on",
    "ru": "два|две|двух|двум|двумя три|трёх|трех|трем|тремя четыре|четырёх|четырех "
    "пять|пяти шесть|шести семь|семи восемь|восьми девять|девяти десять|десяти "
    "одиннадцать двенадцать",
    "uk": "два|дві|двох три|трьох чотири|чотирьох п'ять|п’ять|п'яти шість|шести сім|семи "
    "вісім|восьми дев'ять|дев’ять десять|десяти одинадцять дванадцять",
    "bg": "два|две три четири пет шест седем осем девет десет единадесет дванадесет",
    "sr": "два|две три четири пет шест седам осам девет десет једанаест дванаест",
    "hr": "dva|dvije tri četiri pet šest sedam osam devet deset jedanaest dvanaest",
    "el": "δύο τρία|τρεις τέσσερα|τέσσερις πέντε έξι επτά|εφτά οκτώ|οχτώ εννέα|εννιά δέκα "
    "έντεκα δώδεκα",
    "ar": "اثنان|اثنين|اثنتان|اثنتين ثلاث|ثلاثة أربع|أربعة خمس|خمسة ست|ستة سبع|سبعة "
    "ثماني|ثمانية|ثمان تسع|تسعة عشر|عشرة",
    "he": "שניים|שתיים|שני|שתי שלוש|שלושה|שלושת ארבע|ארבעה|ארבעת חמש|חמישה|חמשת שש|שישה|ששת "
    "שבע|שבעה|שבעת שמונה|שמונת תשע|תשעה|תשעת עשר|עשרה|עשרת",
}
# Tens, hundreds and thousands, written alone ("fifty", "hundert", "mil").
_BIG = {
    "en": {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000},
    "nl": {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "honderd": 100,
           "duizend": 1000},
    "de": {"zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
           "tausend": 1000},
    "fr": {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100,
           "cents": 100, "mille": 1000},
    "es": {"veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "cien": 100,
           "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
           "mil": 1000},
    "it": {"venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "cento": 100,
           "duecento": 200, "trecento": 300, "mille": 1000, "duemila": 2000},
    "pt": {"vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "cem": 100,
           "duzentos": 200, "duzentas": 200, "trezentos": 300, "trezentas": 300, "mil": 1000},
    "pl": {"dwadzieścia": 20, "trzydzieści": 30, "czterdzieści": 40, "pięćdziesiąt": 50,
           "sto": 100, "dwieście": 200, "trzysta": 300, "tysiąc": 1000, "tysiące": 1000},
    "tr": {"yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "yüz": 100, "bin": 1000},
    "ru": {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "сто": 100,
           "двести": 200, "триста": 300, "тысяча": 1000, "тысячи": 1000},
    "uk": {"двадцять": 20, "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "сто": 100,
           "двісті": 200, "триста": 300, "тисяча": 1000, "тисячі": 1000},
    "bg": {"двадесет": 20, "тридесет": 30, "четиридесет": 40, "петдесет": 50, "сто": 100,
           "двеста": 200, "триста": 300, "хиляда": 1000, "хиляди": 1000},
    "sr": {"двадесет": 20, "тридесет": 30, "педесет": 50, "сто": 100, "двеста": 200,
           "триста": 300, "хиљаду": 1000, "хиљаде": 1000},
    "hr": {"dvadeset": 20, "trideset": 30, "pedeset": 50, "sto": 100, "dvjesto": 200,
           "tristo": 300, "tisuću": 1000, "tisuće": 1000},
    "el": {"είκοσι": 20, "τριάντα": 30, "σαράντα": 40, "πενήντα": 50, "εκατό": 100,
           "διακόσια": 200, "διακόσιοι": 200, "τριακόσια": 300, "τριακόσιοι": 300,
           "χίλια": 1000, "χίλιοι": 1000},
    "ar": {"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "خمسون": 50, "خمسين": 50,
           "مئة": 100, "مائة": 100, "مئتان": 200, "مئتي": 200, "مئتين": 200,
           "ثلاثمئة": 300, "ألف": 1000, "ألفان": 2000, "ألفين": 2000},
    "he": {"עשרים": 20, "שלושים": 30, "ארבעים": 40, "חמישים": 50, "מאה": 100, "מאתיים": 200,
           "אלף": 1000, "אלפיים": 2000},
}  # fmt: skip
# Languages that join a count and "hundred" or "thousand" into one word ("dreihundert").
_JOINED = {"nl": ("honderd", "duizend"), "de": ("hundert", "tausend"), "it": ("cento", "mila"),
           "sv": ("hundra", "tusen"), "da": ("hundrede", "tusind")}  # fmt: skip
# Chinese and Japanese: a count in Han numerals before a counter ("三座城市", "三つの都市").
_HAN_DIGITS = {"二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
               "九": 9, "十": 10, "百": 100, "千": 1000}  # fmt: skip
_HAN_COUNT = re.compile(
    r"(?<![一二两兩三四五六七八九十百千万萬])([二两兩三四五六七八九十百千]+)"
    r"(?=[つ人名个個座位所家件本台回日天年週周次项項条條])"
)
_CALENDAR_NUMBER = re.compile(r"(?<!\d)\d+\s?[年月日년월일]")
_LONGEST = 6  # digits: a count, not a phone number
_VALUES = {
    language: {
        form: value
        for value, forms in enumerate(listed.split(), start=2)
        for form in forms.split("|")
    }
    | _BIG.get(language, {})
    for language, listed in _WORDS.items()
}


def counts_in_words(text: str, language: str) -> set[int]:
    """The counts (2 and up) that `text` writes in words of `language`."""
    language = base(language)
    plain = PLACEHOLDER.sub(" ", text)
    if language in ("zh", "ja"):
        return {_han_value(run) for run in _HAN_COUNT.findall(plain)}
    values = _VALUES.get(language)
    if not values:
        return set()
    found: set[int] = set()
    pending = 0  # "two" before "hundred"
    tens = 0  # "on" (ten) before "iki" (two): Turkish "on iki" is twelve, "yirmi üç" 23
    for word in words(plain):
        value = values.get(word) or _joined_value(word, language, values)
        if value in (100, 1000) and pending:
            found.discard(pending)
            value *= pending
        elif value and value < 10 and tens:
            found.discard(tens)
            value += tens
        if value:
            found.add(value)
        pending = value if value and value < 10 else 0
        tens = value if value and value < 100 and value % 10 == 0 else 0
    return found


def changed_counts(
    source: str, translated: str, *, source_language: str, language: str
) -> tuple[list[int], list[int]]:
    """(counts the source writes in words that the answer lacks, counts the answer has in
    their place), both empty unless both are there."""
    written = counts_in_words(source, source_language)
    if not written:
        return [], []
    source_digits = _digits(source)
    # An hour on the other clock ("2 p.m." as "14 Uhr") or a month's number ("6月") is no count.
    source_digits |= {n + 12 for n in source_digits} | {n - 12 for n in source_digits}
    answer_digits = _digits(_CALENDAR_NUMBER.sub(" ", PLACEHOLDER.sub(" ", translated)))
    answered = counts_in_words(translated, language)
    lost = written - answered - answer_digits
    added = (answered | answer_digits) - written - source_digits
    if lost and added:
        return sorted(lost), sorted(added)
    return [], []


def count_problems(
    source: str, translated: str, *, source_language: str, language: str
) -> list[Problem]:
    lost, added = changed_counts(
        source, translated, source_language=source_language, language=language
    )
    if not lost:
        return []
    said = ", ".join(str(n) for n in lost)
    found = ", ".join(str(n) for n in added)
    return [
        Problem(
            "numbers",
            _(
                "A count the source writes in words (%(counts)s) is another count in the "
                "translation (%(found)s)."
            )
            % {"counts": said, "found": found},
            f"Your answer changed a count the text writes in words ({said}) into another "
            f"({found}). Keep every count of the text.",
        )
    ]


def _digits(text: str) -> set[int]:
    return {int(n) for n in numbers(text) if len(n) <= _LONGEST}


def _joined_value(word: str, language: str, values: dict[str, int]) -> int:
    """ "dreihundert" is 300, "tweeduizend" 2000: a count joined to a hundred or thousand."""
    for big, multiple in zip(_JOINED.get(language, ()), (100, 1000), strict=False):
        head, _found, tail = word.partition(big)
        if _found and not tail and head in values and values[head] < 10:
            return values[head] * multiple
    return 0


def _han_value(run: str) -> int:
    """ "三" is 3, "十二" 12, "二百" 200, "三千" 3000."""
    total, current = 0, 0
    for ch in run:
        value = _HAN_DIGITS[ch]
        if value >= 10:
            total += (current or 1) * value
            current = 0
        else:
            current = value
    return total + current
