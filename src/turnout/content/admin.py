"""Editors write pages in the admin: markdown with a preview, every save kept as a revision."""

from typing import TYPE_CHECKING, cast

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from turnout.accounts.models import User

from . import services
from .models import Page, PageRevision
from .pages import present_page
from .translations import translations_of

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class PageForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("written in"), choices=settings.LANGUAGES)

    class Meta:
        model = Page
        fields = ["slug", "language", "status", "source"]
        widgets = {"source": forms.Textarea(attrs={"rows": 30, "cols": 100, "spellcheck": "true"})}


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageForm
    list_display = ["title", "slug", "language", "status", "updated_at"]
    list_filter = ["status", "language"]
    search_fields = ["title", "slug", "source"]
    readonly_fields = ["translation_states", "revision_history"]
    fieldsets = [
        (None, {"fields": ["slug", "language", "status", "source"]}),
        (_("Translations and history"), {"fields": ["translation_states", "revision_history"]}),
    ]
    change_form_template = "admin/content/page/change_form.html"

    def save_model(self, request: HttpRequest, obj: Page, form, change: bool) -> None:
        # The admin site lets only signed-in staff in, so its requests carry a User.
        services.save_page(page=obj, author=cast(User, request.user), now=timezone.now())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and "_preview" in request.POST:
            return self._preview(request, object_id)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _preview(self, request: HttpRequest, object_id: str | None) -> TemplateResponse:
        """Show the page as visitors would see it, from the unsaved form; saves nothing."""
        obj = self.get_object(request, object_id) if object_id else None
        if obj is None and not self.has_add_permission(request):
            raise PermissionDenied
        if obj is not None and not self.has_change_permission(request, obj):
            raise PermissionDenied
        form = self.get_form(request, obj, change=obj is not None)(request.POST, instance=obj)
        form.is_valid()  # errors are shown beside the preview
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "form": form,
            "presented": present_page(request.POST.get("source", "")),
            "title": _("Preview"),
        }
        return TemplateResponse(request, "admin/content/page/preview.html", context)

    @admin.display(description=_("translations"))
    def translation_states(self, obj: Page) -> "StrOrPromise":
        if obj.pk is None:
            return "—"
        links = translations_of(obj)
        if links is None:  # no app provides translations
            return "—"
        if not links:
            return _("None yet: run “turnout translate”.")
        return format_html_join(
            ", ",
            '<a href="{}">{}: {}</a>',
            ((link.url, link.language, link.state) for link in links),
        )

    @admin.display(description=_("revisions"))
    def revision_history(self, obj: Page) -> str:
        if obj.pk is None:
            return "—"
        revisions = obj.revisions.select_related("author")[:20]
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> · {} {}</li>',
                (
                    (
                        reverse("admin:content_pagerevision_change", args=[rev.pk]),
                        timezone.localtime(rev.created_at).strftime("%Y-%m-%d %H:%M"),
                        rev.author or "—",
                        rev.note,
                    )
                    for rev in revisions
                ),
            ),
        )


@admin.register(PageRevision)
class PageRevisionAdmin(admin.ModelAdmin):
    list_display = ["page", "created_at", "author", "note"]
    list_filter = ["page"]
    readonly_fields = ["page", "created_at", "author", "note", "source"]
    actions = ["restore"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("content.view_page") or request.user.has_perm(
            "content.change_page"
        )

    @admin.action(description=_("Restore the selected revision"), permissions=["restore"])
    def restore(self, request: HttpRequest, queryset) -> None:
        if queryset.count() != 1:
            self.message_user(request, _("Select exactly one revision."), messages.ERROR)
            return
        revision = queryset.get()
        services.restore_revision(
            revision=revision, author=cast(User, request.user), now=timezone.now()
        )
        self.message_user(
            request, _("“%(page)s” is back to that revision.") % {"page": revision.page}
        )

    def has_restore_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("content.change_page")
