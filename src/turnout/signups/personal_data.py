"""What apps above `signups` hold about a participant, for the privacy export.

Those apps (roles, follow-up) keep rows that hang off a signup. They register a function here
from `AppConfig.ready()`, as participant sections do (`sections.py`); the export asks each for
its part of each signup, so it lists everything held without `signups` importing them:

    register_personal_data("role", role_of)

`part(signup)` returns a JSON-ready dict, or None when the app holds nothing for that signup.
Erasure goes the other way: the `signups_anonymized` signal tells the apps to clear theirs.
"""

from collections.abc import Callable

from .models import Signup

PersonalDataPart = Callable[[Signup], dict | None]

_parts: dict[str, PersonalDataPart] = {}


def register_personal_data(name: str, part: PersonalDataPart) -> None:
    """Add (or replace, by name) a part of each signup's entry in the export."""
    _parts[name] = part


def registered_parts(signup: Signup) -> dict[str, dict]:
    """Each registered app's part of `signup`, by name, leaving out those that hold nothing."""
    found = {name: part(signup) for name, part in sorted(_parts.items())}
    return {name: value for name, value in found.items() if value is not None}
