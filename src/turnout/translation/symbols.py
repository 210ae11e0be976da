"""What a translation copies as it is, beside the placeholders: emoji, hashtags and @handles
(a post's "#aisafety 📸 @PauseAI" is the same in every language), the currency of an amount
(a model "helps" by converting €250 into dollars), web addresses written without "https://"
("pauseai.info/join", which a model may "translate" into a page that does not exist), and
what must not leak in from how the answer was transported: escape sequences of JSON or code
(`\\n`, `\\"`, `\\u00e9`) written out.
"""

import re
import unicodedata
from collections import Counter

from django.utils.translation import gettext as _

from .placeholders import PLACEHOLDER, UNSPACED_LETTERS
from .problems import Problem

# A hashtag opens with a letter ("# Heading" is Markdown, "#1" a rank); anchors are tokens.
# A hashtag may follow or precede a word of a script written without spaces ("带上#PauseAI。").
_UNSPACED = UNSPACED_LETTERS
_HASHTAG = re.compile(
    rf"(?<!(?!{_UNSPACED})[\w&#/])#(?:{_UNSPACED}+|(?!{_UNSPACED})[^\W\d_](?:(?!{_UNSPACED})\w)*)"
)
# A domain in lowercase ("St.Gallen" is a town) with its path, from a word's start; ASCII
# only, as Chinese and Japanese write on without a space ("pauseai.info/faqをご覧ください").
_ADDRESS = re.compile(
    r"(?<![\w@./-])(?:[a-z0-9-]+\.)+[a-z]{2,}(?![\w-])(?:/[\w\-./%~+=&?#]*[\w/])?", re.ASCII
)
# An account on a social network: "@PauseAI_NL", "@pauseai.bsky.social"; an address's "@" is
# inside a placeholder or after a word.
_HANDLE = re.compile(r"(?<![\w@.+-])@[A-Za-z0-9_](?:[\w.-]*[A-Za-z0-9_])?", re.ASCII)
_ESCAPE = re.compile(r"\\(?:[nrt\"]|u[0-9a-fA-F]{4})")
# Pictographs and their neighbours; variation selectors, joiners and skin tones are left out,
# as a model may drop or add them without changing the picture.
_EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0x2300, 0x23FF),
)
_MODIFIERS = frozenset(range(0x1F3FB, 0x1F400))
# Currencies named in words, by their sign: what a model writes for "€12.50", or, converting,
# for another currency. Words that name other things too ("pound", "元") are left out.
_CURRENCY_WORDS = {
    "€": "euro euros eur евро ユーロ 欧元 歐元 يورو אירו יורו 유로 ευρώ avro",
    "$": "dollar dollars dólar dólares dolar dolary dolarów dollaro dollari доллар долларов "
    "доллара ドル 美元 美金 دولار דולר דולרים 달러 δολάρια δολάριο",
    "¥": "yen 円 日元 엔",
    "zł": "zł złotych złote złoty zloty zlotys pln",
}
_CURRENCY_SIGN = {
    word.casefold(): sign for sign, listed in _CURRENCY_WORDS.items() for word in listed.split()
}
# A currency's word right after a number.
_CURRENCY_WORD = re.compile(
    r"(?<=\d)[\s\u00a0]?("
    + "|".join(sorted(map(re.escape, _CURRENCY_SIGN), key=len, reverse=True))
    # Chinese and Japanese write on without a space ("12.50美元で"); others end the word.
    + r")(?!(?![\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])[^\W\d_])",
    re.IGNORECASE,
)


def emoji(text: str) -> Counter[str]:
    return Counter(
        ch
        for ch in unicodedata.normalize("NFC", text)
        if any(low <= ord(ch) <= high for low, high in _EMOJI_RANGES) and ord(ch) not in _MODIFIERS
    )


def hashtags(text: str) -> Counter[str]:
    return Counter(tag.casefold() for tag in _HASHTAG.findall(PLACEHOLDER.sub(" ", text)))


def handles(text: str) -> Counter[str]:
    return Counter(handle.casefold() for handle in _HANDLE.findall(PLACEHOLDER.sub(" ", text)))


def lost_symbols(source: str, translated: str) -> list[str]:
    """Emoji, hashtags and handles of `source` that `translated` lacks (or has fewer of)."""
    lost = (emoji(source) - emoji(translated)) + (hashtags(source) - hashtags(translated))
    return sorted(lost + (handles(source) - handles(translated)))


def other_currencies(source: str, translated: str) -> list[str]:
    """Currency signs of `translated` that `source`, which has one, lacks: the amount was
    converted. An answer may write the source's sign as a word ("€" as "euro", "ユーロ")."""
    signs = _currency_signs(source)
    return sorted(_currency_signs(translated) - signs) if signs else []


def _currency_signs(text: str) -> set[str]:
    """The currency signs of `text`, and the signs of currencies it names in words after a
    number ("12,50 يورو", "12.50美元", "$5" as "5 dólares")."""
    plain = PLACEHOLDER.sub(" ", text)
    signs = {ch for ch in plain if unicodedata.category(ch) == "Sc"}
    return signs | {_CURRENCY_SIGN[m.group(1).casefold()] for m in _CURRENCY_WORD.finditer(plain)}


def lost_addresses(source: str, translated: str) -> list[str]:
    """Web addresses of `source` written without a scheme that `translated` lacks, or has
    with another path."""
    found = Counter(_ADDRESS.findall(PLACEHOLDER.sub(" ", translated)))
    return sorted(Counter(_ADDRESS.findall(PLACEHOLDER.sub(" ", source))) - found)


def leaked_escapes(source: str, translated: str) -> list[str]:
    """Escape sequences (`\\n`, `\\"`) the answer has more of than the source."""
    added = Counter(_ESCAPE.findall(translated)) - Counter(_ESCAPE.findall(source))
    return sorted(added)


def symbol_problems(source: str, translated: str) -> list[Problem]:
    problems = []
    if lost := lost_symbols(source, translated):
        shown = " ".join(lost)
        problems.append(
            Problem(
                "symbols",
                _("Emoji, hashtags or @handles of the source are missing or changed: %(found)s.")
                % {"found": shown},
                f"Your answer lacks {shown}. Keep every emoji, hashtag and @handle of the text "
                f"as it is, where it belongs.",
            )
        )
    if currencies := other_currencies(source, translated):
        shown = " ".join(currencies)
        problems.append(
            Problem(
                "currency",
                _("The answer gives amounts in another currency (%(found)s) than the source.")
                % {"found": shown},
                f"Your answer gives amounts in another currency ({shown}) than the text. Keep "
                f"every amount in the text's currency: never convert it.",
            )
        )
    if addresses := lost_addresses(source, translated):
        shown = " ".join(addresses)
        problems.append(
            Problem(
                "addresses",
                _("Web addresses of the source are missing or changed: %(found)s.")
                % {"found": shown},
                f"Your answer lacks or changed the address(es) {shown}. Copy every web "
                f"address of the text exactly as it is: never translate a link's path.",
            )
        )
    if escaped := leaked_escapes(source, translated):
        shown = " ".join(escaped)
        problems.append(
            Problem(
                "escapes",
                _("The answer contains escape sequences the source does not have: %(found)s.")
                % {"found": shown},
                f"Your answer contains escape sequences ({shown}). Write real line breaks and "
                f"characters, never escaped.",
            )
        )
    return problems
