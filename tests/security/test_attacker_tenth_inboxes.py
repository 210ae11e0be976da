"""The attacker's tenth round against inboxes and the organizers' screens: one inbox reached by
many addresses (subaddresses "+tag", Gmail's ignored dots) to get a fresh per-address limit
with every spelling and mail-bomb a victim from many networks; a name of zero-width spaces or
Hangul fillers that is a blank line on the attendee list; a survey comment with a bidi
override that turns the organizers' page around."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory, form_data
from turnout.campaigns.proposals.models import EventProposal
from turnout.followup.models import FollowUp, SurveyAnswer
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.organizing.dashboard.services import INVITATIONS_PER_HOUR_TO_ONE_ADDRESS
from turnout.signups.models import Signup
from turnout.web.inboxes import inbox_key

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
VICTIM = "marieke.devries@voorbeeld.nl"
GMAIL_VICTIM = "katarzyna.nowak@gmail.com"

# Each reaches the one inbox: the mail service drops the "+tag", Gmail the dots.
SUBADDRESSES = [f"marieke.devries+{tag}@voorbeeld.nl" for tag in ("a", "klimaat", "2030", "x1")]
GMAIL_SPELLINGS = [
    "katarzyna.nowak@gmail.com",
    "katarzynanowak@gmail.com",
    "k.a.t.a.r.z.y.n.a.nowak@gmail.com",
    "Katarzyna.Nowak+marsz@googlemail.com",
]


def test_every_spelling_of_one_inbox_is_one_key():
    assert {inbox_key(address) for address in [VICTIM, *SUBADDRESSES]} == {
        "marieke.devries@voorbeeld.nl"
    }
    assert {inbox_key(address) for address in GMAIL_SPELLINGS} == {"katarzynanowak@gmail.com"}
    # Other services keep their dots: "j.smit@" and "jsmit@" are two people there.
    assert inbox_key("j.smit@example.nl") != inbox_key("jsmit@example.nl")
    # An address that is only a tag keeps it, rather than becoming "@domain".
    assert inbox_key("+31@example.nl") == "+31@example.nl"


@hypothesis_settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_a_key_without_failing(text):
    key = inbox_key(text)
    assert isinstance(key, str)
    assert inbox_key(key) == key  # a key keys itself


def _sign_up(event, address: str, n: int):
    client = Client(REMOTE_ADDR=f"198.51.100.{n + 1}")  # a fresh network every time
    return client.post(f"/en/signups/events/{event.pk}/", form_data(name="Marieke", email=address))


@pytest.mark.parametrize(
    ("victim", "spellings"), [(VICTIM, SUBADDRESSES), (GMAIL_VICTIM, GMAIL_SPELLINGS[1:])]
)
def test_subaddresses_from_many_networks_buy_no_fresh_signup_limit(settings, victim, spellings):
    """A script signs the victim up for every event of a campaign, a new "+tag" each time,
    from a botnet: each signup mails the victim's inbox, so the inbox's limit counts them."""
    settings.SIGNUP_RATE_PER_IP = 100
    settings.SIGNUP_RATE_PER_EMAIL = 2
    with time_machine.travel(NOW, tick=False):
        campaign = CampaignFactory(slug="juni")
        events = [
            LocalEventFactory(campaign=campaign, city=city)
            for city in ("Gent", "Zwolle", "Kraków", "Lyon", "Braga")
        ]
        statuses = [
            _sign_up(events[n], address, n).status_code
            for n, address in enumerate([victim, *spellings])
        ]
        write_owed_letters(now=NOW)
    assert statuses[:2] == [302, 302]
    assert set(statuses[2:]) == {429}
    assert Signup.objects.count() == 2
    assert OutboxMessage.objects.count() == 2


def _proposal(email: str) -> dict:
    return {
        "city": "Groningen", "venue": "Vismarkt", "day": "2030-05-13", "starts": "14:00",
        "ends": "16:00", "signup_method": "native", "proposer_name": "Griet",
        "proposer_email": email,
    }  # fmt: skip


def test_subaddresses_buy_no_fresh_proposal_limit(settings):
    settings.PROPOSALS_PER_HOUR_PER_EMAIL = 2
    with time_machine.travel(NOW, tick=False):
        campaign = CampaignFactory(
            slug="mei", starts_on=NOW.date() + timedelta(days=12), is_open_for_proposals=True
        )
        path = f"/en/campaigns/{campaign.slug}/organize/"
        statuses = [
            Client(REMOTE_ADDR=f"198.51.100.{n + 1}").post(path, _proposal(address)).status_code
            for n, address in enumerate([VICTIM, *SUBADDRESSES])
        ]
    assert statuses == [200, 200, 429, 429, 429]
    assert EventProposal.objects.count() == 2
    assert OutboxMessage.objects.count() == 2


def test_subaddresses_buy_no_fresh_invitation_limit():
    with time_machine.travel(NOW, tick=False):
        for number, city in enumerate(["Assen", "Emmen", "Zwolle"]):
            person = UserFactory(email=f"organisator{number}@example.org")
            event = LocalEventFactory(city=city)
            event.organizers.add(person)
            client = Client(raise_request_exception=False)
            client.force_login(person)
            for tag in range(4):
                path = f"/en/dashboard/events/{event.pk}/organizers/"
                answer = client.post(path, {"email": f"marieke.devries+{number}{tag}@voorbeeld.nl"})
                assert answer.status_code < 500
    assert OutboxMessage.objects.count() == INVITATIONS_PER_HOUR_TO_ONE_ADDRESS


def test_a_tagged_address_is_still_stored_and_mailed_as_typed():
    """Only the limit's key drops the tag: the person's own address is what the site keeps."""
    with time_machine.travel(NOW, tick=False):
        event = LocalEventFactory(city="Utrecht")
        assert _sign_up(event, "Marieke.DeVries+klimaat@voorbeeld.nl", 0).status_code == 302
        write_owed_letters(now=NOW)
    assert Signup.objects.get().email == "marieke.devries+klimaat@voorbeeld.nl"
    assert OutboxMessage.objects.get().to_email == "marieke.devries+klimaat@voorbeeld.nl"


# -- names that show nothing ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "\u200b\u200b\u200b",  # zero-width spaces
        "\u3164",  # Hangul filler, a letter that draws nothing
        "\u115f\u1160",  # Hangul choseong and jungseong fillers
        "\u2800\u2800",  # braille blank
        "\u200d\ufeff\u2060",  # joiner, byte order mark, word joiner
        "\u00a0\u200e\u200f",  # no-break space, left-to-right and right-to-left marks
    ],
)
def test_a_name_that_shows_nothing_is_refused_in_words(name):
    with time_machine.travel(NOW, tick=False):
        event = LocalEventFactory(city="Lisboa")
        answer = _sign_up(event, "fantasma@example.pt", 0)  # a real name first
        assert answer.status_code == 302
        answer = Client(REMOTE_ADDR="203.0.113.5").post(
            f"/en/signups/events/{event.pk}/", form_data(name=name, email="ninguem@example.pt")
        )
    assert answer.status_code == 400
    assert "Please give your name." in answer.content.decode()
    assert list(Signup.objects.values_list("email", flat=True)) == ["fantasma@example.pt"]


@pytest.mark.parametrize("name", ["김민준", "محمد العلي", "Ἀλέξανδρος", "李小龙", "Zoë", "Ō"])
def test_names_in_every_script_still_sign_up(name):
    with time_machine.travel(NOW, tick=False):
        event = LocalEventFactory(city="Seoul")
        assert _sign_up_named(event, name).status_code == 302
    assert Signup.objects.get().name == name


def _sign_up_named(event, name: str):
    return Client().post(
        f"/en/signups/events/{event.pk}/", form_data(name=name, email="echt@example.kr")
    )


# -- a survey comment an organizer reads ------------------------------------------------------


def test_a_bidi_override_in_a_survey_comment_does_not_reach_the_organizers_page():
    """The "Trojan Source" trick in a comment: an override turns the organizers' reading of
    the text around; isolates and embeddings likewise. Right-to-left words need none of them."""
    comment = (
        "Goed georganiseerd \u202etxt.exe\u202c, maar te weinig water.\n"
        "\u2067שלום\u2069 — \u202bمرحبا\u202c\x1b[31m\u2028tot volgend jaar"
    )
    with time_machine.travel(NOW + timedelta(days=30), tick=False):
        organizer = UserFactory(email="organisator@example.nl")
        event = LocalEventFactory(
            city="Den Haag", starts_at=NOW - timedelta(days=2), ends_at=NOW - timedelta(days=2)
        )
        event.organizers.add(organizer)
        signup = SignupFactory(event=event, state=Signup.State.ATTENDED)
        FollowUp.objects.create(signup=signup, kind=FollowUp.Kind.ATTENDED, sent_at=NOW)
        answer = Client().post(
            f"/en/follow-up/{signup.token}/",
            {"how_was_it": "4", "would_come_again": "yes", "comment": comment},
        )
        assert answer.status_code == 302
        client = Client()
        client.force_login(organizer)
        page = client.get(f"/en/follow-up/event/{event.pk}/").content.decode()
    stored = SurveyAnswer.objects.get().comment
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x1b":
        assert control not in stored
        assert control not in page
    assert "שלום" in stored and "مرحبا" in stored
    assert stored.splitlines() == [
        "Goed georganiseerd txt.exe, maar te weinig water.",
        "שלום — مرحبا[31m",
        "tot volgend jaar",
    ]
