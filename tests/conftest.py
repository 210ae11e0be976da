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
def _no_kept_letters():
    """Letters a process keeps for a minute (signups/kept_letters.py) are keyed by what they
    show; a test must not be served one an earlier test composed for a row since rolled back."""
    from turnout.signups import kept_letters

    kept_letters.forget_all()


@pytest.fixture(autouse=True)
def _no_recent_delivery_wake(monkeypatch):
    """The outbox skips asking for a delivery run if it asked less than half a second ago
    (in this process); a test must not inherit that memory from the test before it, whose
    queued task the database flush has removed."""
    from turnout.notifications import outbox

    monkeypatch.setattr(outbox, "_last_wake", float("-inf"))
    monkeypatch.setattr(outbox, "_last_failed_wake", float("-inf"))


# The PostgreSQL half of CI (`make test-postgres`) runs what can behave differently there:
# every test that may touch the database. pytest-django refuses database access to a test
# without its marker or a database fixture, so the others give the same answer on both runs;
# a module that reaches a database another way (a `turnout` process, a server, a second
# connection) or asks which one it has names it, and runs whole.
_DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "live_server", "django_db_reset_sequences"}
)
_NAMES_A_DATABASE = ("DATABASE", "postgres", "sqlite", "vendor", "connection", "subprocess",
                     "Popen", "turnout serve", "django_db")  # fmt: skip


def pytest_addoption(parser):
    parser.addoption(
        "--database-only",
        action="store_true",
        help="run only the tests whose answer may depend on the database (CI's second run)",
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--database-only"):
        return
    sources: dict = {}

    def may_depend_on_the_database(item) -> bool:
        if item.get_closest_marker("django_db") or _DATABASE_FIXTURES & set(item.fixturenames):
            return True
        path = item.path
        if path not in sources:
            text = path.read_text(encoding="utf-8")
            sources[path] = any(name in text for name in _NAMES_A_DATABASE)
        return sources[path]

    kept, left = [], []
    for item in items:
        (kept if may_depend_on_the_database(item) else left).append(item)
    config.hook.pytest_deselected(items=left)
    items[:] = kept
