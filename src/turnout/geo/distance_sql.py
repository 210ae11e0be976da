"""The great-circle distance as a database expression, so the database ranks and counts.

The SQL is `distance.haversine_km` step for step (the same operations in the same order), so
the database's order and radius agree with Python's to the last bits or so: the events a page
shows are those Python would rank there. It needs only SIN, COS, ASIN, SQRT and RADIANS,
which PostgreSQL has and SQLite has when built with its math functions (Python's usual builds;
Django registers Python versions otherwise), so no extension (PostGIS, SpatiaLite,
earthdistance) is needed.
"""

import math
import struct

from django.db.models import F, FloatField, Func

from .distance import EARTH_RADIUS_KM, km_from_half_chord_squared

# Events at one place (or a metre apart) count as equally near; then the sooner comes first.
RANK_DECIMALS = 3
RANK_SCALE = 10**RANK_DECIMALS

# One template, compiled once per query: built from Django's expression classes the same
# formula is some thirty nodes, and compiling them took longer than the database's work.
# `a`, the haversine's inner value (the squared half chord), alone: the distance only grows
# with it, so a radius is a bound on `a` (`max_half_chord_squared`) and the nearest events
# are those of smallest `a`, with no ASIN, SQRT or LEAST per row.
_HALF_CHORD_SQUARED_SQL = (
    "(SIN({d_phi} / 2.0) * SIN({d_phi} / 2.0)"
    " + %(cos_phi1)s * COS(RADIANS({latitude}))"
    " * (SIN({d_lambda} / 2.0) * SIN({d_lambda} / 2.0)))"
)
# The distance from `a`, as `distance.km_from_half_chord_squared` finishes it.
_KM_FROM_HALF_CHORD_SQL = "(%(diameter)s * ASIN({least}(1.0, SQRT({half_chord}))))"
_HAVERSINE_SQL = _KM_FROM_HALF_CHORD_SQL.replace("{half_chord}", _HALF_CHORD_SQUARED_SQL)
_D_PHI = "(RADIANS({latitude}) - %(phi1)s)"
_D_LAMBDA = "RADIANS({longitude_difference})"
_LONGITUDE_DIFFERENCE = "({longitude} - %(lambda1)s)"
# PostgreSQL stops a query with "value out of range: underflow" where a product of non-zero
# floats rounds to zero: the square of a sine under 1e-154 (places 1e-150 degrees apart), that
# times the cosines near a pole, or RADIANS of a difference under 1e-320 (a browser may send
# "0.000…01"). A difference under 1e-100 counts as that much, which changes no distance to
# the metre and keeps each step's bits otherwise. SQLite rounds to zero quietly.
_AT_LEAST_TINY = "GREATEST(ABS({difference}), CAST(1e-100 AS DOUBLE PRECISION))"
# A stored latitude under 1e-100 (typed, or from a hostile calendar) is the equator: RADIANS
# of the least subnormals is another underflow, which would fail every search near it.
_LATITUDE_OR_EQUATOR = "(CASE WHEN ABS({latitude}) < 1e-100 THEN 0.0 ELSE {latitude} END)"


class DistanceKm(Func):
    """The distance in kilometres from a point to each row's (latitude, longitude)."""

    output_field = FloatField()
    sql_template = _HAVERSINE_SQL

    def __init__(self, latitude: float, longitude: float) -> None:
        # The public coordinates: a private place is never measured (LocalEvent).
        super().__init__(F("public_latitude"), F("public_longitude"))
        phi1 = math.radians(latitude)
        # Floats written into the SQL as literals (repr round-trips exactly), not parameters:
        # PostgreSQL then plans the expression once with its constants folded.
        self.constants = {
            "diameter": _literal(2 * EARTH_RADIUS_KM),
            "phi1": _literal(phi1),
            "cos_phi1": _literal(math.cos(phi1)),
            "lambda1": _literal(longitude),
        }

    def as_sql(self, compiler, connection, **extra_context):
        latitude_sql, latitude_params = compiler.compile(self.source_expressions[0])
        longitude_sql, longitude_params = compiler.compile(self.source_expressions[1])
        assert not latitude_params and not longitude_params  # columns, never values
        sqlite = connection.vendor == "sqlite"
        d_phi = _D_PHI.format(latitude=latitude_sql)
        longitude_difference = _LONGITUDE_DIFFERENCE.format(longitude=longitude_sql)
        if not sqlite:
            latitude_sql = _LATITUDE_OR_EQUATOR.format(latitude=latitude_sql)
            d_phi = _D_PHI.format(latitude=latitude_sql)
            d_phi = _AT_LEAST_TINY.format(difference=d_phi)
            longitude_difference = _AT_LEAST_TINY.format(difference=longitude_difference)
        d_lambda = _D_LAMBDA.format(longitude_difference=longitude_difference)
        template = self.sql_template.format(
            d_phi=d_phi, d_lambda=d_lambda, latitude=latitude_sql,
            least="MIN" if sqlite else "LEAST",
        )  # fmt: skip
        return template % self.constants, []


class HalfChordSquared(DistanceKm):
    """The haversine's `a` from a point to each row: the same steps as `DistanceKm` up to it."""

    sql_template = _HALF_CHORD_SQUARED_SQL


def half_chord_squared(latitude: float, longitude: float) -> HalfChordSquared:
    return HalfChordSquared(latitude, longitude)


def max_half_chord_squared(radius_km: float) -> float:
    """The largest `a` whose distance, as `distance.haversine_km` finishes it from `a`, is at
    most `radius_km`: `a <= this` selects exactly the rows `distance <= radius_km` would.

    sin²(r / 2R) up to rounding; found exactly by bisecting the floats between 0 and 1 (their
    bit patterns are in the same order as their values), some 60 steps once per search.
    """
    if km_from_half_chord_squared(1.0) <= radius_km:
        return math.inf  # the whole sphere
    if radius_km < 0:
        return -math.inf
    low, high = 0, _bits(1.0)  # distance(low) <= radius < distance(high)
    while high - low > 1:
        middle = (low + high) // 2
        if km_from_half_chord_squared(_float(middle)) <= radius_km:
            low = middle
        else:
            high = middle
    return _float(low)


def _bits(number: float) -> int:
    return struct.unpack("<q", struct.pack("<d", number))[0]


def _float(bits: int) -> float:
    return struct.unpack("<d", struct.pack("<q", bits))[0]


def _literal(number: float) -> str:
    number = float(number)
    if not math.isfinite(number):
        raise ValueError(number)
    return f"({number!r})"  # in parentheses: "x - (-0.1)", never "x --0.1", a comment


def distance_km(latitude: float, longitude: float) -> DistanceKm:
    return DistanceKm(latitude, longitude)


def rank_key(distance: F | Func) -> Func:
    """What nearby events are ordered by first: the distance to the metre (as a whole
    number of metres; ROUND of a float, where Django's `Round` casts to numeric on
    PostgreSQL, which made ranking 8,600 events half as slow again)."""
    return Func(distance, function="ROUND", template=f"ROUND(%(expressions)s * {RANK_SCALE})",
                output_field=FloatField())  # fmt: skip


def rank_key_of_half_chord_sql(column: str, *, vendor: str) -> str:
    """`rank_key` of `DistanceKm` as SQL over a column holding each row's `a` (as
    `HalfChordSquared` computes it): the same steps from `a` on, so the same numbers."""
    least = "MIN" if vendor == "sqlite" else "LEAST"
    distance = _KM_FROM_HALF_CHORD_SQL.format(least=least, half_chord=column)
    return f"ROUND({distance % {'diameter': _literal(2 * EARTH_RADIUS_KM)}} * {RANK_SCALE})"


def python_rank_key(distance_km: float) -> float:
    """`rank_key` as Python computes it, for a page's own order."""
    return round(distance_km * RANK_SCALE)
