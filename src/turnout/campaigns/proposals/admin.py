"""The administrators' list of trusted hosts: grant (for a campaign or every one) and revoke,
audited as in the moderation queue. Loaded from `campaigns.admin`."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from . import trust
from .models import TrustedHost


@admin.register(TrustedHost)
class TrustedHostAdmin(admin.ModelAdmin):
    list_display = ["email", "campaign", "trusted_by", "created_at"]
    list_filter = ["campaign"]
    search_fields = ["email"]
    autocomplete_fields = ["campaign"]
    fields = ["email", "campaign"]

    def has_change_permission(self, request, obj=None):
        # A trust is granted or revoked, never edited into another one.
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied
        trusted = trust.trust_host(
            email=obj.email, campaign=obj.campaign, actor=request.user, now=timezone.now()
        )
        obj.pk = trusted.pk

    def delete_model(self, request, obj):
        trust.untrust_host(trusted=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for trusted in queryset.select_related("campaign"):
            trust.untrust_host(trusted=trusted, actor=request.user)
