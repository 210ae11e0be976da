"""Places filled in from the gazetteer, so nobody types coordinates or time zones."""

from dataclasses import dataclass

from .gazetteer import City, resolve_city


@dataclass(frozen=True)
class PlaceDetails:
    latitude: float
    longitude: float
    timezone: str
    city: City


def look_up_place(*, city: str, country: str | None) -> PlaceDetails | None:
    """Coordinates and time zone of a city typed by an organizer, if the gazetteer knows it."""
    found = resolve_city(city.strip(), country=country or None) if city.strip() else None
    if found is None:
        return None
    return PlaceDetails(
        latitude=found.latitude, longitude=found.longitude, timezone=found.timezone, city=found
    )


def complete_coordinates(event) -> bool:
    """Give an event (or anything with city, country, latitude, longitude) its coordinates.

    Only empty coordinates are filled: what an organizer typed is never overwritten. The time
    zone is not touched here, because start and end were typed as wall-clock times in the
    zone already chosen; forms resolve it before converting them (see
    `turnout.places.forms.PlaceFieldsMixin`).
    """
    if event.latitude is not None and event.longitude is not None:
        return False
    details = look_up_place(city=event.city or "", country=event.country)
    if details is None:
        return False
    event.latitude, event.longitude = details.latitude, details.longitude
    return True
