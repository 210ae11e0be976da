"""What followup does when a signup is anonymized: the free-text comment goes, and so does
the name on the photos they sent (their credit).

The rating and "would come again" stay for the report, tied to a signup that no longer names
anyone; the survey link died with the signup's old token. The photos stay, credited to nobody.
"""

from django.dispatch import receiver

from turnout.media.models import Photo
from turnout.signups.signals import signups_anonymized

from .models import SurveyAnswer


@receiver(signups_anonymized, dispatch_uid="followup.clear_survey_comments")
def clear_survey_comments(sender, signup_ids: list[int], **kwargs) -> None:
    SurveyAnswer.objects.filter(signup_id__in=signup_ids).exclude(comment="").update(comment="")


@receiver(signups_anonymized, dispatch_uid="followup.uncredit_photos_sent")
def uncredit_photos_sent(sender, signup_ids: list[int], **kwargs) -> None:
    Photo.objects.filter(sent_by__signup_id__in=signup_ids).exclude(credit="").update(credit="")
