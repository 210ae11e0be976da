"""Photos in the back office: their texts and review; files are written only by uploads."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Photo
from .templatetags.gallery import photo_thumbnail


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "alt_text", "event", "campaign", "faces", "state", "created_at"]
    list_filter = ["state", "faces", "campaign"]
    search_fields = ["alt_text", "caption", "credit"]
    raw_id_fields = ["event"]
    # The review's state is decided by the actions below (the campaign's right to approve, who
    # decided, the audit log), never typed into this form by whoever may change photos.
    readonly_fields = [
        "thumbnail", "original", "width", "height", "state", "uploaded_by", "reviewed_by",
        "reviewed_at",
    ]  # fmt: skip
    fields = [
        "thumbnail", "campaign", "event", "alt_text", "caption", "credit", "faces", "state",
        "original", "width", "height", "uploaded_by", "reviewed_by", "reviewed_at",
    ]  # fmt: skip
    actions = ["publish", "reject"]

    def has_add_permission(self, request):
        return False  # photos come in through the upload page, which cleans them

    def delete_model(self, request, obj):
        services.delete_photo(photo=obj, actor=request.user)  # and its files

    def delete_queryset(self, request, queryset):
        for photo in queryset:
            services.delete_photo(photo=photo, actor=request.user)

    @admin.display(description=_("photo"))
    def thumbnail(self, photo: Photo) -> str:
        url = photo_thumbnail(photo)
        return format_html('<img src="{}" alt="" width="120">', url) if url else ""

    @admin.action(description=_("Publish the selected photos"), permissions=["change"])
    def publish(self, request, queryset):
        self._review(request, queryset, approve=True)

    @admin.action(description=_("Reject the selected photos"), permissions=["change"])
    def reject(self, request, queryset):
        self._review(request, queryset, approve=False)

    def _review(self, request, queryset, *, approve: bool) -> None:
        for photo in queryset:
            try:
                services.review_photo(
                    photo=photo, actor=request.user, approve=approve, now=timezone.now()
                )
            except (PermissionDenied, ValidationError) as error:
                self.message_user(request, f"{photo}: {error}", messages.ERROR)
