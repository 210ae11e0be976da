from decimal import Decimal

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
