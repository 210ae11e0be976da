import pytest

from .pages import start_press_server


@pytest.fixture
def press_server(settings):
    """A local HTTP server with press pages; private addresses allowed for it alone."""
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = True
    settings.PRESS_METADATA_TIMEOUT = 0.5
    server, release, info = start_press_server()
    yield info
    release.set()
    server.shutdown()
    server.server_close()
