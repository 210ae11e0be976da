"""Signups in the admin: read-mostly, for administrators answering questions."""

from django.contrib import admin

from .models import Signup


@admin.register(Signup)
class SignupAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "event", "state", "created_at", "confirmed_at"]
    list_filter = ["state", "source", "language"]
    search_fields = ["name", "email", "event__title", "event__city"]
    list_select_related = ["event"]
    raw_id_fields = ["event"]
    readonly_fields = [
        "token",
        "created_at",
        "confirmed_at",
        "waitlisted_at",
        "cancelled_at",
        "attended_at",
        "anonymized_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False
