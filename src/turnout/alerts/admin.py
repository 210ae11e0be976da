"""Alert choices and what was sent, for an administrator answering "why did I (not) get it?"."""

from django.contrib import admin

from turnout.web.admin_lookups import SecretFieldsAdminMixin

from .models import AlertPreference, NearlyFullNote, ProposalWait


@admin.register(AlertPreference)
class AlertPreferenceAdmin(SecretFieldsAdminMixin, admin.ModelAdmin):
    list_display = ("user", "kind", "campaign", "frequency", "digest_sent_up_to", "updated_at")
    list_filter = ("kind", "frequency")
    search_fields = ("user__email", "user__name", "campaign__title")
    readonly_fields = ("digest_sent_up_to", "updated_at")
    exclude = ("token",)  # the secret of the person's link stays out of sight
    secret_fields = ("token",)  # and out of the address bar's filters
    raw_id_fields = ("user", "campaign")


@admin.register(ProposalWait)
class ProposalWaitAdmin(admin.ModelAdmin):
    list_display = ("proposal", "waiting_since", "alerted_at")
    readonly_fields = ("proposal", "waiting_since", "alerted_at")


@admin.register(NearlyFullNote)
class NearlyFullNoteAdmin(admin.ModelAdmin):
    list_display = ("event", "capacity", "places_left", "created_at")
    readonly_fields = ("event", "capacity", "places_left", "created_at")
