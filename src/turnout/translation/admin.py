"""Translators' side of the admin: every text in every language with its state, and a review
screen showing each segment beside its source (stale and flagged ones first)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import services
from .models import CachedSegment, ProviderCall, TranslatedSegment, Translation

ATTENTION = (TranslatedSegment.State.STALE, TranslatedSegment.State.FLAGGED)


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "language",
        "state",
        "reviewed_count",
        "machine_count",
        "stale_count",
        "flagged_count",
        "pending_count",
        "updated_at",
    ]
    list_filter = ["state", "language", "content_type"]
    list_select_related = ["content_type"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        translation = get_object_or_404(Translation, pk=object_id)
        if not self.has_view_or_change_permission(request, translation):
            raise PermissionDenied
        can_review = self.has_change_permission(request, translation)
        if request.method == "POST":
            if not can_review:
                raise PermissionDenied
            texts = {
                int(name.removeprefix("text-")): value
                for name, value in request.POST.items()
                if name.startswith("text-") and name.removeprefix("text-").isdecimal()
            }
            approved = {
                int(value) for value in request.POST.getlist("approve") if value.isdecimal()
            }
            services.review_segments(
                translation=translation,
                texts=texts,
                approved=approved,
                reviewer=request.user,
                now=timezone.now(),
            )
            self.message_user(request, _("Saved; approved segments are marked reviewed."))
            return HttpResponseRedirect(request.get_full_path())
        segments = list(translation.segments.select_related("reviewed_by"))
        only_attention = request.GET.get("attention") == "1"
        if only_attention:
            segments = [s for s in segments if s.state in ATTENTION]
        segments.sort(key=lambda s: (s.state not in ATTENTION, s.position))
        if translation.flagged_count or translation.stale_count:
            self.message_user(
                request,
                _("%(stale)d stale and %(flagged)d flagged segment(s) need a person.")
                % {"stale": translation.stale_count, "flagged": translation.flagged_count},
                messages.WARNING,
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": translation,
            "title": _("Review: %(translation)s") % {"translation": translation},
            "translation": translation,
            "segments": segments,
            "only_attention": only_attention,
            "can_review": can_review,
        }
        return TemplateResponse(request, "admin/translation/translation/review.html", context)


@admin.register(CachedSegment)
class CachedSegmentAdmin(admin.ModelAdmin):
    list_display = ["language", "provider", "model", "source_text", "created_at"]
    list_filter = ["language", "provider", "model"]
    search_fields = ["source_text", "text"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(ProviderCall)
class ProviderCallAdmin(admin.ModelAdmin):
    list_display = ["created_at", "provider", "model", "language", "succeeded", "cost"]
    list_filter = ["provider", "model", "language", "succeeded"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
