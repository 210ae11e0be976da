"""Coordinates and time zones of the demo's cities (until the gazetteer resolves them)."""

from typing import NamedTuple


class Place(NamedTuple):
    city: str
    country: str
    timezone: str
    latitude: float
    longitude: float


PLACES = {
    p.city: p
    for p in [
        Place("San Francisco", "US", "America/Los_Angeles", 37.7749, -122.4194),
        Place("New York City", "US", "America/New_York", 40.7128, -74.0060),
        Place("Portland", "US", "America/Los_Angeles", 45.5152, -122.6784),
        Place("Berlin", "DE", "Europe/Berlin", 52.5200, 13.4050),
        Place("Osnabrück", "DE", "Europe/Berlin", 52.2799, 8.0472),
        Place("London", "GB", "Europe/London", 51.5074, -0.1278),
        Place("Oxford", "GB", "Europe/London", 51.7520, -1.2577),
        Place("Rome", "IT", "Europe/Rome", 41.9028, 12.4964),
        Place("Milan", "IT", "Europe/Rome", 45.4642, 9.1900),
        Place("Stockholm", "SE", "Europe/Stockholm", 59.3293, 18.0686),
        Place("Den Haag", "NL", "Europe/Amsterdam", 52.0705, 4.3007),
        Place("Amsterdam", "NL", "Europe/Amsterdam", 52.3676, 4.9041),
        Place("Utrecht", "NL", "Europe/Amsterdam", 52.0907, 5.1214),
        Place("Paris", "FR", "Europe/Paris", 48.8566, 2.3522),
        Place("Oslo", "NO", "Europe/Oslo", 59.9139, 10.7522),
        Place("Kristiansand", "NO", "Europe/Oslo", 58.1467, 7.9956),
        Place("Sydney", "AU", "Australia/Sydney", -33.8688, 151.2093),
        Place("Melbourne", "AU", "Australia/Melbourne", -37.8136, 144.9631),
        Place("Ottawa", "CA", "America/Toronto", 45.4215, -75.6972),
        Place("Toronto", "CA", "America/Toronto", 43.6532, -79.3832),
        Place("Reykjavík", "IS", "Atlantic/Reykjavik", 64.1466, -21.9426),
        Place("São Paulo", "BR", "America/Sao_Paulo", -23.5505, -46.6333),
        Place("Zürich", "CH", "Europe/Zurich", 47.3769, 8.5417),
        Place("Kinshasa", "CD", "Africa/Kinshasa", -4.4419, 15.2663),
        Place("Skopelos", "GR", "Europe/Athens", 39.1217, 23.7259),
        Place("Brussels", "BE", "Europe/Brussels", 50.8503, 4.3517),
    ]
}
