"""Fixtures the importer tests share."""

from decimal import Decimal

import pytest

from .reader_server import ReaderServer, start


@pytest.fixture
def model(settings):
    """The reader switched on, through the translation provider, at a server on loopback."""
    state = ReaderServer()
    httpd = start(state)
    settings.TURNOUT_IMPORT_READER = "translation"
    settings.TURNOUT_TRANSLATION_PROVIDER = "openai"
    settings.TURNOUT_TRANSLATION_ENDPOINT = state.url
    settings.TURNOUT_TRANSLATION_MODEL = "test-model"
    settings.TURNOUT_TRANSLATION_API_KEY = "secret"
    settings.TURNOUT_TRANSLATION_TIMEOUT = 5
    settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS = 2
    settings.TURNOUT_TRANSLATION_RETRY_DELAY = 0
    settings.TURNOUT_TRANSLATION_PRICE_INPUT = Decimal("1")
    settings.TURNOUT_TRANSLATION_PRICE_OUTPUT = Decimal("2")
    settings.TURNOUT_TRANSLATION_MONTHLY_CAP = Decimal("10")
    yield state
    httpd.shutdown()
    httpd.server_close()
