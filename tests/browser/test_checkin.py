"""The door on a phone in a real browser: tap, type a code without JavaScript, live counts,
and a surge of check-ins from four phones at once."""

import asyncio
import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM_ARGS, chromium_path
from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.accounts.models import AuditEntry
from turnout.checkin.codes import check_in_code, display_code
from turnout.signups.models import Signup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def event(transactional_db):
    # Starting within the hour: the door is open.
    starts_at = timezone.now().replace(microsecond=0) + timedelta(minutes=40)
    return LocalEventFactory(
        title="Protest in Utrecht",
        city="Utrecht",
        venue="Neude",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
    )


@pytest.fixture
def organizer_cookie(event, live_server):
    organizer = UserFactory(email="door@example.org")
    event.organizers.add(organizer)
    client = Client()
    client.force_login(organizer)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


def door_url(live_server, event, language="en"):
    return f"{live_server.url}/{language}/check-in/events/{event.pk}/"


def test_tap_to_check_in_and_undo_on_a_phone(
    live_server, page, event, organizer_cookie, assert_accessible, screenshot
):
    ada = SignupFactory(event=event, name="Ada Lovelace")
    SignupFactory(event=event, name="Bob Dylan")
    page.context.add_cookies([organizer_cookie])
    page.goto(door_url(live_server, event))
    assert page.locator(".door-counts").inner_text().startswith("0 arrived of 2 expected")
    assert_accessible()
    page.get_by_label("Find by name").fill("ada")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("button", name="Check in Ada Lovelace").click()
    expect(page.get_by_text("Ada Lovelace is checked in.")).to_be_visible()
    assert page.locator(".door-counts").inner_text().startswith("1 arrived of 2 expected")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
    screenshot("checked-in")
    assert_accessible()
    page.get_by_role("button", name="Undo check-in of Ada Lovelace").click()
    expect(page.get_by_text("Ada Lovelace is no longer checked in.")).to_be_visible()
    ada.refresh_from_db()
    assert ada.state == Signup.State.CONFIRMED


def test_a_typed_code_and_a_walk_in_without_javascript_in_dutch(
    live_server, browser, event, organizer_cookie
):
    ada = SignupFactory(event=event, name="Ada Lovelace")
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="nl-NL")
    context.add_cookies([organizer_cookie])
    page = context.new_page()
    page.route(lambda url: not url.startswith("http://localhost"), lambda route: route.abort())
    page.goto(door_url(live_server, event, "nl"))
    page.get_by_label("Incheckcode").fill(display_code(check_in_code(ada.token)).lower())
    page.locator("#code-form").get_by_role("button", name="Inchecken").click()
    expect(page.get_by_text("Ada Lovelace is ingecheckt.")).to_be_visible()
    page.locator("#id_name").fill("Zoë Binnenloper")  # "Naam" is in "Zoek op naam" too
    page.get_by_label("E-mail (niet verplicht)").fill("zoe@example.nl")
    page.get_by_role("button", name="Toevoegen en inchecken").click()
    expect(page.get_by_text("Zoë Binnenloper is toegevoegd en ingecheckt.")).to_be_visible()
    assert "2 aangekomen van 1 verwacht" in page.locator(".door-counts").inner_text()
    context.close()
    ada.refresh_from_db()
    assert ada.state == Signup.State.ATTENDED
    assert Signup.objects.get(email="zoe@example.nl").source == Signup.Source.WALK_IN


def test_the_counts_follow_other_phones_live(live_server, browser, event, organizer_cookie):
    from playwright.sync_api import expect

    people = SignupFactory.create_batch(3, event=event)
    watching = browser.new_context(viewport=PHONE)
    watching.add_cookies([organizer_cookie])
    page = watching.new_page()
    page.goto(door_url(live_server, event))
    counter = page.locator('[data-count="arrived"]')
    assert counter.inner_text() == "0"
    for person in people[:2]:  # checked in at another phone
        Signup.objects.filter(pk=person.pk).update(state="attended", attended_at=timezone.now())
    expect(counter).to_have_text("2", timeout=15000)  # the page asks every 5 seconds
    watching.close()


PEOPLE = 100
PHONES = 4


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the surge runs on PostgreSQL (set DATABASE_URL): the SQLite test database is one "
    "in-memory connection, which the live server's threads would share",
)
def test_a_surge_of_check_ins_from_four_phones_loses_and_doubles_nothing(
    live_server, event, organizer_cookie
):
    names = [f"Person {number:03d}" for number in range(PEOPLE)]
    people = {name: SignupFactory(event=event, name=name) for name in names}
    codes = {name: check_in_code(signup.token) for name, signup in people.items()}
    share = PEOPLE // PHONES
    # Each phone checks in its quarter, plus five of the next phone's (checked in twice).
    work = [
        names[i * share : (i + 1) * share] + names[((i + 1) % PHONES) * share :][:5]
        for i in range(PHONES)
    ]
    url = door_url(live_server, event)

    async def phone(browser, names_here: list[str]) -> None:
        # Plain forms, no stylesheets: the surge is about the check-ins, and the test
        # server (one Python process) would spend most of its time on the static files.
        context = await browser.new_context(viewport=PHONE, java_script_enabled=False)
        await context.add_cookies([organizer_cookie])
        await context.route("**/static/**", lambda route: route.abort())
        page = await context.new_page()
        await page.goto(url)
        for index, name in enumerate(names_here):
            # Half by tapping the person found by name; the rest, and those another phone
            # may have checked in already, by the code they show.
            if index % 2 and index < share:
                await page.goto(f"{url}?q={name.replace(' ', '+')}")
                await page.get_by_role("button", name=f"Check in {name}").click()
            else:
                await page.get_by_label("Check-in code").fill(codes[name])
                await page.locator("#code-form").get_by_role("button", name="Check in").click()
            await page.wait_for_selector(".messages")
        await context.close()

    async def surge() -> None:
        from playwright.async_api import async_playwright

        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            # Four phones, each its own browser context (cookies, session), all at once.
            await asyncio.gather(*(phone(browser, names_here) for names_here in work))
            await browser.close()

    errors: list[BaseException] = []

    def run() -> None:  # in a thread of its own: this one runs the sync fixtures' loop
        try:
            asyncio.run(surge())
        except BaseException as error:  # noqa: BLE001 - asserted on below
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=300)
    assert not errors, errors
    attended = Signup.objects.filter(event=event, state=Signup.State.ATTENDED)
    assert attended.count() == PEOPLE  # none lost
    assert not attended.filter(attended_at__isnull=True).exists()
    assert Signup.objects.filter(event=event).count() == PEOPLE  # none added
    check_ins = AuditEntry.objects.filter(
        action="signups.attendance", summary__startswith="Checked in"
    )
    assert check_ins.count() == PEOPLE  # the twenty second check-ins doubled nothing
