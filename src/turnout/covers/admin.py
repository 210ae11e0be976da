"""Covers in the admin: set, describe or remove one through the same service as the pages."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import display, services
from .models import CoverImage


class CoverAdminForm(forms.ModelForm):
    """The service does the writing, from clean(): its refusals (a bad file, no alt text)
    become the form's errors, and save() hands the admin the cover it wrote."""

    image = forms.FileField(
        label=_("Image"),
        required=False,
        help_text=_("A new image replaces the current one; its old files are deleted."),
    )
    actor = None  # the signed-in administrator, set by CoverImageAdmin.get_form
    saved: CoverImage | None = None

    class Meta:
        model = CoverImage
        fields = ["campaign", "event", "alt_text", "credit"]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        subject = (
            self.instance.subject
            if self.instance.pk
            else (data.get("campaign") or data.get("event"))
        )
        if self.instance.pk is None and bool(data.get("campaign")) == bool(data.get("event")):
            raise ValidationError(_("A cover belongs to one campaign or one event."))
        image = data.get("image")
        try:
            self.saved = services.set_cover(
                subject=subject,
                actor=self.actor,
                alt_text=data.get("alt_text", ""),
                credit=data.get("credit", ""),
                upload=services.Upload(image.name, image.read()) if image else None,
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        except PermissionDenied:
            raise ValidationError(_("You may not change this image.")) from None
        except services.CoverStorageFailed as error:
            raise ValidationError(str(error)) from None
        return data

    def _post_clean(self):
        pass  # the service has checked and written the row

    def save(self, commit=True):
        assert self.saved is not None
        return self.saved

    def save_m2m(self):
        pass  # a cover has no many-to-many fields


@admin.register(CoverImage)
class CoverImageAdmin(admin.ModelAdmin):
    form = CoverAdminForm
    list_display = ["preview", "alt_text", "campaign", "event", "updated_at"]
    search_fields = ["alt_text", "credit", "campaign__title", "event__title"]
    raw_id_fields = ["event"]
    readonly_fields = ["preview", "original_name", "width", "height", "uploaded_by", "updated_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"actor": request.user})

    def get_fields(self, request, obj=None):
        fields = ["campaign", "event", "image", "alt_text", "credit"]
        return fields + (list(self.readonly_fields) if obj is not None else [])

    def get_readonly_fields(self, request, obj=None):
        # A cover stays with its subject: another subject gets a cover of its own.
        return [*self.readonly_fields, "campaign", "event"] if obj is not None else []

    @admin.display(description=_("image"))
    def preview(self, cover: CoverImage) -> str:
        if not cover.pk:
            return ""
        return format_html(
            '<img src="{}" alt="{}" width="240">', display.fallback_path(cover), cover.alt_text
        )

    def save_model(self, request, obj, form, change):
        pass  # written by the service in the form's clean()

    def delete_model(self, request, obj):
        services.remove_cover(subject=obj.subject, actor=request.user)

    def delete_queryset(self, request, queryset):
        for cover in queryset:
            services.remove_cover(subject=cover.subject, actor=request.user)
