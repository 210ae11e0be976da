"""Real-browser fixtures: Playwright for Python driving Debian's Chromium against live_server."""

import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    # This machine has no internet: stop Chromium phoning home at start.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if not executable:
        reason = (
            "browser tests need Chromium: install Debian's package "
            "(apt-get install chromium) or set CHROMIUM_PATH"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
    # test body are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    page = context.new_page()
    blocked: list[str] = []

    def refuse_third_parties(route):
        blocked.append(route.request.url)
        route.abort()

    # Nothing may leave for a third party; anything that tries is recorded and fails the test.
    page.route(lambda url: not url.startswith("http://localhost"), refuse_third_parties)
    page.third_party_requests = blocked
    yield page
    context.close()
    assert blocked == [], f"requests to third parties: {blocked}"


@pytest.fixture
def screenshot(page, request):
    """Save a full-page screenshot under test-artifacts/ (git-ignored) and return its path."""

    def take(name: str) -> Path:
        folder = ARTIFACTS / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{request.node.name}-{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return take


@pytest.fixture
def assert_accessible(page):
    """Run axe-core in the page and fail on any violation, naming each."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check() -> None:
        results = axe.run(page)
        violations = results.response["violations"]
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
        ]
        assert not violations, f"{page.url}:\n" + "\n".join(summary)

    return check
