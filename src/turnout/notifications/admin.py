"""The outbox in the admin: what was sent, what waits, what failed, and sending again."""

import json

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Q
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from turnout.web.admin_lookups import SecretFieldsAdminMixin
from turnout.web.heartbeat import latest_heartbeat

from . import outbox
from .backlog import outbox_backlog
from .link_secrets import without_link_secrets
from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(SecretFieldsAdminMixin, admin.ModelAdmin):
    list_display = [
        "created_at", "kind", "to_email", "listed_subject", "state", "attempts", "sent_at",
    ]  # fmt: skip
    list_filter = ["state", "failure", "kind", "language"]
    search_fields = ["to_email", "subject", "message_id"]
    date_hierarchy = "created_at"
    actions = ["send_selected_again"]
    readonly_fields = [
        field.name for field in OutboxMessage._meta.fields if field.name not in ("id",)
    ]

    # Emails that carry a way into someone's account, or into all that is held about them (the
    # privacy link exports and erases it, as their own request): even administrators don't
    # read them, and the subject counts (a sign-in email's subject carries the code).
    SECRET_KINDS = frozenset({"sign_in", "invitation", "privacy_link"})
    SECRET_FIELDS = ("subject", "body_text", "body_html", "attachments")
    # What a secret email is found by in the search box; never its subject or text.
    SECRET_SEARCH_FIELDS = ("to_email", "message_id")
    # Nor may the address bar filter the list by them (`?body_text__contains=`), whatever
    # the kind: that too told a sign-in link a character at a time. The one-click stop link
    # holds a person's alert token.
    secret_fields = (*SECRET_FIELDS, "unsubscribe_url")

    @admin.display(description=_("subject"), ordering="subject")
    def listed_subject(self, obj: OutboxMessage) -> str:
        if obj.kind in self.SECRET_KINDS:
            return str(_("(not shown: it holds a way to sign in)"))
        return obj.subject

    def get_search_results(self, request, queryset, search_term):
        """Search secret emails by address and Message-ID only, so that searching for a code
        cannot tell whether some sign-in email holds it."""
        ordinary, ordinary_dupes = super().get_search_results(
            request, queryset.exclude(kind__in=self.SECRET_KINDS), search_term
        )
        secret = queryset.filter(kind__in=self.SECRET_KINDS)
        for term in search_term.split():
            matches = Q()
            for name in self.SECRET_SEARCH_FIELDS:
                matches |= Q(**{f"{name}__icontains": term})
            secret = secret.filter(matches)
        return ordinary | secret, ordinary_dupes

    # Shown with the token of every link cut short (link_secrets.py): the reader's own way
    # into their signup, role or alert is not the back office's.
    LINK_FIELDS = ("body_text", "body_html", "attachments", "unsubscribe_url")

    def get_fields(self, request, obj=None):
        fields = [name for name in super().get_fields(request, obj) if name not in self._shown]
        if obj is not None and obj.kind in self.SECRET_KINDS:
            return [name for name in fields if name not in self.SECRET_FIELDS]
        return [f"shown_{name}" if name in self.LINK_FIELDS else name for name in fields]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *self._shown]

    _shown = tuple(f"shown_{name}" for name in LINK_FIELDS)

    @admin.display(description=_("text"))
    def shown_body_text(self, obj: OutboxMessage) -> str:
        return linebreaksbr(without_link_secrets(obj.body_text), autoescape=True)

    @admin.display(description=_("HTML"))
    def shown_body_html(self, obj: OutboxMessage) -> str:
        return linebreaksbr(without_link_secrets(obj.body_html), autoescape=True)

    @admin.display(description=_("attachments"))
    def shown_attachments(self, obj: OutboxMessage) -> str:
        written = json.dumps(obj.attachments, ensure_ascii=False, indent=1)
        return linebreaksbr(without_link_secrets(written), autoescape=True)

    @admin.display(description=_("one-click stop link"))
    def shown_unsubscribe_url(self, obj: OutboxMessage) -> str:
        return without_link_secrets(obj.unsubscribe_url)

    def changelist_view(self, request, extra_context=None):
        """Above the list: is a worker sending, and how far behind is email (the template
        admin/notifications/outboxmessage/change_list.html shows it)."""
        now = timezone.now()
        backlog = outbox_backlog(now=now)
        heartbeat = latest_heartbeat()
        stale_after = settings.READY_WORKER_STALE_SECONDS
        context = {
            "backlog": backlog,
            "oldest_due_seconds": backlog.oldest_wait_seconds(now=now),
            "worker_expected": settings.TASKS_BACKEND == "database",
            "tasks_backend": settings.TASKS_BACKEND,
            "heartbeat": heartbeat,
            "heartbeat_stale": heartbeat is not None
            and stale_after > 0
            and (now - heartbeat.last_seen).total_seconds() > stale_after,
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context=context)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_send_permission(self, request) -> bool:
        """Sending again is changing a message's state: the model's change permission, though
        the page itself changes nothing (an action without permissions is offered to whoever
        may only view the list)."""
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    @admin.action(
        description=_("Send again (uncertain or failed messages only)"), permissions=["send"]
    )
    def send_selected_again(self, request, queryset):
        now = timezone.now()
        count = sum(outbox.send_again(message=message, now=now) for message in queryset)
        self.message_user(
            request,
            ngettext("%(count)d message queued again.", "%(count)d messages queued again.", count)
            % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )
