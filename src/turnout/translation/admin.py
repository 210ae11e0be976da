"""Translators' side of the admin: every text in every language with its state, a review
screen showing each segment beside its source (stale and flagged ones first), and the list of
segments, where the flagged ones say why their machine translation was refused."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from turnout.web import numbers

from . import services
from .models import CachedSegment, ProviderCall, TranslatedSegment, Translation

ATTENTION = (TranslatedSegment.State.STALE, TranslatedSegment.State.FLAGGED)


# A segment needs a person when its machine translation was refused: flagged, or stale with a
# failed suggestion (it keeps showing the person's text, but its problems say why no new
# suggestion came).
REFUSED = Q(state=TranslatedSegment.State.FLAGGED) | ~Q(problems="")


class FlaggedSegmentsFilter(admin.SimpleListFilter):
    title = _("flagged segments")
    parameter_name = "flagged"

    def lookups(self, request, model_admin):
        return [("yes", _("Some segments flagged")), ("no", _("No segment flagged"))]

    def queryset(self, request, queryset):
        refused = Exists(TranslatedSegment.objects.filter(REFUSED, translation_id=OuterRef("pk")))
        if self.value() == "yes":
            return queryset.filter(Q(flagged_count__gt=0) | refused)
        if self.value() == "no":
            return queryset.filter(flagged_count=0).exclude(refused)
        return queryset


class SegmentStateFilter(admin.SimpleListFilter):
    """The segments' states; "Flagged" also lists the stale ones whose suggestion failed."""

    title = _("state")
    parameter_name = "state__exact"  # the name the plain field filter had: links keep working

    def lookups(self, request, model_admin):
        return TranslatedSegment.State.choices

    def queryset(self, request, queryset):
        if self.value() == TranslatedSegment.State.FLAGGED:
            return queryset.filter(REFUSED)
        if self.value() in TranslatedSegment.State.values:
            return queryset.filter(state=self.value())
        return queryset


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
    list_filter = ["state", FlaggedSegmentsFilter, "language", "content_type"]
    list_select_related = ["content_type"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        translation = self.get_object(request, object_id)  # None for ids no row can have
        if translation is None:
            raise Http404
        if not self.has_view_or_change_permission(request, translation):
            raise PermissionDenied
        can_review = self.has_change_permission(request, translation)
        posted: dict[int, str] = {}
        kept_approvals: set[int] = set()
        changed_meanwhile: list[int] = []
        if request.method == "POST":
            if not can_review:
                raise PermissionDenied
            posted = _posted_by_segment(request, "text-")
            approved = {
                segment_id
                for value in request.POST.getlist("approve")
                if (segment_id := numbers.object_id(value)) is not None
            }
            try:
                services.review_segments(
                    translation=translation,
                    texts=posted,
                    approved=approved,
                    reviewer=request.user,
                    now=timezone.now(),
                    # Each segment's source as the form showed it: a save of the page since
                    # then may have changed it, and a correction must not land on other text.
                    seen_sources=_posted_by_segment(request, "source-"),
                )
            except services.SegmentsChanged as error:
                changed_meanwhile = error.segment_ids
                kept_approvals = approved - set(changed_meanwhile)
                self.message_user(
                    request,
                    _(
                        "Nothing was saved: the source of %(count)d segment(s) you corrected "
                        "or approved changed while you were reviewing. Your text is still in "
                        "the form; check it against the current source and save again."
                    )
                    % {"count": len(changed_meanwhile)},
                    messages.ERROR,
                )
                translation.refresh_from_db()
            else:
                self.message_user(request, _("Saved; approved segments are marked reviewed."))
                return HttpResponseRedirect(request.get_full_path())
        segments = list(translation.segments.select_related("reviewed_by"))
        for segment in segments:  # after a refused save, what the reviewer wrote stays
            segment.posted_text = posted.get(segment.pk)
            segment.changed_meanwhile = segment.pk in changed_meanwhile
            segment.kept_approval = segment.pk in kept_approvals
        present = {segment.pk for segment in segments}
        lost_texts = [
            posted[pk] for pk in changed_meanwhile if pk not in present and posted.get(pk)
        ]
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
            "removed_segment_texts": lost_texts,
        }
        return TemplateResponse(request, "admin/translation/translation/review.html", context)


def _posted_by_segment(request: HttpRequest, prefix: str) -> dict[int, str]:
    """The form's `<prefix><segment id>` fields by segment id; impossible ids are ignored."""
    return {
        segment_id: request.POST[name]
        for name in request.POST
        if name.startswith(prefix)
        and (segment_id := numbers.object_id(name.removeprefix(prefix))) is not None
    }


@admin.register(TranslatedSegment)
class TranslatedSegmentAdmin(admin.ModelAdmin):
    """Every segment of every translation, filterable by state: the flagged ones, left in the
    source language, are listed with why the machine translation was refused."""

    list_display = ["position", "source_excerpt", "state", "language", "why", "text", "review"]
    list_display_links = None
    list_filter = [SegmentStateFilter, "translation__language", "kind"]
    search_fields = ["source_text", "problems"]
    list_select_related = ["translation__content_type"]
    ordering = ["translation_id", "position"]

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        # Whoever may see translations may see their segments.
        return super().has_view_permission(request, obj) or request.user.has_perm(
            "translation.view_translation"
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # corrections are made on the translation's review screen

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=_("source"))
    def source_excerpt(self, segment: TranslatedSegment) -> str:
        return Truncator(segment.source_text).chars(120)

    @admin.display(description=_("language"), ordering="translation__language")
    def language(self, segment: TranslatedSegment) -> str:
        return segment.translation.language

    @admin.display(description=_("why it was flagged"))
    def why(self, segment: TranslatedSegment) -> str:
        return format_html_join("", "<div>{}</div>", ((p,) for p in segment.problems.splitlines()))

    @admin.display(description=_("text"))
    def text(self, segment: TranslatedSegment) -> str:
        translation = segment.translation
        return f"{translation.content_type.name} {translation.object_id} · {translation.field}"

    @admin.display(description=_("review"))
    def review(self, segment: TranslatedSegment) -> str:
        address = reverse("admin:translation_translation_change", args=[segment.translation_id])
        return format_html(
            '<a href="{}?attention=1#segment-{}">{}</a>', address, segment.pk, _("Review")
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        segment = self.get_object(request, object_id)
        if segment is None:
            raise Http404
        if not self.has_view_permission(request, segment):
            raise PermissionDenied
        address = reverse("admin:translation_translation_change", args=[segment.translation_id])
        return HttpResponseRedirect(f"{address}#segment-{segment.pk}")


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
