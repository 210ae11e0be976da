import pytest
from django.utils import translation

from tests.notifications.smtp import smtp_server  # noqa: F401  (real SMTP on loopback)


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in English; tests about Dutch switch explicitly."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _no_forward_proxy_from_the_machine(monkeypatch):
    """Outbound HTTP follows HTTP_PROXY and friends (web/forward_proxy.py); the tests' servers
    are on loopback and must be reached directly whatever the machine running them sets."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path_factory):
    """Uploaded files (photos) land in a fresh folder, never in the working tree's var/."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and cached pages live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_recent_delivery_wake(monkeypatch):
    """The outbox skips asking for a delivery run if it asked less than half a second ago
    (in this process); a test must not inherit that memory from the test before it, whose
    queued task the database flush has removed."""
    from turnout.notifications import outbox

    monkeypatch.setattr(outbox, "_last_wake", float("-inf"))
    monkeypatch.setattr(outbox, "_last_failed_wake", float("-inf"))
