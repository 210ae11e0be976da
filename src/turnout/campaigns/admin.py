"""The back office where coordinators create and edit campaigns and local events."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from turnout.accounts.admin_roles import AuditedRolesMixin
from turnout.accounts.roles import Role

from . import selectors, services
from .day_details import ACCESSIBILITY_FIELDS, SAFETY_FIELDS
from .forms import LocalEventAdminForm
from .models import Campaign, LocalEvent, SafetyDefaults


class LocalEventInline(admin.TabularInline):
    model = LocalEvent
    fields = ["title", "city", "country", "status", "signup_url"]
    extra = 0
    show_change_link = True
    can_delete = False


class SafetyDefaultsInline(admin.StackedInline):
    model = SafetyDefaults
    fields = ["country", *SAFETY_FIELDS]
    extra = 0
    verbose_name = _("safety defaults for a country")
    verbose_name_plural = _("safety defaults per country (events in that country inherit them)")


@admin.register(Campaign)
class CampaignAdmin(AuditedRolesMixin, admin.ModelAdmin):
    list_display = ["title", "starts_on", "ends_on", "status", "reach"]
    list_filter = ["status", "is_open_for_proposals"]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_on"
    filter_horizontal = ["coordinators"]
    role_fields = {"coordinators": Role.COORDINATOR}
    inlines = [SafetyDefaultsInline, LocalEventInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "summary"]}),
        (_("When"), {"fields": ["starts_on", "ends_on"]}),
        (_("Message"), {"fields": ["narrative", "core_messages", "demands"]}),
        (
            _("Organizing"),
            {
                "fields": [
                    "coordination_url",
                    "is_open_for_proposals",
                    "coordinators",
                    "reminder_hours",
                ]
            },
        ),
    ]

    @admin.display(description=_("reach"))
    def reach(self, campaign: Campaign) -> str:
        return selectors.campaign_reach(campaign).describe()


@admin.register(LocalEvent)
class LocalEventAdmin(AuditedRolesMixin, admin.ModelAdmin):
    form = LocalEventAdminForm
    list_display = ["title", "city", "country", "starts_at", "status", "campaign"]
    list_filter = ["status", "campaign", "country"]
    search_fields = ["title", "city", "venue"]
    autocomplete_fields = ["campaign"]
    filter_horizontal = ["organizers"]
    role_fields = {"organizers": Role.ORGANIZER}
    actions = ["cancel_selected"]
    fieldsets = [
        (None, {"fields": ["campaign", "title", "status", "description"]}),
        (_("Place"), {"fields": ["city", "country", "venue", "address", "latitude", "longitude"]}),
        (_("Time"), {"fields": ["timezone", "starts_at", "ends_at"]}),
        (
            _("The exact place"),
            {
                "fields": ["location_is_private", "meeting_point", "private_instructions"],
                "description": _(
                    "When the place is private, the public sees only the venue and the city; "
                    "confirmed participants see the address, meeting point and instructions."
                ),
            },
        ),
        (
            _("Accessibility"),
            {"fields": [*ACCESSIBILITY_FIELDS, "accessibility_note"]},
        ),
        (
            _("Safety and legal"),
            {
                "fields": list(SAFETY_FIELDS),
                "description": _(
                    "Only confirmed participants see these. Empty fields take the campaign's "
                    "defaults for the event's country."
                ),
            },
        ),
        (_("Signup"), {"fields": ["signup_url", "capacity", "promotion_radius_km"]}),
        (_("People"), {"fields": ["organizers", "group"]}),
    ]

    def save_model(self, request, obj, form, change):
        services.save_event_changes(event=obj, changed_fields=form.changed_data if change else [])

    # An action without permissions is offered to whoever may only view the list: cancelling
    # (and emailing every attendee so) needs the right to change events.
    @admin.action(description=_("Cancel the selected events"), permissions=["change"])
    def cancel_selected(self, request, queryset):
        for event in queryset:
            services.cancel_event(event=event)
        self.message_user(request, _("The events were cancelled."), messages.SUCCESS)


# Trusted hosts have their admin beside their rules.
from .proposals import admin as proposals_admin  # noqa: E402, F401
