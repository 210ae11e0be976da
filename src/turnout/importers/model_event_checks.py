"""What the page confirms of a model's events, looked at once more as a whole page.

`page_confirmation` checks each fact on its own: written on the page, and (`page_cities`)
beside the event's own city. Some facts are written on the page and still not the event's:
a day the page gives only as the day it was updated or posted, a day before the post on a
page announcing later ones (a past action), or one it gives only to another city while the
event's city is merely mentioned (each leaves the model's event out whole); a last day that
joins two separate events into one long one; the address of the page itself given as the
signup link; a chat invite the page offers to talk in, not to sign up with. Each is left out
and said so. Two of the model's events in one city on one day whose confirmed facts agree are
one event (the model split it, then some hours were refused).
"""

import re
from datetime import date

from django.utils.translation import gettext as _

from .city_links import is_signup
from .dates import says_when_posted
from .document import Document, Link
from .page_cities import leading_cities
from .page_evidence import (
    URL,
    ConfirmedEvent,
    PageEvidence,
    clocks_in,
    named_cities,
    normalized_url,
)
from .vocabulary import fold

# Words asking readers to pass the page on: a link beside them is the page's own address.
_SHARE_WORDS = (
    "share this", "share the page", "deel deze", "teilen", "teilt diese", "partagez",
    "partager", "comparte", "compartir", "compartilh", "partilh", "condividi", "dela gärna",
    "dela sidan", "sdilejte", "sdilet", "udostepnij", "paylaşın", "paylas", "シェア", "共有",
    "شارك",
)  # fmt: skip


def _starting_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for any of `words` (folded) where a word starts ("teilen", not
    "mitteilen"); inside a word for scripts written without spaces ("サイトを更新")."""
    parts = [
        rf"(?<!\w){re.escape(fold(word))}" if word[0].isascii() else re.escape(fold(word))
        for word in words
    ]
    return re.compile("|".join(parts))


_SHARE = _starting_words(_SHARE_WORDS)
# Front matter keys that hold the page's own address.
_ADDRESS_KEYS = ("url", "canonical", "canonical_url", "canonicalurl", "permalink", "link")
# Where a sentence ends: not in "22. Mai", a date with its day's full stop.
_SENTENCE_END = re.compile(r"(?<=[^\d\s][.!?。！？])\s+")
_THEMATIC_BREAK = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# The most lines a footer has.
_FOOTER_LINES = 3
# Where a footer line's parts end: "Association · Street 80, City · updated 3 May 2027".
# (Not at ". ": "22. Mai" is one date.)
_PARTS = re.compile(r"\s+[·|•]\s+")


def check_confirmed(
    confirmed: list[ConfirmedEvent], evidence: PageEvidence, document: Document
) -> list[ConfirmedEvent]:
    """The confirmed events with the facts that are not theirs left out, and repeats joined."""
    lines = document.body.rstrip().split("\n")
    footer = page_footer(lines)
    event_days = _days_of_events(evidence, document.title, lines[: len(lines) - footer])
    # The page's lines as the evidence has them (words of scripts without spaces set apart).
    page_lines = "\n".join(evidence.lines).rstrip().split("\n")
    before_footer = fold("\n".join(page_lines[: len(page_lines) - footer]))
    own_addresses = page_addresses(evidence, document)
    cities = dict(leading_cities(evidence))
    cities |= {e.city_id: e.place.country for e in confirmed if e.place and e.city_id}
    sentences = _sentences(document, cities) if len(cities) > 1 else []
    for event in confirmed:
        reason = _why_no_event(event, evidence, sentences, event_days)
        if reason:
            # Its other facts are not taken for an event the page does have either.
            event.refused.append(reason)
            event.place = event.city_id = event.day = event.last_day = None
            continue
        if event.day and event.last_day and not _is_span_of_page(event, evidence):
            event.refused.append(
                _("the page writes no span of days from %(first)s to %(last)s (two events "
                  "given as one?); the last day is left out")
                % {"first": event.day.isoformat(), "last": event.last_day.isoformat()}
            )  # fmt: skip
            event.last_day = None
        if event.venue and footer and not _writes(before_footer, event.venue):
            event.refused.append(
                _("the model's venue “%(venue)s” is written only in the page's footer; left out")
                % {"venue": event.venue}
            )
            event.venue = ""
        if event.signup_url and normalized_url(event.signup_url) in own_addresses:
            event.refused.append(
                _("the model's signup link “%(url)s” is the address of the page itself; "
                  "left out")
                % {"url": event.signup_url}
            )  # fmt: skip
            event.signup_url = ""
        if event.signup_url and not _is_offered_for_signup(event.signup_url, evidence):
            event.refused.append(
                _("the page offers the chat “%(url)s” as a place to talk, not to sign up for "
                  "the event; the model's signup link is left out")
                % {"url": event.signup_url}
            )  # fmt: skip
            event.signup_url = ""
    return _joined_repeats(confirmed)


def _is_offered_for_signup(url: str, evidence: PageEvidence) -> bool:
    """Whether a line writing `url` offers it for signing up: any web page may be, a chat
    invite only where its line asks to sign up through it (the rules' `is_signup`)."""
    wanted = normalized_url(url)
    lines = [line for line in evidence.lines
             if any(normalized_url(u) == wanted for u in URL.findall(line))]  # fmt: skip
    link = Link(url, url)
    return not lines or any(is_signup(link, line, evidence.language) for line in lines)


def _why_no_event(
    event: ConfirmedEvent,
    evidence: PageEvidence,
    sentences: list[tuple[str, set[int]]],
    event_days: set[date],
) -> str:
    """Why the model's event is none of the page's, or "": its day is the page's own date, one
    before the page was posted while it announces later ones, or one the page gives only to
    other cities while it merely mentions this one."""
    if event.day is None or event.place is None or event.city_id is None:
        return ""
    if event.day not in event_days and event_days - {event.day}:
        return _(
            "the page writes %(date)s only as the day it was posted or updated; the model's "
            "event on that day is left out"
        ) % {"date": event.day.isoformat()}
    posted = evidence.posted
    if posted and event.day < posted and any(day >= posted for day in event_days):
        # "Previous action: Poznań, 4 September": a page announcing what is to come mentions
        # what was; the model's event on a day before the post is none of its events.
        return _(
            "the page writes %(date)s, a day before it was posted (%(posted)s), of an action "
            "already past; the model's event on that day is left out"
        ) % {"date": event.day.isoformat(), "posted": posted.isoformat()}
    writing = [named for text, named in sentences if event.day in evidence.days_in(text)]
    # A city with a time of its own has an event of its own, whose day may be another's
    # ("in Cádiz the same day at 18:00"); one only mentioned has none.
    has_time = any(clocks_in(text) for text, named in sentences if event.city_id in named)
    if writing and not has_time and all(named and event.city_id not in named for named in writing):
        return _(
            "the page gives %(date)s only to another city than %(city)s; the model's event "
            "there on that day is left out"
        ) % {"date": event.day.isoformat(), "city": event.place.city}
    return ""


def _days_of_events(evidence: PageEvidence, title: str, lines: list[str]) -> set[date]:
    """The days the title and body write in lines (or parts of a footer line) about anything
    but the page itself ("updated 3 May 2027"), its footer left out; the front matter's date
    is the post's."""
    days: set[date] = set()
    for line in [title, *lines]:
        for part in _PARTS.split(line):
            if not says_when_posted(part):
                days |= evidence.days_in(part)
    return days


def page_footer(lines: list[str]) -> int:
    """How many of the body's last `lines` are its footer: those after a last thematic break
    ("---") that only a few lines follow (who publishes the page, where, when updated)."""
    for back, line in enumerate(reversed(lines), start=1):
        if _THEMATIC_BREAK.match(line):
            after = [text for text in lines[len(lines) - back + 1 :] if text.strip()]
            return back - 1 if 0 < len(after) <= _FOOTER_LINES else 0
    return 0


def _writes(folded_text: str, words: str) -> bool:
    folded = fold(words)
    pattern = rf"(?<!\w){re.escape(folded)}(?!\w)"
    return bool(folded) and re.search(pattern, folded_text) is not None


def _sentences(document: Document, cities: dict[int, str]) -> list[tuple[str, set[int]]]:
    """(sentence, which of `cities` it names) for each sentence of the body: "Saturday 13 June
    we are in two cities." names none, so its day is every city's."""
    return [
        (sentence, named_cities(sentence, cities))
        for paragraph in document.body.split("\n\n")
        for sentence in _split_sentences(paragraph)
    ]


def _split_sentences(paragraph: str) -> list[str]:
    """The sentences of `paragraph`; a full stop before a digit or a word in lower case ends
    an abbreviation, not a sentence: "lördag 20 november kl. 13:00 i Malmö", "2027 r. w"."""
    sentences, start = [], 0
    for end in _SENTENCE_END.finditer(paragraph):
        following = paragraph[end.end() : end.end() + 1]
        if following.isdigit() or following.islower():
            continue
        sentences.append(paragraph[start : end.start()])
        start = end.end()
    return [*sentences, paragraph[start:]]


def _is_span_of_page(event: ConfirmedEvent, evidence: PageEvidence) -> bool:
    assert event.day is not None and event.last_day is not None
    return any(first <= event.day and event.last_day <= last for first, last in evidence.windows)


def page_addresses(evidence: PageEvidence, document: Document) -> set[str]:
    """The page's own address as it gives it: in its front matter, or beside a word asking
    readers to share it."""
    found = set()
    for key, value in document.front_matter.extra.items():
        if fold(str(key)).replace("-", "_") in _ADDRESS_KEYS and isinstance(value, str):
            found |= {normalized_url(url) for url in URL.findall(value)}
    for line in evidence.lines:
        if _SHARE.search(fold(line)):
            found |= {normalized_url(url) for url in URL.findall(line)}
    return found


def _joined_repeats(confirmed: list[ConfirmedEvent]) -> list[ConfirmedEvent]:
    """One event for two in the same city on the same day whose facts do not differ: each
    fact the second has that the first lacks is added to the first."""
    kept: list[ConfirmedEvent] = []
    for event in confirmed:
        same = next((k for k in kept if _is_repeat(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        if same.starts is None and event.starts is not None:
            same.starts, same.ends, same.zone = event.starts, event.ends, event.zone
        same.venue = same.venue or event.venue
        same.signup_url = same.signup_url or event.signup_url
        same.last_day = same.last_day or event.last_day
        same.refused += [message for message in event.refused if message not in same.refused]
    return kept


def _is_repeat(one: ConfirmedEvent, other: ConfirmedEvent) -> bool:
    if one.city_id is None or one.day is None:
        return False
    if (one.city_id, one.day, one.is_cancelled) != (other.city_id, other.day, other.is_cancelled):
        return False
    if one.starts and other.starts and one.starts != other.starts:
        return False
    if one.signup_url and other.signup_url and one.signup_url != other.signup_url:
        return False
    return not one.venue or not other.venue or _is_same_venue(one.venue, other.venue)


def _is_same_venue(one: str, other: str) -> bool:
    """ "Augustusplatz" and "Augustusplatz vor der Oper": one place, written out less or more."""
    shorter, longer = sorted((fold(one), fold(other)), key=len)
    return re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer) is not None
