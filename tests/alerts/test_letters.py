"""An alert to several people is composed once per language and personalized, and the result is
what composing for each person alone would give."""

import pytest

from tests.factories import UserFactory
from turnout.alerts import emails
from turnout.alerts.letters import Recipient, personalized
from turnout.alerts.preferences import preferences_with_tokens

from .conftest import make_proposal

pytestmark = pytest.mark.django_db


def test_composed_once_per_language_and_the_same_as_composed_alone(campaign):
    proposal = make_proposal(campaign, title='Vigil <b>"Tom & Jerry"</b>')
    people = [
        UserFactory(name="Anna", language="en"),
        UserFactory(name="O'Brien & <Sons>", language="en"),
        UserFactory(name="Kees", language="nl"),
        UserFactory(name="", email="no.name@example.org", language="xx"),  # unknown: site's
    ]
    rows = preferences_with_tokens(people, kind="proposals", campaign=campaign)
    calls = []

    def compose(*, recipient, language):
        calls.append(language)
        return emails.proposal_waiting(proposal, recipient=recipient, language=language)

    written = personalized(
        [(person, rows[person.pk]) for person in people], compose, dedupe_key=lambda row: "k"
    )
    assert sorted(calls) == ["en", "nl"]
    for person, (email, _key) in zip(people, written, strict=True):
        alone = emails.proposal_waiting(
            proposal,
            recipient=Recipient(name=person.name or "no.name", token=rows[person.pk].token),
            language=email.language,
        )
        assert email.to == person.email
        assert (email.subject, email.text, email.html) == (alone.subject, alone.text, alone.html)
    assert written[3][0].language == "en"
    assert "O&#x27;Brien &amp; &lt;Sons&gt;" in written[1][0].html
