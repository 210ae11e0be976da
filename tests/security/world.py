"""A small site with one of everything, and a concrete address for every URL pattern it has."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.urls import URLPattern, URLResolver, get_resolver

from tests.content.factories import PageFactory
from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.groups.factories import LocalGroupFactory, NationalGroupFactory
from tests.media.images import plain_image
from tests.meetups.conftest import make_series
from tests.press.factories import PressMentionFactory
from tests.roles.factories import EventRoleFactory, RoleAssignmentFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals.models import EventProposal
from turnout.checkin.codes import check_in_code
from turnout.covers import services as covers
from turnout.media import services as media
from turnout.web.models import WorkerHeartbeat

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)

# URL patterns that are not pages of the site: the admin (Django's own) and the API's
# catch-all for unknown addresses, which every other API address exercises.
NOT_COVERED = {"admin", "api:?"}


@dataclass
class World:
    coordinator: object
    campaign: object
    event: object
    group: object
    mention: object
    signup: object
    photo: object
    proposal: object
    paths: dict[str, str]


def build_world() -> World:
    """Rows for every kind of page, and the address of each named URL on them."""
    coordinator = UserFactory(email="coordinator@example.org", is_staff=True, is_superuser=True)
    campaign = CampaignFactory(slug="may", starts_on=date(2030, 5, 13), is_open_for_proposals=True)
    campaign.coordinators.add(coordinator)
    event = LocalEventFactory(campaign=campaign)
    event.organizers.add(coordinator)
    national = NationalGroupFactory(slug="nl-group")
    group = LocalGroupFactory(slug="utrecht", parent=national)
    group.leads.add(coordinator)
    PageFactory(slug="values")
    mention = PressMentionFactory(campaign=campaign)
    signup = SignupFactory(event=event)
    proposed = LocalEventFactory(campaign=campaign, status=LocalEvent.Status.PROPOSED)
    proposal = EventProposal.objects.create(
        event=proposed,
        proposer_name="Griet",
        proposer_email="griet@example.org",
        token_hash="0" * 64,
        email_confirmed_at=NOW,
    )
    (photo,) = media.upload_photos(
        uploads=[media.Upload("p.png", plain_image())],
        uploaded_by=coordinator,
        now=NOW,
        event=event,
        alt_text="People with banners",
    )
    cover = covers.set_cover(
        subject=event,
        actor=coordinator,
        alt_text="A banner over the square",
        upload=covers.Upload("c.png", plain_image(size=(640, 360))),
    )
    # A worker is running: /readyz answers 200 (its failures are tested in tests/web/).
    WorkerHeartbeat.objects.create(
        worker_id="world:1", host="world", pid=1, started_at=NOW, last_seen=NOW
    )
    token = "no-such-token-0123456789"
    role = EventRoleFactory(event=event)
    assignment = RoleAssignmentFactory(role=role, signup=signup)
    series = make_series(group, coordinator, now=NOW, dtstart=date(2030, 5, 7))
    occurrence = series.occurrences.order_by("pk").first()
    code = check_in_code(signup.token)
    paths = {
        "set_language": "/i18n/setlang/",
        "healthz": "/healthz",
        "readyz": "/readyz",
        "media_file": f"/media/{photo.original}",
        "cover_file": f"/covers/{cover.key}/{cover.email_file.rsplit('/', 1)[-1]}",
        "covers:campaign_cover": "/en/covers/campaign/may/",
        "covers:remove_campaign_cover": "/en/covers/campaign/may/remove/",
        "covers:event_cover": f"/en/covers/event/{event.pk}/",
        "covers:remove_event_cover": f"/en/covers/event/{event.pk}/remove/",
        "api:openapi": "/api/openapi.json",
        "api:campaign-list": "/api/v1/campaigns/",
        "api:campaign-detail": "/api/v1/campaigns/may/",
        "api:event-list": "/api/v1/events/",
        "api:event-detail": f"/api/v1/events/{event.pk}/",
        "api:group-list": "/api/v1/groups/",
        "api:group-detail": "/api/v1/groups/utrecht/",
        "api:cities": "/api/v1/cities/",
        "api:feed_events": "/feeds/events.ics",
        "api:feed_campaign": "/feeds/campaigns/may.ics",
        "api:feed_country": "/feeds/countries/NL.ics",
        "api:feed_group": "/feeds/groups/utrecht.ics",
        "api:feed_campaigns_rss": "/feeds/campaigns.rss",
        "api:feed_campaigns_atom": "/feeds/campaigns.atom",
        "api:sitemap": "/sitemap.xml",
        "api:widget_campaign": "/embed/campaigns/may/",
        "api:widget_group": "/embed/groups/utrecht/",
        "geo_files:base_map": "/geo/world.svg",
        "campaigns:home": "/en/",
        "campaigns:campaign_detail": "/en/campaigns/may/",
        "campaigns:campaign_report": "/en/campaigns/may/report/",
        "campaigns:event_detail": f"/en/events/{event.pk}/",
        "campaigns:archive": "/en/archive/",
        "proposals:propose": "/en/campaigns/may/organize/",
        "proposals:confirm": f"/en/proposals/{token}/confirm/",
        "proposals:revise": f"/en/proposals/{token}/revise/",
        "proposals:moderation_queue": "/en/dashboard/campaigns/may/proposals/",
        "dashboard:home": "/en/dashboard/",
        "dashboard:event_edit": f"/en/dashboard/events/{event.pk}/edit/",
        "dashboard:event_organizers": f"/en/dashboard/events/{event.pk}/organizers/",
        "dashboard:invitation": f"/en/dashboard/invitations/{token}/",
        "dashboard:campaign": "/en/dashboard/campaigns/may/",
        "dashboard:campaign_export": "/en/dashboard/campaigns/may/events.csv",
        "dashboard:campaign_message": "/en/dashboard/campaigns/may/message/",
        "accounts:sign_in": "/en/accounts/sign-in/",
        "accounts:sign_in_code": "/en/accounts/sign-in/code/",
        "accounts:sign_in_link": f"/en/accounts/sign-in/link/{token}/",
        "accounts:sign_in_password": "/en/accounts/sign-in/password/",
        "accounts:sign_out": "/en/accounts/sign-out/",
        "accounts:roles": "/en/accounts/roles/",
        "accounts:role_revoke": "/en/accounts/roles/revoke/",
        "accounts:audit_log": "/en/accounts/audit/",
        "groups:group_directory": "/en/groups/",
        "groups:group_detail": "/en/groups/utrecht/",
        "groups:group_edit": "/en/groups/utrecht/edit/",
        "press:list": "/en/press/",
        "press:submit_campaign": "/en/press/submit/campaign/may/",
        "press:submit_event": f"/en/press/submit/event/{event.pk}/",
        "press:review": "/en/press/review/",
        "press:review_mention": f"/en/press/review/{mention.pk}/",
        "media:event_photos": f"/en/photos/event/{event.pk}/",
        "media:campaign_photos": "/en/photos/campaign/may/",
        "media:review": "/en/photos/review/",
        "media:describe": f"/en/photos/{photo.pk}/describe/",
        "media:review_photo": f"/en/photos/{photo.pk}/review/",
        "media:delete": f"/en/photos/{photo.pk}/delete/",
        "signups:sign_up": f"/en/signups/events/{event.pk}/",
        "signups:check_inbox": f"/en/signups/events/{event.pk}/check-your-inbox/",
        "signups:attendee_list": f"/en/signups/events/{event.pk}/attendees/",
        "signups:attendee_export": f"/en/signups/events/{event.pk}/attendees.csv",
        "signups:attendee_message": f"/en/signups/events/{event.pk}/attendees/message/",
        "signups:attendance": f"/en/signups/events/{event.pk}/attendees/attendance/",
        "signups:privacy_request": "/en/signups/privacy/",
        "signups:privacy": f"/en/signups/privacy/{token}/",
        "signups:privacy_export": f"/en/signups/privacy/{token}/my-data.json",
        "signups:privacy_erase": f"/en/signups/privacy/{token}/erase/",
        "signups:manage": f"/en/signups/{signup.token}/",
        "signups:confirm": f"/en/signups/{signup.token}/confirm/",
        "signups:cancel": f"/en/signups/{signup.token}/cancel/",
        "signups:invite": f"/en/signups/{signup.token}/invite.ics",
        "geo:events": "/en/events/",
        "geo:choose_city": "/en/events/my-city/",
        "content:consent": "/en/consent/",
        "content:page_detail": "/en/values/",
        "metrics": "/metrics",
        "api:api-root": "/api/v1/",
        "branding:landing": "/",
        "branding:css": "/brand.css",
        "branding:favicon": "/favicon.ico",
        "branding:icon": "/brand/icon-32.png",
        "branding:logo": "/brand/logo",
        "sharing:campaign_card": "/en/cards/campaigns/may.png",
        "sharing:event_card": f"/en/cards/events/{event.pk}.png",
        "sharing:event_ics": f"/en/cards/events/{event.pk}.ics",
        "alerts:settings": "/en/alerts/",
        "alerts:manage": f"/en/alerts/{token}/",
        "alerts:one_click_stop": f"/en/alerts/{token}/stop/",
        "referrals:event_referrers": f"/en/share/events/{event.pk}/",
        "referrals:campaign_referrers": "/en/share/campaigns/may/",
        "referrals:give_share_code": f"/en/share/code/{signup.token}/",
        "followup:event_answers": f"/en/follow-up/event/{event.pk}/",
        "followup:survey": f"/en/follow-up/{signup.token}/",
        "followup:thanks": f"/en/follow-up/{signup.token}/thanks/",
        "followup:send_photos": f"/en/follow-up/{signup.token}/photos/",
        "roles:event_roles": f"/en/roles/events/{event.pk}/",
        "roles:add_role": f"/en/roles/events/{event.pk}/add/",
        "roles:ask_attendee": f"/en/roles/events/{event.pk}/ask/",
        "roles:change_role": f"/en/roles/events/{event.pk}/roles/{role.pk}/",
        "roles:remove_role": f"/en/roles/events/{event.pk}/roles/{role.pk}/remove/",
        "roles:remove_from_role": (
            f"/en/roles/events/{event.pk}/assignments/{assignment.pk}/remove/"
        ),
        "roles:volunteer": f"/en/roles/mine/{signup.token}/volunteer/",
        "roles:accept": f"/en/roles/mine/{signup.token}/accept/",
        "roles:step_down": f"/en/roles/mine/{signup.token}/step-down/",
        "checkin:door": f"/en/check-in/events/{event.pk}/",
        "checkin:counts": f"/en/check-in/events/{event.pk}/counts.json",
        "checkin:check_in_by_code": f"/en/check-in/events/{event.pk}/code/",
        "checkin:code": f"/en/check-in/events/{event.pk}/code/{code}/",
        "checkin:check_in": f"/en/check-in/events/{event.pk}/people/{signup.pk}/check-in/",
        "checkin:undo": f"/en/check-in/events/{event.pk}/people/{signup.pk}/undo/",
        "checkin:walk_in": f"/en/check-in/events/{event.pk}/walk-in/",
        "checkin:sign_in_sheet": f"/en/check-in/events/{event.pk}/sign-in-sheet.pdf",
        "checkin:upload_sheet": f"/en/check-in/events/{event.pk}/sign-in-sheet/upload/",
        "meetups:group_series": "/en/meetups/group/utrecht/",
        "meetups:series_create": "/en/meetups/group/utrecht/new/",
        "meetups:series_detail": f"/en/meetups/{series.pk}/",
        "meetups:occurrence_edit": f"/en/meetups/{series.pk}/dates/{occurrence.pk}/edit/",
        "meetups:occurrence_cancel": f"/en/meetups/{series.pk}/dates/{occurrence.pk}/cancel/",
        "meetups:occurrence_following": (
            f"/en/meetups/{series.pk}/dates/{occurrence.pk}/following/"
        ),
    }
    return World(
        coordinator=coordinator,
        campaign=campaign,
        event=event,
        group=group,
        mention=mention,
        signup=signup,
        photo=photo,
        proposal=proposal,
        paths=paths,
    )


def named_url_patterns() -> set[str]:
    """Every named URL of the site outside the admin, as 'namespace:name'."""

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
                if pattern.namespace in NOT_COVERED:
                    continue
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern):
                yield f"{namespace}:{pattern.name or '?'}" if namespace else pattern.name or "?"

    return set(walk(get_resolver().url_patterns)) - NOT_COVERED
