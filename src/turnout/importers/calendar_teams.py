"""The invitation Microsoft Teams writes into an entry's description, taken out: the call's
link, its number and code, and the telephone numbers and organizer's options after them."""

import re

# Teams writes its call between lines of underscores (found line by line: a pattern spanning
# two would take quadratic time on a text of underscores).
_RULE_LINE = re.compile(r"^[ \t]*_{20,}[ \t]*$", re.M)
# What only Teams' own sections say: its name, its call's, dial-in's and help's addresses.
_TEAMS_MARK = re.compile(r"Microsoft Teams|teams\.microsoft\.com|teams\.live\.com", re.I)


def without_teams_block(text: str) -> str:
    """`text` without Teams' invitation: from the rule before its first section of Teams to
    the rule after its last (a call, then "Dial in by phone" and the organizer's options, each
    section between rules, as Teams writes them since 2023), or to the end; a forwarded
    invitation's second too. One pass over the rules: a long text of them takes no longer."""
    rules = [*_RULE_LINE.finditer(text)]
    kept, at, number = [], 0, 0
    while number < len(rules):
        if not _TEAMS_MARK.search(_section_after(text, rules, number)):
            number += 1
            continue
        last = number + 1
        while last < len(rules) and _goes_on(_section_after(text, rules, last)):
            last += 1
        kept.append(text[at : rules[number].start()])
        if last == len(rules):
            return "".join(kept)  # no rule closes it: it runs to the end
        at, number = rules[last].end(), last + 1
    return "".join(kept) + text[at:]


def _goes_on(section: str) -> bool:
    """Whether a section after Teams' is still its own: of Teams, or empty between rules."""
    return bool(_TEAMS_MARK.search(section)) or not section.strip()


def _section_after(text: str, rules: list[re.Match], number: int) -> str:
    following = rules[number + 1].start() if number + 1 < len(rules) else len(text)
    return text[rules[number].end() : following]
