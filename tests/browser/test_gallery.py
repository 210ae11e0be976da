"""An organizer uploads photos, a coordinator publishes one, a visitor sees the gallery."""

import pytest
from playwright.sync_api import expect

from tests.browser.sessions import sign_in
from tests.factories import LocalEventFactory, UserFactory
from tests.media.images import photo_with_gps, plain_image
from turnout.media.models import Photo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_photos_go_from_upload_through_review_to_an_accessible_lazy_gallery(
    live_server, page, tmp_path, screenshot, assert_accessible
):
    event = LocalEventFactory(city="Utrecht", title="Protest in Utrecht")
    organizer, coordinator = UserFactory(), UserFactory()
    event.organizers.add(organizer)
    event.campaign.coordinators.add(coordinator)
    first, second = tmp_path / "neude.jpg", tmp_path / "banner.png"
    first.write_bytes(photo_with_gps(size=(1200, 800), orientation=1))
    second.write_bytes(plain_image(size=(800, 600)))

    sign_in(page, live_server, organizer)
    page.goto(f"{live_server.url}/en/events/{event.pk}/")
    page.get_by_role("link", name="Add or manage photos").click()
    page.get_by_label("Photos", exact=True).set_input_files([first, second])
    page.get_by_label("Everyone who can be recognized agreed to be shown").check()
    page.get_by_label("Credit").fill("Sam")
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("2 photos uploaded.")).to_be_visible()
    assert page.get_by_text("Awaiting review").count() == 2
    assert_accessible()
    screenshot("organizer")

    sign_in(page, live_server, coordinator)
    page.goto(f"{live_server.url}/en/photos/review/")
    newest = page.locator(".photo-admin").first
    newest.get_by_label("Description (alt text)").fill("Protesters with a banner on the Neude")
    newest.get_by_role("button", name="Save and publish").click()
    expect(page.get_by_text("The photo is published.")).to_be_visible()
    assert Photo.objects.filter(state="approved").count() == 1

    page.context.clear_cookies()  # a visitor
    page.goto(f"{live_server.url}/en/events/{event.pk}/")
    image = page.get_by_role("img", name="Protesters with a banner on the Neude")
    assert image.get_attribute("loading") == "lazy"
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert page.locator(".gallery img").count() == 1  # the photo awaiting review stays hidden
    expect(page.get_by_text("Faces shown with consent")).to_be_visible()
    expect(page.get_by_text("Photo: Sam")).to_be_visible()
    assert_accessible()
    screenshot("gallery")
