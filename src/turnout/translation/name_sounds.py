"""How a name sounds, for names an answer writes in another script: "Dmitri Petrov" is
"Дмитрий Петров" in Russian, "Ντμίτρι Πετρόφ" in Greek, "ドミトリー・ペトロフ" in Japanese,
and "Дмитрий Смирнов" names someone else.

A name is reduced to its consonants, by kinds that scripts tell apart alike (b, p, f and v
are one; so are t and d, k, g and "ch", s, z and "sh", l and r), with a first vowel kept as
such: "Petrov", "Петров", "Πετρόφ", "بيتروف" and "ペトロフ" all give "PTRP". Vowels are left
out, as Arabic and Hebrew write few of them. Good enough to say that an answer keeps one
part of a name and not another ("Дмитрий Смирнов"); not to say two names are the same.
"""

import re
import unicodedata

from .languages import written_words

# Consonants of each script, by the kind of sound; letters left out are vowels or glides.
# Thai "ch" (จ ฉ ช ฌ) is a k as Latin "ch" and Devanagari "च" are ("Kovács" as "โควาช").
_KINDS = {
    "P": "bpfvwбвпфβπφپبفפףב" + "บปผฝพฟภว" + "পফবভ" + "पफबभव",
    "T": "tdдтђδτθتثدذضطטתד" + "ดตถทธฎฏฐฑฒ" + "টঠডঢতথদধৎ" + "टठडढतथदध",
    "K": "kgqchгґкхћѓќчγκχكکگغقخچحہهھכךקחגה" + "กขฃคฅฆหฮจฉชฌ" + "কখগঘচছহ" + "कखगघचछह",
    "S": "szxсжзшщцџѕσςζξψسشصزظژסשצץז" + "ซศษส" + "শষসজঝ" + "शषसजझ",
    "M": "mмμمמם" + "ม" + "ম" + "म",
    "N": "nнњνنںנן" + "งณนญ" + "ঙঞণনং" + "ङञणनं",
    "R": "lrлрљλρرلڑרל" + "รลฬ" + "রল" + "रल",
}
_KIND_OF = {letter: kind for kind, letters in _KINDS.items() for letter in letters}
# Vowel letters that open a word ("Anna", "Анна", "آنا", "אנה", "อันนา", "আনা", "アンナ").
_VOWELS = frozenset(
    "aeiouyäöüàáâãåèéêëìíîïòóôõùúûæøœаеёиоуыэюяіїєαεηιουωاآأإءعؤئىאעอঅআইঈউঊএঐওঔअआइईउऊएऐओऔ"
)
# Letters that may open a word without a sound of their own here: Latin "h" and "j", the
# glides ("y", "ј", "י", "ي", "ی") and the Thai vowels written before their consonant.
_SILENT = frozenset("jyйјьъיويیےہهةھเแโใไ")
# Latin spellings of one sound, read before single letters.
_LATIN_PAIRS = (
    ("sch", "s"), ("dzh", "s"), ("sh", "s"), ("zh", "s"), ("ch", "k"), ("kh", "k"), ("ph", "f"),
    ("th", "t"), ("ts", "s"), ("tz", "s"), ("ck", "k"), ("dj", "s"),
)  # fmt: skip
# Greek writes b, d and g as pairs of letters.
_GREEK_PAIRS = (("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γγ", "ng"))
_SOFT = re.compile(r"[cg](?=[eiy])")
# Katakana by the consonant of each syllable; a syllable without one is a vowel.
_KANA = {
    "K": "カキクケコガギグゲゴチハヒヘホ",
    "S": "サシスセソザズゼゾツジヂヅ",
    "T": "タテトダデド",
    "N": "ナニヌネノン",
    "P": "フバビブベボパピプペポヴワヲ",
    "M": "マミムメモ",
    "R": "ラリルレロ",
}
_KANA_KIND = {kana: kind for kind, kanas in _KANA.items() for kana in kanas}
_KANA_VOWELS = frozenset("アイウエオヤユヨ")
# Hangul: the consonant that opens a syllable and the one that closes it, by their index.
_HANGUL_FIRST = "KKNTTRMPPSSASSKKTPK"
_HANGUL_LAST = ".KKKNNNTRRRRRRRRMPPSSNTTKTP."
_HANGUL_START, _HANGUL_END = 0xAC00, 0xD7A3
_INDIC_MARKS = ((0x0900, 0x097F), (0x0980, 0x09FF), (0x0E00, 0x0E7F))
# Marks that carry no vowel: viramas, Thai tone marks and its silencing mark.
_NO_VOWEL = frozenset("\u094d\u09cd\u093c\u09bc\u0901\u0981\u0e48\u0e49\u0e4a\u0e4b\u0e4c")
_KATAKANA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]+")
# Thai writes no space between words: a name follows "and", "from", "with", "of", "by" or a
# title on one word ("และซารา", "จากเตหะราน", "คุณมาลี"), read both with and without it.
_THAI_BEFORE_NAMES = re.compile(
    r"^(?:นางสาว|และ|จาก|กับ|ของ|โดย|คุณ|นาย|นาง|ถึง|ให้|แก่)(?=[\u0e01-\u0e2e\u0e40-\u0e44])"
)
# Thai "ห" before a sonorant only sets the tone ("หลี่" is "Li", "หวัง" is "Wang").
_THAI_TONE_H = re.compile(r"ห(?=[งญนมยรลว])")
_R_DROPPING = re.compile(r"[\u30a1-\u30fa\uac00-\ud7a3]")
# Persian's commonest short words, which sound like short names ("این", this, sounds as
# "Anna" does): an answer that says them names no one.
_PERSIAN_WORDS = frozenset(
    "این آن را در به از که با برای تا یا هم نیز او ما من تو شما آنها ایشان است هست بود "
    "اما ولی اگر پس چون هر همه یک نه هیچ دیگر".split()
)


def sound_of(word: str) -> str:
    """The kinds of consonant of `word`, in order, repeats joined; "A" first for a word that
    opens with a vowel."""
    kinds: list[str] = []
    for ch in _spelled(word):
        for kind in _kinds(ch):
            if kind in ".-" or (kind == "A" and kinds):
                continue  # silent, or a vowel inside the word
            if not kinds or kinds[-1] != kind:
                kinds.append(kind)
    return "".join(kinds)


def sounds_in(text: str) -> list[tuple[str, bool]]:
    """The sound of each word of `text` not in Latin letters (katakana names one by one),
    and whether its script drops an r after a vowel (kana and Hangul: "Stuart" is
    "スチュアート")."""
    found = []
    for word in written_words(text):
        if word.isascii() or word in _PERSIAN_WORDS:
            continue
        runs = _KATAKANA_RUN.findall(word) if _KATAKANA_RUN.search(word) else [word]
        if (bare := _THAI_BEFORE_NAMES.sub("", word)) != word:
            runs.append(bare)
        drops_r = bool(_R_DROPPING.search(word))
        found += [(sound, drops_r) for run in runs if (sound := sound_of(run))]
    return found


def kept(sound: str, answer: list[tuple[str, bool]]) -> bool:
    """Whether one of the `answer`'s sounds is `sound`, or it with an ending (declined)."""
    for other, _drops_r in answer:
        if other == sound:
            return True
        if len(sound) >= 3 and other.startswith(sound) and len(other) - len(sound) <= 2:
            return True
        if len(sound) >= 4 and _distance(sound, other) <= 1:
            return True
    return False


def gone(sound: str, answer: list[tuple[str, bool]]) -> bool:
    """Whether no sound of the answer comes near `sound`: not a name transliterated
    otherwise ("Geoffrey" as "Джеффри", "Stuart" as "スチュアート" without its r), but
    another name."""
    near = 0 if len(sound) <= 2 else 1 if len(sound) <= 5 else 2
    return not any(
        other.startswith(sound)
        or _distance(sound, other) <= near
        or (drops_r and _distance(_without_r(sound), _without_r(other)) <= near)
        for other, drops_r in answer
    )


def _without_r(sound: str) -> str:
    kinds = [kind for kind in sound if kind != "R"]
    return "".join(k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] != k)


def _spelled(word: str) -> str:
    # Accents apart ("é" is "e"), but kana and Hangul whole: "ペ" is no "ヘ" with a mark.
    text = "".join(
        ch
        if "\u30a0" <= ch <= "\u30ff" or _HANGUL_START <= ord(ch) <= _HANGUL_END
        else unicodedata.normalize("NFD", ch)
        for ch in word.casefold()
    )
    for pair, sound in _GREEK_PAIRS:
        text = text.replace(pair, sound)
    if text.isascii():
        for pair, sound in _LATIN_PAIRS:
            text = text.replace(pair, sound)
        text = _SOFT.sub("s", text)
        text = text[:-1] if text.endswith("h") else text  # "Sarah"
    text = _THAI_TONE_H.sub("", text)
    if text[-1:] in "הةه":
        text = text[:-1]  # a final vowel: "מריה", "فاطمة"
    return text


def _kinds(ch: str) -> tuple[str, ...]:
    """A consonant's kind, "A" for a vowel, "." for a silent letter, "-" for nothing; a
    Hangul syllable gives its opening and its closing consonant."""
    if ch in _KIND_OF:
        return (_KIND_OF[ch],)
    if ch in _VOWELS or ch in _KANA_VOWELS:
        return ("A",)
    if ch in _SILENT:
        return (".",)
    if ch in _KANA_KIND:
        return (_KANA_KIND[ch],)
    if _HANGUL_START <= ord(ch) <= _HANGUL_END:
        index = ord(ch) - _HANGUL_START
        return _HANGUL_FIRST[index // 588], _HANGUL_LAST[index % 28]
    if (
        ch not in _NO_VOWEL
        and unicodedata.category(ch) in ("Mn", "Mc")
        and any(low <= ord(ch) <= high for low, high in _INDIC_MARKS)
    ):
        return ("A",)  # a vowel sign of Thai, Bengali or Devanagari
    return ("-",)


def _distance(a: str, b: str) -> int:
    """Edit distance of two short strings."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]
