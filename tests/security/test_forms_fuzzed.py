"""Every form of the site, sent property-based data (Hypothesis): a readable answer, never a 500,
and a refused form writes nothing.

Each example starts from a valid submission and replaces, drops or adds fields with values
drawn for the field's type: well-formed ones and junk (any Unicode, NUL, control and
right-to-left characters, digits of other scripts, very long text, lists where one value is
expected). Forms that need an account are sent by a signed-in coordinator who may do anything.
"""

from dataclasses import dataclass, field

import pytest
import time_machine
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.world import NOW, World, build_world
from tests.signups.factories import form_data
from turnout.accounts.forms import CodeForm, RoleForm, SignInForm
from turnout.accounts.models import AuditEntry, User
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals.forms import DecisionForm, ProposalForm
from turnout.campaigns.proposals.models import EventProposal
from turnout.groups.forms import ChannelForm, GroupPageForm
from turnout.groups.models import Channel, Group
from turnout.media.forms import DescribePhotoForm
from turnout.media.models import Photo
from turnout.notifications.forms import WrittenMessageForm
from turnout.notifications.models import OutboxMessage
from turnout.organizing.dashboard.forms import EventEditForm, InviteForm
from turnout.press.forms import ReviewMentionForm, SubmitMentionForm
from turnout.press.metadata import PageMetadata
from turnout.press.models import PressMention
from turnout.signups.forms import PrivacyRequestForm, SignupForm
from turnout.signups.models import Signup
from turnout.web.models import RateCounter

pytestmark = pytest.mark.django_db

EXAMPLES = 12
WRITTEN = [
    Signup, OutboxMessage, LocalEvent, EventProposal, PressMention, Group, Channel, Photo,
    AuditEntry, User,
]  # fmt: skip

# Text a person, a bot or an attacker might send: any code point but lone surrogates (which
# cannot be encoded into a request at all).
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
ODD = st.sampled_from(
    ["", " ", "\x00", "a\x00b", "\u202etxt.exe", "٣", "²", "𝟙𝟚", "-1", "0", "1e309", "NaN",
     "inf", "-inf", "99999999999999999999999", "-99999999999999999999999", "9" * 5000, "١٢٣",
     "9" * 30, "x" * 5000, "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd",
     "http://127.0.0.1:9/", "javascript:alert(1)", "2030-02-30", "25:61", "true", "[]", "{}"]
)  # fmt: skip
JUNK = st.one_of(ANY_TEXT, ODD)


def well_formed(form_field: forms.Field) -> st.SearchStrategy[str]:
    """Values of the right shape for a field (which may still be refused, as by a person)."""
    if isinstance(form_field, forms.BooleanField):
        return st.sampled_from(["on", ""])
    if isinstance(form_field, forms.EmailField):
        return st.emails().map(str)
    if isinstance(form_field, forms.URLField):
        return st.sampled_from(["https://news.example.org/story", "news.example.org/a?b=c"])
    if isinstance(form_field, forms.DateField):
        return st.dates().map(lambda d: d.isoformat())
    if isinstance(form_field, forms.TimeField):
        return st.times().map(lambda t: t.strftime("%H:%M"))
    if isinstance(form_field, forms.IntegerField):
        return st.integers(-(2**70), 2**70).map(str)
    if isinstance(form_field, forms.ModelChoiceField):
        return st.integers(-1, 5).map(str)
    if isinstance(form_field, forms.ChoiceField) and form_field.choices:
        return st.sampled_from([str(value) for value, _ in form_field.choices])
    return ANY_TEXT


@dataclass
class FormCase:
    """A form: where it is posted, a valid submission, and its fields (with their prefix)."""

    path: str
    valid: dict
    fields: dict[str, forms.Field] = field(default_factory=dict)
    signed_in: bool = False
    headers: dict = field(default_factory=dict)
    method: str = "post"


def fields_of(form_class, *, prefix: str = "", **init) -> dict[str, forms.Field]:
    form = form_class(prefix=prefix or None, **init)
    return {form.add_prefix(name): f for name, f in form.fields.items()}


def loose(*names: str) -> dict[str, forms.Field]:
    """Fields a view reads itself, outside a form."""
    return {name: forms.CharField() for name in names}


def cases(world: World) -> dict[str, FormCase]:
    event, campaign = world.event, world.campaign
    photo, mention, token = world.photo, world.mention, world.signup.token
    stamp = form_data()["stamp"]
    return {
        "signup": FormCase(f"/en/signups/events/{event.pk}/", form_data(), fields_of(SignupForm)),
        "proposal": FormCase(
            "/en/campaigns/may/organize/",
            {
                "title": "Protest",
                "city": "Groningen",
                "venue": "Vismarkt",
                "day": "2030-05-13",
                "starts": "14:00",
                "ends": "16:00",
                "signup_method": "native",
                "proposer_name": "Griet",
                "proposer_email": "griet@example.org",
            },
            fields_of(ProposalForm, campaign=campaign),
        ),  # fmt: skip
        "press submission": FormCase(
            f"/en/press/submit/event/{event.pk}/",
            {"url": "https://news.example.org/story", "kind": "article", "website": ""},
            fields_of(SubmitMentionForm),
        ),
        "sign-in": FormCase(
            "/en/accounts/sign-in/", {"email": "someone@example.org"}, fields_of(SignInForm)
        ),
        "sign-in code": FormCase(
            "/en/accounts/sign-in/code/", {"code": "123456"}, fields_of(CodeForm)
        ),
        "password sign-in": FormCase(
            "/en/accounts/sign-in/password/",
            {"username": "coordinator@example.org", "password": "wrong"},
            fields_of(AuthenticationForm),
        ),
        "consent": FormCase(
            "/en/consent/",
            {"provider": "youtube", "decision": "allow", "anchor": "embed-youtube-1"},
            loose("provider", "decision", "anchor", "next"),
            headers={"HTTP_SEC_FETCH_SITE": "same-origin"},
        ),
        "privacy request": FormCase(
            "/en/signups/privacy/", {"email": "ada@example.org"}, fields_of(PrivacyRequestForm)
        ),
        "remembered city": FormCase(
            "/en/events/my-city/",
            {"city": "2759794", "next": "/en/"},
            loose("city", "action", "next"),
        ),  # fmt: skip
        "group edit": FormCase(
            "/en/groups/utrecht/edit/",
            {
                "name": "PauseAI Utrecht",
                "city": "Utrecht",
                "description": "Monthly.",
                "is_active": "on",
                "channels-TOTAL_FORMS": "1",
                "channels-INITIAL_FORMS": "0",
                "channels-0-kind": "telegram",
                "channels-0-address": "https://t.me/pauseai",
            },
            fields_of(GroupPageForm)
            | fields_of(ChannelForm, prefix="channels-0")
            | loose("channels-TOTAL_FORMS", "channels-INITIAL_FORMS", "channels-0-DELETE"),
            signed_in=True,
        ),  # fmt: skip
        "event edit": FormCase(
            f"/en/dashboard/events/{event.pk}/edit/",
            {
                "title": "Amsterdam protest",
                "city": "Amsterdam",
                "country": "NL",
                "venue": "Dam Square",
                "day": "2030-05-13",
                "starts": "14:00",
                "ends": "16:00",
                "timezone": "Europe/Amsterdam",
                "signup_method": "native",
            },
            fields_of(EventEditForm, campaign=campaign, event=event),
            signed_in=True,
        ),  # fmt: skip
        "invite an organizer": FormCase(
            f"/en/dashboard/events/{event.pk}/organizers/",
            {"email": "new@example.org"},
            fields_of(InviteForm),
            signed_in=True,
        ),
        "message to attendees": FormCase(
            f"/en/signups/events/{event.pk}/attendees/message/",
            {"subject": "Bring water", "body": "See you there."},
            fields_of(WrittenMessageForm),
            signed_in=True,
        ),
        "attendance": FormCase(
            f"/en/signups/events/{event.pk}/attendees/attendance/",
            {"attended": str(world.signup.pk)},
            loose("attended"),
            signed_in=True,
        ),
        "message to organizers": FormCase(
            "/en/dashboard/campaigns/may/message/",
            {"subject": "Flyers", "body": "They arrive on Monday."},
            fields_of(WrittenMessageForm),
            signed_in=True,
        ),
        "proposal decision": FormCase(
            "/en/dashboard/campaigns/may/proposals/",
            {"proposal": str(world.proposal.pk), f"p{world.proposal.pk}-decision": "approve"},
            fields_of(DecisionForm, prefix=f"p{world.proposal.pk}") | loose("proposal"),
            signed_in=True,
        ),
        "photo description": FormCase(
            f"/en/photos/{photo.pk}/describe/",
            {f"p{photo.pk}-alt_text": "People with banners", f"p{photo.pk}-faces": "none"},
            fields_of(DescribePhotoForm, prefix=f"p{photo.pk}", instance=photo)
            | loose("decision", "next"),
            signed_in=True,
        ),
        "photo review": FormCase(
            f"/en/photos/{photo.pk}/review/",
            {"decision": "approve"},
            loose("decision", "next"),
            signed_in=True,
        ),
        "press review": FormCase(
            f"/en/press/review/{mention.pk}/",
            {"decision": "approve", f"m{mention.pk}-outlet": "Example News"},
            fields_of(ReviewMentionForm, prefix=f"m{mention.pk}", instance=mention)
            | loose("decision"),
            signed_in=True,
        ),
        "role": FormCase(
            "/en/accounts/roles/",
            {
                "email": "lead@example.org",
                "name": "Lea",
                "role": "lead",
                "group": str(world.group.pk),
            },
            fields_of(RoleForm),
            signed_in=True,
        ),  # fmt: skip
        "role revoke": FormCase(
            "/en/accounts/roles/revoke/",
            {
                "person": str(world.coordinator.pk),
                "role": "coordinator",
                "object": str(campaign.pk),
            },
            loose("person", "role", "object"),
            signed_in=True,
        ),  # fmt: skip
        "signup cancel": FormCase(f"/en/signups/{token}/cancel/", {}, loose("x")),
        "events filter": FormCase(
            "/en/events/",
            {"near": "Utrecht", "radius_km": "50", "when": "past", "country": "NL"},
            loose("near", "radius_km", "when", "country", "campaign", "group", "units", "page"),
            method="get",
        ),
        "press filter": FormCase(
            "/en/press/",
            {"year": "2024", "language": "en", "kind": "article"},
            loose("year", "language", "outlet", "kind", "page"),
            method="get",
        ),  # fmt: skip
        "audit filter": FormCase(
            "/en/accounts/audit/",
            {"action": "signups.export", "person": "a@example.org"},
            loose("action", "person", "page"),
            signed_in=True,
            method="get",
        ),  # fmt: skip
        "signup with a stale stamp": FormCase(
            f"/en/signups/events/{event.pk}/", form_data(stamp=stamp), loose("stamp")
        ),
    }


@st.composite
def submissions(draw, case: FormCase) -> dict:
    """A valid submission with some fields replaced, dropped, repeated or added."""
    data: dict = dict(case.valid)
    names = sorted(case.fields)
    for name in draw(st.lists(st.sampled_from(names), max_size=4, unique=True)):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            data.pop(name, None)
        elif choice == 1:
            data[name] = draw(well_formed(case.fields[name]))
        elif choice == 2:
            data[name] = draw(JUNK)
        else:
            data[name] = draw(st.lists(JUNK, min_size=2, max_size=3))
    if draw(st.booleans()):
        data[draw(ANY_TEXT.filter(bool))] = draw(JUNK)  # a field the form does not know
    return data


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in WRITTEN}


@pytest.fixture
def world(monkeypatch, settings):
    # Press links are not fetched: no network here, and the answer must not depend on it.
    monkeypatch.setattr(
        "turnout.press.services.fetch_page_metadata", lambda url, **kw: PageMetadata()
    )
    settings.SIGNUP_MIN_SECONDS = 3
    with time_machine.travel(NOW, tick=False):
        yield build_world()


def _case_names() -> list[str]:
    return [
        "signup", "proposal", "press submission", "sign-in", "sign-in code", "password sign-in",
        "consent", "privacy request", "remembered city", "group edit", "event edit",
        "invite an organizer", "message to attendees", "attendance", "message to organizers",
        "proposal decision", "photo description", "photo review", "press review", "role",
        "role revoke", "signup cancel", "events filter", "press filter", "audit filter",
        "signup with a stale stamp",
    ]  # fmt: skip


@pytest.mark.parametrize("name", _case_names())
def test_a_fuzzed_form_is_answered_without_a_server_error_and_a_refusal_writes_nothing(world, name):
    case = cases(world)[name]
    case.fields = loose(*case.valid) | case.fields  # what the valid submission sends, too
    client = Client()
    if case.signed_in:
        client.force_login(world.coordinator)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=submissions(case))
    def check(data):
        RateCounter.objects.all().delete()  # limits would answer every example after a few
        before = row_counts()
        send = client.get if case.method == "get" else client.post
        response = send(case.path, data, **case.headers)
        assert response.status_code < 500
        if response.status_code >= 400:
            assert row_counts() == before, f"refused with {response.status_code}, yet wrote"

    check()
