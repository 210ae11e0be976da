"""What models write around a translation: a preamble ("Here is the translation:", "Voici la
traduction :"), a closing remark ("Let me know if...", "Hinweis: ...") or a translator's note
("N.d.T. : ...", "訳注：..."), a code fence or an indent that makes the answer code.

Recognized by shape first (a paragraph or line more than the source has, a first line ending
in a colon that the source's does not), then by the words models use for it in the languages
they answer in, always compared with the source: a page that itself says "translation" or
starts with "Here is" is not chatter.
"""

import re
from dataclasses import dataclass

from .figures import added_numbers, changed_numbers, numbers
from .placeholders import protect
from .proportions import sentences, text_blocks

# A translator's note: "N.d.T.", "N. del T.", "Anm. d. Übers.", "Przyp. tłum.", "訳注".
_NOTE_MARKS = (
    r"\bN\.\s?d(?:el|o|a|\.)?\s?T\.|\bAnm\.\s?d\.\s?Ü|\bprzyp\.\s?tłum|прим\.\s?пер|"
    r"σ\.\s?τ\.\s?μ\.|訳注|译注|译者|譯者|譯註|ملاحظة المترجم|הערת המתרגם"
)
# "Translation" and "translated" in the languages models answer in, and words about the
# request itself (placeholders, markdown) that a page rarely says.
_META_WORDS = re.compile(
    r"translat|vertal|übersetz|tradu[cizçï]|översätt|översatt|oversæt|overs[ae]tt|käänn|"
    r"tłumacz|překlad|přelož|preklad|fordít|μετάφρ|перевод|翻译|翻譯|翻訳|번역|çeviri|terjemah|"
    r"placeholder|platzhalter|segnaposto|markdown|訳文|译文|日本語訳|中文译|한국어 번역|"
    r"ترجم|מתרגם|תרגום|תורגמ|переклад|bản dịch|tafsiri|অনুবাদ|คำแปล|การแปล|" + _NOTE_MARKS,
    re.IGNORECASE,
)
# How a translator's note opens, however many full stops it has ("Anm. d. Übers.: ...").
_NOTE_OPENING = re.compile(r"(?:" + _NOTE_MARKS + r"|translator['’]s note)", re.IGNORECASE)
# Language names: "Here's the Dutch version:", "Nederlandse versie:", "En français :".
_LANGUAGE_NAMES = re.compile(
    r"\b(?:english|engels|englisch|anglais|ingl[eé]s|dutch|nederlands\w*|niederländisch\w*|"
    r"néerlandais|neerland[eé]s|german|duitse?|deutsch(?:e[mnrs]?)?|allemand|alem[aá]n|french|"
    r"franse?|französisch\w*|français\w*|franc[eé]s|spanish|spaanse?|spanisch\w*|espagnol|"
    r"espa[ñn]ol|italian|italiaans\w*|italienisch\w*|italiano|portuguese|portugees\w*|"
    r"portugiesisch\w*|portugais|portugu[eê]s|swedish|zweeds\w*|schwedisch\w*|suédois|sueco|"
    r"svensk\w*|catalan|catalaans\w*|katalanisch\w*|catal[aà])\b",
    re.IGNORECASE,
)
# How a preamble opens, per language: "Here is", "Hieronder", "Hier ist", "Voici", "Aquí
# tienes", "Ecco", "Aqui está", "Här är", ...
_OPENINGS = re.compile(
    r"^(?:here(?:'s|’s| is| are)|below (?:is|are)|the following|"
    r"hier(?:onder)? (?:is|staat|volgt|vind je)|hieronder|dit is de|"
    r"hier (?:ist|sind|kommt|folgt)|nachfolgend|im folgenden|"
    r"voici|voilà|ci-dessous|"
    r"aqu[ií] (?:est[aá]|tienes|tiene|ten[eé]is|teniu|tens|hi ha|va|vai)|a continuaci[oó]n|"
    r"ecco|di seguito|aqui (?:est[aá]|estão|vai)|segue|"
    r"här (?:är|kommer|följer)|nedan)\b",
    re.IGNORECASE,
)
# A word of assent standing alone as the first sentence: "Sure!", "Natuurlijk!", "Bien sûr !".
_ASSENT = re.compile(
    r"^(?:sure|certainly|of course|absolutely|definitely|indeed|okay|ok|"
    r"zeker|natuurlijk|uiteraard|graag|gerne?|natürlich|selbstverständlich|klar|sicher|"
    r"bien sûr|certainement|avec plaisir|"
    r"d'accord|claro|por supuesto|desde luego|és clar|per descomptat|certo|certamente|"
    r"com certeza|självklart|visst|absolut|naravno|svakako|конечно|разумеется|конечно же|"
    r"звісно|jistě|samozřejmě|určite|tentu|tentu saja|baiklah|selvsagt|sjølvsagt|"
    r"selvfølgelig|当然|當然|好的|没问题|沒問題|もちろん|물론(?:입니다|이죠)?)"
    r"(?:[,!.]?\s*(?:here|hier|voici|aqu[ií]|ecco)\b.*)?"
    r"\s*[!.:！。：]?$",
    re.IGNORECASE,
)
# How a closing remark opens: "Let me know", "I hope", "Note:", "Laat het me weten",
# "Ich hoffe", "N'hésitez pas", "Espero que", ...
_CLOSINGS = re.compile(
    r"^[(¡]?\s*(?:let me know|i hope|hope this|feel free|(?:don't|do not) hesitate|"
    r"if you (?:need|have|want|would)|please note|please let|is there anything|"
    r"laat (?:het )?me (?:even )?weten|ik hoop|"
    r"lass(?:en sie)? (?:es )?mich wissen|ich hoffe|"
    r"n'hésite[zr]? pas|j'espère|"
    r"av[ií]same|espero que|fammi sapere|spero che|"
    r"me avise|hör av dig|jag hoppas|надеюсь|дайте знать|mam nadzieję|daj(?:cie)? znać|"
    r"お役に立て|ご不明な点|何かあれば|希望(?:这|對|对)|"
    r"(?:note|notes|notitie|opmerking|let op|hinweis|anmerkung|beachte|remarque|nota|notas|"
    r"obs|anm|uwaga|poznámka|not|примечание|примітка|ملاحظة|تنبيه|הערה|σημείωση|"
    r"glossary|glossar|glossaire|glosario|ghi chú|catatan|kumbuka|tala|pastaba|piezīme|"
    r"توضیح|یادداشت|দ্রষ্টব্য|নোট|टिप्पणी|नोट|หมายเหตุ|"
    # A disclaimer: "Disclaimer:", "Застереження:", "Penafian:", "Kanusho:", "Avís:", ...
    r"disclaimer|haftungsausschluss|avertissement|descargo de responsabilidad|aviso legal|"
    r"zastrzeżenie|застереження|дисклеймер|avertisment|lưu ý|penafian|kanusho|הבהרה|"
    r"הסתייגות|দাবিত্যাগ|avís|vastuuvapauslauseke|huom(?:autus|io)?|"
    r"ข้อจำกัดความรับผิดชอบ|ข้อสงวนสิทธิ์)\s*:|"
    r"(?:注|注意|備考|补充|附注|참고|주의|메모)\s*[:：]|※)",
    re.IGNORECASE,
)
# How a model declines instead of translating: "I'm sorry, but I can't", "Het spijt me",
# "Es tut mir leid", "Je ne peux pas", "Lo siento", "Извините", "As an AI".
_REFUSAL = re.compile(
    r"^\W*(?:i(?:['’]m| am) (?:sorry|unable|not able)|sorry,? (?:but )?i\b|i (?:can(?:no|['’])t|"
    r"can not|won't|will not|am not comfortable)|as an ai|unfortunately,? i\b|"
    r"het spijt me|sorry,? (?:maar )?ik\b|helaas kan ik|ik kan (?:je|u|dit|daar|hier)\w* "
    r"(?:\w+ )?niet|es tut mir leid|leider kann ich|ich kann (?:dir|ihnen|dabei|das|diese)\w* "
    r"(?:\w+ )?nicht|je (?:suis )?désolée?|désolée?,? (?:mais )?je|je ne (?:peux|suis) pas|"
    r"malheureusement,? je|lo siento|no puedo (?:ayudar|traducir)|lamentablemente,? no|"
    r"извините|к сожалению|я не могу|申し訳|抱歉|对不起|"
    # "As a (language) model / an AI" and "sorry, I cannot" in the other languages asked for.
    r"als (?:ai-)?taalmodel|als (?:ki-)?sprachmodell|en tant que (?:modèle|ia\b|intelligence)|"
    r"como (?:un )?(?:modelo|ia\b)|come (?:un )?(?:modello|ia\b)|jako (?:\w+ )?model|"
    r"как (?:\w+ )?модель|як (?:\w+ )?модель|bir (?:yapay zeka|dil modeli)|"
    r"desculp[ae]|não (?:posso|consigo)|mi dispiace|non posso|przepraszam|nie mogę|"
    r"omlouvám se|nemohu|nemůžu|üzgünüm|maalesef|вибачте|на жаль|я не можу|"
    r"عذر[اًا]*|آسف|لا (?:يمكنني|أستطيع)|بصفتي|מצטער|סליחה|אני לא יכול|כמודל|"
    r"مت[اأ]سفم|نمی\u200c?توانم|به عنوان یک مدل|क्षमा करें|माफ़? (?:करें|कीजिए)|"
    r"すみません|죄송|번역할 수 없|我(?:无法|不能)|作为(?:一个)?(?:ai|人工智能|语言模型)|"
    r"ขออภัย|ขอโทษ|ฉันไม่สามารถ|xin lỗi|tôi không thể|maaf|saya tidak (?:dapat|bisa)|"
    r"sebagai (?:model|ai\b)|samahani|siwezi)",
    re.IGNORECASE,
)
# A source that opens with an apology ("Sorry, the march is cancelled") is translated into one.
_APOLOGY = re.compile(
    r"^\W*(?:\w+ )?(?:sorry|unfortunately|sadly|regret|excuse|pardon|apolog|helaas|excuses|"
    r"spijt|leider|entschuldig|tut (?:mir|uns) leid|désolé|malheureusement|lo siento|"
    r"lamentablemente|perd[oó]n|disculp|извин|к сожалению)",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^\s*(?:`{3,}|~{3,})")
_INDENTED_PARAGRAPH = re.compile(r"\n[ \t]*\n(?: {4}|\t)[ \t]*\S")
# The first clause of a line, up to a colon or the end of a sentence.
# Full-width marks end a clause with no space after them ("以下は翻訳です：私たちは…").
_LEAD = re.compile(r"[^:!.?：！？。]{1,100}?(?:\s?[:!.?](?=\s|$)|[：！？。])")
# A remark in brackets closing the answer: "... (Note: the tokens were kept.)"
_FINAL_ASIDE = re.compile(r"[(\[（]([^()\[\]（）]*)[)\]）]\s*$")
_SNIPPET = 80
# After a full stop, or before a capital with none ("- je eigen bord Ik hoop dat ...").
# Thai and Lao end a sentence with a space: one before their letters may end one.
_STOP = re.compile(
    r"[.!?…。！？]+\s*|\s+(?=[¡¿]?[A-ZÀ-ÖØ-ÞА-ЯЁ\u0e01-\u0e2e\u0e40-\u0e44\u0e81-\u0eae"
    r"\u0ec0-\u0ec4\u3040-\u30ff\u4e00-\u9fff])"
)
_LAST_STOPS = 3
_WORDS = re.compile(r"[^\W_]+")
# A label of one to four words before the text of its line: "Alternatively: ...", "Or, more
# formally: ...", "Variant 2: ...", "หรือ: ...".
_LABEL_WORD = r"[^\W\d_][^\s\d:：,]*,?"
_OPENING_LABEL = re.compile(rf"{_LABEL_WORD}(?:\s{_LABEL_WORD}){{0,3}}(?:\s?\d)?[:：]\s")
_FULL_STOP = re.compile(r"[.!?…。！？।؟]")
_LINE_MARKER = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)]|>|#{1,6})(?=[ \t])", re.MULTILINE)


@dataclass(frozen=True)
class Chatter:
    """Text around the translation: where it is and what it says."""

    where: str  # "before" or "after"
    text: str
    # Told only by the answer's shape (its first pieces translate the source's), not by words
    # models use for it: it may as well be a sentence of another text.
    by_shape: bool = False


@dataclass(frozen=True)
class Wrapping:
    """What a translation has around it or more than its source, each empty when nothing."""

    chatter: tuple[Chatter, ...] = ()
    fenced: bool = False
    extra_paragraphs: tuple[int, int] | None = None  # (found, expected)
    extra_lines: tuple[int, int] | None = None
    # The extra paragraph or line holds the source's own sentences: one was split in two.
    split: bool = False
    # Paragraphs after the first indented by four spaces: Markdown shows them as code.
    indented: bool = False


def wrapping(*, source: str, translated: str) -> Wrapping:
    """Chatter, fences and extra paragraphs or lines in `translated` (both with placeholders)."""
    source, translated = source.strip(), translated.strip()
    fenced = _has_fence(translated) and not _has_fence(source)
    indented = _indented_code(translated) > _indented_code(source)
    chatter: list[Chatter] = []
    extra_paragraphs = extra_lines = None
    split = False
    source_paragraphs, paragraphs = _paragraphs(source), _paragraphs(translated)
    source_lines, lines = _lines(source), _lines(translated)
    if fenced:
        lines = [line for line in lines if not _FENCE.match(line)]
        paragraphs = _paragraphs("\n".join(lines))
    if len(paragraphs) > len(source_paragraphs):
        extra_paragraphs = (len(paragraphs), len(source_paragraphs))
        split = _is_split(source_paragraphs, paragraphs, source=source)
        if not split:
            chatter += _extra_at_ends(source_paragraphs, paragraphs, source=source)
    elif len(lines) > len(source_lines):
        extra_lines = (len(lines), len(source_lines))
        split = _is_split(source_lines, lines, source=source)
        if not split:
            chatter += _extra_at_ends(source_lines, lines, source=source)
    # What follows a preamble is where a closing remark is looked for, so that the words of
    # "Sure! Here's the Dutch translation: ..." are not counted twice.
    remainder = "\n".join(lines)
    if any(c.where == "before" for c in chatter):
        remainder = remainder.partition("\n")[2]
    elif lines:
        lead = _chatter_in_first_line(source, lines)
        if lead:
            chatter.append(Chatter("before", _snippet(lead)))
            remainder = remainder[len(lead) :]
    if not any(c.where == "after" for c in chatter):
        chatter += _chatter_in_last_sentence(source, remainder)
    return Wrapping(tuple(chatter), fenced, extra_paragraphs, extra_lines, split, indented)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _has_fence(text: str) -> bool:
    return any(_FENCE.match(line) for line in text.splitlines())


def _indented_code(text: str) -> int:
    """Paragraphs indented by four spaces or a tab, which Markdown shows as code: a model that
    indented its answer (the first paragraph's indent is stripped, the others' stay)."""
    return len(_INDENTED_PARAGRAPH.findall(text))


def _extra_at_ends(expected: list[str], found: list[str], *, source: str) -> list[Chatter]:
    """Which end of `found` holds the pieces the source does not have. An answer given twice
    has no chatter: it is said to repeat itself."""
    if len(set(found)) < len(found):
        return []
    first, last = found[0], found[-1]
    expected_first, expected_last = (expected[0], expected[-1]) if expected else ("", "")
    # The source itself, quoted or not, left before or after its translation.
    source_first = _is_a_source_piece(first, expected)
    before = (
        source_first
        or _looks_like_preamble(first, source)
        or (first.endswith(":") and not expected_first.endswith(":"))
    )
    after = not source_first and (
        _looks_like_closing(last, source) or _is_a_source_piece(last, expected)
    )
    if not (before or after):
        # No telling words: the end whose piece has no counterpart in size is the extra one.
        before = _is_short_aside(first, expected_first)
        after = not before and _is_short_aside(last, expected_last)
        if not (before or after) and _translated_first(expected, found):
            return [Chatter("after", _snippet(last), by_shape=True)]
    result = []
    if before:
        result.append(Chatter("before", _snippet(first)))
    if after:
        result.append(Chatter("after", _snippet(last)))
    return result


def _is_a_source_piece(piece: str, expected: list[str]) -> bool:
    own = _WORDS.findall(piece.casefold())
    return bool(own) and any(own == _WORDS.findall(other.casefold()) for other in expected)


def _is_split(expected: list[str], found: list[str], *, source: str) -> bool:
    """More pieces but the source's sentences, none more, and no words of a preamble or a
    closing remark at either end: a paragraph (or line) cut in two, not text added."""
    if _looks_like_preamble(found[0], source) or _looks_like_closing(found[-1], source):
        return False
    if found[0].endswith(":") and not (expected and expected[0].endswith(":")):
        return False
    # A label on a line of its own ("Alternatively:") opens what follows, no sentence of the
    # source's: a second version, a glossary.
    if any(_is_label(piece) for piece in found) and not any(_is_label(p) for p in expected):
        return False
    return _sentence_total(found) == _sentence_total(expected)


def _is_label(piece: str) -> bool:
    """A line that is a label ("Alternatively:") or opens with one ("Alternatively: Wij ...")."""
    return any(line.endswith((":", "：")) or _OPENING_LABEL.match(line) for line in _lines(piece))


def _sentence_total(pieces: list[str]) -> int:
    return sum(len(sentences(block)) for piece in pieces for block in text_blocks(piece))


def _translated_first(expected: list[str], found: list[str]) -> bool:
    """The answer's first pieces carry the source's pieces' signs one for one (numbers, list
    and quote markers, or their sentences where there are no signs): what follows them
    ("Alternatively: ...", a note, a glossary) was written after the translation."""
    # The source may come with its links and addresses restored: set them aside on both sides.
    expected = [protect(piece).text for piece in expected]
    head = [protect(piece).text for piece in found[: len(expected)]]
    for original, piece in zip(expected, head, strict=True):
        if _signs(piece) != _signs(original):
            return False
        if changed_numbers(original, piece) or added_numbers(original, piece):
            return False
    if any(_signs(original) != _signs("") for original in expected):
        return True
    # Thai and Lao end sentences with a space: a piece without a full stop is not counted.
    return all(
        _sentence_total([piece]) == _sentence_total([original]) or not _FULL_STOP.search(piece)
        for original, piece in zip(expected, head, strict=True)
    )


def _signs(piece: str) -> tuple:
    """What a translation keeps of a piece whatever its language."""
    markers = sorted(m.group(0).strip() for m in _LINE_MARKER.finditer(piece))
    return bool(numbers(piece)), markers


def _is_short_aside(piece: str, counterpart: str) -> bool:
    return "⟦" not in piece and len(piece) < max(30, len(counterpart) // 3)


def _chatter_in_first_line(source: str, lines: list[str]) -> str:
    """The opening of "Here is the translation: Wij willen ..." or "Sure! Wij willen ..." on
    one line, or "" when the first line opens like the source's."""
    first_source_line = _lines(source)[0] if _lines(source) else ""
    line = lines[0]
    lead = _LEAD.match(line)
    if not lead or lead.end() >= len(line.rstrip()):
        return ""
    clause = lead.group(0)
    source_lead = _LEAD.match(first_source_line)
    source_clause = source_lead.group(0) if source_lead else ""
    if _looks_like_preamble(clause, source) and not _looks_like_preamble(source_clause, source):
        return clause
    return ""


def _chatter_in_last_sentence(source: str, translated: str) -> list[Chatter]:
    """ "... altijd. Let me know if ..." or "... altijd (Note: I kept the placeholders.)" at
    the end of the last line."""
    aside = _FINAL_ASIDE.search(translated)
    source_aside = _FINAL_ASIDE.search(source)
    if (
        aside
        and _looks_like_closing(aside.group(1), source)
        and not (source_aside and _looks_like_closing(source_aside.group(1), source))
    ):
        return [Chatter("after", _snippet(aside.group(0)))]
    blocks, source_blocks = text_blocks(translated), text_blocks(source)
    if not blocks:
        return []
    if late := _closing_after_a_full_stop(source, blocks[-1]):
        return [Chatter("after", _snippet(late))]
    found = sentences(blocks[-1])
    if len(found) < 2:
        return []
    last = found[-1]
    source_sentences = sentences(source_blocks[-1]) if source_blocks else []
    source_last = source_sentences[-1] if source_sentences else ""
    if _looks_like_closing(last, source) and not _looks_like_closing(source_last, source):
        return [Chatter("after", _snippet(last))]
    return []


def _closing_after_a_full_stop(source: str, block: str) -> str:
    """A closing remark after any of the last few full stops, also one that does not count as
    a sentence's end ("... am 19.05. Ich hoffe, das hilft!")."""
    if _looks_like_closing(source, source):
        return ""
    if not _NOTE_OPENING.search(source):
        for note in _NOTE_OPENING.finditer(block):
            if note.start() and block[note.start() - 1].isspace():
                return block[note.start() :]
    for stop in list(_STOP.finditer(block))[-_LAST_STOPS:]:
        rest = block[stop.end() :]
        if stop.group(0).strip() or ":" not in rest:  # "den Hinweis: ..." is no remark
            if rest and _looks_like_closing(rest, source):
                return rest
    return ""


def _looks_like_preamble(text: str, source: str) -> bool:
    text = text.strip().lstrip("*_#> ").strip()
    if _ASSENT.match(text):
        return True
    if _mentions_the_request(text, source):
        return True
    return bool(_OPENINGS.match(text)) and text.rstrip("*_ ").endswith(":")


def _looks_like_closing(text: str, source: str) -> bool:
    text = text.strip().lstrip("*_> ").strip()
    return bool(_CLOSINGS.match(text)) or _mentions_the_request(text, source)


def _mentions_the_request(text: str, source: str) -> bool:
    """Talks about translating, the languages or the placeholders, which the source does not."""
    if _META_WORDS.search(text) and not _META_WORDS.search(source):
        return True
    return bool(_LANGUAGE_NAMES.search(text)) and not _LANGUAGE_NAMES.search(source)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"


def is_refusal(*, source: str, translated: str) -> bool:
    """The answer declines to translate ("I'm sorry, but I can't help with that"), where the
    source does not open that way itself."""
    source = source.strip()
    return bool(_REFUSAL.match(translated.strip())) and not (
        _REFUSAL.match(source) or _APOLOGY.match(source)
    )
