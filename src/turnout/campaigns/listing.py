"""Rows of local events in lists (the campaign page, home, a group, the events index).

A campaign page lists hundreds of events, and a row rendered through included templates cost
about 0.1 ms, half of the page. Rendered here (as Django's admin renders the rows of its change
lists), with what every row shares looked up once per list, a row costs a tenth of that. This
module is the one place a row's markup and an event's signup action are written; templates
reach it through the `event_rows` and `signup_action` tags of `campaign_tags`.
"""

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from django.utils.safestring import SafeString
from django.utils.timezone import now
from django.utils.translation import get_language, gettext

from turnout.localization.formatting import country_name, format_short_day, format_time_range

from .event_texts import EventText, place_name, shown_event_texts
from .links import event_paths
from .models import Campaign, LocalEvent
from .platforms import Platform, signup_action_label
from .texts import campaign_text


def event_rows(events: Iterable[LocalEvent], **options: bool) -> SafeString:
    """`<li>` rows for `events`; `options` are the fields of `RowOptions`."""
    rows = EventRows(RowOptions(**options))
    events = list(events)
    rows.look_up_titles(events)
    return SafeString("".join(rows.row(event) for event in events))


def signup_action(event: LocalEvent) -> SafeString:
    """What a visitor can do about an event: sign up here or on its platform, or why not."""
    return EventRows(RowOptions()).action(event)


@dataclass(frozen=True)
class RowOptions:
    show_country: bool = False
    show_campaign: bool = False
    show_title: bool = False  # the event's title, with its campaign after it


class EventRows:
    """Renders rows of one list: language, link paths and labels are looked up once."""

    def __init__(self, options: RowOptions) -> None:
        self.options = options
        self.language = get_language()
        self.path = event_paths()
        self.now = now()
        self.campaign_titles: dict[int, str] = {}  # by campaign id, in self.language
        self.titles: dict[int, EventText] = {}  # by event id, in self.language where translated
        self.places: dict[int, str] = {}  # by event id, in self.language

    def campaign_title(self, campaign: Campaign) -> str:
        if campaign.pk not in self.campaign_titles:
            self.campaign_titles[campaign.pk] = campaign_text(campaign, "title", self.language)
        return self.campaign_titles[campaign.pk]

    def look_up_titles(self, events: Sequence[LocalEvent]) -> None:
        """The titles of `events` in the list's language, in one query for the whole list."""
        if self.options.show_title:
            self.titles.update(shown_event_texts(events, "title", self.language))

    def title(self, event: LocalEvent) -> str:
        """The event's title (marked with its language when it is not the page's)."""
        if event.pk not in self.titles:
            self.titles.update(shown_event_texts([event], "title", self.language))
        shown = self.titles[event.pk]
        if shown.language == self.language:
            return _e(shown.text)
        return f'<span lang="{_e(shown.language)}">{_e(shown.text)}</span>'

    def row(self, event: LocalEvent, *, distance: str = "") -> str:
        """One event: its place (with `distance`, "35 km", in a nearby search), title, time
        and venue, and its signup action."""
        options = self.options
        place = self.place(event)
        if options.show_country and not event.is_online:
            place = f"{place}, {country_name(event.country, self.language)}"
        campaign = ""
        # campaign_id first: a standalone event's row costs no query for its missing campaign.
        if (options.show_campaign or options.show_title) and event.campaign_id and event.campaign:
            campaign = (
                f'<span class="event-campaign"> · {_e(self.campaign_title(event.campaign))}</span>'
            )
        if options.show_title:
            title = f"    <div>{self.title(event)}{campaign}</div>\n"
        else:
            title = f"    {campaign}\n" if campaign else ""
        starts_at, ends_at = event.local_starts_at, event.local_ends_at
        when = (
            f"{format_short_day(starts_at, self.language)}, "
            f"{format_time_range(starts_at, ends_at, self.language)}"
        )
        return (
            "<li>\n  <div>\n"
            f'    <a class="event-place" href="{_e(self.path(event.pk))}">{_e(place)}</a>'
            + (f' <span class="event-distance">· {_e(distance)}</span>' if distance else "")
            + f"\n{title}"
            f'    <div class="event-time"><time datetime="{starts_at.isoformat()}">'
            f"{_e(when)}</time>{f' · {_e(event.venue)}' if event.venue else ''}</div>\n"
            f"  </div>\n  <div>{self.action(event)}</div>\n</li>\n"
        )

    def place(self, event: LocalEvent) -> str:
        """The event's city as the list's language names it, or "Online"."""
        if event.pk not in self.places:
            self.places[event.pk] = place_name(event, self.language)
        return self.places[event.pk]

    def action(self, event: LocalEvent) -> SafeString:
        """Sign up here or on the event's platform; or cancelled, took place, to be announced."""
        if event.is_cancelled:
            return _status("status-cancelled", self.labels["cancelled"])
        if event.ends_at < self.now:
            took_place = _status("event-past", self.labels["took_place"])
            if not event.signup_url:
                return took_place
            label = platform_page_label(event)
            return SafeString(f"{took_place} · {self._external_link(event, label, css='')}")
        if event.takes_signups_here(now=self.now):
            return SafeString(
                f'<a class="button" href="{_e(self.path(event.pk))}#signup">'
                f"{_e(self.labels['sign_up'])}{self._for_screen_readers(event)}</a>"
            )
        if event.is_details_tba or not event.signup_url:
            return _status("tba", self.labels["tba"])
        label = signup_action_label(event.signup_platform or "website")
        return self._external_link(event, label, css="button")

    @cached_property
    def labels(self) -> dict[str, str]:
        return {
            "cancelled": gettext("Cancelled"),
            "took_place": gettext("Took place"),
            "tba": gettext("Details to be announced"),
            "sign_up": gettext("Sign up"),
        }

    def _for_screen_readers(self, event: LocalEvent) -> str:
        # Many rows share a button text; the city tells them apart for assistive technology.
        return f'<span class="visually-hidden"> ({_e(self.place(event))})</span>'

    def _external_link(self, event: LocalEvent, label: str, *, css: str) -> SafeString:
        css_attribute = f' class="{css}"' if css else ""
        return SafeString(
            f'<a{css_attribute} href="{_e(event.signup_url)}" rel="noopener noreferrer external">'
            f"{_e(label)}{self._for_screen_readers(event)}</a>"
        )


def platform_page_label(event: LocalEvent) -> str:
    """For a past event: "Event page on Facebook"."""
    platform = Platform(event.signup_platform or "website")
    if platform == Platform.WEBSITE:
        return gettext("Event page")
    return gettext("Event page on %(platform)s") % {"platform": platform.label}


def _e(text: object) -> str:
    # What Django's `escape` does, without its lazy-string wrapper (a third of a row's time).
    return html.escape(str(text))


def _status(css: str, text: str) -> SafeString:
    return SafeString(f'<span class="{css}">{_e(text)}</span>')
