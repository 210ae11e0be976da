import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in English; tests about Dutch switch explicitly."""
    with translation.override("en"):
        yield
