"""Forms of the organizer's and coordinator's dashboards."""

from django import forms
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import MAX_CAPACITY
from turnout.campaigns.proposals.forms import ProposalForm


class EventEditForm(ProposalForm):
    """An organizer's edit of their event: the proposal's fields, without the proposer's."""

    capacity = forms.IntegerField(
        label=_("Places (optional)"), min_value=1, max_value=MAX_CAPACITY, required=False,
        help_text=_("Leave empty for no limit."),
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, with_proposer=False, **kwargs)
        del self.fields["note"]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Their email address"))
