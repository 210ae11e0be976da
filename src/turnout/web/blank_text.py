"""Text that shows nothing: a name of zero-width spaces or Hangul fillers is a blank line on
the organizers' attendee list and the sign-in sheet, a person nobody can call out or find."""

import unicodedata

# Letters that draw nothing, unlike every other letter: the Hangul fillers and the braille
# blank, favourites of invisible user names.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def shows_nothing(text: str) -> bool:
    """Whether `text` is only blanks, invisible format characters (zero-width spaces and
    joiners, bidi marks, a byte order mark) and letters that draw nothing."""
    return all(
        c.isspace() or c in _BLANK_LETTERS or unicodedata.category(c) in ("Cf", "Cc", "Mn")
        for c in text
    )
