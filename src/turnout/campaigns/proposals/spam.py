"""Plain signals that a proposal may be spam, each worth some points and told in a sentence.

A score at or above `HOLD_THRESHOLD` holds the proposal for a coordinator, who sees the reasons
and approves, releases or rejects it: nothing is ever dropped on a score. The signals are
deliberately plain (links, throw-away addresses, many proposals at once, text seen before, a
city far from its country) so that a coordinator can check each one, and gentle with what real
organizers write: one link to the group's chat or page is normal and counts for nothing.

Reasons are stored as JSON (`{"code", "points", "params"}`) and put into words when shown, in
the reader's language.
"""

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from turnout.places.gazetteer import City, gazetteer, normalize_name, resolve_city
from turnout.web.email_addresses import normalize_email

from .models import EventProposal
from .spam_reasons import describe_reason

# Held for a person at this score or above.
HOLD_THRESHOLD = 50
MAX_SCORE = 100
# "Many proposals from one address": counted over this window before the proposal is scored.
BURST_WINDOW = timedelta(hours=24)
# "Text already seen": compared with the proposals of this period, at most this many.
SEEN_TEXT_WINDOW = timedelta(days=180)
SEEN_TEXT_MAX_COMPARED = 5000
# Shorter texts repeat innocently ("Climate strike", "Demo at noon").
MIN_REPEATED_DESCRIPTION = 40
MIN_REPEATED_TITLE = 20
# A city this far from every known city of the stated country is not a slip of the finger.
FAR_FROM_COUNTRY_KM = 1000
# A place given on the map this close to a same-named city elsewhere is that city.
SAME_PLACE_KM = 50

DISPOSABLE_DOMAINS_FILE = Path(__file__).resolve().parent / "data" / "disposable_domains.json"

# Services whose links hide where they lead; one is common, several are a chain.
URL_SHORTENERS = frozenset(
    {
        "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "v.gd",
        "buff.ly", "cutt.ly", "rebrand.ly", "shorturl.at", "tiny.cc", "rb.gy", "t.ly", "s.id",
        "bl.ink", "soo.gd", "clck.ru", "shorte.st", "adf.ly", "bc.vc", "ouo.io", "qr.ae",
        "tr.im", "x.co", "lnkd.in", "urlz.fr", "u.to", "2u.pw",
    }
)  # fmt: skip

# http(s) and "www." links; "hxxp" is how spam writes them past naive filters.
_LINK = re.compile(r"(?:\bh(?:tt|xx)ps?://|\bwww\.)[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
_LINK_MARKUP = re.compile(
    r"\[[^\[\]\n]{1,300}\]\(\s*(?:h(?:tt|xx)ps?://|www\.)"  # Markdown [text](address)
    r"|\[url[=\]]"  # BBCode [url=...] and [url]...[/url]
    r"|<a\s[^>]*href",  # HTML
    re.IGNORECASE,
)
# Characters that hide text or turn it around, used to slip words past filters. (The joiners
# U+200C/U+200D are left alone: Persian, Indic scripts and emoji need them; so is the soft
# hyphen, which text copied from web pages carries.)
_HIDDEN_CHARACTERS = frozenset(
    "\u200b\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Enough of any text to judge it, and a bound on the work a huge paste can cause.
MAX_SCANNED_CHARACTERS = 200_000
# Alphabets whose letters pass for Latin ones ("аpple" with a Cyrillic а).
_LOOKALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE"})

TEXT_FIELDS = ("title", "description", "note")


@dataclass(frozen=True)
class SpamReason:
    code: str
    points: int
    params: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"code": self.code, "points": self.points, "params": self.params}

    def describe(self) -> str:
        return describe_reason(self.as_json())


@dataclass(frozen=True)
class SpamVerdict:
    score: int
    reasons: tuple[SpamReason, ...]

    @property
    def is_held(self) -> bool:
        return self.score >= HOLD_THRESHOLD

    def reasons_as_json(self) -> list[dict]:
        return [reason.as_json() for reason in self.reasons]


def score_proposal(proposal: EventProposal, *, now: datetime) -> SpamVerdict:
    """The spam score of a proposal (its event's text, its address, its place) and why."""
    event = proposal.event
    texts = {"title": event.title, "description": event.description, "note": proposal.note}
    reasons = [
        *_link_reasons(texts, own_links=(event.signup_url, event.meeting_url)),
        *_address_reasons(proposal.proposer_email),
        *_burst_reasons(proposal, now=now),
        *_seen_text_reasons(proposal, now=now),
        *_place_reasons(event),
    ]
    reasons = [reason for reason in reasons if reason.points > 0]
    score = min(MAX_SCORE, sum(reason.points for reason in reasons))
    return SpamVerdict(score=score, reasons=tuple(reasons))


# Links -------------------------------------------------------------------------------------


def _visible(text: str) -> str:
    """Text as it reads: full-width and other compatibility letters folded, hiders removed."""
    folded = unicodedata.normalize("NFKC", (text or "")[:MAX_SCANNED_CHARACTERS])
    return "".join(character for character in folded if character not in _HIDDEN_CHARACTERS)


def _host(link: str) -> str:
    rest = link.split("://", 1)[1] if "://" in link else link
    host = re.split(r"[/?#:\\]", rest, maxsplit=1)[0].lower().rstrip(".")
    return host.removeprefix("www.") if host.count(".") > 1 else host


def _scripts(label: str) -> set[str]:
    return {
        unicodedata.name(character, "UNKNOWN").split(" ")[0]
        for character in label
        if character.isalpha()
    }


def is_lookalike_host(host: str) -> bool:
    """Whether a host mixes alphabets within a name ("pаypal" with a Cyrillic а) or is
    written in punycode, which people never type. A name wholly in one script is fine."""
    if "xn--" in host:
        return True
    return any(len(_scripts(label) & _LOOKALIKE_SCRIPTS) > 1 for label in host.split(".") if label)


def _link_reasons(texts: dict[str, str], *, own_links: tuple[str, ...] = ()) -> list[SpamReason]:
    links = {name: _LINK.findall(_visible(text)) for name, text in texts.items()}
    total = sum(len(found) for found in links.values())
    every = [link for found in links.values() for link in found]
    reasons = []
    if total >= 2:  # one link (the group's chat, its page) is what organizers write
        where = [name for name in TEXT_FIELDS if links.get(name)]
        reasons.append(
            SpamReason("links", min(40, 10 * (total - 1)), {"count": total, "fields": where})
        )
    if links.get("title"):
        reasons.append(SpamReason("link_in_title", 25, {"count": len(links["title"])}))
    markup = sum(len(_LINK_MARKUP.findall(_visible(text))) for text in texts.values())
    if markup:
        reasons.append(SpamReason("link_markup", 30, {"count": markup}))
    shortened = [link for link in every if _host(link) in URL_SHORTENERS]
    if shortened:
        hosts = sorted({_host(link) for link in shortened})
        reasons.append(
            SpamReason(
                "shortened_links",
                min(30, 15 * len(shortened)),
                {"count": len(shortened), "hosts": hosts},
            )
        )
    # The event's own links (signup page, video call) count here only: one each is expected.
    # Pages show a signup link by its platform's name, not its host, and participants click
    # the call's link in their invite: a look-alike host there is caught here or not at all.
    linked = {_host(link) for link in every} | {_host(_visible(url)) for url in own_links if url}
    lookalikes = sorted(host for host in linked if is_lookalike_host(host))
    if lookalikes:
        reasons.append(SpamReason("lookalike_link", 30, {"host": lookalikes[0]}))
    hidden = sum(
        1
        for text in texts.values()
        for character in (text or "")[:MAX_SCANNED_CHARACTERS]
        if character in _HIDDEN_CHARACTERS
    )
    if hidden:
        reasons.append(SpamReason("hidden_characters", 20, {"count": hidden}))
    return reasons


# The address ---------------------------------------------------------------------------------


@cache
def disposable_domains() -> frozenset[str]:
    data = json.loads(DISPOSABLE_DOMAINS_FILE.read_text(encoding="utf-8"))
    return frozenset(domain.strip().lower() for domain in data["domains"])


def disposable_domain(email: str) -> str | None:
    """The throw-away service an address belongs to (its subdomains included), or None."""
    domain = normalize_email(email).rpartition("@")[2]
    labels = domain.split(".")
    for start in range(len(labels) - 1):
        candidate = ".".join(labels[start:])
        if candidate in disposable_domains():
            return candidate
    return None


def _address_reasons(email: str) -> list[SpamReason]:
    domain = disposable_domain(email)
    return [SpamReason("disposable_address", 50, {"domain": domain})] if domain else []


def address_key(email: str) -> str:
    """One key per mailbox: "ana+1@example.org" and "Ana+2@example.org" are one person."""
    local, _at, domain = normalize_email(email).rpartition("@")
    return f"{local.partition('+')[0]}@{domain}"


def _burst_reasons(proposal: EventProposal, *, now: datetime) -> list[SpamReason]:
    key = address_key(proposal.proposer_email)
    domain = key.rpartition("@")[2]
    recent = (
        EventProposal.objects.filter(
            created_at__gte=now - BURST_WINDOW,
            created_at__lte=now,
            proposer_email__endswith=f"@{domain}",
        )
        .exclude(pk=proposal.pk)
        .values_list("proposer_email", flat=True)
    )
    others = sum(1 for email in recent if address_key(email) == key)
    if others < 2:
        return []
    points = 50 if others >= 4 else 20
    hours = int(BURST_WINDOW.total_seconds() // 3600)
    return [SpamReason("many_proposals", points, {"count": others + 1, "hours": hours})]


# Text seen before --------------------------------------------------------------------------


def _text_key(text: str) -> str:
    return normalize_name(_visible(text))


def _seen_text_reasons(proposal: EventProposal, *, now: datetime) -> list[SpamReason]:
    """The same description (or a distinctive title) in proposals from other addresses.

    A host's own repeats do not count: a group that meets every week reuses its text.
    """
    event = proposal.event
    description = _text_key(event.description)
    title = _text_key(event.title)
    campaign_title = _text_key(event.campaign.title) if event.campaign else ""
    if len(description) < MIN_REPEATED_DESCRIPTION:
        description = ""
    if len(title) < MIN_REPEATED_TITLE or (campaign_title and title.startswith(campaign_title)):
        title = ""  # short, or named after the campaign as untitled proposals are
    if not description and not title:
        return []
    key = address_key(proposal.proposer_email)
    others = (
        EventProposal.objects.filter(created_at__gte=now - SEEN_TEXT_WINDOW)
        .exclude(pk=proposal.pk)
        .order_by("-created_at")
        .values_list("proposer_email", "event__title", "event__description")[
            :SEEN_TEXT_MAX_COMPARED
        ]
    )
    # Counted in addresses: one other host's weekly repeats are one copy, not many.
    description_from: set[str] = set()
    title_from: set[str] = set()
    for email, other_title, other_description in others:
        other = address_key(email)
        if other == key:
            continue
        if description and _text_key(other_description) == description:
            description_from.add(other)
        elif title and _text_key(other_title) == title:
            title_from.add(other)
    same_description, same_title = len(description_from), len(title_from)
    reasons = []
    if same_description:
        points = 40 if same_description >= 3 else 25
        reasons.append(
            SpamReason("repeated_text", points, {"count": same_description, "field": "description"})
        )
    if same_title:
        reasons.append(SpamReason("repeated_text", 10, {"count": same_title, "field": "title"}))
    return reasons


# The place ---------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@cache
def _country_points(country: str) -> tuple[tuple[float, float], ...]:
    return tuple(
        (city.latitude, city.longitude)
        for city in gazetteer().cities.values()
        if city.country == country
    )


def distance_to_country_km(latitude: float, longitude: float, country: str) -> float | None:
    """How far a point is from the nearest known city of `country` (None: no city known)."""
    points = _country_points(country.upper())
    if not points:
        return None
    return min(haversine_km(latitude, longitude, lat, lon) for lat, lon in points)


def _place_reasons(event) -> list[SpamReason]:
    """A city not found in the stated country but found elsewhere ("Tokyo, PL").

    A village the gazetteer does not know is no signal at all; nor is a city found in the
    country ("Amsterdam, US": there is one in New York State).
    """
    city, country = (event.city or "").strip(), (event.country or "").strip().upper()
    if event.is_online or not city or not country:
        return []
    if resolve_city(city, country=country) is not None:
        return []
    elsewhere: City | None = resolve_city(city)
    has_position = event.latitude is not None and event.longitude is not None
    if has_position:
        distance = distance_to_country_km(event.latitude, event.longitude, country)
        if distance is not None and distance <= FAR_FROM_COUNTRY_KM:
            # On the map in or near the country: a village the gazetteer lacks, unless the
            # position is the same-named city across the border.
            if elsewhere is None or elsewhere.country == country:
                return []
            if (
                haversine_km(event.latitude, event.longitude, elsewhere.latitude,
                             elsewhere.longitude) > SAME_PLACE_KM
            ):  # fmt: skip
                return []
            return [_not_in_country(city, country, elsewhere)]
    if elsewhere is None or elsewhere.country == country:
        return []
    distance = distance_to_country_km(elsewhere.latitude, elsewhere.longitude, country)
    if distance is None:
        return []  # a country the gazetteer has no city of: nothing to measure against
    if distance <= FAR_FROM_COUNTRY_KM:
        return [_not_in_country(city, country, elsewhere)]
    return [
        SpamReason(
            "city_far_from_country",
            40,
            {
                "city": city,
                "country": country,
                "found_country": elsewhere.country,
                "distance_km": int(round(distance, -2)),
            },
        )
    ]


def _not_in_country(city: str, country: str, elsewhere: City) -> SpamReason:
    return SpamReason(
        "city_not_in_country",
        10,
        {"city": city, "country": country, "found_country": elsewhere.country},
    )
