"""The venue a city bullet gives beside its city: "**Stockholm** – Mynttorget – [Facebook](…)",
"Verzamelen: Neude, 3512 AE Utrecht", "Tập trung tại Vườn hoa Lý Thái Tổ, lúc 6h30".

Apart from `city_place_words`, which finds the city, so that what is said beside a venue (its
time, its day, its fate, its label, a postcode alone) is set aside in one place.
"""

import re

from .city_days_beside import ONLY_THAT_DAY, days_beside_phrases
from .city_place_words import is_date_word
from .city_titles import TITLE_BRACKETS
from .date_cases import SHORT_WEEKDAYS
from .date_names import weekday_numbers
from .dates import find_dates
from .details import is_cancelled
from .document import Block
from .event_words import SIGNUP
from .times import find_times, strip_times, zone_named
from .vocabulary import (
    TO_BE_ANNOUNCED,
    VENUE_OPENERS,
    WHERE_LABELS,
    contains_phrase,
    fold,
    phrases,
)

# A day as Japanese, Chinese and Korean write it, with its weekday in brackets ("6月12日（土）").
_EAST_ASIAN_DAY = re.compile(
    r"(?:\d{4}\s?[年년]\s?)?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일](?:\s?[（(][^）)\d]{1,3}[）)])?"
)


def venue_beside(
    text: str, block: Block, language: str | None, *, city: str = "", title: str = ""
) -> str:
    """The venue a city bullet gives beside the city: "**Stockholm** – Mynttorget –
    [Facebook](…)", "**Roma** – Piazza della Repubblica, ore 9:30 – [iscriviti](…)"; a part
    that is only the `city` is none ("Fossil Free Pensions – Montréal – CPP Investments"), nor
    one that is the page's `title` less its year ("Cluj-Napoca: Marșul pentru păduri")."""
    parts = _VENUE_AFTER.split(text)
    for part in parts[1:]:
        if city and fold(part.strip(" *_")) == fold(city):
            continue
        if _is_event_name(part, title) or TITLE_BRACKETS.search(part):
            continue  # the event's name, or its title "【東京】気候正義マーチ"
        ends_in_link = any(
            link.text and part.rstrip(" .,;)").endswith(link.text) for link in block.links
        )
        for link in block.links:
            if not _is_venue_page(link.url):  # "[Praia do Orzán](…/lugares/orzan/)" names it
                part = part.replace(link.text, " ")
        # CJK, Arabic and Ethiopic commas
        part = part.replace("、", ",").replace("，", ",").replace("،", ",").replace("፣", ",")
        part = part.replace("\u3000", ",")  # Japanese set a line's fields apart with a wide space
        # "(klo 13 Suomen aikaa)", "(was 14:00)": an aside about the hour, not the place.
        part = _ASIDE.sub(lambda m: " " if find_times(m.group()) else m.group(), part)
        # What a removed time leaves at the end: "de" of "de 14h à 16h", "오후" of "오후 3시".
        part = ", ".join(_without_time(piece) for piece in part.split(","))
        part = re.sub(r"\([^)]*\)?|\[[^\]]*\]", " ", strip_times(part))
        # "Mynttorget kl. 12–14. Talen livesänds på …": the sentence the time ended ends the
        # venue; what follows its lone full stop says something else.
        sentences = _LONE_STOP.split(part, maxsplit=1)
        part = sentences[0]
        part = _EAST_ASIAN_DAY.sub(" ", part)  # "6月14日(土) 14:00 新宿駅南口": no comma after it
        # "13:30〜" from then on; "→ [Sign up]" pointing at the link.
        part = " ".join(part.split()).strip(" ,.;:*_–-、，。〜~→⇒➡👉・·｜")
        # What a removed time leaves of its sentence: "von , Odeonsplatz", "from , Briggate".
        # (Lower-case only: "大通公園, 時間未定" is a venue of four letters that have no case.)
        if (left := re.match(r"^([^\W\d_A-Z]{2,5})\s*,\s*", part)) and left.group(1).islower():
            part = part[left.end() :]
        # A day beside the venue ("March 4, Boston Common") is no part of it, nor what the
        # line says of its time or fate ("à confirmer", "avlyst"), nor a postcode alone.
        part = ", ".join(
            piece.strip() for piece in part.split(",")
            if piece.strip() and not _is_beside_the_venue(piece, language)
        )  # fmt: skip
        if not part or contains_phrase(part, TO_BE_ANNOUNCED, language):
            continue
        if fold(part) in phrases(WHERE_LABELS, language):
            continue  # "Verzamelen: Neude" names the venue after its label
        if is_cancelled(part, language) and len(part.split()) <= _OUTCOME_WORDS:
            continue  # "**Leuven** – afgelast" says what became of it, not where
        before_signup = part
        part = without_signup_words(part, language)  # "Westlake Park. RSVP: https://…"
        # What a time before the signup words left: "Sheshi Skënderbej, ora 18:00. Regjistrohu".
        is_cut = part != before_signup or len(sentences) > 1
        part = _LEFT_BY_TIME.sub("", part) if is_cut else part
        if ends_in_link:  # "Rožu laukums. Pieteikties [šeit](…)": the link's label
            part = _without_link_label(part)
        part = _without_opener(part, language)  # "Tập trung tại Vườn hoa Lý Thái Tổ"
        # A venue has a word of three letters (those of India's scripts with their marks:
        # "जंतर", "மைதானம்"), or two in Chinese or Japanese ("梅田").
        if find_dates(part, language=language) or not re.search(
            r"[^\W\d_]{3,}|[\u3040-\u30ff\u4e00-\u9fff]{2,}|[\u0900-\u0dff]{3,}", part
        ):
            continue
        return part[:200]
    return ""


def _is_event_name(part: str, title: str) -> bool:
    """Whether a part of two words or more is how the page's title begins: the event's name
    ("Marșul pentru păduri" on the page "Marșul pentru păduri 2027")."""
    name = fold(part.strip(" *_"))
    return len(name.split()) >= _NAME_WORDS and fold(title).startswith(name)


_NAME_WORDS = 2


# The page of a venue, as event plugins link a card's location: The Events Calendar's
# "/venue/…", Events Manager's "/locations/…" (translated by the site: "/lugares/", "/orte/").
_VENUE_PAGE = re.compile(
    r"^https?://[^/]+(?:/[^/?#]+)*?/(?:venues?|locations?|lugares|luoghi|lieux|orte"
    r"|locaties|locais|miejsca|mekanlar)/[^/?#]+/?(?:[?#].*)?$",
    re.I,
)


def _is_venue_page(url: str) -> bool:
    return bool(_VENUE_PAGE.match(url))


_LONE_STOP = re.compile(r"(?<=\w)(?:\s*,)?\s+\.\s+(?=\w)")
_LEFT_BY_TIME = re.compile(r",\s*[^\W\d_A-Z]{1,5}$")
_ASIDE = re.compile(r"\([^()]*\d[^()]*\)")


def _without_time(piece: str) -> str:
    """A piece of a venue without its time, and without the short word the time leaves."""
    bare = strip_times(piece)
    if bare.strip() != piece.strip() and re.fullmatch(r"\s*[^\W\d_A-Z]{1,5}\s*", bare):
        return ""
    return bare


def _is_beside_the_venue(piece: str, language: str | None) -> bool:
    """Whether a comma's piece of a venue says something else: a day, a note that details
    are to come, that the event is off, or a postcode alone ("SE1 7SP", "00-277")."""
    words = piece.split()
    letters = re.findall(r"[^\W\d_]+", ONLY_THAT_DAY.sub("", piece.strip()))  # "Sunday only"
    return bool(
        find_dates(piece, language=language)
        or (letters and all(is_date_word(word, language) for word in letters))  # "Saturday"
        or fold(piece.strip()) in weekday_numbers(language)  # "Chủ Nhật", in two words
        or fold(piece.strip().rstrip(".")) in _SHORT_WEEKDAYS  # "Sa., 14.6." less its day
        or _YEAR_ALONE.fullmatch(piece.strip())
        or contains_phrase(piece, TO_BE_ANNOUNCED, language)
        or fold(piece.strip()) in days_beside_phrases(language)  # "the day before"
        or (is_cancelled(piece, language) and len(words) <= _OUTCOME_WORDS)
        or _POSTCODE_ALONE.fullmatch(piece.strip())
        or (piece.strip().isupper() and bool(zone_named(piece.strip())))  # "13:00 - JST"
    )


_SHORT_WEEKDAYS = frozenset(fold(day) for days in SHORT_WEEKDAYS.values() for day in days)
# A year left of a day whose other pieces were set apart ("Chủ Nhật, 14 tháng 11, 2027").
_YEAR_ALONE = re.compile(r"(?:19|20)\d{2}")
# Postcodes written apart from their city: British and Canadian ones, and digits ("00-277").
_POSTCODE_ALONE = re.compile(
    r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{2,3}-?\d{3}"
)


# What separates a city from its venue: "Stockholm – Mynttorget", "Amsterdam (NL): 15:00 @
# Dam", "Rotterdam: Schouwburgplein, 13:00", "Lyon 📍 Place Bellecour".
# "Seoul / Gwanghwamun / 14:00" sets fields apart with a slash between spaces; a colon sets
# a label apart, never the scheme of an address from its host ("https://forms.gle/…").
_VENUE_AFTER = re.compile(
    r"\s[-–—|·•/]\s|\s*[@：]\s*|\s*📍\ufe0f?\s*|(?<!\d)(?<!https)(?<!http)\s*:(?!\d|//)\s*"
)
# A part this short that says "cancelled" beside a city tells its fate, not its venue.
_OUTCOME_WORDS = 3


def _without_opener(part: str, language: str | None) -> str:
    """The venue without the words that open it ("gather at", "tập trung tại")."""
    words = part.split()
    openers = phrases(VENUE_OPENERS, language)
    for count in range(min(5, len(words) - 1), 0, -1):
        if fold(" ".join(words[:count])) in openers:
            return " ".join(words[count:])
    return part


def venue_in_sentence(text: str, language: str | None) -> str:
    """The venue of a sentence that opens with the words for meeting there, up to its time:
    "We gather at the Mound at noon and walk down to Holyrood" → "the Mound"; "" for a
    sentence that opens otherwise or gives no time after its venue."""
    opened = _without_opener(text.strip(), language)
    if opened == text.strip():
        return ""
    for word in _BEFORE_TIME.finditer(opened):
        if find_times(opened[word.end() : word.end() + _TIME_LENGTH]):
            return opened[: word.start()].strip(" ,.;:")
    return ""


# What stands between a sentence's venue and its time ("… the Mound at noon", "…, 14:00").
_BEFORE_TIME = re.compile(r"\s+(?:at|from|around|by)\s+|,\s*|\s+(?=\d)", re.I)
_TIME_LENGTH = 20


def without_signup_words(part: str, language: str | None) -> str:
    """The venue before the words asking to sign up that end it ("City Hall. RSVP: …")."""
    words = "|".join(re.escape(phrase) for phrase in phrases(SIGNUP, language))
    # Found without accents ("Înscrieri" is "inscrieri"), a letter for each letter of `part`.
    bare = "".join(folded if len(folded := fold(c)) == 1 else c for c in part)
    found = re.search(rf"(?i)(?:[.,;]\s*|\s+)(?:{words})(?!\w).*$", bare)
    return (part[: found.start()] if found else part).strip(" ,.;:")


# The last sentence of a venue, of a few words without digits, that a link followed: "Sign up
# [here]", "Pieteikties [šeit]", "Izena eman [hemen]" in any language. The sentence before it
# ends in a word of three letters or in what a removed time left ("12.00." → " ."), so that
# "St. Peter's Square" keeps its saint.
_LINK_LABEL = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=[\s,]))[.!?]\s+[^\W\d_][^.!?\d]{0,40}$")


def _without_link_label(part: str) -> str:
    """The venue without the sentence that introduced the link after it."""
    if (label := _LINK_LABEL.search(part)) is None or len(label.group().split()) > 3:
        return part
    return part[: label.start()].strip(" ,.;:")
