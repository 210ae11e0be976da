"""What a calendar entry's LOCATION holds in place of a place: words saying that the place is
not chosen yet (Meetup's "Needs a location", "TBA", "à définir"). A call's link there (a
Nextcloud Talk room, which Nextcloud Calendar writes when a call is added) is a meeting link
like any other (`meeting_links`)."""

import re

_NOT_SET = re.compile(
    r"needs a location|(?:location|venue|place)?\s*(?:tba|tbd|tbc)|to be (?:announced|"
    r"confirmed|determined)|à (?:définir|confirmer|venir)|lieu à (?:définir|confirmer)|"
    r"por (?:definir|confirmar)|a definir|da definire|wird noch bekannt gegeben|(?:ort )?folgt|"
    r"n\.?\s?n\.?|θα ανακοινωθεί",
    re.I,
)


def place_not_set(location: str) -> bool:
    """Whether LOCATION only says the place is still to be chosen ("Needs a location")."""
    words = re.sub(r"[\s,;:()\[\]!.?–—-]+", " ", location).strip()
    return bool(words) and _NOT_SET.fullmatch(words) is not None
