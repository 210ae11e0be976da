"""A campaign's report once its window has passed: where, how many, the press, the photos.

An event whose people signed up on another platform has no count here, so totals say how
many events they cover.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Max
from django.utils.translation import get_language, gettext, override

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.selectors import Reach, campaign_reach
from turnout.followup.selectors import CitySurvey, survey_summary
from turnout.localization.formatting import country_name
from turnout.media.selectors import DisplayPhoto, campaign_gallery, public_photos
from turnout.press.models import PressMention
from turnout.press.selectors import campaign_press, public_mentions
from turnout.signups.models import Signup
from turnout.signups.selectors import count_signups_by_event


@dataclass(frozen=True)
class EventLine:
    event: LocalEvent
    signups: int | None  # None: people signed up elsewhere
    attended: int | None  # None: attendance was not recorded


@dataclass(frozen=True)
class CountryLines:
    code: str
    name: str
    lines: list[EventLine]


@dataclass(frozen=True)
class CampaignReport:
    campaign: Campaign
    reach: Reach
    countries: list[CountryLines]
    event_count: int
    signups: int | None
    events_with_signups: int
    attended: int | None
    events_with_attendance: int
    press: list[PressMention]
    photos: list[DisplayPhoto]
    updated_on: date
    # How it went, per city, from the follow-up survey: for coordinators only, else None.
    survey: list[CitySurvey] | None = None


def campaign_report(
    campaign: Campaign, *, today: date, language: str | None = None, with_survey: bool = False
) -> CampaignReport:
    """Assemble the report of `campaign` as it stands on `today`; `with_survey` adds the
    survey's answers, which only the campaign's coordinators may see."""
    events = list(
        campaign.events.filter(status__in=LocalEvent.TAKING_PART_STATUSES).order_by(
            "starts_at", "city"
        )
    )
    counts = count_signups_by_event([e.pk for e in events])
    lines = [_line(event, counts.get(event.pk)) for event in events]

    grouped: dict[str, list[EventLine]] = {}
    online: list[EventLine] = []
    for line in lines:
        if line.event.is_online:  # no country: a group of their own, after the countries
            online.append(line)
        else:
            grouped.setdefault(line.event.country, []).append(line)
    countries = sorted(
        (
            CountryLines(code, country_name(code, language), items)
            for code, items in grouped.items()
        ),
        key=lambda c: c.name.casefold(),
    )
    if online:
        with override(language or get_language()):
            countries.append(CountryLines("online", gettext("Online"), online))
    with_signups = [line.signups for line in lines if line.signups is not None]
    with_attendance = [line.attended for line in lines if line.attended is not None]
    return CampaignReport(
        campaign=campaign,
        reach=campaign_reach(campaign),
        countries=countries,
        event_count=len(events),
        signups=sum(with_signups) if with_signups else None,
        events_with_signups=len(with_signups),
        attended=sum(with_attendance) if with_attendance else None,
        events_with_attendance=len(with_attendance),
        press=campaign_press(campaign),
        photos=campaign_gallery(campaign),
        updated_on=_last_change(campaign, today=today),
        survey=survey_summary(campaign) if with_survey else None,
    )


def _line(event: LocalEvent, counts: dict[str, int] | None) -> EventLine:
    # Native signups only: an event that sent people to Facebook or lu.ma has no numbers here.
    if counts is None or (event.signup_url and not any(counts.values())):
        return EventLine(event=event, signups=None, attended=None)
    attended = counts.get(Signup.State.ATTENDED, 0)
    return EventLine(
        event=event,
        signups=sum(counts.get(state, 0) for state in Signup.HOLDS_PLACE),
        attended=attended if attended else None,
    )


def _last_change(campaign: Campaign, *, today: date) -> date:
    """The day anything shown in the report last changed, never later than `today`."""
    moments = [
        campaign.updated_at,
        campaign.events.aggregate(last=Max("updated_at"))["last"],
        public_mentions().filter(campaign=campaign).aggregate(last=Max("updated_at"))["last"],
        public_photos().filter(campaign=campaign).aggregate(last=Max("updated_at"))["last"],
    ]
    # attendance is often marked days after the action
    attendance = Signup.objects.filter(event__campaign=campaign)
    moments.append(attendance.aggregate(last=Max("attended_at"))["last"])
    last = max(m for m in moments if m is not None)
    return min(last.date(), today)
