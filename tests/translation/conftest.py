from decimal import Decimal

import pytest

from .chat_server import ChatServer, start


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
