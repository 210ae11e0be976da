from django.contrib import admin

from .models import EventRole, RoleAssignment


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    fields = ["signup", "state", "created_at"]
    readonly_fields = ["signup", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # people take roles through the services, which keep to the places


@admin.register(EventRole)
class EventRoleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "capacity", "is_required"]
    list_filter = ["kind", "is_required"]
    search_fields = ["event__title", "event__city", "custom_name"]
    raw_id_fields = ["event"]
    inlines = [RoleAssignmentInline]
