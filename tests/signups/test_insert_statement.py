"""The new signup's INSERT, composed once per database (signups/insert_statement.py, with
web/insert_statements.py): its text and values are the ORM's own for any signup, and it
writes each address once."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory
from turnout.signups import insert_statement
from turnout.signups.insert_statement import NEW_SIGNUP
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)


def _new(event, **values) -> Signup:
    defaults = {
        "name": "Ada", "email": "ada@example.org", "accepted_code_of_conduct": True,
        "created_at": NOW, "notice_sent_at": NOW,
        "letter_due": Signup.Letter.CONFIRMATION_REQUEST,
    }  # fmt: skip
    return Signup(event=event, **{**defaults, **values})


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=TEXT,
    email=st.emails(),
    phone=st.text("+0123456789 ()-", max_size=20),
    language=st.sampled_from(["en", "nl", "de", "pt-br"]),
    wants_updates=st.booleans(),
    source=st.sampled_from([choice for choice, _ in Signup.Source.choices]),
    seconds=st.integers(min_value=-(10**8), max_value=10**8),
    referrer=st.none() | st.integers(min_value=1, max_value=10**6),
)
def test_the_statement_and_its_values_are_what_the_orm_composes(
    name, email, phone, language, wants_updates, source, seconds, referrer
):
    event = LocalEventFactory.build(pk=7)
    signup = _new(
        event, name=name, email=email, phone=phone, language=language,
        wants_updates=wants_updates, source=source, referred_by_id=referrer,
        created_at=NOW + timedelta(seconds=seconds, microseconds=seconds % 999_999),
    )  # fmt: skip
    sql, params = NEW_SIGNUP.orm_statement(signup)
    assert NEW_SIGNUP.sql() == sql
    assert NEW_SIGNUP.values(signup) == list(params)


def test_it_writes_a_new_address_once_and_reports_the_one_already_there():
    event = LocalEventFactory()
    first = _new(event)
    pk = insert_statement.insert_unless_signed_up(first)
    assert pk is not None
    stored = Signup.objects.get(pk=pk)
    assert (stored.name, stored.email, stored.token, stored.letter_due) == (
        "Ada", "ada@example.org", first.token, Signup.Letter.CONFIRMATION_REQUEST,
    )  # fmt: skip
    assert stored.created_at == NOW and stored.state == Signup.State.AWAITING_CONFIRMATION

    twin = _new(event, name="Ada again")
    assert insert_statement.insert_unless_signed_up(twin) is None
    assert Signup.objects.filter(event=event).count() == 1
    assert Signup.objects.get(pk=pk).name == "Ada"
