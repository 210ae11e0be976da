"""Demo data: two real international protest days (PauseAI, 2024) and one always upcoming,
with Dutch groups and the accounts of a coordinator and an organizer (see `groups.py`).

Cities, countries, dates and signup links of the 2024 protest days are facts; the prose and
the upcoming campaign are written for this demo. Loading twice updates and never duplicates.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from turnout.accounts.models import User
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.signups.demo import load_demo_signups

from .brand import load_demo_brand
from .covers import load_demo_covers
from .event_translations import load_demo_event_translations
from .groups import COORDINATOR_EMAIL, load_demo_accounts, load_demo_groups
from .pages import load_demo_pages
from .places import PLACES
from .press import load_demo_photo_translations, load_may_2024_press_and_photos
from .translations import load_demo_translations

COORDINATION_URL = "https://discord.gg/2XXWXvErfA"


@dataclass(frozen=True)
class DemoEvent:
    city: str
    day: date
    signup_url: str = ""
    status: str = LocalEvent.Status.APPROVED
    venue: str = ""
    start: time = time(12, 0)
    hours: int = 2
    description: str = ""


MAY_2024 = date(2024, 5, 13)
MAY_2024_EVENTS = [
    DemoEvent("San Francisco", MAY_2024, "https://www.facebook.com/events/456991866681797"),
    DemoEvent(
        "New York City",
        MAY_2024,
        "https://www.eventbrite.com/e/pause-ai-global-protest-nyc-tickets-886528309037",
    ),
    DemoEvent("Berlin", MAY_2024, "https://www.facebook.com/events/1534322907129050"),
    DemoEvent("London", MAY_2024, "https://partiful.com/e/JWPe9q6IJ9peRKvwhYEl"),
    DemoEvent("Rome", MAY_2024, "https://www.facebook.com/events/417734010986567"),
    DemoEvent("Stockholm", MAY_2024, "https://www.facebook.com/events/1162646671535524"),
    DemoEvent("Den Haag", MAY_2024, "https://chat.whatsapp.com/EOGvhoPCiCqDqwuf9JUxtB"),
    DemoEvent("Paris", MAY_2024, "https://partiful.com/e/3Tl1xrS6i9NUZxyJGf5G"),
    DemoEvent("Oslo", MAY_2024, "https://www.facebook.com/events/387681614269297"),
    DemoEvent("Sydney", MAY_2024, "https://www.facebook.com/events/7938915256120263/"),
    DemoEvent("Ottawa", MAY_2024, "https://partiful.com/e/kDiSnc8mEVfOXLiLrPA9"),
    DemoEvent(
        "Reykjavík", MAY_2024, "https://www.facebook.com/share/hyEJ9yxVUQjNAiHT/?mibextid=9l3rBW"
    ),
    DemoEvent(
        "Portland",
        MAY_2024,
        "https://www.meetup.com/portland-effective-altruism-and-rationality/events/300959579/",
    ),
    DemoEvent(
        "São Paulo", MAY_2024, "https://www.meetup.com/hack-life-culture-ai-era/events/300498572/"
    ),
]

NOV_2024 = date(2024, 11, 21)
NOV_2024_EVENTS = [
    DemoEvent(
        "San Francisco",
        date(2024, 11, 20),
        "https://facebook.com/events/s/tell-anthropic-to-pause-ai/917486370313748/",
    ),
    DemoEvent("London", NOV_2024, "https://lu.ma/qtlk8l6y"),
    DemoEvent("Oxford", NOV_2024),
    DemoEvent("Osnabrück", NOV_2024, "https://lu.ma/glguga9k"),
    DemoEvent("Paris", NOV_2024, "https://lu.ma/0tjhnnf9"),
    DemoEvent("Oslo", NOV_2024, "https://fb.me/e/5OYXuGCj4"),
    DemoEvent(
        "Kristiansand",
        NOV_2024,
        "https://facebook.com/events/s/internasjonal-protest-kristian/920543192766699/",
    ),
    DemoEvent("Zürich", NOV_2024, "https://lu.ma/t031iy9r"),
    DemoEvent("Kinshasa", NOV_2024, "https://lu.ma/klejgi5p"),
    DemoEvent("Milan", NOV_2024, "https://chat.whatsapp.com/Cue9aeK6kpJFoDxT3xV9Zx"),
    DemoEvent("Skopelos", NOV_2024, "https://lu.ma/lpl93rlo"),
]


def upcoming_window(today: date) -> tuple[date, date]:
    """A Saturday and Sunday five to six weeks ahead, so the demo never looks stale."""
    saturday = today + timedelta(days=35 + (5 - today.weekday()) % 7)
    return saturday, saturday + timedelta(days=1)


def upcoming_events(starts_on: date) -> list[DemoEvent]:
    sunday = starts_on + timedelta(days=1)
    tba = LocalEvent.Status.DETAILS_TBA
    return [
        DemoEvent(
            "Amsterdam",
            starts_on,
            venue="Museumplein",
            start=time(13, 0),
            description="We gather on Museumplein at one o'clock. Bring a sign if you have "
            "one; we bring spares. After a few short speeches we walk together to Dam Square.\n\n"
            "First time at a protest? Look for the people in orange vests: they are happy to "
            "answer your questions.\n",
        ),
        DemoEvent(
            "Utrecht",
            starts_on,
            venue="Neude",
            start=time(14, 0),
            description="A short, quiet vigil on the Neude, where we read out what we ask of "
            "our government. Children and dogs are welcome.\n",
        ),
        DemoEvent("London", starts_on, venue="Parliament Square", start=time(12, 0)),
        DemoEvent("Berlin", starts_on, venue="Brandenburger Tor", start=time(15, 0)),
        DemoEvent("Brussels", sunday, venue="Place du Luxembourg", start=time(11, 0)),
        DemoEvent("Toronto", starts_on, COORDINATION_URL, venue="Queen's Park", start=time(12, 0)),
        DemoEvent("Melbourne", sunday, status=tba),
        DemoEvent("Paris", sunday, status=tba),
    ]


def _save_events(campaign: Campaign | None, items: list[DemoEvent], title: str) -> None:
    for item in items:
        place = PLACES[item.city]
        zone = ZoneInfo(place.timezone)
        starts_at = datetime.combine(item.day, item.start, tzinfo=zone)
        LocalEvent.objects.update_or_create(
            campaign=campaign,
            city=place.city,
            defaults={
                "title": title.format(city=place.city),
                "country": place.country,
                "timezone": place.timezone,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "starts_at": starts_at,
                "ends_at": starts_at + timedelta(hours=item.hours),
                "signup_url": item.signup_url,
                "status": item.status,
                "venue": item.venue,
                "description": item.description,
            },
        )


@transaction.atomic
def load_demo_data(*, today: date) -> list[Campaign]:
    """Create or update the demo campaigns and events; returns the campaigns."""
    may, _ = Campaign.objects.update_or_create(
        slug="2024-may",
        defaults={
            "title": "International protest day, May 2024",
            "summary": "Fourteen cities on four continents asked the ministers travelling to "
            "the AI summit in Seoul to take the risks seriously.",
            "starts_on": MAY_2024,
            "ends_on": MAY_2024,
            "status": Campaign.Status.PUBLISHED,
            "coordination_url": COORDINATION_URL,
            "narrative": "Ministers from around the world met in Seoul a week later. "
            "We went to the streets so that they would arrive knowing that people want "
            "them to act on the risks of frontier AI.",
            "core_messages": "- The risks are too large to ignore.\n"
            "- Only governments can stop the race; they must act together.\n",
        },
    )
    _save_events(may, MAY_2024_EVENTS, "Protest in {city}")
    _mark_past_events_completed(may)
    load_may_2024_press_and_photos(may)

    november, _ = Campaign.objects.update_or_create(
        slug="2024-november",
        defaults={
            "title": "International protest, November 2024",
            "summary": "Protests in eleven cities while AI safety experts and officials met "
            "in San Francisco.",
            "starts_on": date(2024, 11, 20),
            "ends_on": date(2024, 11, 22),
            "status": Campaign.Status.PUBLISHED,
            "coordination_url": COORDINATION_URL,
            "narrative": "Decision makers and researchers gathered in San Francisco. "
            "We asked them to use the moment, and we asked every country to back a pause.",
            "core_messages": "- We need a pause on the largest training runs.\n"
            "- International rules need every major AI power at the table.\n"
            "- A pause is still technically feasible; waiting makes it harder.\n"
            "- One country must step up and start treaty talks.\n",
        },
    )
    _save_events(november, NOV_2024_EVENTS, "Protest in {city}")
    _mark_past_events_completed(november)

    starts_on, ends_on = upcoming_window(today)
    upcoming, _ = Campaign.objects.update_or_create(
        slug="action-weekend",
        defaults={
            "title": "International action weekend",
            "summary": "Two days, many cities, one message to our governments: agree on "
            "international safety rules for the most powerful AI systems.",
            "starts_on": starts_on,
            "ends_on": ends_on,
            "status": Campaign.Status.PUBLISHED,
            "coordination_url": COORDINATION_URL,
            "is_open_for_proposals": True,
            "narrative": "Governments are drafting their plans for the coming year. "
            "Show up in your city so that safety is in them.",
            "core_messages": "- Frontier AI needs international safety rules.\n"
            "- Citizens, not companies, decide the risks we accept.\n",
            "demands": "1. Start negotiations on an international treaty.\n"
            "2. Require safety evaluations before large models are released.\n",
        },
    )
    _save_events(upcoming, upcoming_events(starts_on), "Action weekend: {city}")
    load_demo_signups(upcoming)

    meetup_day = today + timedelta(days=(3 - today.weekday()) % 7 + 7)
    _save_events(
        None,
        [
            DemoEvent(
                "Amsterdam",
                meetup_day,
                venue="Café de Roode Bioscoop",
                start=time(19, 30),
                description="Once a month we meet to plan the next actions. Newcomers are "
                "especially welcome: we start with a short introduction round.\n",
            )
        ],
        "Open meeting in {city}",
    )
    load_demo_groups(upcoming)
    load_demo_accounts(upcoming)
    load_demo_brand()
    load_demo_pages()
    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    load_demo_translations(reviewer=coordinator)
    load_demo_photo_translations(may, reviewer=coordinator)
    load_demo_event_translations(reviewer=coordinator)
    load_demo_covers(upcoming, coordinator=coordinator)
    return [may, november, upcoming]


def _mark_past_events_completed(campaign: Campaign) -> None:
    campaign.events.filter(status=LocalEvent.Status.APPROVED).update(
        status=LocalEvent.Status.COMPLETED
    )
