"""Forms of the organizer's and coordinator's dashboards."""

from django import forms
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.day_details import DAY_FIELDS
from turnout.campaigns.forms import known_yes_no_field
from turnout.campaigns.models import (
    MAX_CAPACITY,
    MAX_DESCRIPTION_LENGTH,
    MAX_PROMOTION_RADIUS_KM,
    AuthorityNotice,
    LocalEvent,
)
from turnout.campaigns.proposals.forms import MAX_NOTE_LENGTH, ProposalForm
from turnout.web.text import MultiLineField, SingleLineField


class EventEditForm(ProposalForm):
    """An organizer's edit of their event: the proposal's fields, without the proposer's,
    and the day itself: the exact place, accessibility, safety (campaigns.day_details)."""

    capacity = forms.IntegerField(
        label=_("Places (optional)"), min_value=1, max_value=MAX_CAPACITY, required=False,
        help_text=_("Leave empty for no limit."),
    )  # fmt: skip
    promotion_radius_km = forms.IntegerField(
        label=_("Promote it further (km, optional)"), min_value=1,
        max_value=MAX_PROMOTION_RADIUS_KM, required=False,
        help_text=_("For a national march: people this far away see it too, marked as further "
                    "away. Leave empty for people nearby only."),
    )  # fmt: skip
    location_is_private = forms.BooleanField(
        label=_("Keep the exact place private"), required=False,
        help_text=_("The public page then shows only the venue and the city. Participants whose "
                    "place is confirmed see the address, the meeting point and the instructions, "
                    "in their email, on their signup page and in their calendar invite."),
    )  # fmt: skip
    meeting_point = SingleLineField(
        label=_("Meeting point (optional)"), max_length=300, required=False,
        help_text=_("Where exactly to meet, for example: the north steps, by the orange banner."),
    )  # fmt: skip
    private_instructions = MultiLineField(
        label=_("Instructions for participants (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_DESCRIPTION_LENGTH,
        help_text=_("Only participants whose place is confirmed see these. You can use Markdown."),
    )  # fmt: skip
    step_free_access = known_yes_no_field(_("Step-free access"))
    seating = known_yes_no_field(_("Seating"))
    accessible_toilets = known_yes_no_field(_("Accessible toilets"))
    quiet_space = known_yes_no_field(_("Quiet space"))
    sign_language = known_yes_no_field(_("Sign language interpretation"))
    accessibility_note = MultiLineField(
        label=_("More about accessibility (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_NOTE_LENGTH,
        help_text=_("For example: the route is flat, 2 km long; a ramp at the side entrance."),
    )  # fmt: skip
    authority_notice = forms.ChoiceField(
        label=_("Authorities"), required=False,
        choices=[("", _("Not said (the campaign's default, if any)")), *AuthorityNotice.choices],
        help_text=_("Whether the demonstration was notified to or permitted by the authorities."),
    )  # fmt: skip
    legal_support_line = SingleLineField(
        label=_("Legal support line (optional)"), max_length=100, required=False,
        help_text=_("A phone number to call after an arrest."),
    )  # fmt: skip
    police_liaison = SingleLineField(
        label=_("Police liaison (optional)"), max_length=200, required=False,
        help_text=_("Who talks to the police on the day."),
    )  # fmt: skip
    if_separated = MultiLineField(
        label=_("If you get separated (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_NOTE_LENGTH,
        help_text=_("Where to go, whom to call."),
    )  # fmt: skip

    def __init__(self, *args, can_promote: bool = False, **kwargs):
        """`can_promote`: whether the person may set how far the event is shown
        (`Action.PROMOTE`); for anyone else the field shows the value and changes nothing."""
        event = kwargs.get("event")
        if event is not None:
            own = {name: getattr(event, name) for name in DAY_FIELDS}
            kwargs["initial"] = {**own, **kwargs.get("initial", {})}
        super().__init__(*args, with_proposer=False, **kwargs)
        del self.fields["note"]
        if not can_promote:
            promotion = self.fields["promotion_radius_km"]
            promotion.disabled = True  # the value sent is ignored: the event's own is kept
            promotion.help_text = _(
                "Only the campaign's coordinators can show an event further away; ask them if "
                "yours is a national march."
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("attendance_mode") == LocalEvent.AttendanceMode.ONLINE:
            cleaned.update(location_is_private=False, meeting_point="")  # no place to keep
        return cleaned

    def day_details(self) -> dict:
        """The day's fields as cleaned, for `campaigns.day_details.apply_day_details`."""
        return {name: self.cleaned_data[name] for name in DAY_FIELDS}


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Their email address"))
