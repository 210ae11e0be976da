"""A LOCATION that is only a link to a map (Google Maps, OpenStreetMap, Apple Maps, Bing,
Yandex), as people paste one in place of an address: the point it shows and the place's name
where the link spells it out."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote_plus, urlsplit

_ONE_LINK = re.compile(r"\s*<?(https?://\S+?)>?\s*")
_MAP_HOSTS = re.compile(
    r"(^|\.)(google\.[a-z.]+|goo\.gl|openstreetmap\.org|osm\.org|maps\.apple\.com|bing\.com"
    r"|yandex\.[a-z.]+|here\.com|waze\.com)$"
)
_NUMBER = r"(-?\d{1,3}(?:\.\d+)?)"
_PAIR = re.compile(rf"{_NUMBER}\s*(?:,|%2C|~)\s*{_NUMBER}", re.I)
_AT_POINT = re.compile(rf"/@{_NUMBER},{_NUMBER}")  # Google's "/@47.1652,27.5806,17z"
_OSM_HASH = re.compile(rf"map=\d+(?:\.\d+)?/{_NUMBER}/{_NUMBER}")  # "#map=18/46.77/23.59"
_GOOGLE_PLACE = re.compile(r"/maps/place/([^/@?#]+)")


@dataclass(frozen=True)
class MapLink:
    words: str  # the place's name as the link spells it, else ""
    point: tuple[float, float] | None  # (latitude, longitude), if the link gives it


def map_link(location: str) -> MapLink | None:
    """What a LOCATION made of one map link shows; None for any other LOCATION."""
    found = _ONE_LINK.fullmatch(location)
    if found is None:
        return None
    url = found[1]
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not _MAP_HOSTS.search(host) or (
        "google." in host and not parts.path.startswith("/maps") and "maps." not in host
    ):
        return None
    query = {key.lower(): values[0] for key, values in parse_qs(parts.query).items() if values}
    return MapLink(words=_words(parts.path, query), point=_point(url, host, query))


def _point(url: str, host: str, query: dict[str, str]) -> tuple[float, float] | None:
    if "mlat" in query and "mlon" in query:
        candidates = [f"{query['mlat']},{query['mlon']}"]
    else:
        candidates = [query.get(k, "") for k in ("ll", "q", "query", "sll", "cp", "pt", "daddr")]
    for candidate in candidates:
        if pair := _PAIR.fullmatch(candidate.strip()):
            first, second = float(pair[1]), float(pair[2])
            # Yandex writes longitude first.
            return _on_earth(second, first) if "yandex." in host else _on_earth(first, second)
    for pattern in (_AT_POINT, _OSM_HASH):
        if match := pattern.search(url):
            return _on_earth(float(match[1]), float(match[2]))
    return None


def _on_earth(latitude: float, longitude: float) -> tuple[float, float] | None:
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180) or latitude == longitude == 0:
        return None
    return latitude, longitude


def _words(path: str, query: dict[str, str]) -> str:
    """ "Piața Unirii, Iași" from ".../maps/place/Pia%C8%9Ba+Unirii,+Ia%C8%99i/@…"."""
    named = _GOOGLE_PLACE.search(path)
    candidates = [named[1] if named else "", *(query.get(k, "") for k in ("q", "query", "address"))]
    for candidate in candidates:
        words = " ".join(unquote_plus(candidate).split())
        if words and not _PAIR.fullmatch(words) and re.search(r"[^\W\d_]", words):
            return words[:200]
    return ""
