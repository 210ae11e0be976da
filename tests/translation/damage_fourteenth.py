"""A fourteenth round of ways a model damages its answers, drawn at random for property tests,
over a short walk page in Serbian (Latin script), Nynorsk, Brazilian Portuguese, Traditional
Chinese, Spanish, Czech, Russian, Indonesian and Dutch: the page in the close neighbour of the
language asked for (Bokmål, European Portuguese, Simplified Chinese, Catalan, Slovak,
Ukrainian, Malay, Afrikaans, Serbian in Cyrillic), transliterated into the other script
rather than translated, a translator's note in brackets or a footnote the model added, the
answer in a JSON object or a code fence of another language, "Sure! Here is the translation:"
in the target language before or after it, the prompt's instructions repeated, the answer
stopped in the middle of a sentence, and accented letters written as HTML entities.

`PAIRS` (`damage_fourteenth_pairs.py`) are faithful translations of one page; each damage
returns the damaged answer with ⟦n⟧ tokens, or None where it cannot happen to that pair.
`REASONS` names the problems each damage must be refused with.
"""

import html.entities
import json
import re

from hypothesis import strategies as st

from .damage import Damage, Pair, _Drawer
from .damage_fourteenth_pairs import LANGUAGES, NEIGHBOURS, PAIRS

__all__ = ["HARMFUL", "LANGUAGES", "PAIRS", "REASONS", "in_cyrillic", "in_neighbour"]

# "Sure! Here is the translation:" and "That was the translation.", in the page's language.
LEADS = {
    "sr-Latn": ("Naravno! Evo prevoda:", "Evo prevoda na srpski."),
    "nn": ("Sjølvsagt! Her er omsetjinga:", "Her er omsetjinga til nynorsk."),
    "pt-BR": ("Claro! Aqui está a tradução:", "Aqui está a tradução para o português."),
    "zh-Hant": ("當然！以下是翻譯：", "以上是繁體中文翻譯。"),
    "es": ("¡Claro! Aquí tienes la traducción:", "Aquí tienes la traducción al español."),
    "cs": ("Jistě! Tady je překlad:", "Tady je překlad do češtiny."),
    "ru": ("Конечно! Вот перевод:", "Вот перевод на русский язык."),
    "id": ("Tentu! Berikut terjemahannya:", "Itulah terjemahannya dalam bahasa Indonesia."),
    "nl": ("Natuurlijk! Hier is de vertaling:", "Dit is de vertaling in het Nederlands."),
}
# A translator's note on a word of the page, in the page's language.
NOTES = {
    "sr-Latn": "Napomena: reč „trotoar“ se koristi u Srbiji, u Hrvatskoj se kaže „pločnik“.",
    "nn": "Merknad: «fortau» er det vanlege ordet for dette i Noreg.",
    "pt-BR": "Nota: “faixas” aqui são os cartazes de pano que levamos.",
    "zh-Hant": "註：「志工」是台灣常用的說法，香港多說「義工」。",
    "es": "Nota: «acera» es la palabra habitual en España para este lugar.",
    "cs": "Poznámka: slovo „transparenty“ zde znamená nápisy na látce.",
    "ru": "Примечание: слово «шествие» здесь означает мирную прогулку.",
    "id": "Catatan: spanduk adalah kain panjang yang bertuliskan pesan kami.",
    "nl": "Noot: ‘spandoek’ is het gewone woord hiervoor in Nederland.",
}
ENGLISH_NOTES = (
    "Note: I translated “banners” as the cloth signs carried on a march.",
    "Translator's note: the time is kept in the 24-hour format of the original.",
)
# The prompt's instructions, as a model that repeats them writes them before its answer.
INSTRUCTIONS = (
    "Translate the following Markdown text from English to {language}. Reply with the "
    "translation only and copy each ⟦n⟧ token exactly once.",
    "You translate one block of a Markdown web page from English to {language}. Reply with "
    "the translation only: no introduction, no notes, no quotes, no code fences.",
)
_FENCES = ("```markdown", "```json", "```text", "```html", "~~~md")
# Serbian's Latin letters, two-letter ones first, and their Cyrillic.
_CYRILLIC = (
    ("dž", "џ"), ("lj", "љ"), ("nj", "њ"), ("Dž", "Џ"), ("Lj", "Љ"), ("Nj", "Њ"),
    *zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж", strict=True),
    *zip("ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ", "АБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ", strict=True),
)  # fmt: skip
# Russian in Latin letters, as a model transliterating rather than translating writes it.
_LATIN = dict(
    zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" "),
        strict=True)
)  # fmt: skip
_PLACEHOLDER_OR_WORD = re.compile(r"⟦\d+⟧|\{#\w+\}|\w+")
_SENTENCE_END = re.compile(r"[.?!。？！]")


def _choice(data: _Drawer, options, label: str):
    return data.draw(st.sampled_from(list(options)), label=label)


def _with_tokens(pair: Pair, translation: str) -> str:
    return Pair(pair.name, pair.source, pair.language, translation).faithful


def in_cyrillic(text: str) -> str:
    """Serbian Latin text letter by letter in Cyrillic, placeholders and anchors kept."""

    def transliterated(match: re.Match) -> str:
        word = match.group()
        if word.startswith(("⟦", "{#")):
            return word
        for latin, cyrillic in _CYRILLIC:
            word = word.replace(latin, cyrillic)
        return word

    return _PLACEHOLDER_OR_WORD.sub(transliterated, text)


def in_latin_letters(text: str) -> str:
    """Russian text letter by letter in Latin letters."""
    return "".join(
        (_LATIN[ch.lower()].capitalize() if ch.isupper() else _LATIN[ch])
        if ch.lower() in _LATIN
        else ch
        for ch in text
    )


def in_neighbour(pair: Pair) -> str | None:
    """The page as the close neighbour of the pair's language writes it, with tokens."""
    if pair.language == "sr-Latn":
        return in_cyrillic(pair.faithful)
    if pair.language not in NEIGHBOURS:
        return None
    return _with_tokens(pair, NEIGHBOURS[pair.language][1])


def neighbouring_language(pair: Pair, data: _Drawer) -> str | None:
    """The whole page in the neighbour, or its paragraphs only (headings and list items kept
    in the language asked for, as a model that drifted writes them)."""
    answer = in_neighbour(pair)
    if answer is None or pair.language == "pt-BR":
        return None  # European Portuguese is no damage to a Brazilian page: see the tests
    if _choice(data, ["whole", "paragraphs"], "how") == "whole":
        return answer
    own, theirs = pair.faithful.split("\n\n"), answer.split("\n\n")
    return "\n\n".join(
        b if a.startswith(("#", "-")) else a for a, b in zip(theirs, own, strict=True)
    )


def transliterated(pair: Pair, data: _Drawer) -> str | None:
    """The page written in the other script: Serbian in Cyrillic, Russian in Latin letters,
    as a transliteration, not a translation, gives it."""
    if pair.language == "sr-Latn":
        return in_cyrillic(pair.faithful)
    if pair.language == "ru":
        return in_latin_letters(pair.faithful)
    return None


def note_added(pair: Pair, data: _Drawer) -> str | None:
    """A translator's note in square brackets, in the page's language or in English, after
    the first paragraph, the list or the page."""
    note = _choice(data, [NOTES[pair.language], *ENGLISH_NOTES], "note")
    blocks = pair.faithful.split("\n\n")
    after = _choice(data, [1, 2, len(blocks) - 1], "after")  # a paragraph, the list, the last
    if _choice(data, [False, True], "inline") and not blocks[after].startswith("-"):
        blocks[after] += f" [{note}]"
    else:
        blocks.insert(after + 1, f"[{note}]")
    return "\n\n".join(blocks)


def footnote_added(pair: Pair, data: _Drawer) -> str | None:
    """A footnote mark after the first paragraph's last word and the note at the page's end."""
    note = _choice(data, [NOTES[pair.language], *ENGLISH_NOTES], "note")
    blocks = pair.faithful.split("\n\n")
    mark = _choice(data, ["[^1]", "[^note]", "*", "¹"], "mark")
    blocks[1] = blocks[1] + mark
    ending = f"[^{mark[2:-1]}]: {note}" if mark.startswith("[^") else f"{mark} {note}"
    return "\n\n".join(blocks) + "\n\n" + ending


def json_wrapped(pair: Pair, data: _Drawer) -> str | None:
    key = _choice(data, ["translation", "text", "translated_text", pair.language], "key")
    indent = _choice(data, [None, 2], "indent")
    return json.dumps({key: pair.faithful}, ensure_ascii=_choice(data, [False, True], "ascii"),
                      indent=indent)  # fmt: skip


def fenced(pair: Pair, data: _Drawer) -> str | None:
    """The answer in a code fence that names another language than Markdown's text."""
    opening = _choice(data, _FENCES, "fence")
    closing = opening[:3]
    return f"{opening}\n{pair.faithful}\n{closing}"


def announced(pair: Pair, data: _Drawer) -> str | None:
    """ "Sure! Here is the translation:" before the page, or its closing line after it."""
    lead, closing = LEADS[pair.language]
    joiner = _choice(data, ["\n\n", "\n"], "joiner")
    if _choice(data, ["before", "after"], "where") == "before":
        return lead + joiner + pair.faithful
    return pair.faithful + "\n\n" + closing


def instructions_repeated(pair: Pair, data: _Drawer) -> str | None:
    instructions = _choice(data, INSTRUCTIONS, "instructions").format(language=pair.language)
    return instructions + _choice(data, ["\n\n", "\n\nText:\n\n"], "joiner") + pair.faithful


def stopped_mid_sentence(pair: Pair, data: _Drawer) -> str | None:
    """The answer cut after a word in the middle of its last sentence (the provider said it
    finished: a stream that broke off)."""
    text = pair.faithful
    start = [m.end() for m in _SENTENCE_END.finditer(text)][-2]
    spaces = [m.start() for m in re.finditer(r"[ ，、]", text[start:].strip())]
    last = text[start:].strip()
    if len(spaces) < 2:
        cut = len(last) // 2  # Chinese runs on without spaces
    else:
        cut = _choice(data, spaces[: len(spaces) // 2 + 1][1:] or spaces[:1], "cut")
    return text[:start].rstrip() + " " + last[:cut].rstrip()


def entities_for_accents(pair: Pair, data: _Drawer) -> str | None:
    """Every accented letter of the page, or of its first paragraph, as an HTML entity
    (named or numbered)."""
    named = _choice(data, [True, False], "named")

    def entity(ch: str) -> str:
        name = html.entities.codepoint2name.get(ord(ch))
        return f"&{name};" if named and name else f"&#{ord(ch)};"

    whole = _choice(data, [True, False], "whole")
    blocks = pair.faithful.split("\n\n")
    chosen = range(len(blocks)) if whole else [1]
    for index in chosen:
        blocks[index] = "".join(
            entity(ch) if ord(ch) > 127 and ch.isalpha() and ch not in "⟦⟧" else ch
            for ch in blocks[index]
        )
    answer = "\n\n".join(blocks)
    return None if answer == pair.faithful else answer


HARMFUL: dict[str, Damage] = {
    "neighbouring language": neighbouring_language,
    "transliterated": transliterated,
    "note added": note_added,
    "footnote added": footnote_added,
    "wrapped in JSON": json_wrapped,
    "fenced": fenced,
    "announced": announced,
    "instructions repeated": instructions_repeated,
    "stopped mid-sentence": stopped_mid_sentence,
    "entities for accents": entities_for_accents,
}
# The reason each damage must be refused with (any one of them): the one a person reading the
# admin recognizes as this damage.
REASONS = {
    "neighbouring language": {
        "wrong_language",
        "mixed_language",
        "chinese_script",
        "serbian_script",
    },
    "transliterated": {"wrong_language", "serbian_script"},
    "note added": {"aside", "postamble"},
    "footnote added": {"postamble"},
    "wrapped in JSON": {"json"},
    "fenced": {"fence"},
    "announced": {"preamble", "postamble"},
    "instructions repeated": {"preamble"},
    "stopped mid-sentence": {"cut_off", "short"},
    "entities for accents": {"entities"},
}
