"""The day-after follow-up sent to a participant, and their answer to its two questions.

Both hang off the signup (CASCADE): they go when it goes. The survey link is the
signup's own private token, so anonymizing the signup (a new token) retires it; the answer's
comment is cleared then too (`receivers.py`), while the ratings stay, as anonymous as the
signup's own state, so the campaign report keeps its figures.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from turnout.media.models import Photo
from turnout.signups.models import Signup

# How was it: 1 (bad) to 5 (great), best first as people read a scale in an email.
HOW_WAS_IT_CHOICES = [
    (5, _("Great")),
    (4, _("Good")),
    (3, _("Okay")),
    (2, _("Not great")),
    (1, _("Bad")),
]
COMMENT_MAX_LENGTH = 500


class FollowUp(models.Model):
    """The one follow-up email a signup gets after its event; written with its outbox row."""

    class Kind(models.TextChoices):
        ATTENDED = "attended", _("Thanks for coming")
        NO_SHOW = "no_show", _("Missed you")
        NEUTRAL = "neutral", _("Thanks for signing up")

    signup = models.OneToOneField(
        Signup, verbose_name=_("signup"), related_name="follow_up", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.signup_id}"


class SurveyAnswer(models.Model):
    """How it was (1–5) and whether they would come again; answering again replaces it."""

    class ComeAgain(models.TextChoices):
        YES = "yes", _("Yes")
        MAYBE = "maybe", _("Maybe")
        NO = "no", _("No")

    signup = models.OneToOneField(
        Signup, verbose_name=_("signup"), related_name="survey_answer", on_delete=models.CASCADE
    )
    how_was_it = models.PositiveSmallIntegerField(
        _("how was it"),
        choices=HOW_WAS_IT_CHOICES,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    would_come_again = models.CharField(
        _("would come again"), max_length=5, choices=ComeAgain.choices
    )
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(_("answered"))

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(how_was_it__gte=1, how_was_it__lte=5), name="how_was_it_from_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(would_come_again__in=["yes", "maybe", "no"]),
                name="would_come_again_is_a_choice",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.how_was_it}/5 · {self.would_come_again} · {self.signup_id}"


class SentPhoto(models.Model):
    """A photo a participant sent through their follow-up link, and whose signup sent it: a
    photo is credited with the sender's name, which erasing their data takes off it
    (`receivers.py`). The photo outlives the signup; the link goes with either."""

    photo = models.OneToOneField(
        Photo, verbose_name=_("photo"), related_name="sent_by", on_delete=models.CASCADE
    )
    signup = models.ForeignKey(
        Signup, verbose_name=_("signup"), related_name="photos_sent", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("photo sent by a participant")
        verbose_name_plural = _("photos sent by participants")

    def __str__(self) -> str:
        return f"{self.photo_id} · {self.signup_id}"
