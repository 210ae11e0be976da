"""Reviewed Dutch translations of the demo's campaign texts, pages and groups, so `/nl/` is
Dutch throughout.

Each Dutch text has the same blocks as its English source (headings with the same anchors,
the same list items): it is cut into segments like the source, and segment i translates
segment i. They are stored through the translation app as a reviewer's approved text, so the
machine never overwrites them and an edited English source shows them as stale.
"""

from django.utils import timezone

from turnout.accounts.models import User
from turnout.campaigns.models import Campaign
from turnout.content.models import Page
from turnout.groups.models import Group
from turnout.translation.models import TranslatedSegment
from turnout.translation.providers import Provider, configured_provider
from turnout.translation.segments import split_text
from turnout.translation.services import refresh_translation, review_segments
from turnout.translation.sources import TextSource, texts_of

LANGUAGE = "nl"

CAMPAIGNS = {
    "2024-may": {
        "title": "Internationale protestdag, mei 2024",
        "summary": "In veertien steden op vier continenten vroegen we de ministers die naar de "
        "AI-top in Seoul reisden om de risico's serieus te nemen.",
        "narrative": "Een week later kwamen ministers van over de hele wereld samen in Seoul. "
        "Wij gingen de straat op, zodat ze daar zouden aankomen in de wetenschap dat mensen "
        "willen dat ze iets doen aan de risico's van de meest geavanceerde AI.",
        "core_messages": "- De risico's zijn te groot om te negeren.\n"
        "- Alleen regeringen kunnen de wedloop stoppen, en dat moeten ze samen doen.\n",
    },
    "2024-november": {
        "title": "Internationaal protest, november 2024",
        "summary": "Protesten in elf steden, terwijl deskundigen en ambtenaren op het gebied "
        "van AI-veiligheid in San Francisco bijeenkwamen.",
        "narrative": "Beleidsmakers en onderzoekers kwamen bij elkaar in San Francisco. "
        "Wij vroegen hun dat moment te benutten, en we vroegen elk land om een pauze te steunen.",
        "core_messages": "- We hebben een pauze nodig voor de grootste trainingsrondes.\n"
        "- Aan tafel voor internationale regels horen alle grote AI-mogendheden.\n"
        "- Een pauze is technisch nog haalbaar; hoe langer we wachten, hoe moeilijker.\n"
        "- Eén land moet het voortouw nemen en onderhandelingen over een verdrag beginnen.\n",
    },
    "action-weekend": {
        "title": "Internationaal actieweekend",
        "summary": "Twee dagen, veel steden, één boodschap aan onze regeringen: maak samen "
        "internationale veiligheidsafspraken voor de krachtigste AI-systemen.",
        "narrative": "Regeringen schrijven op dit moment hun plannen voor het komende jaar. "
        "Kom in je eigen stad in actie, zodat veiligheid erin komt te staan.",
        "core_messages": "- De meest geavanceerde AI vraagt om internationale "
        "veiligheidsregels.\n"
        "- Burgers bepalen welke risico's we aanvaarden, niet bedrijven.\n",
        "demands": "1. Begin onderhandelingen over een internationaal verdrag.\n"
        "2. Verplicht veiligheidstests voordat grote modellen op de markt komen.\n",
    },
}

VALUES = """---
title: Onze waarden
description: Waar we voor staan, en hoe we kiezen als twee goede dingen botsen.
---

## Wat we willen {#what-we-want}

Regeringen die samen veiligheidsregels afspreken voor de krachtigste AI-systemen, en die
regels ook handhaven. Lees de [gedragscode](/code-of-conduct) voor je eerste actie.

## Hoe we werken {#how-we-work}

1. **Altijd vreedzaam.** Geen geweld, geen vernielingen, geen dreigementen, ook niet als grap.
2. **Eerlijk.** We zeggen wat we weten, en ook wat we niet weten.
3. **Open.** Iedereen kan meedoen, vragen stellen en helpen; onze plannen zijn openbaar,
   tenzij de veiligheid dat niet toelaat.
4. **Nu in actie.** Goed genoeg en op tijd is beter dan perfect en te laat.

## Waar je begint {#where-to-start}

Zoek een actie bij jou in de buurt op de [startpagina](/), of organiseer er zelf een in je
eigen stad.
"""

CODE_OF_CONDUCT = """---
title: Gedragscode
description: Hoe we met elkaar omgaan bij acties, in vergaderingen en online.
---

Iedereen die meedoet aan een actie, gaat akkoord met deze gedragscode. Organisatoren mogen
iemand die zich er niet aan houdt vragen te vertrekken.

## Bij elke actie {#at-every-action}

- Blijf vreedzaam en vriendelijk, ook als anderen dat niet zijn.
- Volg de aanwijzingen op van de lokale organisatoren en van de politie.
- Neem geen alcohol of drugs mee, en kom er niet onder invloed van.
- Spreek voor jezelf; interviews namens de beweging laat je over aan de woordvoerders.

## Naar elkaar {#towards-each-other}

- Respecteer andermans grenzen; vraag het eerst voordat je iemand van dichtbij fotografeert.
- Geen intimidatie of discriminatie, in welke vorm dan ook.

## Als er iets misgaat {#reporting}

Zeg het tegen een lokale organisator, of schrijf de coördinatoren. We behandelen meldingen
vertrouwelijk.
"""

ORGANIZING = """---
title: Een actie organiseren
description: Een korte handleiding voor lokale organisatoren.
---

## Voor de actiedag {#before}

- Kies een zichtbare openbare plek, en zoek uit of je gemeente een melding vraagt.
- Zet je evenement op de pagina van de campagne, zodat mensen het vinden en zich aanmelden.
- Maak een paar borden met de kernboodschappen van de campagne.

## Op de dag zelf {#on-the-day}

- Kom vroeg, heet nieuwkomers welkom en deel de [gedragscode](/code-of-conduct).
- Maak foto's voor het verslag, met toestemming.
"""

GROUPS = {
    "nederland": "Vrijwilligers in heel Nederland die protesten, lezingen en brieven aan "
    "Kamerleden organiseren. Nieuw? Kom naar een open bijeenkomst.",
    "amsterdam": "De lokale groep in Amsterdam: we komen elke maand samen en organiseren de "
    "protesten in onze stad.",
    "utrecht": "De lokale groep in Utrecht: we komen elke maand samen en organiseren de "
    "protesten in onze stad.",
}

PAGES = {
    "values": VALUES,
    "code-of-conduct": CODE_OF_CONDUCT,
    "organize-an-action": ORGANIZING,
}


def load_demo_translations(*, reviewer: User) -> None:
    """Store the Dutch texts above as translations `reviewer` approved."""
    provider = configured_provider()
    for slug, fields in CAMPAIGNS.items():
        campaign = Campaign.objects.get(slug=slug)
        for source in texts_of(campaign):
            store_reviewed(source, fields[source.field], reviewer=reviewer, provider=provider)
    for slug, text in PAGES.items():
        for source in texts_of(Page.objects.get(slug=slug)):
            store_reviewed(source, text, reviewer=reviewer, provider=provider)
    for slug, text in GROUPS.items():
        for source in texts_of(Group.objects.get(slug=slug)):
            store_reviewed(source, text, reviewer=reviewer, provider=provider)


def store_reviewed(source: TextSource, dutch: str, *, reviewer: User, provider: Provider) -> None:
    """`dutch` as `reviewer`'s approved translation of `source`, segment for segment."""
    translation = refresh_translation(source=source, language=LANGUAGE, provider=provider)
    rows = list(translation.segments.order_by("position"))
    segments = split_text(dutch).segments
    if [(s.kind, s.key) for s in segments] != [(r.kind, r.key) for r in rows]:
        raise ValueError(f"The Dutch {source.label} does not have the blocks of its source.")
    texts = {
        row.pk: segment.text
        for row, segment in zip(rows, segments, strict=True)
        if not (row.state == TranslatedSegment.State.REVIEWED and row.text == segment.text)
    }
    if not texts:  # loaded before: nothing to review again
        return
    review_segments(
        translation=translation,
        texts=texts,
        approved=set(texts),
        reviewer=reviewer,
        now=timezone.now(),
    )
