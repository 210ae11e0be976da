from decimal import Decimal
from pathlib import Path

import pytest

from turnout.translation.placeholders import protect

from .chat_server import ChatServer, start
from .pages import LANGUAGES, honest_answers, segment_pairs


@pytest.fixture
def chat_server(settings):
    """A chat-completions server on loopback, and settings pointing the provider at it."""
    state = ChatServer()
    httpd = start(state)
    settings.TURNOUT_TRANSLATION_PROVIDER = "openai"
    settings.TURNOUT_TRANSLATION_ENDPOINT = state.url
    settings.TURNOUT_TRANSLATION_MODEL = "test-model"
    settings.TURNOUT_TRANSLATION_API_KEY = "secret"
    settings.TURNOUT_TRANSLATION_RETRY_DELAY = 0
    settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS = 2
    settings.TURNOUT_TRANSLATION_PRICE_INPUT = Decimal("1.00")
    settings.TURNOUT_TRANSLATION_PRICE_OUTPUT = Decimal("2.00")
    settings.TURNOUT_TRANSLATION_MONTHLY_CAP = Decimal("10")
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def model(chat_server, settings):
    """The chat server answering faithfully for the Pause Day page (`pages.py`) in Dutch,
    German and French; three attempts per segment."""
    settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS = 3
    chat_server.answers = {language: honest_answers(language) for language in LANGUAGES}
    chat_server.originals = {
        protect(source).text: protect(source).originals for source, _ in segment_pairs("nl")
    }
    return chat_server


# A Dutch catalogue of one app, to plan and draft other languages from.
DUTCH = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Local events"
msgstr "Lokale acties"

msgid "%(count)d city"
msgid_plural "%(count)d cities"
msgstr[0] "%(count)d stad"
msgstr[1] "%(count)d steden"

msgid "Sign up on <strong>%(platform)s</strong>"
msgstr "Aanmelden op <strong>%(platform)s</strong>"
"""


@pytest.fixture
def app_tree(tmp_path) -> Path:
    """One app's Dutch catalogue in a temporary tree, so the real one is never written."""
    folder = tmp_path / "campaigns" / "locale" / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text(DUTCH, encoding="utf-8")
    return tmp_path
