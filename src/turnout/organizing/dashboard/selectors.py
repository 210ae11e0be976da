"""Read-only queries behind the dashboards: an organizer's events, a campaign at a glance."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from turnout.accounts.models import User
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.proposals.models import EventProposal
from turnout.campaigns.proposals.selectors import details_are_announced
from turnout.campaigns.selectors import Reach, campaign_reach
from turnout.groups.models import Group
from turnout.localization.formatting import country_name
from turnout.signups.models import Signup
from turnout.signups.selectors import count_signups_by_event

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# "A week before": events still without a venue this close to their start need chasing.
TBA_WARNING = timedelta(days=7)


@dataclass
class EventLine:
    """One event on a dashboard with its signups per state and its organizers."""

    event: LocalEvent
    signups: dict[str, int]
    organizers: list[User]

    @property
    def confirmed(self) -> int:
        return sum(self.signups.get(state, 0) for state in Signup.HOLDS_PLACE)

    @property
    def waitlisted(self) -> int:
        return self.signups.get(Signup.State.WAITLISTED, 0)


@dataclass
class Chase:
    """An event whose organizers a coordinator should contact, and why."""

    line: EventLine
    reasons: list[str]


@dataclass
class CampaignOverview:
    campaign: Campaign
    reach: Reach
    countries: list[tuple[str, int]]
    by_status: list[tuple["StrOrPromise", int]]
    lines: list[EventLine]
    tba_soon: list[EventLine] = field(default_factory=list)
    to_chase: list[Chase] = field(default_factory=list)
    proposals_waiting: int = 0

    @property
    def signups_confirmed(self) -> int:
        return sum(line.confirmed for line in self.lines)


def _with_organizers(events: QuerySet[LocalEvent]) -> QuerySet[LocalEvent]:
    return events.select_related("campaign").prefetch_related(
        Prefetch("organizers", queryset=User.objects.order_by("name", "email"))
    )


def event_lines(events: list[LocalEvent]) -> list[EventLine]:
    counts = count_signups_by_event([event.pk for event in events])
    return [
        EventLine(event, counts.get(event.pk, {}), list(event.organizers.all())) for event in events
    ]


def organizer_events(user: User, *, now: datetime) -> tuple[list[EventLine], list[EventLine]]:
    """The events `user` organizes: (upcoming soonest first, past newest first)."""
    events = _with_organizers(user.organized_events.all())
    upcoming = list(events.filter(ends_at__gte=now).order_by("starts_at"))
    past = list(events.filter(ends_at__lt=now).order_by("-starts_at"))
    return event_lines(upcoming), event_lines(past)


def coordinated_campaigns(user: User) -> QuerySet[Campaign]:
    """Campaigns `user` coordinates; administrators see every campaign."""
    campaigns = Campaign.objects.all() if user.is_superuser else user.coordinated_campaigns.all()
    return campaigns.order_by("-starts_on")


def led_groups(user: User) -> QuerySet[Group]:
    return user.led_groups.order_by("name")


def campaign_events(campaign: Campaign) -> list[LocalEvent]:
    """Every event of the campaign a coordinator handles, proposals awaiting email left out."""
    events = campaign.events.exclude(proposal__state=EventProposal.State.AWAITING_EMAIL)
    return list(_with_organizers(events).order_by("country", "city", "starts_at"))


def campaign_overview(campaign: Campaign, *, now: datetime, language: str) -> CampaignOverview:
    """The campaign at a glance: reach, events by state, signups, what needs chasing."""
    lines = event_lines(campaign_events(campaign))
    taking_part = [line for line in lines if line.event.status in LocalEvent.TAKING_PART_STATUSES]
    countries = Counter(line.event.country for line in taking_part if not line.event.is_online)
    online = sum(1 for line in taking_part if line.event.is_online)
    statuses = Counter(line.event.status for line in lines)
    overview = CampaignOverview(
        campaign=campaign,
        reach=campaign_reach(campaign),
        countries=sorted(
            ((country_name(code, language), count) for code, count in countries.items()),
            key=lambda pair: pair[0].casefold(),
        )
        + ([(str(_("Online")), online)] if online else []),  # no country: after the countries
        by_status=[
            (label, statuses[value])
            for value, label in LocalEvent.Status.choices
            if statuses[value]
        ],
        lines=lines,
        proposals_waiting=EventProposal.objects.filter(
            event__campaign=campaign, state=EventProposal.State.PENDING
        ).count(),
    )
    for line in taking_part:
        event = line.event
        if event.ends_at < now or event.status == LocalEvent.Status.COMPLETED:
            continue
        is_tba_soon = (
            event.is_details_tba or not details_are_announced(event)
        ) and event.starts_at <= now + TBA_WARNING
        if is_tba_soon:
            overview.tba_soon.append(line)
        reasons = []
        if not line.organizers:
            reasons.append(str(_("nobody organizes it")))
        elif all(person.last_login is None for person in line.organizers):
            reasons.append(str(_("its organizers have never signed in")))
        if is_tba_soon:
            reasons.append(str(_("details still to be announced, less than a week before")))
        if reasons:
            overview.to_chase.append(Chase(line, reasons))
    return overview


def organizers_of(campaign: Campaign) -> list[User]:
    """The active people organizing the campaign's events that still take part."""
    return list(
        User.objects.filter(
            is_active=True,
            organized_events__campaign=campaign,
            organized_events__status__in=LocalEvent.TAKING_PART_STATUSES,
        )
        .distinct()
        .order_by("email")
    )
