"""Great-circle distances, and the bounding boxes that prefilter them in the database."""

import math
from dataclasses import dataclass
from enum import StrEnum

# The mean Earth radius (IUGG); the haversine formula's error against the ellipsoid is < 0.5 %.
EARTH_RADIUS_KM = 6371.0088
KM_PER_MILE = 1.609344


class Units(StrEnum):
    KILOMETRES = "km"
    MILES = "mi"

    def from_km(self, km: float) -> float:
        return km / KM_PER_MILE if self is Units.MILES else km

    def to_km(self, value: float) -> float:
        return value * KM_PER_MILE if self is Units.MILES else value


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return km_from_half_chord_squared(a)


def km_from_half_chord_squared(a: float) -> float:
    """The haversine's last step: from `a` (the squared half chord) to kilometres."""
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class BoundingBox:
    """Every point within a radius lies inside: latitudes, and one or two longitude ranges."""

    min_latitude: float
    max_latitude: float
    # One range, or two when the box crosses the antimeridian (±180°).
    longitude_ranges: tuple[tuple[float, float], ...]

    def contains(self, latitude: float, longitude: float) -> bool:
        return self.min_latitude <= latitude <= self.max_latitude and any(
            low <= longitude <= high for low, high in self.longitude_ranges
        )


def bounding_box(latitude: float, longitude: float, radius_km: float) -> BoundingBox:
    """The smallest latitude/longitude box around a circle on the sphere.

    Follows J. P. Matuschek, "Finding Points Within a Distance of a Latitude/Longitude Using
    Bounding Coordinates": the longitude span is asin(sin r / cos φ), which is wider than the
    naive r / cos φ at high latitudes; when a pole lies within the circle every longitude does.
    """
    angular = radius_km / EARTH_RADIUS_KM
    phi, lam = math.radians(latitude), math.radians(longitude)
    min_phi, max_phi = phi - angular, phi + angular
    if min_phi <= -math.pi / 2 or max_phi >= math.pi / 2:
        return BoundingBox(
            min_latitude=math.degrees(max(min_phi, -math.pi / 2)),
            max_latitude=math.degrees(min(max_phi, math.pi / 2)),
            longitude_ranges=((-180.0, 180.0),),
        )
    delta = math.asin(min(1.0, math.sin(angular) / math.cos(phi)))
    low, high = math.degrees(lam - delta), math.degrees(lam + delta)
    ranges: tuple[tuple[float, float], ...]
    if low < -180:
        ranges = ((low + 360, 180.0), (-180.0, high))
    elif high > 180:
        ranges = ((low, 180.0), (-180.0, high - 360))
    else:
        ranges = ((low, high),)
    return BoundingBox(
        min_latitude=math.degrees(min_phi),
        max_latitude=math.degrees(max_phi),
        longitude_ranges=ranges,
    )
