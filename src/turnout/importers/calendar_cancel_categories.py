"""An entry that its CATEGORIES call off ("Annulé", "abgesagt", "Cancelled"), as calendars
without STATUS:CANCELLED mark one (Timely, WebUntis, CalendarWiz): one category of the words
alone, not a theme that mentions them."""

from .details import is_cancelled

# "Abgesagt", "Annulé – reporté": a word or two. A longer category is a theme.
_MAX_CATEGORY_LENGTH = 40


def is_called_off_by_category(component, language: str | None) -> bool:
    """Whether one of `component`'s CATEGORIES says no more than that it is called off."""
    return any(
        len(name) <= _MAX_CATEGORY_LENGTH and is_cancelled(name, language)
        for name in _categories(component)
    )


def _categories(component) -> list[str]:
    found = component.get("CATEGORIES")
    properties = found if isinstance(found, list) else [found] if found is not None else []
    names: list[str] = []
    for prop in properties:
        values = getattr(prop, "cats", None)
        if values is None:  # a value the parser left as text: "a,b" as written
            values = str(prop).split(",")
        names += [str(value).strip() for value in values if str(value).strip()]
    return names
