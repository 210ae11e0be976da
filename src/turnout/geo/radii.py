"""How far a nearby search reaches: the one home of the default and the allowed radii.

The events index, the home page's search and banner, and the API all read these, so "within
100 km" on one page is 100 km on the next.
"""

from .distance import Units

# What the radius box offers, per unit. Miles are rounded neighbours of the kilometres.
RADIUS_CHOICES: dict[Units, tuple[int, ...]] = {
    Units.KILOMETRES: (10, 25, 50, 100, 250, 500, 1000, 2500),
    Units.MILES: (5, 15, 30, 60, 150, 300, 600, 1500),
}
DEFAULT_RADIUS: dict[Units, int] = {Units.KILOMETRES: 100, Units.MILES: 60}
DEFAULT_RADIUS_KM = DEFAULT_RADIUS[Units.KILOMETRES]
# The bounds of any search, in kilometres (the API takes any whole number between them).
MIN_RADIUS_KM = 5
MAX_RADIUS_KM = 2500


def allowed_radius(requested: str | int | None, units: Units) -> int:
    """The radius a search uses for what was asked: the default when nothing (or nonsense) was
    asked, else the smallest choice at least as large, so a search never quietly narrows;
    beyond the largest choice, the largest."""
    choices = RADIUS_CHOICES[units]
    try:
        value = float(requested)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_RADIUS[units]
    if value != value:  # NaN
        return DEFAULT_RADIUS[units]
    return next((choice for choice in choices if choice >= value), choices[-1])


def radius_km(radius: int, units: Units) -> float:
    """A radius in the visitor's units, in kilometres, within the bounds of any search."""
    return min(max(units.to_km(radius), MIN_RADIUS_KM), MAX_RADIUS_KM)
