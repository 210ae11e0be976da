"""What a calendar entry's LOCATION holds in place of a place: the link of a Nextcloud Talk
conversation, which Nextcloud Calendar writes there when a call is added to the event (the
call of an online meeting, on whatever server the group runs), or words saying that the
place is not chosen yet (Meetup's "Needs a location", "TBA", "à définir")."""

import re

from .meeting_links import is_talk_room

_URL = re.compile(r"https?://[^\s<>\"'\\)\]]+", re.I)
_NOT_SET = re.compile(
    r"needs a location|(?:location|venue|place)?\s*(?:tba|tbd|tbc)|to be (?:announced|"
    r"confirmed|determined)|à (?:définir|confirmer|venir)|lieu à (?:définir|confirmer)|"
    r"por (?:definir|confirmar)|a definir|da definire|wird noch bekannt gegeben|(?:ort )?folgt|"
    r"n\.?\s?n\.?|θα ανακοινωθεί",
    re.I,
)


def talk_rooms_in(text: str) -> list[str]:
    """The Nextcloud Talk links written in `text`, in order."""
    return [url for url in (m.rstrip(".,;:!?") for m in _URL.findall(text)) if is_talk_room(url)]


def without_talk_rooms(text: str) -> str:
    """`text` without its Talk links: a description is public, the call is not."""

    def drop(match: re.Match) -> str:
        url = match[0].rstrip(".,;:!?")
        return match[0][len(url) :] if is_talk_room(url) else match[0]

    return _URL.sub(drop, text)


def place_not_set(location: str) -> bool:
    """Whether LOCATION only says the place is still to be chosen ("Needs a location")."""
    words = re.sub(r"[\s,;:()\[\]!.?–—-]+", " ", location).strip()
    return bool(words) and _NOT_SET.fullmatch(words) is not None
