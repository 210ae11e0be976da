"""The survey's form: how it was (1–5), would you come again, and an optional word."""

from django import forms
from django.utils.translation import gettext_lazy as _

from turnout.web.text import multi_line

from .models import COMMENT_MAX_LENGTH, HOW_WAS_IT_CHOICES, SurveyAnswer


class SurveyForm(forms.Form):
    how_was_it = forms.TypedChoiceField(
        label=_("How was it?"),
        choices=HOW_WAS_IT_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how it was, from Great to Bad."),
            "invalid_choice": _("Choose how it was, from Great to Bad."),
        },
    )
    would_come_again = forms.ChoiceField(
        label=_("Would you come again?"),
        choices=SurveyAnswer.ComeAgain.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Say whether you would come again: yes, maybe or no."),
            "invalid_choice": _("Say whether you would come again: yes, maybe or no."),
        },
    )
    comment = forms.CharField(
        label=_("Anything you want to tell the organizers? (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_comment(self) -> str:
        # Organizers read it: a bidi override would turn their page's text around, and a
        # control character has no place in a comment.
        return multi_line(self.cleaned_data["comment"]).strip()


# Only these exact strings: "٣".isdigit() is true too, and int() reads it as 3.
_LINK_RATINGS = {str(score): score for score, _label in HOW_WAS_IT_CHOICES}


def rating_from_link(value: str | None) -> int | None:
    """The rating a link in the email chose (`?how=4`), or None for anything else."""
    return _LINK_RATINGS.get(value or "")
