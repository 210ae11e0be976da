"""The attacker's eighth round against the press review queue: a link to a site of one's own,
dressed as a news outlet. The sender chooses the outlet they type, the title their page
gives, and a host name that reads as the outlet's own with a letter from another alphabet
("nоs.nl" with a Cyrillic о). The queue showed the title alone, so a coordinator publishing
it put a phishing page on the site's press list under the outlet's name. Now each item says
where it leads, in the ASCII spelling too, and a host that mixes alphabets is flagged."""

from datetime import UTC, datetime

import pytest
from django.test import Client

from tests.factories import CampaignFactory, UserFactory
from turnout.press import services
from turnout.press.models import PressMention

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 14, 9, tzinfo=UTC)
WARNING = "mixes look-alike letters from other alphabets"


def _queue_with(url: str, *, outlet: str, title: str) -> tuple[Client, PressMention, str]:
    campaign = CampaignFactory(slug="mei")
    coordinator = UserFactory(email="coordinator@example.nl")
    campaign.coordinators.add(coordinator)
    mention = services.submit_press_mention(
        url=url, submitted_by=None, now=NOW, campaign=campaign, fetch_metadata=False
    )
    PressMention.objects.filter(pk=mention.pk).update(outlet=outlet, title=title)
    client = Client()
    client.force_login(coordinator)
    return client, mention, client.get("/en/press/review/").content.decode()


@pytest.mark.parametrize(
    ("url", "ascii_host"),
    [
        ("https://n\u043es.nl/artikel/2030", "xn--ns-fmc.nl"),  # Cyrillic о
        ("https://www.\u0440arool.nl/nieuws", "xn--arool-uye.nl"),  # Cyrillic р
        ("https://volkskrant.n\u04cf/a", None),  # Cyrillic palochka for an l
        ("https://xn--ns-fmc.nl/artikel", "xn--ns-fmc.nl"),  # sent in punycode already
    ],
)
def test_a_look_alike_outlet_host_is_shown_in_ascii_and_flagged(url, ascii_host):
    _client, _mention, page = _queue_with(url, outlet="NOS", title="Duizenden op het Malieveld")
    assert WARNING in page
    if ascii_host is not None:
        assert ascii_host in page


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://nos.nl/artikel/2030", "nos.nl"),
        ("https://www.nrc.nl/nieuws/2030/05/14/", "nrc.nl"),
        ("https://новости.рф/статья", "xn--b1amnebsh.xn--p1ai"),  # one alphabet: no warning
        ("https://bücher.example/presse", "xn--bcher-kva.example"),
    ],
)
def test_an_outlets_own_host_is_named_without_a_warning(url, shown):
    _client, _mention, page = _queue_with(url, outlet="Krant", title="Een verslag")
    assert f"Leads to {shown}" in page or f"({shown})" in page
    assert WARNING not in page


def test_a_refused_approval_shows_the_host_and_the_warning_again():
    client, mention, _page = _queue_with(
        "https://n\u043es.nl/artikel", outlet="NOS", title="Duizenden op het Malieveld"
    )
    answer = client.post(
        f"/en/press/review/{mention.pk}/",
        {"decision": "approve", f"m{mention.pk}-title": "", f"m{mention.pk}-kind": "nonsense"},
    )
    assert answer.status_code == 400
    page = answer.content.decode()
    assert "xn--ns-fmc.nl" in page and WARNING in page
    mention.refresh_from_db()
    assert mention.state == PressMention.State.PENDING
