"""Word-level damage a few words per language give away: a negation dropped ("do not bring"
answered "bring"), an answer that stops after an article or a conjunction ("Pausentag
in", "Journée de pause à"), which no title or sentence ends with, and one that stops in the
middle of a word it copied from the source ("Protest for a safe fut").

Only words that never end a sentence in that language are listed as dangling: Dutch and
German end sentences with separable particles ("Meld je aan", "Macht mit"), so "aan", "in"
(Dutch) and "mit" are not. Negations are compared only as present or absent: "Don't forget"
("Denk daran") and "no later than" ("uiterlijk") say no "not" in many languages. A "not" the
answer adds is judged only where the English source has no word a translator says with one.
"""

import re

from django.utils.translation import gettext as _

from .languages import base, words
from .placeholders import PLACEHOLDER
from .problems import Problem
from .proportions import text_blocks

_NEGATIONS = {
    "en": "not no never nobody nothing none neither nor without cannot can't don't doesn't "
    "didn't won't isn't aren't wasn't weren't shouldn't mustn't haven't hasn't",
    # "Verboten", "interdit", "prohibido": a sign's "No flags" says no "not" in most languages.
    "nl": "niet geen nooit niemand niets niks nergens zonder noch verboden",
    "de": "nicht kein keine keinen keinem keiner keines nie niemals niemand niemandem nichts "
    "nirgends nirgendwo ohne weder verboten",
    "fr": "ne n' pas jamais rien aucun aucune sans ni non personne interdit interdite "
    "interdits interdites",
    "es": "no nunca jamás nada nadie ningún ninguno ninguna ningunos ningunas sin ni tampoco "
    "prohibido prohibida prohibidos prohibidas",
    "it": "non mai niente nulla nessun nessuno nessuna senza né vietato vietata vietati vietate",
    "pt": "não nunca nada ninguém nenhum nenhuma sem nem jamais proibido proibida proibidos "
    "proibidas",
    "pl": "nie nigdy nic nikt nikogo nikomu niczego nigdzie żaden żadna żadne żadnych żadnego "
    "żadnej bez ani zakaz zakazane zabronione",
    "ru": "не нет никогда ничего никто никого никому ничто никаких никакие ни без нельзя нигде "
    "запрещено запрещены",
    # Greek says "nobody" with "not" too ("Κανείς δεν"): either is enough.
    "el": "δεν δε μην μη όχι ούτε ποτέ τίποτα κανείς κανένας καμία κανένα χωρίς απαγορεύεται",
    "hu": "nem ne sem soha senki semmi semmilyen nincs nincsen nincsenek nélkül tilos",
    # Finnish says "not" with a verb of its own, inflected for the person ("en", "älkää").
    "fi": "ei en et emme ette eivät eikä ettei älä älkää älkäämme ilman kielletty kiellettyä",
    "hi": "न नहीं मत ना बिना निषिद्ध वर्जित मना",
    "ar": "لا لم لن ليس ليست ليسوا لست بدون دون ممنوع يمنع يُمنع غير",
    # Hebrew also writes "and not", "that not" as one word ("ולא", "שלא").
    "he": "לא ולא שלא אין ואין שאין אינו אינה אינם אינן אל אסור בלי ללא מבלי שום אף לעולם מעולם",
    # Turkish says "not" with a verb's ending ("getirmeyin"), read by `_TURKISH_NEGATIVE`.
    "tr": "değil değildir değiller değilim değilsin değiliz değilsiniz değilse yok yasak "
    "yasaktır asla hiç hiçbir kimse olmadan hayır",
    "uk": "не ні ніколи нічого ніхто нікого ніде без жоден жодна жодне жодних жодного жодної "
    "немає нема заборонено",
    # Romanian elides "nu" before a vowel ("n-am", "n-o"): "n" is that "not".
    "ro": "nu n nici niciodată nimic nimeni niciun nicio niciunul nicăieri fără interzis "
    "interzisă interzise",
    "ca": "no mai res ningú ningun cap sense ni tampoc prohibit prohibida prohibits prohibides",
    "vi": "không chẳng chả chưa đừng chớ cấm thiếu",
    "id": "tidak tak bukan jangan belum tanpa dilarang tiada",
    "ms": "tidak tak bukan jangan belum tanpa dilarang tiada",
    # Swahili says "not" with a verb's prefix ("hatutaacha"), read by `_SWAHILI_NEGATIVE`.
    "sw": "si sio siyo hapana hakuna bila kamwe marufuku",
    "bn": "না নয় নই নেই নি নাই কখনো কখনও ছাড়া বিনা নিষেধ নিষিদ্ধ",
    # Serbian in either script.
    "sr": "не ни нема нису није немојте без никад никада нико ништа забрањено ne ni nema nisu "
    "nije nemojte bez nikad nikada niko ništa zabranjeno",
}
_NEGATION_WORDS = {language: frozenset(found.split()) for language, found in _NEGATIONS.items()}
# Scripts without spaces: a negation is part of a word. Japanese also says "not" with "不"
# (登録不要), "無" (無断), "やめて" and "ご遠慮ください"; Chinese with "勿", "无", "未".
_NEGATION_PARTS = {
    "ja": ("ない", "ません", "ず", "禁止", "なし", "なく", "無", "不", "未", "抜き", "やめ", "止め",
           "遠慮", "控え", "ノー"),
    "zh": ("不", "没", "沒", "別", "别", "禁止", "勿", "无", "無", "未", "莫", "非"),
    # Korean says "not" with a verb's ending or an adverb attached to it ("오지 마세요",
    # "안 와요", "못 가요", "없습니다"), spaced or not.
    "ko": ("않", "지 마", "지 말", "지마", "지말", "안 ", "못", "없", "아니", "아닙", "금지",
           "불가", "절대"),
    # Thai: "ไม่" (not), "อย่า" (do not), "ห้าม" (forbidden), "ไร้" and "ปราศจาก" (without).
    "th": ("ไม่", "อย่า", "ห้าม", "ไร้", "ปราศจาก"),
}  # fmt: skip
# The Japanese prohibitive: a verb's plain form and "な" closing the sentence ("諦めるな").
_PROHIBITIVE = re.compile(r"[うくぐすつぬぶむる]な(?=[。！!」』\s]|$)")
# English negations that most languages say without one.
_NOT_NEGATING = re.compile(
    r"\b(?:no|not) (?:later|more|less|fewer|sooner) than\b|\bnot only\b|\bno matter\b|"
    r"\b(?:do not|don['’]t|never) forget\b|\b(?:do not|don['’]t) hesitate\b|\bno\.\s?\d",
    re.IGNORECASE,
)
_ELIDED = re.compile(r"\b[nN]['’](?=[^\W\d_])")  # French "n'oubliez"
# Slavic languages say "not" in a clause of "until" that means none ("доки лабораторії не
# зроблять паузу", "until the labs pause"): that "not" is no negation of the sentence.
_EXPLETIVE_NOT = re.compile(
    r"(?i)\b((?:доки|поки|пока|покуда|dopóki|dokud|dokiaľ|dokler|dok|докато|док)\b[^,.;:!?]{0,200}?)"
    r"\b(?:не|nie|ne)\b"
)
# A Turkish verb said with "not": "getirmeyin", "gelmez", "gelmedi", "gelmiyor", "gelmeden";
# and "without" said with a noun's ending ("sopasız", "şekersiz").
_TURKISH_NEGATIVE = re.compile(
    r"[^\W\d_]{2,}(?:m[ae]y[ıi]n(?:[ıi]z)?|m[ae]z(?:l[ae]r|s[ıi]n[ıi]z)?|m[ae]d[ıi](?:[kmn]|"
    r"n[ıi]z|l[ae]r)?|m[ıiuü]yor\w*|m[ae]y[ae]c[ae][kğ]\w*|m[ae]d[ae]n|m[ae]s[ıi]n|"
    r"s[ıiuü]z(?:d[ıiuü]r|l[ae]r)?)$"
)

# A Swahili verb said with "not": "ha" and the subject before the tense ("hatutaacha",
# "hawajafika", "hakuja"; "hatari", danger, is none), or "si" after the subject in a
# request ("usilete", "msiende").
_SWAHILI_NEGATIVE = re.compile(
    r"ha(?:(?:tu|wa|m|u|ki|vi|zi|li|ya|ku|pa)(?:ta|ja|ku)|ku)[^\W\d_]{2,}$|"
    r"(?:u|m|tu|wa|a|ni)si[^\W\d_]+e$"
)

# Where the source says no "not", an answer that says one reversed it; but translators say
# "avoid", "free", "only", "under 12", "unless" or "stay" with a "not" ("sans frais", "ne
# ... que", "دون 12"), so a source with such a word is not judged. Nor are words that also
# mean something else: French "personne" (a person), Hebrew "אל" (to), Arabic "دون"
# (under), "غير" (other than).
_NEGATING_WORDS = frozenset(
    "avoid free only leave stay stop ban banned prohibit prohibited forbid forbidden refuse "
    "except instead lack miss fail away off absent remain keep silent quiet alone optional "
    "anonymous few little hardly barely rarely seldom ignore deny reject against oppose "
    "cancel cancelled canceled lose lost forget impossible illegal anti below beneath "
    "neither either nor".split()
)
_NEGATING_PARTS = re.compile(r"^(?:un|dis|non|in(?=[^aeiou]))|(?:less|free)$")
# A label ("cities", catalogues' plural forms without their count) is not judged.
_SHORTEST_JUDGED = 3  # words
_AMBIGUOUS_NEGATIONS = frozenset("personne אל دون غير".split())
# Each language's negations as one pattern: an answer is searched once, however long.
_LETTERS = re.compile(r"[^\W\d_]+")
# Hebrew "do not" before a plural verb ("אל תביאו"), where "אל" is no "to" ("אל הכיכר").
_HEBREW_PROHIBITIVE = re.compile(r"(?<![^\W\d_])אל\s+ת[^\W\d_]+ו(?![^\W\d_])")
_SAID_NEGATIONS = {
    language: re.compile(
        r"(?<![^\W\d_])(?:"
        + "|".join(map(re.escape, sorted(listed - _AMBIGUOUS_NEGATIONS, key=len, reverse=True)))
        + r")(?![^\W\d_])",
        re.IGNORECASE,
    )
    for language, listed in _NEGATION_WORDS.items()
}
# Languages whose negations are words: in those written without spaces a "not" is part of
# many words that say none ("非常", "未来", "少ない").
# Russian, Greek and Finnish say many things with a "not" English says without one ("we still
# need" is "нам не хватает"): not judged.
_SPACED = frozenset("nl de fr es it pt pl ar he tr".split())

_DANGLING = {
    "en": "the a an and or of to in at for with on by from",
    "nl": "de een en of van voor met naar tot",
    "de": "der des dem den ein eine einen einem einer eines und oder in im am zum zur vom beim "
    "für von",
    "fr": "le la les un une des du de et ou à au aux pour avec par sur dans",
    "es": "el la los las un una unos unas y o de del al a en con por para",
    "it": "il lo la i gli le un una uno e o a di del della al da in con per su",
    "pt": "o a os as um uma e ou de do da dos das em no na com por para",
    "pl": "i w z na do od dla o a oraz ze we",
    "ru": "и в на с к по о от из для за а но или у",
}
_DANGLING_WORDS = {language: frozenset(found.split()) for language, found in _DANGLING.items()}
# A word cut off lost at least this many letters: more than a plural's or a case's ending.
_CUT_LETTERS = 3
# What may close a block after its last word: punctuation, emphasis, closing quotes.
_TRAILING = " \t\u00a0\u202f.,;:!?…*_\"'”’»)]"


def has_negation(text: str, language: str) -> bool | None:
    """Whether `text` says "not" in `language`; None for a language without a list."""
    language = base(language)
    plain = PLACEHOLDER.sub(" ", text)
    if language in _NEGATION_PARTS:
        return any(part in plain for part in _NEGATION_PARTS[language]) or bool(
            language == "ja" and _PROHIBITIVE.search(plain)
        )
    if language not in _NEGATION_WORDS:
        return None
    if language == "en":
        plain = _NOT_NEGATING.sub(" ", plain)
    plain = _EXPLETIVE_NOT.sub(r"\1", plain)
    if language == "fr" and _ELIDED.search(plain):
        return True
    if language == "tr" and any(_TURKISH_NEGATIVE.match(word) for word in words(plain)):
        return True
    if language == "sw" and any(_SWAHILI_NEGATIVE.match(word) for word in words(plain)):
        return True
    return any(word in _NEGATION_WORDS[language] for word in words(plain))


def negation_lost(source: str, translated: str, *, source_language: str, language: str) -> bool:
    """The source says "not", "never" or "no", the answer says nothing like it, in its
    language or the source's (a slogan quoted as it is)."""
    if not has_negation(source, source_language):
        return False
    kept = has_negation(translated, language)
    return kept is False and not has_negation(translated, source_language)


def negation_added(source: str, translated: str, *, source_language: str, language: str) -> bool:
    """The English source says nothing like "not", the answer says "not", "never" or "no"."""
    language = base(language)
    if base(source_language) != "en" or language not in _SPACED or language == "en":
        return False
    source_words = words(PLACEHOLDER.sub(" ", source))
    if any(
        word in _NEGATION_WORDS["en"] or word in _NEGATING_WORDS or _NEGATING_PARTS.search(word)
        for word in source_words
    ) or "n't" in source.replace("’", "'"):
        return False
    if len(source_words) < _SHORTEST_JUDGED or set(PLACEHOLDER.findall(source)) - set(
        PLACEHOLDER.findall(translated)
    ):
        return False  # a count said in words: the form for 0 of "%(count)d cities" is "no cities"
    plain = PLACEHOLDER.sub(" ", translated)
    if language == "fr" and _ELIDED.search(plain):
        return True
    if language == "tr" and any(_TURKISH_NEGATIVE.match(w) for w in _LETTERS.findall(plain)):
        return True
    if language == "he" and _HEBREW_PROHIBITIVE.search(plain):
        return True
    return bool(_SAID_NEGATIONS[language].search(plain))


def dangling_end(source: str, translated: str, *, source_language: str, language: str) -> str:
    """The article or conjunction a block of the answer stops on, where the source's block
    does not stop on one: the answer was cut off. "" when none."""
    dangling = _DANGLING_WORDS.get(base(language))
    if not dangling:
        return ""
    source_blocks, blocks = text_blocks(source), text_blocks(translated)
    if len(source_blocks) != len(blocks):
        source_blocks, blocks = source_blocks[-1:], blocks[-1:]
    own = _DANGLING_WORDS.get(base(source_language), frozenset())
    for original, answer in zip(source_blocks, blocks, strict=False):
        last = _last_word(answer)
        if last in dangling and _last_word(original) not in own:
            return last
    return ""


def cut_word(source: str, translated: str) -> str:
    """The start of a word a block of the answer stops on, where the answer is the source's
    block copied up to that word ("Protest for a safe fut"): cut off mid-word. "" when none.
    A word of the answer's own language cut off ("veilige toek") is told only by a
    dictionary; nor is a name cut off, as clipped words look alike ("Uni" for "University")."""
    source_blocks, blocks = text_blocks(source), text_blocks(translated)
    if len(source_blocks) != len(blocks):
        source_blocks, blocks = source_blocks[-1:], blocks[-1:]
    for original, answer in zip(source_blocks, blocks, strict=False):
        last = _last_word(PLACEHOLDER.sub(" ", answer))  # "## Why we mar ⟦1⟧"
        kept, source_words = words(answer), words(original)
        position = len(kept) - 1
        if (
            last
            and 0 < position < len(source_words)
            and kept[:position] == source_words[:position]
            and _cuts(last, source_words[position])
        ):
            return last
    return ""


def _cuts(start: str, word: str) -> bool:
    """`start` is `word` with several letters cut off ("Meetup" for "Meetups" is not)."""
    return word.startswith(start) and len(word) - len(start) >= _CUT_LETTERS


def _last_word(block: str) -> str:
    rest = block.rstrip(_TRAILING)
    if not rest or rest.endswith("⟧") or not rest[-1].isalpha():
        return ""  # a link, a number or a token closes it
    last = rest.split()[-1]
    return last.casefold() if last.isalpha() else ""  # "Faites-le", "l'eau" are no word


def wording_problems(
    source: str, translated: str, *, source_language: str, language: str
) -> list[Problem]:
    problems = []
    if negation_lost(source, translated, source_language=source_language, language=language):
        problems.append(
            Problem(
                "negation",
                _(
                    "The source says “not” or “never”, the translation does not: the meaning "
                    "is reversed."
                ),
                "Your answer lost the negation of the text (not, never, no): it now says the "
                "opposite. Translate the negation too.",
            )
        )
    elif negation_added(source, translated, source_language=source_language, language=language):
        problems.append(
            Problem(
                "negation",
                _(
                    "The translation says “not” or “never” where the source does not: the "
                    "meaning is reversed."
                ),
                "Your answer added a negation (not, never, no) that the text does not have: "
                "it now says the opposite. Translate without adding one.",
            )
        )
    if last := dangling_end(source, translated, source_language=source_language, language=language):
        problems.append(
            Problem(
                "dangling",
                _("The translation stops on “%(word)s”: probably cut off.") % {"word": last},
                f"Your answer stops on “{last}”, in the middle of a sentence or title. "
                f"Translate the whole text, to its end.",
            )
        )
    if cut := cut_word(source, translated):
        problems.append(
            Problem(
                "cut_word",
                _("The translation stops in the middle of a word (“%(word)s”): probably cut off.")
                % {"word": cut},
                f"Your answer stops in the middle of a word (“{cut}”). Translate the whole "
                f"text, to its end.",
            )
        )
    return problems
