"""What followup does when a signup is anonymized: the free-text comment goes.

The rating and "would come again" stay for the report, tied to a signup that no longer names
anyone; the survey link died with the signup's old token.
"""

from django.dispatch import receiver

from turnout.signups.signals import signups_anonymized

from .models import SurveyAnswer


@receiver(signups_anonymized, dispatch_uid="followup.clear_survey_comments")
def clear_survey_comments(sender, signup_ids: list[int], **kwargs) -> None:
    SurveyAnswer.objects.filter(signup_id__in=signup_ids).exclude(comment="").update(comment="")
