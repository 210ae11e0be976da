"""One press link submitted from two tabs at the same moment: one mention, a clear answer.

PostgreSQL only, like tests/signups/test_concurrency.py: SQLite runs writers one at a time.
"""

from collections import Counter
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from tests.concurrency import ON_POSTGRESQL, all_at_once
from tests.factories import CampaignFactory, LocalEventFactory
from turnout.press.models import PressMention
from turnout.press.services import submit_press_mention

pytestmark = ON_POSTGRESQL

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize("on", ["campaign", "standalone event"])
def test_the_same_press_link_submitted_at_once_is_recorded_once(on):
    subject = (
        {"campaign": CampaignFactory()}
        if on == "campaign"
        else {"event": LocalEventFactory(campaign=None)}
    )
    answers: Counter = Counter()

    def submitting(url):
        def job():
            try:
                submit_press_mention(
                    url=url, submitted_by=None, now=NOW, title="Thousands march",
                    outlet="Het Dagblad", fetch_metadata=False, **subject,
                )  # fmt: skip
            except ValidationError as error:
                answers[str(error.messages[0])] += 1
            else:
                answers["recorded"] += 1

        return job

    variants = [
        "https://dagblad.example.nl/stad/mars",
        "https://DAGBLAD.example.nl/stad/mars",
        "https://dagblad.example.nl/stad/mars#reacties",
    ]
    assert all_at_once([submitting(url) for url in variants * 4]) == []
    assert PressMention.objects.count() == 1
    assert answers == {
        "recorded": 1,
        "This link has already been submitted. Thank you!": 11,
    }
