"""Reviewed Dutch titles and descriptions of the demo's local events, so their pages, lists
and share cards on `/nl/` are Dutch too.

Stored like the campaign texts (`translations.py`): as a reviewer's approved translation, so
the machine never overwrites them and an edited English text shows them as stale. A title is
"<kind> in <city>": the Dutch one names the city as Dutch speakers do (Londen, Parijs).
"""

from turnout.accounts.models import User
from turnout.campaigns.models import LocalEvent
from turnout.places.gazetteer import display_name
from turnout.translation.providers import configured_provider
from turnout.translation.segments import split_text
from turnout.translation.sources import texts_of

from .translations import LANGUAGE, store_reviewed

# The English title templates of `loading.py`, and their Dutch.
TITLES = {
    "Protest in {city}": "Demonstratie in {city}",
    "Action weekend: {city}": "Actieweekend: {city}",
    "Open meeting in {city}": "Open bijeenkomst in {city}",
}

# By (campaign slug, or "" for an event of no campaign; city).
DESCRIPTIONS = {
    ("action-weekend", "Amsterdam"): "We verzamelen om één uur op het Museumplein. Neem een "
    "bord mee als je er een hebt; wij hebben er ook een paar extra bij. Na een paar korte "
    "toespraken lopen we samen naar de Dam.\n\n"
    "Voor het eerst bij een demonstratie? Zoek de mensen in oranje hesjes: zij beantwoorden "
    "graag je vragen.\n",
    ("action-weekend", "Utrecht"): "Een korte, stille wake op de Neude, waarbij we voorlezen "
    "wat we van onze regering vragen. Kinderen en honden zijn welkom.\n",
    ("", "Amsterdam"): "Eens per maand komen we bij elkaar om de volgende acties voor te "
    "bereiden. Nieuwkomers zijn extra welkom: we beginnen met een korte voorstelronde.\n",
}


def dutch_title(event: LocalEvent) -> str | None:
    """The Dutch of a demo event's title, None for a title not made from TITLES."""
    for english, dutch in TITLES.items():
        if english.format(city=event.city) == event.title:
            return dutch.format(city=display_name(event.city, event.country, LANGUAGE))
    return None


def load_demo_event_translations(*, reviewer: User) -> None:
    """Store the Dutch titles and descriptions above as translations `reviewer` approved."""
    provider = configured_provider()
    for event in LocalEvent.objects.select_related("campaign").order_by("pk"):
        title = dutch_title(event)
        if title is None:  # not one of the demo's events
            continue
        slug = event.campaign.slug if event.campaign else ""
        dutch = {"title": title, "description": DESCRIPTIONS.get((slug, event.city))}
        for source in texts_of(event):
            text = dutch.get(source.field)
            # An event edited since the demo loaded keeps what its organizer wrote untranslated.
            if text and _blocks(text) == _blocks(source.text):
                store_reviewed(source, text, reviewer=reviewer, provider=provider)


def _blocks(text: str) -> list[tuple[str, str]]:
    return [(segment.kind, segment.key) for segment in split_text(text).segments]
