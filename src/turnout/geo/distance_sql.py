"""The great-circle distance as a database expression, so the database ranks and counts.

The SQL is `distance.haversine_km` step for step (the same operations in the same order), so
the database's order and radius agree with Python's to the last bits or so: the events a page
shows are those Python would rank there. It needs only SIN, COS, ASIN, SQRT and RADIANS,
which PostgreSQL has and SQLite has when built with its math functions (Python's usual builds;
Django registers Python versions otherwise), so no extension (PostGIS, SpatiaLite,
earthdistance) is needed.
"""

import math

from django.db.models import F, FloatField, Func

from .distance import EARTH_RADIUS_KM

# Events at one place (or a metre apart) count as equally near; then the sooner comes first.
RANK_DECIMALS = 3
RANK_SCALE = 10**RANK_DECIMALS

# One template, compiled once per query: built from Django's expression classes the same
# formula is some thirty nodes, and compiling them took longer than the database's work.
_HAVERSINE_SQL = (
    "(%(diameter)s * ASIN({least}(1.0, SQRT("
    "SIN((RADIANS({latitude}) - %(phi1)s) / 2.0) * SIN((RADIANS({latitude}) - %(phi1)s) / 2.0)"
    " + %(cos_phi1)s * COS(RADIANS({latitude}))"
    " * (SIN(RADIANS({longitude} - %(lambda1)s) / 2.0)"
    " * SIN(RADIANS({longitude} - %(lambda1)s) / 2.0))"
    "))))"
)


class DistanceKm(Func):
    """The distance in kilometres from a point to each row's (latitude, longitude)."""

    output_field = FloatField()

    def __init__(self, latitude: float, longitude: float) -> None:
        super().__init__(F("latitude"), F("longitude"))
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
        least = "MIN" if connection.vendor == "sqlite" else "LEAST"
        template = _HAVERSINE_SQL.format(
            least=least, latitude=latitude_sql, longitude=longitude_sql
        )
        return template % self.constants, []


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


def python_rank_key(distance_km: float) -> float:
    """`rank_key` as Python computes it, for a page's own order."""
    return round(distance_km * RANK_SCALE)
