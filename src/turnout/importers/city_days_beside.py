"""The day of a city whose bullet tells it beside the page's own: "the day before (Friday)",
"am Vortag", "Sunday only" on a weekend's page, "- Saturday: [tickets](…)" under a city of both
days, "Mon" opening a bullet under a dated heading.

A page announces one day or a few; these words name a city's day from them, so that an event
on another day keeps its own rather than being merged into the campaign's first.
"""

import re
from datetime import date, timedelta

from .city_list_reading import ReadingContext
from .date_names import weekday_numbers
from .document import Block
from .times import strip_times
from .vocabulary import fold, phrases

# Days counted from the campaign's day, for a city that holds its action beside it: "the
# day before (Friday)" is one day before the day the page announces.
DAYS_BESIDE_THE_CAMPAIGN: dict[int, dict[str, tuple[str, ...]]] = {
    -1: {
        "en": ("the day before", "the evening before", "the night before"),
        "nl": ("de dag ervoor", "de avond ervoor", "de dag daarvoor"),
        "de": ("am vortag", "am vorabend", "am tag davor"),
        "fr": ("la veille",),
        "es": ("el dia anterior", "la vispera", "la noche anterior"),
        "it": ("il giorno prima", "la sera prima", "la vigilia"),
        "pt": ("na vespera", "no dia anterior", "o dia anterior"),
    },
    1: {
        "en": ("the day after", "the next day", "the following day"),
        "nl": ("de dag erna", "de dag daarna", "de volgende dag"),
        "de": ("am tag danach", "am folgetag", "am folgenden tag"),
        "fr": ("le lendemain",),
        "es": ("el dia siguiente", "al dia siguiente"),
        "it": ("il giorno dopo", "il giorno seguente"),
        "pt": ("no dia seguinte", "o dia seguinte"),
    },
}


def days_beside_phrases(language: str | None) -> list[str]:
    """The folded phrases of `DAYS_BESIDE_THE_CAMPAIGN` a page in `language` may use."""
    return [p for words in DAYS_BESIDE_THE_CAMPAIGN.values() for p in phrases(words, language)]


def weekday_of_the_window(text: str, context: ReadingContext) -> date | None:
    """On a page of a weekend or a week of action, the day a piece of a bullet names by its
    weekday alone: "Bedford Square, Sunday only, 12–3pm" is that window's Sunday."""
    if context.day is not None or context.window[1] == context.window[0]:
        return None
    for piece in re.split(r"[,;(|·•]|\s[-–—]\s", strip_times(text)):
        piece = ONLY_THAT_DAY.sub("", piece.strip(" *_.)"))
        if piece and (day := weekday_in_window(piece, context)) is not None:
            return day if day <= context.window[1] else None
    return None


def day_of_a_weekday_item(block: Block, context: ReadingContext) -> date | None:
    """The day of an item that is a weekday and its link alone ("- Saturday: [tickets](…)"),
    on a page of several days."""
    if not block.links or context.day is not None or context.window[1] == context.window[0]:
        return None
    text = without_links(block).strip(" *_:–—-")
    return weekday_of_the_window(text, context) if re.fullmatch(r"[^\W\d_]+", text) else None


# "Sunday only", "nur Sonntag": a weekday said to be the one day of a city's action.
ONLY_THAT_DAY = re.compile(
    r"(?i)^(?:only|nur(?: am)?|seulement le|alleen op|solo el|solo il|apenas)\s+|"
    r"\s+(?:only|seulement|alleen|uniquement)$"
)


def day_beside_the_campaign(text: str, context: ReadingContext) -> date | None:
    """The day "the day before (Friday)" or "am Vortag" means: counted from the day the page
    announces, so a city acting a day early keeps its own day rather than the campaign's."""
    folded = fold(text).replace("’", "'")
    if not (_BESIDE_WORDS.search(folded)):
        return None  # none of the words the phrases open with (most lines)
    for offset, words in DAYS_BESIDE_THE_CAMPAIGN.items():
        for phrase in phrases(words, context.language):
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w| tomorrow)", folded):
                return (context.day or context.window[0]) + timedelta(days=offset)
    return None


# The words that open a phrase of `DAYS_BESIDE_THE_CAMPAIGN`: a cheap test before the rest.
_BESIDE_WORDS = re.compile(r"(?<!\w)(?:the|de|am|la|le|el|al|il|na|no|o)\s")


def weekday_in_window(head: str, context: ReadingContext) -> date | None:
    """The day of the page's days (or of the week from a dated heading's) that falls on the
    weekday `head` names and nothing else ("Mon", "**Tuesday**")."""
    word = fold(head.strip(" *_")).rstrip(".")
    number = weekday_numbers(context.language).get(word)
    if number is None:
        return None
    first = context.day or context.window[0]
    last = max(context.window[1], first + timedelta(days=6))
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return next((day for day in days if day.weekday() == number), None)


def without_links(block: Block) -> str:
    """The text of a block without its links' words and addresses."""
    text = block.text
    for link in block.links:
        text = text.replace(link.text, " ").replace(link.url, " ")
    return text
