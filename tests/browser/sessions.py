"""Helpers for browser tests of signed-in pages."""

from django.conf import settings
from django.test import Client


def sign_in(page, live_server, user) -> None:
    """Give the browser a session for `user` (the sign-in pages are tested elsewhere)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def fits_the_screen(page) -> bool:
    """Nothing on the page scrolls sideways at the viewport's width (asked once the page
    has loaded: asked during a navigation, there is no document element yet)."""
    page.wait_for_load_state()
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
