"""Where covers show: campaign, event and home pages, share cards, JSON-LD and emails."""

import io
import re

import pytest
from django.utils import timezone
from PIL import Image

from tests.sharing.json_ld import expand, values
from tests.sharing.pages import json_ld_blocks
from tests.signups.factories import SignupFactory
from turnout.covers import services
from turnout.notifications import outbox
from turnout.signups import emails

from .images import banner

pytestmark = pytest.mark.django_db
SITE = "https://turnout.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


def give_cover(subject, person, alt_text, colours=((20, 60, 120), (240, 180, 40))):
    return services.set_cover(
        subject=subject, actor=person, alt_text=alt_text, credit="Foto: Sanne",
        upload=services.Upload("banner.png", banner(colours=colours)),
    )  # fmt: skip


def picture_of(html: str) -> str:
    match = re.search(r'<figure class="cover cover-(?:hero|tile)">.*?</figure>', html, re.S)
    assert match, "no cover on the page"
    return match.group(0)


def test_the_campaign_page_shows_the_hero_at_once_even_for_cached_visitors(
    client, campaign, coordinator
):
    path = f"/en/campaigns/{campaign.slug}/"
    assert "cover-hero" not in client.get(path).content.decode()  # now kept in the page cache
    cover = give_cover(campaign, coordinator, "Drie generaties op het Malieveld")
    html = client.get(path).content.decode()
    picture = picture_of(html)
    assert html.index("cover-hero") < html.index("<h1")  # at the top
    assert '<source type="image/avif" srcset="' in picture
    assert '<source type="image/webp" srcset="' in picture
    assert f"/covers/{cover.key}/480.avif 480w, /covers/{cover.key}/960.avif 960w" in picture
    assert 'alt="Drie generaties op het Malieveld"' in picture
    assert f'width="{cover.width}" height="{cover.height}"' in picture
    assert "Image: Foto: Sanne" in picture


def test_the_event_page_and_the_home_tile(client, campaign, event, organizer, coordinator):
    give_cover(event, organizer, "Fietsers met vlaggen op de Dom & het plein <ook>")
    html = client.get(f"/nl/events/{event.pk}/").content.decode()
    picture = picture_of(html)
    assert 'alt="Fietsers met vlaggen op de Dom &amp; het plein &lt;ook&gt;"' in picture
    assert 'Afbeelding: <span lang="en">Foto: Sanne</span>' in picture  # an untranslated credit
    give_cover(campaign, coordinator, "A crowd under umbrellas")
    home = client.get("/en/").content.decode()
    assert 'class="cover cover-tile"' in home and 'alt="A crowd under umbrellas"' in home
    assert 'loading="lazy"' in picture_of(home)


def test_the_share_card_draws_the_cover_and_changes_with_it(client, event, organizer):
    def card() -> bytes:
        response = client.get(f"/en/cards/events/{event.pk}.png")
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
        image = Image.open(io.BytesIO(response.content))
        assert (image.format, image.size) == ("PNG", (1200, 630))
        return response.content

    plain = card()
    give_cover(event, organizer, "Blue and yellow", colours=((20, 60, 120), (240, 180, 40)))
    blue = card()
    give_cover(event, organizer, "Red and green", colours=((200, 30, 30), (30, 160, 60)))
    red = card()
    assert len({plain, blue, red}) == 3
    # The right half of the cover (yellow, then green) shows, darkened, behind the text.
    pixel = Image.open(io.BytesIO(red)).convert("RGB").getpixel((1150, 600))
    assert pixel[1] > pixel[0] and pixel[1] > pixel[2]
    assert max(pixel) < 100  # dark enough for white text


def test_json_ld_lists_the_cover_first_in_full(client, event, organizer):
    cover = give_cover(event, organizer, "Banner")
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    [node] = expand(json_ld_blocks(html)[0])
    images = values(node, "image")
    assert images[0] == f"{SITE}/covers/{cover.key}/1600.webp"
    assert f"{SITE}/covers/{cover.key}/email.jpg" in images
    assert any("/cards/events/" in url for url in images)  # the share card stays


def test_json_ld_of_the_campaign_lists_its_hero(client, campaign, coordinator):
    cover = give_cover(campaign, coordinator, "Banner")
    html = client.get(f"/en/campaigns/{campaign.slug}/").content.decode()
    assert f"{SITE}/covers/{cover.key}/1600.webp" == json_ld_blocks(html)[0]["image"][0]


def deliver(smtp_server, email):
    outbox.enqueue(email, now=timezone.now())
    outbox.deliver_due()
    (message,) = smtp_server.to(email.to)
    return message


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def test_the_confirmation_emails_show_the_event_image(smtp_server, event, organizer):
    cover = give_cover(event, organizer, "Mensen met borden voor het stadhuis")
    signup = SignupFactory(event=event, email="femke@example.org", language="nl")
    html = html_of(deliver(smtp_server, emails.confirmation_request(signup)))
    assert f'<img src="{SITE}/covers/{cover.key}/email.jpg"' in html
    assert 'alt="Mensen met borden voor het stadhuis"' in html
    assert html.index("email.jpg") < html.index("Hallo")  # at the top


def test_without_an_event_image_the_email_shows_the_campaigns_hero(
    smtp_server, campaign, event, coordinator
):
    hero = give_cover(campaign, coordinator, "Ein Meer aus Schildern")
    signup = SignupFactory(event=event, email="jonas@example.org")
    html = html_of(deliver(smtp_server, emails.signup_confirmed(signup, now=timezone.now())))
    assert f'src="{SITE}/covers/{hero.key}/email.jpg" alt="Ein Meer aus Schildern"' in html


def test_without_any_cover_the_email_has_no_image(smtp_server, event):
    signup = SignupFactory(event=event, email="noor@example.org")
    html = html_of(deliver(smtp_server, emails.confirmation_request(signup)))
    assert "/covers/" not in html
