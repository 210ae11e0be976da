"""How real models damage a translation, one function per damage.

Each takes the segment as the model received it (with ⟦n⟧ tokens), a faithful answer, the
target language and what each token stands for, and returns the damaged answer, or None where
the damage cannot happen to that segment (no second link to swap, no heading to move an anchor
in). Models see tokens, never the URLs or code behind them: a "changed URL" is a model writing
a link of its own where the token was.
"""

import re
from collections.abc import Callable

from turnout.translation.placeholders import PLACEHOLDER

Fault = Callable[[str, str, str, tuple[str, ...]], str | None]

LANGUAGE_NAMES = {"nl": "Dutch", "de": "German", "fr": "French"}
PREAMBLES_IN_TARGET = {
    "nl": "Hier is de vertaling:",
    "de": "Hier ist die Übersetzung:",
    "fr": "Voici la traduction :",
}
VERSION_LINES = {
    "nl": "Nederlandse versie:",
    "de": "Deutsche Fassung:",
    "fr": "Version française :",
}
CLOSINGS_IN_TARGET = {
    "nl": "Laat het me weten als je nog iets wilt aanpassen.",
    "de": "Ich hoffe, das hilft! Sag Bescheid, wenn du Änderungen brauchst.",
    "fr": "N'hésitez pas à me demander d'autres modifications.",
}
NOTES_IN_TARGET = {
    "nl": "Opmerking: ik heb de opmaak en de tokens behouden.",
    "de": "Hinweis: Die Formatierung und die Platzhalter wurden beibehalten.",
    "fr": "Remarque : j'ai conservé la mise en forme et les jetons.",
}
EXTRA_SENTENCES = {
    "nl": "Dit is voor ons allemaal erg belangrijk.",
    "de": "Das ist für uns alle sehr wichtig.",
    "fr": "C'est très important pour nous tous.",
}
TRANSLATED_CODE = {
    "`#PauseAI`": {"nl": "`#PauzeAI`", "de": "`#PauseKI`", "fr": "`#PauseIA`"},
    "`turnout import markdown`": {
        "nl": "`turnout importeer markdown`",
        "de": "`turnout importiere markdown`",
        "fr": "`turnout importer markdown`",
    },
}
_HEADING = re.compile(r"^(#{1,6}\s+)(.*?)\s*(⟦\d+⟧)\s*$")
_LINK_TOKEN = re.compile(r"\]⟦(\d+)⟧")
_LIST_LINE = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+(.*)$")


def preamble_english(source, answer, language, originals):
    return f"Here is the translation:\n\n{answer}"


def preamble_in_target_language(source, answer, language, originals):
    return f"{PREAMBLES_IN_TARGET[language]}\n\n{answer}"


def preamble_on_the_same_line(source, answer, language, originals):
    return f"Sure! Here's the {LANGUAGE_NAMES[language]} translation: {answer}"


def preamble_sure_line(source, answer, language, originals):
    return f"Sure!\n{answer}"


def preamble_version_line(source, answer, language, originals):
    return f"{VERSION_LINES[language]}\n{answer}"


def postamble_english(source, answer, language, originals):
    return f"{answer}\n\nLet me know if you would like any changes!"


def postamble_in_target_language(source, answer, language, originals):
    return f"{answer}\n\n{CLOSINGS_IN_TARGET[language]}"


def postamble_note_on_the_same_line(source, answer, language, originals):
    return f"{answer} (Note: I kept every token unchanged.)"


def postamble_note_in_target_language(source, answer, language, originals):
    return f"{answer}\n\n{NOTES_IN_TARGET[language]}"


def fence_markdown(source, answer, language, originals):
    return f"```markdown\n{answer}\n```"


def fence_plain(source, answer, language, originals):
    return f"```\n{answer}\n```"


def fence_tilde(source, answer, language, originals):
    return f"~~~\n{answer}\n~~~"


def truncated(source, answer, language, originals):
    """The model stops at 55 % of its answer, mid-word, and says it finished."""
    if len(answer) < 40:
        # Models stop early in long answers (a length limit, a dropped stream); a title cut
        # after three words cannot be told from a short title without a dictionary.
        return None
    return answer[: int(len(answer) * 0.55)].rstrip()


def anchor_moved_to_start(source, answer, language, originals):
    lines = answer.split("\n")
    match = _HEADING.match(lines[0])
    if not match:
        return None
    marker, words, token = match.groups()
    return "\n".join([f"{marker}{token} {words}", *lines[1:]])


def link_targets_swapped(source, answer, language, originals):
    tokens = _LINK_TOKEN.findall(answer)
    if len(tokens) < 2:
        return None
    first, second = tokens[0], tokens[1]
    return _LINK_TOKEN.sub(
        lambda m: "]⟦" + {first: second, second: first}.get(m.group(1), m.group(1)) + "⟧",
        answer,
    )


def link_dropped(source, answer, language, originals):
    damaged = re.sub(r"\[([^\]]*)\]⟦\d+⟧", r"\1", answer, count=1)
    return damaged if damaged != answer else None


def url_changed(source, answer, language, originals):
    """A "localised" link the model wrote itself: /proposal becomes /nl/proposal."""

    def localised(match):
        original = originals[int(match.group(1)) - 1]
        target = original[1:-1]
        if target.startswith("/"):
            return f"](/{language}{target})"
        scheme_and_host, _, path = target.partition("://")[2].partition("/")
        return f"]({target.split('://')[0]}://{scheme_and_host}/{language}/{path})"

    damaged = _LINK_TOKEN.sub(localised, answer, count=1)
    return damaged if damaged != answer else None


def anchor_renamed(source, answer, language, originals):
    lines = answer.split("\n")
    match = _HEADING.match(lines[0])
    if not match:
        return None
    marker, words, _token = match.groups()
    slug = re.sub(r"[^\w]+", "-", words.lower()).strip("-")
    return "\n".join([f"{marker}{words} {{#{slug}}}", *lines[1:]])


def list_items_merged(source, answer, language, originals):
    lines = answer.split("\n")
    for index in range(len(lines) - 1, 0, -1):
        this, before = _LIST_LINE.match(lines[index]), _LIST_LINE.match(lines[index - 1])
        if this and before and this.group(1) == before.group(1):
            merged = f"{lines[index - 1]} {this.group(3)}"
            return "\n".join([*lines[: index - 1], merged, *lines[index + 1 :]])
    return None


def table_column_dropped(source, answer, language, originals):
    if not answer.startswith("|"):
        return None
    cells = answer.strip().strip("|").split("|")
    return "| " + " | ".join(cell.strip() for cell in cells[:-1]) + " |"


def code_translated(source, answer, language, originals):
    def translated(match):
        original = originals[int(match.group(1)) - 1]
        if not original.startswith("`"):
            return match.group(0)
        return TRANSLATED_CODE.get(original, {}).get(language, original.upper())

    damaged = PLACEHOLDER.sub(translated, answer)
    return damaged if damaged != answer else None


def component_dropped(source, answer, language, originals):
    tokens = [n for n in PLACEHOLDER.findall(answer) if originals[int(n) - 1].startswith("<")]
    if not tokens:
        return None
    return re.sub(rf"\s*⟦{tokens[0]}⟧", "", answer)


def sentence_added(source, answer, language, originals):
    """A sentence of the model's own after the last one of the answer."""
    ends = list(re.finditer(r"[.!?][\"»“]?(?=\s|$)", answer))
    if not ends:
        return None
    cut = ends[-1].end()
    return f"{answer[:cut]} {EXTRA_SENTENCES[language]}{answer[cut:]}"


FAULTS: dict[str, Fault] = {
    "preamble_english": preamble_english,
    "preamble_in_target_language": preamble_in_target_language,
    "preamble_on_the_same_line": preamble_on_the_same_line,
    "preamble_sure_line": preamble_sure_line,
    "preamble_version_line": preamble_version_line,
    "postamble_english": postamble_english,
    "postamble_in_target_language": postamble_in_target_language,
    "postamble_note_on_the_same_line": postamble_note_on_the_same_line,
    "postamble_note_in_target_language": postamble_note_in_target_language,
    "fence_markdown": fence_markdown,
    "fence_plain": fence_plain,
    "fence_tilde": fence_tilde,
    "truncated": truncated,
    "anchor_moved_to_start": anchor_moved_to_start,
    "link_targets_swapped": link_targets_swapped,
    "link_dropped": link_dropped,
    "url_changed": url_changed,
    "anchor_renamed": anchor_renamed,
    "list_items_merged": list_items_merged,
    "table_column_dropped": table_column_dropped,
    "code_translated": code_translated,
    "component_dropped": component_dropped,
    "sentence_added": sentence_added,
}

# What the request after a damaged answer must name (any one of these, in the model's words).
NAMED_PROBLEM = {
    "preamble": ("began with text that is not part of the translation",),
    "postamble": ("ended with text that is not part of the translation",),
    "fence": ("wrapped in a code block",),
    "truncated": ("cut off", "stops before the end", "lacks", "structure"),
    "anchor_moved_to_start": ("no longer at the end of the heading",),
    "link_targets_swapped": ("in another order",),
    "link_dropped": ("lacks ⟦",),
    "url_changed": ("lacks ⟦",),
    "anchor_renamed": ("lacks ⟦",),
    "list_items_merged": ("Markdown structure",),
    "table_column_dropped": ("Markdown structure",),
    "code_translated": ("lacks ⟦",),
    "component_dropped": ("lacks ⟦",),
    "sentence_added": ("sentences where the text has",),
}


def named_problem(fault: str) -> tuple[str, ...]:
    return NAMED_PROBLEM.get(fault) or NAMED_PROBLEM[fault.split("_")[0]]
