from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
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

    # Staff who may change accounts but are not administrators hand out no power (Django's own
    # admin lets them tick "superuser" on themselves), and take over no account: sign-in is by
    # email, so another person's address and password are the way into their account and roles,
    # and roles find people by address (typed as one's own, an address not one's own would
    # collect the roles given to it).
    POWER_FIELDS = ("is_staff", "is_superuser", "groups", "user_permissions", "email")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += self.POWER_FIELDS
        return fields

    def has_add_permission(self, request):
        # An account made here has a password its maker knows, for an address that is not
        # theirs: the day that address is given a role, its maker signs in with it.
        return super().has_add_permission(request) and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _holds_as_much(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _holds_as_much(request.user, obj)

    def user_change_password(self, request, id, form_url=""):
        if not request.user.is_superuser and str(request.user.pk) != str(id):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "is_superuser" in form.changed_data:
            record_audit(
                actor=request.user,
                action=AuditAction.ROLE_GRANTED if obj.is_superuser else AuditAction.ROLE_REVOKED,
                target=obj,
                summary=f"{obj.email}: {Role.ADMINISTRATOR.value}",
            )


def _holds_as_much(actor: User, person: User | None) -> bool:
    """Whether `actor` may change or delete `person`'s account: administrators anyone; other
    staff themselves and accounts without the back office (an administrator's or another staff
    member's account is theirs to keep)."""
    if person is None or actor.is_superuser or person.pk == actor.pk:
        return True
    return not (person.is_superuser or person.is_staff)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(DjangoGroupAdmin):
    """A group's permissions are given by administrators only: staff who may change groups
    would otherwise give their own group every permission there is."""

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else [*fields, "permissions"]


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
