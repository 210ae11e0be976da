"""A participant's survey answer, in their privacy export (signups/personal_data.py)."""

from turnout.signups.models import Signup
from turnout.signups.personal_data import register_personal_data

from .models import SurveyAnswer


def survey_answer_of(signup: Signup) -> dict | None:
    answer = SurveyAnswer.objects.filter(signup=signup).first()
    if answer is None:
        return None
    return {
        "how_was_it": answer.how_was_it,
        "would_come_again": answer.would_come_again,
        "comment": answer.comment,
        "answered_at": answer.answered_at.isoformat(),
    }


def register() -> None:
    register_personal_data("survey_answer", survey_answer_of)
