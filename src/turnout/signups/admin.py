"""Signups in the admin: read-mostly, for administrators answering questions."""

from django.contrib import admin

from turnout.web.admin_lookups import SecretFieldsAdminMixin

from .models import Signup


@admin.register(Signup)
class SignupAdmin(SecretFieldsAdminMixin, admin.ModelAdmin):
    list_display = ["name", "email", "event", "state", "created_at", "confirmed_at"]
    list_filter = ["state", "source", "language"]
    search_fields = ["name", "email", "event__title", "event__city"]
    list_select_related = ["event"]
    raw_id_fields = ["event"]
    # The token is the participant's own link (their place, their roles, photos in their name):
    # whoever reads the admin does not get to act as them. Out of sight, as alert links are.
    exclude = ["token"]
    secret_fields = ("token",)  # nor found by `?token__startswith=` a character at a time
    readonly_fields = [
        "created_at",
        "confirmed_at",
        "waitlisted_at",
        "cancelled_at",
        "attended_at",
        "anonymized_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False
