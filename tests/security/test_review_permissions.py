"""Every review, moderation and organizer page refuses people without the role before it reads
or renders anything: walked as a visitor, as a signed-in stranger and as the coordinator of
another campaign, with GET and with every kind of POST (empty, invalid, approve, reject).

The walk's table is checked against the URL resolver, so a new page in these apps, or a URL
anywhere whose name sounds like review or moderation, fails here until it is listed.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from tests.content.factories import PageFactory
from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.groups.factories import LocalGroupFactory, NationalGroupFactory
from tests.media.images import plain_image
from tests.meetups.conftest import make_series
from tests.press.factories import PressMentionFactory
from tests.roles.factories import EventRoleFactory, RoleAssignmentFactory
from tests.signups.factories import SignupFactory
from turnout.accounts.models import AuditEntry
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals.models import EventProposal
from turnout.checkin.codes import check_in_code
from turnout.covers import services as covers
from turnout.covers.models import CoverImage
from turnout.media import services as media
from turnout.media.models import Photo
from turnout.notifications.models import OutboxMessage
from turnout.press.models import PressMention
from turnout.roles.models import EventRole, RoleAssignment
from turnout.signups.models import Signup
from turnout.translation.models import Translation

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)

# Strings that exist only in the rows below: none may reach a person without the role.
MARKERS = {
    "campaign": "Qzx7CampaignTitle",
    "event": "Qzx7EventTitle",
    "venue": "Qzx7VenueHall",
    "press_url": "qzx7-unpublished-story",
    "press_title": "Qzx7PressTitle",
    "outlet": "Qzx7Outlet",
    "photo": "Qzx7PhotoAlt",
    "attendee": "Qzx7Attendee",
    "attendee_email": "qzx7-attendee@example.org",
    "proposer": "Qzx7Proposer",
    "proposed": "Qzx7ProposedEvent",
    "group": "Qzx7Group",
    "coordinator": "qzx7-coordinator@example.org",
    "page": "Qzx7PageTitle",
}

# Apps whose every URL is listed below, protected or public with a reason.
AUDITED_NAMESPACES = {
    "press",
    "covers",
    "media",
    "dashboard",
    "proposals",
    "signups",
    "groups",
    "accounts",
    "roles",
    "checkin",
    "followup",
    "alerts",
    "referrals",
    "meetups",
}
# Any URL anywhere whose name says it reviews, moderates or manages must be protected or listed.
SOUNDS_PROTECTED = re.compile(
    r"review|moderat|approv|reject|attendee|attendance|export|message|edit|organizer|role|"
    r"audit|describe|delete|dashboard|invit|decid"
)


@dataclass
class Rows:
    campaign: object
    event: object
    mention: object
    photo: object
    signup: object
    proposal: object
    group: object
    translation: object
    coordinator: object
    role: object
    assignment: object
    series: object
    occurrence: object


def build_rows() -> Rows:
    coordinator = UserFactory(email=MARKERS["coordinator"], name="Qzx7 Coordinator")
    campaign = CampaignFactory(slug="may", title=MARKERS["campaign"], starts_on=date(2030, 5, 13))
    campaign.coordinators.add(coordinator)
    event = LocalEventFactory(campaign=campaign, title=MARKERS["event"], venue=MARKERS["venue"])
    event.organizers.add(coordinator)
    mention = PressMentionFactory(
        campaign=campaign,
        event=event,
        url=f"https://news.example.org/{MARKERS['press_url']}",
        title=MARKERS["press_title"],
        outlet=MARKERS["outlet"],
        state=PressMention.State.PENDING,
    )
    photo = _pending_photo(event, coordinator)
    covers.set_cover(
        subject=event,
        actor=coordinator,
        alt_text="A banner over the square",
        upload=covers.Upload("c.png", plain_image(size=(640, 360))),
    )
    signup = SignupFactory(event=event, name=MARKERS["attendee"], email=MARKERS["attendee_email"])
    proposed = LocalEventFactory(
        campaign=campaign, title=MARKERS["proposed"], status=LocalEvent.Status.PROPOSED
    )
    proposal = EventProposal.objects.create(
        event=proposed,
        proposer_name=MARKERS["proposer"],
        proposer_email="qzx7-proposer@example.org",
        token_hash="0" * 64,
        email_confirmed_at=NOW,
    )
    group = LocalGroupFactory(slug="utrecht", name=MARKERS["group"], parent=NationalGroupFactory())
    group.leads.add(coordinator)
    page = PageFactory(slug="values", title=MARKERS["page"])
    page_translation = Translation.objects.create(
        content_type=ContentType.objects.get_for_model(page),
        object_id=page.pk,
        field="source",
        language="nl",
        source_language="en",
        text=f"{MARKERS['page']} vertaald",
    )
    role = EventRoleFactory(event=event)
    assignment = RoleAssignmentFactory(role=role, signup=signup)
    series = make_series(group, coordinator, now=NOW, dtstart=date(2030, 5, 7))
    return Rows(
        role=role,
        assignment=assignment,
        series=series,
        occurrence=series.occurrences.order_by("pk").first(),
        campaign=campaign,
        event=event,
        mention=mention,
        photo=photo,
        signup=signup,
        proposal=proposal,
        group=group,
        translation=page_translation,
        coordinator=coordinator,
    )


def _pending_photo(event, coordinator) -> Photo:
    (photo,) = media.upload_photos(
        uploads=[media.Upload("p.png", plain_image())],
        uploaded_by=coordinator,
        now=NOW,
        event=event,
        alt_text=MARKERS["photo"],
    )
    photo.state = Photo.State.PENDING
    photo.save(update_fields=["state"])
    return photo


Kwargs = Callable[[Rows], dict]

# name -> the arguments of its address. Each needs a role on these rows (or an administrator).
PROTECTED: dict[str, Kwargs] = {
    "press:review": lambda r: {},
    "press:review_mention": lambda r: {"pk": r.mention.pk},
    "media:review": lambda r: {},
    "media:event_photos": lambda r: {"pk": r.event.pk},
    "media:campaign_photos": lambda r: {"slug": r.campaign.slug},
    "media:describe": lambda r: {"pk": r.photo.pk},
    "media:review_photo": lambda r: {"pk": r.photo.pk},
    "media:delete": lambda r: {"pk": r.photo.pk},
    "covers:campaign_cover": lambda r: {"slug": r.campaign.slug},
    "covers:remove_campaign_cover": lambda r: {"slug": r.campaign.slug},
    "covers:event_cover": lambda r: {"pk": r.event.pk},
    "covers:remove_event_cover": lambda r: {"pk": r.event.pk},
    "proposals:moderation_queue": lambda r: {"slug": r.campaign.slug},
    "dashboard:event_edit": lambda r: {"pk": r.event.pk},
    "dashboard:event_organizers": lambda r: {"pk": r.event.pk},
    "dashboard:campaign": lambda r: {"slug": r.campaign.slug},
    "dashboard:campaign_export": lambda r: {"slug": r.campaign.slug},
    "dashboard:campaign_message": lambda r: {"slug": r.campaign.slug},
    "signups:attendee_list": lambda r: {"pk": r.event.pk},
    "signups:attendee_export": lambda r: {"pk": r.event.pk},
    "signups:attendee_message": lambda r: {"pk": r.event.pk},
    "signups:attendance": lambda r: {"pk": r.event.pk},
    "groups:group_edit": lambda r: {"slug": r.group.slug},
    "accounts:roles": lambda r: {},
    "accounts:role_revoke": lambda r: {},
    "accounts:audit_log": lambda r: {},
    "roles:event_roles": lambda r: {"pk": r.event.pk},
    "roles:add_role": lambda r: {"pk": r.event.pk},
    "roles:ask_attendee": lambda r: {"pk": r.event.pk},
    "roles:change_role": lambda r: {"pk": r.event.pk, "role_pk": r.role.pk},
    "roles:remove_role": lambda r: {"pk": r.event.pk, "role_pk": r.role.pk},
    "roles:remove_from_role": lambda r: {"pk": r.event.pk, "assignment_pk": r.assignment.pk},
    "checkin:door": lambda r: {"pk": r.event.pk},
    "checkin:counts": lambda r: {"pk": r.event.pk},
    "checkin:check_in_by_code": lambda r: {"pk": r.event.pk},
    "checkin:code": lambda r: {"pk": r.event.pk, "code": check_in_code(r.signup.token)},
    "checkin:check_in": lambda r: {"pk": r.event.pk, "signup_pk": r.signup.pk},
    "checkin:undo": lambda r: {"pk": r.event.pk, "signup_pk": r.signup.pk},
    "checkin:walk_in": lambda r: {"pk": r.event.pk},
    "checkin:sign_in_sheet": lambda r: {"pk": r.event.pk},
    "checkin:upload_sheet": lambda r: {"pk": r.event.pk},
    "followup:event_answers": lambda r: {"pk": r.event.pk},
    "referrals:event_referrers": lambda r: {"pk": r.event.pk},
    "referrals:campaign_referrers": lambda r: {"slug": r.campaign.slug},
    "meetups:series_create": lambda r: {"slug": r.group.slug},
    "meetups:occurrence_edit": lambda r: {"pk": r.series.pk, "occurrence_pk": r.occurrence.pk},
    "meetups:occurrence_cancel": lambda r: {"pk": r.series.pk, "occurrence_pk": r.occurrence.pk},
    "meetups:occurrence_following": lambda r: {
        "pk": r.series.pk,
        "occurrence_pk": r.occurrence.pk,
    },
}

# Pages a signed-in person has of their own: they answer, but show only what is theirs.
OWN_PAGES: dict[str, Kwargs] = {"dashboard:home": lambda r: {}, "alerts:settings": lambda r: {}}

# name -> why anyone may open it.
PUBLIC = {
    "press:list": "published coverage",
    "press:submit_campaign": "anyone may suggest a link; it waits for review",
    "press:submit_event": "anyone may suggest a link; it waits for review",
    "proposals:propose": "anyone may propose an event",
    "proposals:confirm": "the proposer's secret link",
    "proposals:revise": "the proposer's secret link",
    "dashboard:invitation": "the invitee's secret link",
    "signups:sign_up": "the public signup form",
    "signups:check_inbox": "says only 'check your inbox'",
    "signups:privacy_request": "asks for an address, answers the same for all",
    "signups:privacy": "the person's secret link",
    "signups:privacy_export": "the person's secret link",
    "signups:privacy_erase": "the person's secret link",
    "signups:manage": "the participant's secret link",
    "signups:confirm": "the participant's secret link",
    "signups:cancel": "the participant's secret link",
    "signups:invite": "the participant's secret link",
    "referrals:give_share_code": "the participant's secret link",
    "groups:group_directory": "public directory",
    "groups:group_detail": "public group page",
    "accounts:sign_in": "signing in",
    "accounts:sign_in_code": "signing in",
    "accounts:sign_in_link": "signing in",
    "accounts:sign_in_password": "signing in",
    "accounts:sign_out": "signing out",
    "roles:volunteer": "the participant's secret link",
    "roles:accept": "the participant's secret link",
    "roles:step_down": "the participant's secret link",
    "followup:survey": "the participant's secret link",
    "followup:thanks": "the participant's secret link",
    "followup:send_photos": "the participant's secret link",
    "alerts:manage": "the recipient's secret link",
    "alerts:one_click_stop": "the recipient's secret link (the mail program's one-click stop)",
    "meetups:group_series": "a group's public list of recurring meet-ups",
    "meetups:series_detail": "a public series page",
}


def _admin_paths(rows: Rows) -> list[str]:
    """Back-office review screens: Django's admin lets only staff in, then asks the model's
    permission."""
    return [
        f"/admin/translation/translation/{rows.translation.pk}/change/",
        f"/admin/press/pressmention/{rows.mention.pk}/change/",
        f"/admin/media/photo/{rows.photo.pk}/change/",
        f"/admin/signups/signup/{rows.signup.pk}/change/",
        "/admin/signups/signup/",
        "/admin/press/pressmention/",
    ]


def _payloads(rows: Rows) -> list[dict]:
    """Every kind of POST the review pages take: empty, invalid, approve, reject."""
    mention, photo, proposal = f"m{rows.mention.pk}", f"p{rows.photo.pk}", f"p{rows.proposal.pk}"
    invalid = {
        f"{mention}-published_on": "not a date",
        f"{mention}-kind": "no-such-kind",
        f"{photo}-faces": "no-such-choice",
        f"{proposal}-decision": "no-such-decision",
        "proposal": str(rows.proposal.pk),
        "email": "not an address",
        "subject": "",
        "capacity": "-5",
        "attended": [str(rows.signup.pk)],
        "person": str(rows.coordinator.pk),
        "role": "coordinator",
        "object": str(rows.campaign.pk),
        "next": "/en/",
    }
    valid = {
        f"{mention}-outlet": "Outlet",
        f"{mention}-title": "Title",
        f"{mention}-language": "en",
        f"{mention}-kind": "article",
        f"{photo}-alt_text": "Alt",
        f"{photo}-faces": "none",
        f"{proposal}-message": "Because",
        "proposal": str(rows.proposal.pk),
        "attended": [str(rows.signup.pk)],
        "subject": "Hello",
        "body": "Text",
        "email": "new-person@example.org",
        "person": str(rows.coordinator.pk),
        "role": "coordinator",
        "object": str(rows.campaign.pk),
        "next": "/en/",
    }
    return [
        {},
        {**invalid, "decision": "approve"},
        {**invalid, "decision": "reject"},
        {**valid, "decision": "approve", f"{proposal}-decision": "approve"},
        {**valid, "decision": "reject", f"{proposal}-decision": "reject"},
    ]


def _state(rows: Rows) -> tuple:
    """What a refused request must leave as it was."""
    return (
        PressMention.objects.get(pk=rows.mention.pk).state,
        Photo.objects.filter(pk=rows.photo.pk).values_list("state", "alt_text").first(),
        EventProposal.objects.get(pk=rows.proposal.pk).state,
        Signup.objects.get(pk=rows.signup.pk).state,
        EventRole.objects.count(),
        RoleAssignment.objects.count(),
        LocalEvent.objects.get(pk=rows.event.pk).title,
        rows.campaign.coordinators.count(),
        rows.event.organizers.count(),
        OutboxMessage.objects.count(),
        AuditEntry.objects.count(),
        tuple(CoverImage.objects.values_list("key", "alt_text", "credit")),
    )


def _address(name: str, kwargs: Kwargs, rows: Rows) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs(rows))


def _leaks(body: bytes) -> list[str]:
    text = body.decode("utf-8", "replace")
    return [marker for marker in MARKERS.values() if marker.casefold() in text.casefold()]


def _walk(client: Client, rows: Rows, addresses: list[str]):
    """Each address with GET and every POST: (method, address, payload, response)."""
    for address in addresses:
        yield "GET", address, None, client.get(address)
        for payload in _payloads(rows):
            yield "POST", address, payload, client.post(address, payload)


@pytest.fixture
def rows():
    return build_rows()


def _named_urls() -> set[str]:
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns))


def test_every_review_and_organizer_url_is_in_the_walk():
    named = _named_urls()
    listed = set(PROTECTED) | set(OWN_PAGES) | set(PUBLIC)
    in_audited_apps = {name for name in named if name.split(":")[0] in AUDITED_NAMESPACES}
    sounding = {name for name in named if SOUNDS_PROTECTED.search(name.split(":")[-1])}
    missing = (in_audited_apps | sounding) - listed
    assert not missing, f"list these in PROTECTED (or PUBLIC with a reason): {sorted(missing)}"
    assert set(PROTECTED) <= named, sorted(set(PROTECTED) - named)


def test_visitors_are_sent_to_sign_in_and_learn_nothing(client, rows):
    before = _state(rows)
    addresses = [_address(n, k, rows) for n, k in {**PROTECTED, **OWN_PAGES}.items()]
    for method, address, payload, response in _walk(client, rows, addresses):
        where = f"{method} {address} {payload}"
        assert response.status_code in {302, 403, 404}, where
        if response.status_code == 302:
            assert response["Location"].startswith("/en/accounts/sign-in/"), where
        assert not _leaks(response.content), where
    assert _state(rows) == before


@pytest.mark.parametrize("stranger", ["signed_in", "other_coordinator", "other_organizer"])
def test_people_without_the_role_get_403_or_404_and_learn_nothing(client, rows, stranger):
    person = UserFactory(email="stranger@example.org")
    if stranger == "other_coordinator":
        CampaignFactory(slug="elsewhere").coordinators.add(person)
    elif stranger == "other_organizer":
        LocalEventFactory(title="Another event").organizers.add(person)
    client.force_login(person)
    before = _state(rows)
    addresses = [_address(n, k, rows) for n, k in PROTECTED.items()]
    own_queues = {"/en/press/review/", "/en/photos/review/"}
    refused_get = {403, 404, 405}  # 405: a POST-only page refuses GET before reading anything
    for method, address, payload, response in _walk(client, rows, addresses):
        where = f"{method} {address} {payload}"
        if stranger == "other_coordinator" and address in own_queues:
            assert response.status_code == 200, where  # their own, empty, queue
        else:
            # 405: a page that takes only GET (or only POST) refuses the other method first.
            allowed = refused_get if method == "GET" else {403, 404, 405}
            assert response.status_code in allowed, (where, response.status_code)
        assert not _leaks(response.content), (where, _leaks(response.content))
    for name, kwargs in OWN_PAGES.items():
        response = client.get(_address(name, kwargs, rows))
        assert response.status_code == 200 and not _leaks(response.content), name
    assert _state(rows) == before


def test_an_invalid_approval_of_a_press_link_shows_a_stranger_nothing(client, rows):
    """The reported leak: POST decision=approve with a bad form rendered the link's URL."""
    client.force_login(UserFactory(email="stranger@example.org"))
    prefix = f"m{rows.mention.pk}"
    response = client.post(
        f"/en/press/review/{rows.mention.pk}/",
        {f"{prefix}-published_on": "soon", f"{prefix}-kind": "x", "decision": "approve"},
    )
    assert response.status_code == 403
    assert MARKERS["press_url"] not in response.content.decode()


def test_the_back_office_lets_in_only_staff_with_the_models_permission(client, rows):
    before = _state(rows)
    person = UserFactory(email="stranger@example.org")
    client.force_login(person)
    for method, address, payload, response in _walk(client, rows, _admin_paths(rows)):
        where = f"{method} {address} {payload}"
        assert response.status_code == 302, where
        assert response["Location"].startswith("/admin/login/"), where
        assert not _leaks(response.content), where
    person.is_staff = True
    person.save()
    person.user_permissions.add(Permission.objects.get(codename="view_campaign"))
    for method, address, payload, response in _walk(client, rows, _admin_paths(rows)):
        where = f"{method} {address} {payload}"
        assert response.status_code in {403, 404}, (where, response.status_code)
        assert not _leaks(response.content), (where, _leaks(response.content))
    assert _state(rows) == before


def test_the_people_with_the_role_do_get_in(client, rows):
    """The walk above would pass for pages that refuse everyone: these must open for the role."""
    client.force_login(rows.coordinator)
    for name, kwargs in {**PROTECTED, **OWN_PAGES}.items():
        if name in {"accounts:roles", "accounts:audit_log"}:
            continue  # administrators only
        address = _address(name, kwargs, rows)
        post_only = name in {
            "press:review_mention",
            "media:describe",
            "media:review_photo",
            "media:delete",
            "covers:remove_campaign_cover",
            "covers:remove_event_cover",
            "dashboard:campaign_export",
            "accounts:role_revoke",
            "roles:add_role",
            "roles:ask_attendee",
            "roles:remove_role",
            "roles:remove_from_role",
            "checkin:check_in_by_code",
            "checkin:check_in",
            "checkin:undo",
            "checkin:walk_in",
            "checkin:upload_sheet",
        }
        if post_only:
            continue
        assert client.get(address).status_code == 200, name
    text = client.get("/en/press/review/").content.decode()
    assert MARKERS["press_url"] in text
