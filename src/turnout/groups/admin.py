"""The back office for groups: administrators create groups and set their leads."""

from django.contrib import admin

from turnout.accounts.admin_roles import AuditedRolesMixin
from turnout.accounts.roles import Role

from .models import Channel, Group


class ChannelInline(admin.TabularInline):
    model = Channel
    fields = ["kind", "address", "label", "position"]
    extra = 1


@admin.register(Group)
class GroupAdmin(AuditedRolesMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "country", "city", "parent", "is_active"]
    list_filter = ["kind", "is_active", "country"]
    search_fields = ["name", "city", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    filter_horizontal = ["leads"]
    inlines = [ChannelInline]
    role_fields = {"leads": Role.LEAD}
