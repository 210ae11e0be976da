"""Press coverage in the back office: search, correct, publish or reject in bulk."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import services
from .models import PressMention


@admin.register(PressMention)
class PressMentionAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published_on", "language", "kind", "state", "campaign"]
    list_filter = ["state", "kind", "language", "campaign"]
    search_fields = ["title", "outlet", "url"]
    date_hierarchy = "published_on"
    raw_id_fields = ["event"]
    # Published or rejected by the actions below (the campaign's right to approve, the audit
    # log), never by typing the state into this form.
    readonly_fields = [
        "state", "submitted_by", "reviewed_by", "reviewed_at", "created_at", "updated_at",
    ]  # fmt: skip
    actions = ["publish", "reject"]

    @admin.action(description=_("Publish the selected press mentions"), permissions=["change"])
    def publish(self, request, queryset):
        self._review(request, queryset, approve=True)

    @admin.action(description=_("Reject the selected press mentions"), permissions=["change"])
    def reject(self, request, queryset):
        self._review(request, queryset, approve=False)

    def _review(self, request, queryset, *, approve: bool) -> None:
        for mention in queryset:
            try:
                services.review_press_mention(
                    mention=mention, actor=request.user, approve=approve, now=timezone.now()
                )
            except (PermissionDenied, ValidationError) as error:
                self.message_user(request, f"{mention}: {error}", messages.ERROR)
