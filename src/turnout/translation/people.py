"""People's names a translation keeps: "Anna de Vries" stays "Anna de Vries" in every language
written in Latin letters (declined perhaps: "Annos de Vries"). An answer that keeps part of a
name and not the rest ("Maria de Vries", "Anna Jansen"), or names someone the source does
not, quotes someone else. One that keeps none of it in Latin letters may have written it in
its own script: there it is compared by its sound (`name_sounds`), and one part that sounds
the same beside another that sounds like nothing of the source's ("Анна Янсен") is a name
changed.
"""

import re
import unicodedata

from django.utils.translation import gettext as _

from turnout.places.gazetteer import resolve_city

from .languages import base, written_words
from .name_sounds import gone, kept, sound_of, sounds_in
from .placeholders import PLACEHOLDER
from .problems import Problem
from .vocabulary import CALENDAR, VOCABULARY

# A name: two to four capitalized words, with the particles of Dutch, German, French,
# Spanish, Italian, Portuguese and Arabic names between them.
_PARTICLES = (
    r"(?:(?:de|van|der|den|von|zu|la|le|da|di|du|del|della|dos|das|ten|ter|el|al|bin|ibn)\s)"
)
_CAPITALIZED = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
_NAME = re.compile(rf"(?<![\w-]){_CAPITALIZED}(?:[ -]{_PARTICLES}*{_CAPITALIZED}){{1,3}}(?![\w-])")
# Capitalized words of English titles and places that a translation translates.
_NOT_NAMES = frozenset(
    "the a an square street station central centraal park hall bridge church museum "
    "ministry university city council house palace road avenue market day party union "
    "international national european league movement group team river lake".split()
)
# The commonest Chinese surnames in pinyin: "Li Wei" and "Wang Fang" are people, though the
# gazetteer finds towns called "Li" and "Wei" (and reads "Li Wei" as Lévis).
_CHINESE_SURNAMES = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng "
    "liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye "
    "cheng wei su lu ding ren shen yao jin fu zhong cui tan fan lei qin qian mao shi xiong meng "
    "qiu dai xue hou bai duan hao shao wan yin gu lai wen".split()
)
# Languages that capitalize every noun ("Bringt Wasser"): a name is not told by its capitals.
_NOUNS_CAPITALIZED = frozenset({"de", "lb"})
# How many words of the answer beside a part of a name may hold its other parts.
_BESIDE = 3
# A declined name keeps all but its last two letters, at least three ("Vriesové").
_KEPT_ENDING, _SHORTEST_STEM, _LONGEST_ENDING = 2, 3, 4


def changed_names(source: str, translated: str, *, source_language: str = "en") -> list[str]:
    """Names of `source` that `translated` keeps only part of, or none of where it names
    someone else in Latin letters."""
    if base(source_language) in _NOUNS_CAPITALIZED:
        return []
    common = VOCABULARY.get(base(source_language), frozenset())
    answer = {word.casefold() for word in written_words(_plain(translated))}
    changed = []
    for match in _NAME.finditer(_plain(source)):
        parts = [w for w in re.split(r"[ -]", match.group(0)) if w[:1].isupper()]
        if not _is_a_persons_name(parts, match.group(0)) or common & {
            part.casefold() for part in parts
        }:
            continue  # "Join Us", "Sign Up" in a title
        kept_parts = [part for part in parts if _is_kept(part.casefold(), answer)]
        if 0 < len(kept_parts) < len(parts) or (
            not kept_parts
            and (_new_names(source, translated) or _sounds_changed(parts, translated))
        ):
            changed.append(match.group(0))
    return changed


def _sounds_changed(parts: list[str], translated: str) -> bool:
    """Some part of the name sounds the same in the answer's script, another like nothing
    the answer writes beside it, on its side ("আনা ইয়ানসেন" for "Anna de Vries", though
    "নার্স", nurse, before it sounds like "Vries")."""
    answer = sounds_in(_plain(translated))
    sounds = [sound_of(part) for part in parts]
    found = [
        (at, index)
        for at, sound in enumerate(sounds)
        for index in range(len(answer))
        if kept(sound, answer[index : index + 1])
    ]
    kept_parts = {at for at, _index in found}
    # One consonant ("Wei" is "P") says too little: Hebrew writes "Wei" with no consonant
    # of its own ("ויי"), so it cannot be said to be gone.
    return any(
        len(sound) >= 2
        and at not in kept_parts
        and all(gone(sound, _beside(answer, index, after=at > part)) for part, index in found)
        for at, sound in enumerate(sounds)
    ) and bool(found)


def _beside(answer: list[tuple[str, bool]], index: int, *, after: bool) -> list:
    """The sounds of the few words after (or before) the answer's word at `index`: where
    the rest of a name is written, particles ("de") included."""
    return (
        answer[index + 1 : index + 1 + _BESIDE]
        if after
        else answer[max(0, index - _BESIDE) : index]
    )


def name_problems(source: str, translated: str, *, source_language: str = "en") -> list[Problem]:
    if not (changed := changed_names(source, translated, source_language=source_language)):
        return []
    shown = ", ".join(changed)
    return [
        Problem(
            "names",
            _("A name of the source was changed or lost part of itself: %(names)s.")
            % {"names": shown},
            f"Your answer keeps only part of the name(s) {shown}. Write every name of the "
            f"text in full, as the text writes it.",
        )
    ]


def _is_a_persons_name(parts: list[str], name: str) -> bool:
    words = {part.casefold() for part in parts}
    if words & _NOT_NAMES or any(words & calendar for calendar in CALENDAR.values()):
        return False
    # "Den Haag" is a city; "Anna de Vries" is someone, though Anna is a town in Spain.
    city = resolve_city(name)
    if len(parts) in (2, 3) and parts[0].casefold() in _CHINESE_SURNAMES:
        return city is None or city.name.casefold() != name.casefold()
    return city is None and not all(resolve_city(part) for part in parts)


def _is_kept(part: str, answer: set[str]) -> bool:
    stem = part[: max(_SHORTEST_STEM, len(part) - _KEPT_ENDING)]
    return part in answer or any(
        word.startswith(stem) and len(word) <= len(part) + _LONGEST_ENDING for word in answer
    )


def _new_names(source: str, translated: str) -> list[str]:
    """Person-shaped names of `translated` none of whose words `source` has."""
    own = {word.casefold() for word in written_words(_plain(source))}
    found = []
    for match in _NAME.finditer(_plain(translated)):
        parts = [w for w in re.split(r"[ -]", match.group(0)) if w[:1].isupper()]
        if _is_a_persons_name(parts, match.group(0)) and not any(
            _is_kept(part.casefold(), own) for part in parts
        ):
            found.append(match.group(0))
    return found


def _plain(text: str) -> str:
    return unicodedata.normalize("NFC", PLACEHOLDER.sub(" ", text))
