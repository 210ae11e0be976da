"""The one check of a message written to many people: subject and body present and bounded."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from turnout.notifications.written_messages import MAX_BODY, MAX_SUBJECT, checked_message


def test_subject_and_body_come_back_without_surrounding_blanks():
    assert checked_message(subject="  Bring water \n", body="\nSee you at noon.  ") == (
        "Bring water",
        "See you at noon.",
    )


def test_blank_subject_and_body_are_refused_per_field():
    with pytest.raises(ValidationError) as caught:
        checked_message(subject="   ", body="\n")
    assert caught.value.message_dict == {
        "subject": ["Write a subject."],
        "body": ["Write a message."],
    }


def test_too_long_subject_and_body_are_refused_with_the_limit_in_dutch():
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        checked_message(subject="x" * (MAX_SUBJECT + 1), body="y" * (MAX_BODY + 1))
    errors = caught.value.message_dict
    assert str(MAX_SUBJECT) in errors["subject"][0] and "onderwerp" in errors["subject"][0]
    assert str(MAX_BODY) in errors["body"][0] and "bericht" in errors["body"][0]


def test_text_at_the_limits_is_accepted():
    subject, body = "s" * MAX_SUBJECT, "b" * MAX_BODY
    assert checked_message(subject=subject, body=body) == (subject, body)
