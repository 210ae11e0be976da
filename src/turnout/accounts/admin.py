from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from . import password_limits
from .models import AuditAction, AuditEntry, User
from .roles import Role
from .services import record_audit


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active"]
    search_fields = ["email", "name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["name", "language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "is_superuser" in form.changed_data:
            record_audit(
                actor=request.user,
                action=AuditAction.ROLE_GRANTED if obj.is_superuser else AuditAction.ROLE_REVOKED,
                target=obj,
                summary=f"{obj.email}: {Role.ADMINISTRATOR.value}",
            )


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: an audit log nobody can edit is one people can trust."""

    list_display = [
        "created_at",
        "actor",
        "client_address",
        "action",
        "target_type",
        "target_id",
        "summary",
    ]
    list_filter = ["action", "target_type"]
    search_fields = ["summary", "actor__email", "target_id"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# The admin's sign-in counts password guesses with the site's own page: without this it was
# a way to guess administrators' passwords with no limit at all.
admin.site.login = password_limits.limited_login(admin.site.login)  # type: ignore[method-assign]
