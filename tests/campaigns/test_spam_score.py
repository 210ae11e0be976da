"""The spam score of a proposal: tables of what real organizers write (which must score low)
and of what spam looks like (which is held, with reasons a coordinator can check)."""

import itertools
import secrets
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals import spam, spam_reasons
from turnout.campaigns.proposals.models import EventProposal
from turnout.campaigns.proposals.spam import HOLD_THRESHOLD, score_proposal

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 4, 1, 12, tzinfo=ZoneInfo("UTC"))
_numbers = itertools.count()


@pytest.fixture
def campaign(db):
    return CampaignFactory(slug="may", title="May action")


def make_proposal(
    campaign,
    *,
    title="",
    description="",
    note="",
    email="organizer@example.org",
    city="Utrecht",
    country="NL",
    latitude=None,
    longitude=None,
    online=False,
    created_at=NOW,
    save=True,
) -> EventProposal:
    event_fields = {
        "campaign": campaign,
        "title": title or f"{campaign.title} · {city or 'Online'}",
        "description": description,
        "city": "" if online else city,
        "country": "" if online else country,
        "latitude": latitude,
        "longitude": longitude,
        "status": LocalEvent.Status.PROPOSED,
        "attendance_mode": (
            LocalEvent.AttendanceMode.ONLINE if online else LocalEvent.AttendanceMode.IN_PERSON
        ),
    }
    if not save:
        event = LocalEventFactory.build(**event_fields)
        return EventProposal(
            event=event, proposer_name="Someone", proposer_email=email, note=note,
            created_at=created_at, state=EventProposal.State.PENDING,
        )  # fmt: skip
    event = LocalEventFactory(**event_fields)
    return EventProposal.objects.create(
        event=event, proposer_name="Someone", proposer_email=email, note=note,
        created_at=created_at, state=EventProposal.State.PENDING,
        token_hash=f"{next(_numbers)}-{secrets.token_hex(8)}",
    )  # fmt: skip


def codes(verdict) -> set[str]:
    return {reason.code for reason in verdict.reasons}


# What organizers write: a meeting point, a call to bring something, one link to their group.
CLEAN = [
    pytest.param(
        {
            "title": "Climate strike Utrecht",
            "description": "Join us at the Neude at noon. Bring a sign and a friend! "
            "Group chat: https://chat.whatsapp.com/AbCdEf123",
            "email": "sanne.devries@gmail.com",
        },
        id="en-one-whatsapp-link",
    ),
    pytest.param(
        {
            "title": "Klimaatmars Groningen",
            "city": "Groningen",
            "description": "We lopen samen van de Grote Markt naar het stadhuis. Meer info op "
            "onze Facebookpagina: https://www.facebook.com/groups/klimaatgroningen",
            "note": "Ik heb dit vorig jaar ook georganiseerd, met 200 mensen.",
            "email": "jan.bakker@ziggo.nl",
        },
        id="nl-facebook-group",
    ),
    pytest.param(
        {
            "title": "Klimastreik München",
            "city": "München",
            "country": "DE",
            "description": "Treffpunkt am Marienplatz um 12 Uhr. Bringt Trommeln und Schilder "
            "mit! Infos unter www.fff-muenchen.de",
            "email": "lena.huber@posteo.de",
        },
        id="de-www-link",
    ),
    pytest.param(
        {
            "title": "Strajk klimatyczny w Krakowie",
            "city": "Kraków",
            "country": "PL",
            "description": "Spotykamy się pod Sukiennicami o 12:00. Zabierzcie transparenty! "
            "Grupa: https://facebook.com/groups/strajkkrakow",
            "email": "zuzanna.wójcik@onet.pl",
        },
        id="pl-unicode-address",
    ),
    pytest.param(
        {
            "title": "気候マーチ東京",
            "city": "東京",
            "country": "JP",
            "description": "渋谷駅ハチ公前に正午集合。プラカードを持ってきてください。"
            "詳細はこちら: https://twitter.com/fff_tokyo",
            "email": "haruka.sato@example.jp",
        },
        id="ja-city-in-japanese",
    ),
    pytest.param(
        {
            "description": "Sign up on https://lu.ma/climate-utrecht and join the chat: "
            "https://t.me/climateutrecht",
        },
        id="signup-and-chat-two-links",
    ),
    pytest.param(
        {"city": "Zoutelande", "country": "NL", "latitude": 51.502, "longitude": 3.484},
        id="unknown-small-village-on-the-map",
    ),
    pytest.param({"city": "Hintertupfingen", "country": "DE"}, id="unknown-village-anywhere"),
    pytest.param({"city": "Amsterdam", "country": "US"}, id="amsterdam-new-york"),
    pytest.param({"online": True, "description": "Zoom: https://zoom.us/j/123"}, id="online"),
    pytest.param(
        {"description": "Bring water 💧 and your family 👨‍👩‍👧 — we march at 14:00!"},
        id="emoji-with-joiners",
    ),
    pytest.param({"email": "ana+climate@example.org"}, id="plus-address"),
    pytest.param(
        {"description": "Klima\u00adstreik am Markt\u00adplatz, kopiert von unserer Webseite."},
        id="soft-hyphens-from-a-web-page",
    ),
]


@pytest.mark.parametrize("fields", CLEAN)
def test_what_organizers_write_is_not_held(campaign, fields):
    verdict = score_proposal(make_proposal(campaign, **fields), now=NOW)
    assert verdict.score <= 10, verdict.reasons
    assert not verdict.is_held


# What spam looks like: each row says what must be held and which reasons show.
SPAM = [
    pytest.param(
        {
            "description": "[cheap pills](https://pills.example/a) [casino bonus]"
            "(https://casino.example/b) [fast loans](https://loans.example/c)"
        },
        {"links", "link_markup"},
        "3 links in the description",
        id="markdown-link-spam",
    ),
    pytest.param(
        {
            "description": "[url=https://casino.example]casino[/url] [url]https://x.example[/url]"
            " [URL=http://pills.example]pills[/URL]"
        },
        {"links", "link_markup"},
        "written as markup",
        id="bbcode",
    ),
    pytest.param(
        {
            "description": "Sign up: https://bit.ly/3abcDEF then https://bit.ly/4defGHI "
            "and https://tinyurl.com/xyz123"
        },
        {"links", "shortened_links"},
        "3 shortened links (bit.ly, tinyurl.com) hide where they lead",
        id="bit-ly-chain",
    ),
    pytest.param(
        {"email": "klaas@mailinator.com"},
        {"disposable_address"},
        "the address uses a throw-away email service (mailinator.com)",
        id="disposable-address",
    ),
    pytest.param(
        {"email": "Klaas@Inbox.Team.Mailinator.COM"},
        {"disposable_address"},
        "(mailinator.com)",
        id="disposable-subdomain-in-capitals",
    ),
    pytest.param(
        {"email": "wegwerf@trashmail.de", "description": "Demo für das Klima."},
        {"disposable_address"},
        "(trashmail.de)",
        id="disposable-german-service",
    ),
    pytest.param(
        {
            "city": "Tokyo",
            "country": "PL",
            "description": "Best deals https://deals.example and https://more.example",
        },
        {"links", "city_far_from_country"},
        "“Tokyo” is not a city we know in Poland; the Tokyo we know is in Japan",
        id="tokyo-poland-with-links",
    ),
    pytest.param(
        {
            "title": "FREE money https://win.example",
            "description": "Cl\u200bick h\u200bere https://win.example/now",
        },
        {"links", "link_in_title", "hidden_characters"},
        "a link in the title",
        id="link-in-title-and-hidden-characters",
    ),
    pytest.param(
        {
            "description": "Login: https://pаypal.com/verify (Cyrillic а), help at "
            "https://pаypal.com/help or ｈｔｔｐｓ：／／ｓｐａｍ．ｅｘａｍｐｌｅ／ｐ (full-width)"
        },
        {"links", "lookalike_link"},
        "mixes look-alike letters",
        id="lookalike-and-fullwidth",
    ),
]


@pytest.mark.parametrize(("fields", "expected", "sentence"), SPAM)
def test_spam_is_held_with_its_reasons(campaign, fields, expected, sentence):
    verdict = score_proposal(make_proposal(campaign, **fields), now=NOW)
    assert verdict.is_held, verdict.reasons
    assert verdict.score >= HOLD_THRESHOLD
    assert expected <= codes(verdict)
    with translation.override("en"):
        assert any(sentence in reason.describe() for reason in verdict.reasons), [
            reason.describe() for reason in verdict.reasons
        ]


# Signals that are shown but do not hold a proposal on their own.
MILD = [
    pytest.param({"city": "Paris", "country": "NL"}, {"city_not_in_country"}, id="paris-nl"),
    pytest.param(
        {"city": "Sydney", "country": "NL"}, {"city_far_from_country"}, id="sydney-netherlands"
    ),
    pytest.param({"title": "Party https://x.example"}, {"link_in_title"}, id="link-in-title"),
    pytest.param(
        {"description": "Info: http://xn--pypal-4ve.com/"}, {"lookalike_link"}, id="punycode"
    ),
    pytest.param(
        {"description": "https://a.example https://b.example https://c.example"},
        {"links"},
        id="three-plain-links",
    ),
    pytest.param({"description": "Tickets: https://bit.ly/abc"}, {"shortened_links"}, id="bitly"),
]


@pytest.mark.parametrize(("fields", "expected"), MILD)
def test_mild_signals_are_shown_but_do_not_hold(campaign, fields, expected):
    verdict = score_proposal(make_proposal(campaign, **fields), now=NOW)
    assert codes(verdict) == expected
    assert 0 < verdict.score < HOLD_THRESHOLD


def test_paris_given_on_the_map_across_the_border_is_still_named(campaign):
    paris = make_proposal(campaign, city="Paris", country="NL", latitude=48.85, longitude=2.35)
    assert codes(score_proposal(paris, now=NOW)) == {"city_not_in_country"}
    far = make_proposal(campaign, city="Sydney", country="NL", latitude=-33.87, longitude=151.2)
    assert codes(score_proposal(far, now=NOW)) == {"city_far_from_country"}


@pytest.mark.parametrize(
    ("count", "held"), [(1, False), (2, False), (3, False), (4, False), (5, True), (7, True)]
)
def test_many_proposals_from_one_address_in_a_day(campaign, count, held):
    proposals = [
        make_proposal(
            campaign,
            city=city,
            email=f"bulk+{n}@example.org" if n % 2 else "BULK@example.org",
            created_at=NOW - timedelta(hours=n),
        )
        for n, city in zip(range(count), itertools.cycle(["Utrecht", "Leiden", "Delft"]))
    ]
    make_proposal(campaign, email="bulk@example.org", created_at=NOW - timedelta(days=2))
    make_proposal(campaign, email="someone.else@example.org")
    verdict = score_proposal(proposals[0], now=NOW)
    assert verdict.is_held == held
    if count >= 3:
        (reason,) = verdict.reasons
        assert reason.code == "many_proposals"
        with translation.override("en"):
            assert reason.describe() == f"{count} proposals from this address within 24 hours"
    else:
        assert verdict.reasons == ()


TEMPLATE_TEXT = (
    "We are organizing a big demonstration for the climate in our city. "
    "Come with your friends and family!"
)


def test_text_seen_from_other_addresses_counts_but_a_hosts_own_repeats_do_not(campaign):
    for n in range(2):  # the same host, every week: not a signal
        make_proposal(
            campaign,
            description=TEMPLATE_TEXT,
            email="weekly@example.org",
            created_at=NOW - timedelta(weeks=n + 1),
        )
    own = make_proposal(campaign, description=TEMPLATE_TEXT, email="weekly@example.org")
    assert score_proposal(own, now=NOW).reasons == ()
    copy = make_proposal(
        campaign, description=TEMPLATE_TEXT.upper().replace(" ", "  ") + "!!", email="b@example.org"
    )
    verdict = score_proposal(copy, now=NOW)
    assert codes(verdict) == {"repeated_text"} and verdict.score == 25
    with translation.override("en"):
        assert verdict.reasons[0].describe() == (
            "the same description as a proposal from 1 other address"
        )
    for n in range(3):
        make_proposal(campaign, description=TEMPLATE_TEXT, email=f"bot{n}@example.net")
    verdict = score_proposal(copy, now=NOW)
    assert verdict.score == 40 and not verdict.is_held
    with translation.override("en"):
        assert verdict.reasons[0].describe() == (
            "the same description as proposals from 4 other addresses"
        )
    with_links = make_proposal(
        campaign,
        description=TEMPLATE_TEXT + " https://a.example https://b.example",
        email="c@example.org",
    )
    make_proposal(
        campaign,
        description=TEMPLATE_TEXT + " https://a.example https://b.example",
        email="d@example.org",
    )
    assert score_proposal(with_links, now=NOW).is_held is False  # 25 + 10
    short = make_proposal(campaign, description="Demo at noon.", email="e@example.org")
    make_proposal(campaign, description="Demo at noon.", email="f@example.org")
    assert score_proposal(short, now=NOW).reasons == ()  # short texts repeat innocently


def test_distinctive_titles_seen_before_count_a_little_default_titles_not_at_all(campaign):
    make_proposal(campaign, title="Mega giveaway for everybody today", email="a@example.org")
    again = make_proposal(campaign, title="MEGA giveaway, for everybody today!", email="b@x.org")
    verdict = score_proposal(again, now=NOW)
    assert codes(verdict) == {"repeated_text"} and verdict.score == 10
    make_proposal(campaign, email="c@example.org")  # "May action · Utrecht"
    default = make_proposal(campaign, email="d@example.org")
    assert score_proposal(default, now=NOW).reasons == ()


def test_reasons_read_in_dutch(campaign):
    verdict = score_proposal(
        make_proposal(
            campaign,
            email="x@yopmail.com",
            city="Tokyo",
            country="PL",
            description="https://bit.ly/a https://bit.ly/b https://c.example",
        ),
        now=NOW,
    )
    with translation.override("nl"):
        sentences = [reason.describe() for reason in verdict.reasons]
    assert "3 links in de beschrijving" in sentences
    assert "het adres gebruikt een wegwerp-e-maildienst (yopmail.com)" in sentences
    assert "2 verkorte links (bit.ly) verbergen waar ze heen gaan" in sentences
    assert any(s.startswith("“Tokyo” is geen stad die we kennen in Polen") for s in sentences)


def test_stored_reasons_are_described_when_shown(campaign):
    proposal = make_proposal(campaign, email="x@mailinator.com")
    verdict = score_proposal(proposal, now=NOW)
    stored = verdict.reasons_as_json()
    with translation.override("en"):
        assert spam_reasons.describe_reasons(stored) == [
            "the address uses a throw-away email service (mailinator.com)"
        ]
        assert spam_reasons.describe_reasons(["links"]) == ["0 links in the text"]
        assert spam_reasons.describe_reasons([{"code": "from-the-future"}]) == ["from-the-future"]


@pytest.mark.parametrize(
    ("host", "lookalike"),
    [
        ("example.org", False),
        ("żółw.pl", False),  # Polish letters are still one (Latin) alphabet
        ("東京.jp", False),
        ("пример.рф", False),  # wholly Cyrillic
        ("pаypal.com", True),  # Cyrillic а among Latin letters
        ("xn--pypal-4ve.com", True),
    ],
)
def test_lookalike_hosts(host, lookalike):
    assert spam.is_lookalike_host(host) is lookalike


@pytest.mark.parametrize(
    ("email", "domain"),
    [
        ("a@mailinator.com", "mailinator.com"),
        ("a@sub.mailinator.com", "mailinator.com"),
        ("a@MAILINATOR.COM ", "mailinator.com"),
        ("a@notmailinator.com", None),
        ("a@mailinator.com.example.org", None),
        ("a@gmail.com", None),
        ("not an address", None),
    ],
)
def test_disposable_domains_match_whole_labels(email, domain):
    assert spam.disposable_domain(email) == domain


def test_the_bundled_list_is_a_hundred_or_so_plain_domains():
    domains = spam.disposable_domains()
    assert 100 <= len(domains) <= 300
    assert all("." in d and d == d.strip().lower() and "@" not in d for d in domains)


def test_a_huge_paste_is_scored_quickly(campaign):
    hostile = "[" * 50_000 + "[x" * 50_000 + "[a](https://x.example) " * 1000 + "[" * 10**6
    started = time.process_time()
    verdict = score_proposal(make_proposal(campaign, description=hostile, save=False), now=NOW)
    assert time.process_time() - started < 2
    assert verdict.is_held


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=st.text(max_size=200),
    description=st.text(max_size=2000),
    note=st.text(max_size=300),
    email=st.one_of(
        st.emails(),
        st.text(
            # what a database can hold: a request never decodes to a lone surrogate
            alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
        ),
    ),
    city=st.text(max_size=60),
    country=st.text(max_size=2),
)
def test_scoring_never_fails_on_any_text(campaign, title, description, note, email, city, country):
    proposal = make_proposal(
        campaign, title=title or "x", description=description, note=note, email=email,
        city=city, country=country, save=False,
    )  # fmt: skip
    verdict = score_proposal(proposal, now=NOW)
    assert 0 <= verdict.score <= spam.MAX_SCORE
    for language in ("en", "nl"):
        with translation.override(language):
            assert all(isinstance(r.describe(), str) for r in verdict.reasons)
