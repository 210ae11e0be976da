"""The follow-up email, in the participant's language: thanks, the questions, what's next."""

from datetime import datetime
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from turnout.geo.next_actions import next_actions_near
from turnout.notifications.composition import Email, absolute_url, compose
from turnout.signups.emails import event_facts
from turnout.signups.models import Signup

from .models import HOW_WAS_IT_CHOICES, FollowUp

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

SUBJECTS = {
    FollowUp.Kind.ATTENDED: _("Thank you for coming: %(title)s"),
    FollowUp.Kind.NO_SHOW: _("We hope to see you next time: %(title)s"),
    FollowUp.Kind.NEUTRAL: _("Thank you for signing up: %(title)s"),
}


def survey_url(signup: Signup, *, how_was_it: int | None = None) -> str:
    url = absolute_url("followup:survey", language=signup.language, token=signup.token)
    return f"{url}?how={how_was_it}" if how_was_it else url


def rating_links(signup: Signup) -> list[tuple[int, "StrOrPromise", str]]:
    """One link per answer to "how was it", best first: a click opens the survey with it
    chosen (and saves nothing: mail scanners open links too)."""
    return [
        # Labels stay lazy: compose() renders them in the participant's language.
        (score, label, survey_url(signup, how_was_it=score))
        for score, label in HOW_WAS_IT_CHOICES
    ]


def follow_up_email(signup: Signup, *, kind: str, now: datetime) -> Email:
    event = signup.event
    language = signup.language
    facts = event_facts(signup)
    return compose(
        kind=f"followup_{kind}",
        template=f"followup/email/{kind}",
        to=signup.email,
        language=language,
        subject=SUBJECTS[FollowUp.Kind(kind)],
        subject_params={"title": facts["event_title"]},
        context={
            "signup": signup,
            **facts,
            "meeting_url": "",  # the call is over
            "kind": kind,
            "survey_url": survey_url(signup),
            "rating_links": rating_links(signup),
            "press_url": absolute_url("press:submit_event", language=language, pk=event.pk),
            "photos_url": absolute_url(
                "followup:send_photos", language=language, token=signup.token
            ),
            "next_actions": next_actions_near(event, now=now, language=language),
        },
    )
