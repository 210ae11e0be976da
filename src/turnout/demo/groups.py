"""Demo groups: a national group with two local groups, the upcoming events they organize, and
the accounts that show the dashboards (a coordinator, an organizer who also leads a group).

Channels are only links that exist: the campaigns' coordination Discord and this site's own
pages. Loading twice updates and never duplicates.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from turnout.accounts.roles import Role, find_or_create_person, grant_role
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.groups.channels import ChannelKind
from turnout.groups.models import Group
from turnout.groups.services import ChannelEntry, update_group_page

from .places import PLACES

COORDINATOR_EMAIL = "coordinator@example.org"
ORGANIZER_EMAIL = "organizer@example.org"


def _site_page(path: str, **query: str) -> str:
    return f"{settings.SITE_URL}{path}" + (f"?{urlencode(query)}" if query else "")


def _save_group(
    *, slug: str, name: str, kind: str, city: str, description: str, channels, parent=None
) -> Group:
    place = PLACES[city]
    group, _ = Group.objects.update_or_create(
        slug=slug,
        defaults={
            "kind": kind,
            "parent": parent,
            "country": place.country,
            "city": city if kind == Group.Kind.LOCAL else "",
            "latitude": place.latitude,
            "longitude": place.longitude,
        },
    )
    return update_group_page(
        group=group,
        name=name,
        city=group.city,
        description=description,
        is_active=True,
        channels=channels,
    )


def load_demo_groups(upcoming: Campaign) -> list[Group]:
    """The Netherlands with Amsterdam and Utrecht; their upcoming events are attached to them."""
    discord = ChannelEntry(ChannelKind.DISCORD, upcoming.coordination_url)
    with translation.override("nl"):
        home = _site_page(reverse("campaigns:home"))
        near = {city: _site_page(reverse("geo:events"), near=city) for city in PLACES}
    national = _save_group(
        slug="nederland",
        name="PauseAI Nederland",
        kind=Group.Kind.NATIONAL,
        city="Amsterdam",
        description="Volunteers across the Netherlands who organize protests, talks and "
        "letters to members of parliament. New here? Come to an open meeting.",
        channels=[discord, ChannelEntry(ChannelKind.WEBSITE, home, settings.TURNOUT_SITE_NAME)],
    )
    local = []
    for city in ("Amsterdam", "Utrecht"):
        group = _save_group(
            slug=city.lower(),
            name=f"PauseAI {city}",
            kind=Group.Kind.LOCAL,
            city=city,
            parent=national,
            description=f"The local group in {city}: we meet every month and organize the "
            "protests in our city.",
            channels=[
                discord,
                ChannelEntry(ChannelKind.WEBSITE, near[city]),  # "Website", in any language
            ],
        )
        local.append(group)
        upcoming.events.filter(city=city).update(group=group)
        LocalEvent.objects.filter(campaign=None, city=city).update(group=group)
    return [national, *local]


def load_demo_accounts(upcoming: Campaign) -> None:
    """A coordinator of the upcoming campaign; the organizer of its Utrecht event, who leads
    the Utrecht group too. They sign in by email, like everyone without a password."""
    coordinator = find_or_create_person(
        email=COORDINATOR_EMAIL, name="Demo coordinator", language="en"
    )
    grant_role(actor=None, person=coordinator, role=Role.COORDINATOR, obj=upcoming)
    organizer = find_or_create_person(email=ORGANIZER_EMAIL, name="Demo organizer", language="nl")
    utrecht = upcoming.events.get(city="Utrecht")
    grant_role(actor=None, person=organizer, role=Role.ORGANIZER, obj=utrecht)
    grant_role(actor=None, person=organizer, role=Role.LEAD, obj=Group.objects.get(slug="utrecht"))
