"""An attacker who reads the source: covers and photos kept by a shared cache after they were
taken down, frames from any server once "Mastodon" was allowed, and the holes found by sweeping
the site as such a person would. Every test sends real requests through the test client."""

import re

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.content.factories import PageFactory
from tests.covers.images import banner
from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.media.images import plain_image
from tests.security.world import NOW
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.content.consent import COOKIE_NAME
from turnout.content.embeds import EmbedProvider, recognize_embed
from turnout.content.policy import mastodon_origins
from turnout.covers import services as covers
from turnout.media import services as media

pytestmark = pytest.mark.django_db

SHARED_CACHE_SECONDS = 60  # what a CDN or nginx may keep a public file before asking again


def _seconds(cache_control: str, directive: str) -> int | None:
    match = re.search(rf"(?:^|,\s*){directive}=(\d+)", cache_control)
    return int(match.group(1)) if match else None


def _shared_lifetime(cache_control: str) -> int:
    """How long a shared cache may serve the answer without asking (RFC 9111 §4.2.1)."""
    if "private" in cache_control or "no-store" in cache_control:
        return 0
    found = _seconds(cache_control, "s-maxage")
    return found if found is not None else (_seconds(cache_control, "max-age") or 0)


# -- covers and photos after a takedown -------------------------------------------------------


@pytest.fixture
def organizer():
    return UserFactory(email="organisatrice@exemple.fr")


@pytest.fixture
def event(organizer):
    event = LocalEventFactory(city="Lyon", country="FR")
    event.organizers.add(organizer)
    return event


def _cover(subject, actor, alt_text="Banderole devant l'hôtel de ville"):
    return covers.set_cover(
        subject=subject,
        actor=actor,
        alt_text=alt_text,
        upload=covers.Upload("banderole.png", banner(size=(960, 540))),
    )


def _files(cover) -> list[str]:
    return [f"/covers/{cover.key}/{name.rsplit('/', 1)[-1]}" for name in cover.file_names()]


def test_a_public_cover_is_kept_by_shared_caches_briefly_and_revalidated_cheaply(event, organizer):
    cover = _cover(event, organizer)
    visitor = Client()
    for path in _files(cover):
        answer = visitor.get(path)
        assert answer.status_code == 200
        assert "immutable" not in answer["Cache-Control"]
        assert 0 < _shared_lifetime(answer["Cache-Control"]) <= SHARED_CACHE_SECONDS
        # A cache asking again with the ETag gets a 304 without the file.
        again = visitor.get(path, HTTP_IF_NONE_MATCH=answer["ETag"])
        assert again.status_code == 304 and again.content == b""
        assert again["Cache-Control"] == answer["Cache-Control"]


def test_a_removed_cover_answers_404_even_to_a_cache_revalidating_it(event, organizer):
    cover = _cover(event, organizer)
    visitor = Client()
    etags = {path: visitor.get(path)["ETag"] for path in _files(cover)}
    own = Client()
    own.force_login(organizer)
    assert own.post(f"/en/covers/event/{event.pk}/remove/").status_code == 302
    for path, etag in etags.items():
        for answer in (visitor.get(path), visitor.get(path, HTTP_IF_NONE_MATCH=etag)):
            assert answer.status_code == 404
            assert _shared_lifetime(answer.get("Cache-Control", "")) == 0


def test_a_replaced_cover_gets_new_addresses_and_the_old_ones_are_refused(event, organizer):
    old = _files(_cover(event, organizer))
    new = _files(_cover(event, organizer, alt_text="Foule sur la place Bellecour"))
    assert not set(old) & set(new)
    assert {Client().get(path).status_code for path in old} == {404}
    assert {Client().get(path).status_code for path in new} == {200}


@pytest.mark.parametrize(
    "takedown",
    [
        pytest.param(lambda event: setattr(event.campaign, "status", Campaign.Status.DRAFT)
                     or event.campaign.save(), id="campaign-back-to-draft"),
        pytest.param(lambda event: setattr(event, "status", LocalEvent.Status.REJECTED)
                     or event.save(), id="event-rejected"),
    ],
)  # fmt: skip
def test_a_cover_whose_page_is_taken_down_is_refused_to_a_revalidating_cache(
    event, organizer, takedown
):
    cover = _cover(event, organizer)
    etags = {path: Client().get(path)["ETag"] for path in _files(cover)}
    takedown(event)
    for path, etag in etags.items():
        answer = Client().get(path, HTTP_IF_NONE_MATCH=etag)
        assert answer.status_code == 404  # never a 304 that would keep the copy alive


def _photo(event, person, colour=(200, 30, 30)):
    [photo] = media.upload_photos(
        uploads=[media.Upload("foto.png", plain_image(size=(600, 400), colour=colour))],
        uploaded_by=person,
        now=NOW,
        event=event,
        alt_text="Mensen met een spandoek op de Neude",
    )
    return photo


def test_an_approved_photo_of_a_proposed_event_never_reaches_a_shared_cache():
    campaign = CampaignFactory(slug="klimaatmars", status=Campaign.Status.PUBLISHED)
    coordinator = UserFactory(email="coordinator@voorbeeld.nl")
    campaign.coordinators.add(coordinator)
    proposed = LocalEventFactory(campaign=campaign, status=LocalEvent.Status.PROPOSED)
    photo = _photo(proposed, coordinator)
    assert photo.state == photo.State.APPROVED  # a coordinator's upload needs no review
    names = [photo.original, *(item["name"] for item in photo.renditions)]
    insider = Client()
    insider.force_login(coordinator)
    for name in names:
        answer = insider.get(f"/media/{name}")
        assert answer.status_code == 200
        assert answer["Cache-Control"] == "private, no-store", name  # was public for a year
        assert Client().get(f"/media/{name}").status_code == 404


def test_a_public_photo_is_kept_by_shared_caches_briefly_and_is_gone_once_deleted():
    campaign = CampaignFactory(slug="fietsdemo", status=Campaign.Status.PUBLISHED)
    coordinator = UserFactory(email="koordinatorin@beispiel.de")
    campaign.coordinators.add(coordinator)
    event = LocalEventFactory(campaign=campaign)
    photo = _photo(event, coordinator)
    path = f"/media/{photo.renditions[0]['name']}"
    answer = Client().get(path)
    assert answer.status_code == 200
    assert 0 < _shared_lifetime(answer["Cache-Control"]) <= SHARED_CACHE_SECONDS
    etag = answer["ETag"]
    own = Client()
    own.force_login(coordinator)
    assert own.post(f"/en/photos/{photo.pk}/delete/").status_code == 302
    assert Client().get(path, HTTP_IF_NONE_MATCH=etag).status_code == 404


# -- Mastodon: frames only from the servers whose posts the page embeds -----------------------

MASTODON_PAGE = """---
title: Stemmen van de straat
---

Wat mensen schreven na de mars in Utrecht:

https://mastodon.social/@klimaatmars/113456789012345678

<Embed url="https://chaos.social/users/fahrradfreundin/statuses/112233445566778899" />

Y en español:

https://mastodon.social/@klimaatmars/113456789012345679
"""


def _frame_sources(answer) -> list[str]:
    policy = answer["Content-Security-Policy"]
    directive = next((part for part in policy.split(";") if "frame-src" in part), "")
    return directive.split()[1:]


def test_consenting_to_mastodon_admits_only_the_servers_embedded_on_that_page(client):
    PageFactory(slug="stemmen", source=MASTODON_PAGE)
    PageFactory(slug="zonder", source="---\ntitle: Zonder berichten\n---\n\nAlleen tekst.\n")
    client.cookies[COOKIE_NAME] = "mastodon"
    with_posts = client.get("/en/stemmen/")
    assert with_posts.status_code == 200
    frames = _frame_sources(with_posts)
    assert "https://mastodon.social" in frames and "https://chaos.social" in frames
    assert "https:" not in frames and "*" not in frames
    assert not [s for s in frames if s not in ("'self'", "'none'")][2:]  # these two, nothing more
    without = client.get("/en/zonder/")
    assert not [s for s in _frame_sources(without) if s.startswith("https")]
    # Without consent no Mastodon server at all, even on the page that embeds them.
    stranger = Client().get("/en/stemmen/")
    assert not [s for s in _frame_sources(stranger) if "social" in s]


@pytest.mark.parametrize(
    ("url", "post"),
    [
        ("https://mastodon.social/@klimaatmars/113456789012345678",
         "https://mastodon.social/@klimaatmars/113456789012345678"),
        ("https://Chaos.Social/users/fahrrad_freundin/statuses/1129/",
         "https://chaos.social/@fahrrad_freundin/1129"),
        ("https://mastodon.nl/@groen@mastodon.social/42", "https://mastodon.nl/@groen/42"),
    ],
)  # fmt: skip
def test_mastodon_posts_are_recognized_in_both_address_shapes(url, post):
    embed = recognize_embed(url)
    assert embed is not None and embed.provider == EmbedProvider.MASTODON
    assert embed.url == post and embed.iframe_src == f"{post}/embed"


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/phish",  # not a post at all
        "https://evil.example/@user/123/../../login",
        "https://evil.example/@user/123?next=https://other.example",
        "https://127.0.0.1/@user/123",  # an address, not a server's name
        "https://-bad-.example/@user/123",
        "https://exa mple.org/@user/123",
        "https://mastodon.social:8443/@user/123",  # a port would be another origin
        "https://mastodon.social/@jürgen/123",  # Mastodon's user names are ASCII
        "https://mastodon.social/@user/١٢٣",  # Arabic-Indic digits are not a status id
        "https://mastodon.social/@user/123456789012345678901234567890",
        "http://mastodon.social/@user/123",  # a frame on an https page must be https
        "https://xn--80ak6aa92e.com/@user/123/embed",  # the frame address itself
    ],
)
def test_what_is_not_a_mastodon_post_address_is_not_embedded(url):
    embed = recognize_embed(url)
    assert embed is None or embed.provider != EmbedProvider.MASTODON


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_recognizing_any_text_as_a_post_never_fails(text):
    recognize_embed(text)
    recognize_embed(f"https://mastodon.social/@{text}/1")
    recognize_embed(f"https://{text}/@user/1")


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=500))
def test_reading_the_servers_from_any_page_never_fails(html):
    for origin in mastodon_origins(f'<figure data-embed-provider="mastodon" data-embed="{html}">'):
        assert origin.startswith("https://") and " " not in origin


def test_a_page_with_a_broken_address_on_its_own_line_still_renders(client):
    # "https://[" is an unclosed IPv6 bracket: looking for a YouTube video in it used to raise.
    PageFactory(slug="kapot", source="---\ntitle: Kapot\n---\n\nhttps://[fe80::1\n\nMeer tekst.\n")
    answer = client.get("/en/kapot/")
    assert answer.status_code == 200 and "Meer tekst." in answer.content.decode()
