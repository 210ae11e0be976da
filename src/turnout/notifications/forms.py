"""The one form of a message written to many (organizers to attendees, coordinators to
organizers); its limits are those of `written_messages.checked_message`."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineField

from .written_messages import MAX_BODY, MAX_SUBJECT

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class WrittenMessageForm(forms.Form):
    subject = SingleLineField(label=_("Subject"), max_length=MAX_SUBJECT)
    body = forms.CharField(
        label=_("Message"), max_length=MAX_BODY, widget=forms.Textarea(attrs={"rows": 10})
    )

    def __init__(self, *args: Any, body_help_text: "StrOrPromise" = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = body_help_text
