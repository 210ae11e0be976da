"""Roles at an event (marshal, legal observer, ...), each with places and a private briefing,
and who holds them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import LocalEvent
from turnout.signups.models import Signup
from turnout.web.text import SingleLineCharField

MAX_PLACES = 1000


class EventRole(models.Model):
    """A job on the day with a number of places; its briefing is for the people holding it."""

    class Kind(models.TextChoices):
        MARSHAL = "marshal", _("Marshal")
        LEGAL_OBSERVER = "legal_observer", _("Legal observer")
        FIRST_AIDER = "first_aider", _("First aider")
        PHOTOGRAPHER = "photographer", _("Photographer")
        PRESS_CONTACT = "press_contact", _("Press contact")
        STEWARD = "steward", _("Steward")
        OTHER = "other", _("Another role (give it a name)")

    event = models.ForeignKey(
        LocalEvent, verbose_name=_("event"), related_name="roles", on_delete=models.CASCADE
    )
    kind = models.CharField(_("role"), max_length=20, choices=Kind.choices)
    # Only for an organizer's own role, shown as they typed it (not translated).
    custom_name = SingleLineCharField(_("name of the role"), max_length=80, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PLACES)]
    )
    briefing = models.TextField(
        _("briefing"),
        blank=True,
        help_text=_("Plain text, only for the people in this role: where to be, what to do."),
    )
    is_required = models.BooleanField(
        _("required"),
        default=False,
        help_text=_("The campaign's coordinators see events where this role is not filled."),
    )
    created_at = models.DateTimeField(_("added"))

    class Meta:
        verbose_name = _("event role")
        verbose_name_plural = _("event roles")
        ordering = ["event", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "kind", "custom_name"], name="one_role_per_kind_and_name"
            ),
            models.CheckConstraint(
                condition=(Q(kind="other") & ~Q(custom_name=""))
                | (~Q(kind="other") & Q(custom_name="")),
                name="own_roles_and_only_they_have_a_name",
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="role_has_a_place"),
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.event}"

    @property
    def name(self) -> str:
        """What the role is called: its translated label, or the organizer's own name."""
        return self.custom_name if self.kind == self.Kind.OTHER else str(self.get_kind_display())

    @property
    def name_in_sentence(self) -> str:
        """The name inside a sentence ("Volunteer as marshal"): an own role as typed."""
        if self.kind == self.Kind.OTHER:
            return self.custom_name
        name = self.name
        # "Marshal" becomes "marshal", an abbreviation ("EHBO'er") stays as it is.
        return name[:1].lower() + name[1:] if name[1:2].islower() else name


class RoleAssignment(models.Model):
    """One participant in one role. Every state holds a place: an asked person keeps theirs
    until they answer, so a surge of volunteers cannot take it meanwhile."""

    class State(models.TextChoices):
        VOLUNTEERED = "volunteered", _("Volunteered")
        ASKED = "asked", _("Asked by the organizers")
        ACCEPTED = "accepted", _("Accepted")

    # States in which the person is in the role and gets its briefing.
    IN_ROLE = (State.VOLUNTEERED, State.ACCEPTED)

    role = models.ForeignKey(
        EventRole, verbose_name=_("role"), related_name="assignments", on_delete=models.CASCADE
    )
    # One role per person at an event: on the day, each person has one job.
    signup = models.OneToOneField(
        Signup, verbose_name=_("signup"), related_name="role_assignment", on_delete=models.CASCADE
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    created_at = models.DateTimeField(_("since"))
    # When the briefing reminder before the event was written to the outbox (sent once).
    briefing_reminded_at = models.DateTimeField(_("briefing reminder"), null=True, blank=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.role.name}: {self.signup.name}"

    @property
    def is_in_role(self) -> bool:
        return self.state in self.IN_ROLE
