"""Admin pages that edit role fields (coordinators, organizers, leads) record each change."""

from .roles import Role, record_role_changes


class AuditedRolesMixin:
    """Mix into a ModelAdmin; `role_fields` maps a many-to-many field of people to its role."""

    role_fields: dict[str, Role] = {}

    def get_readonly_fields(self, request, obj=None):
        """Roles are given by administrators (the roles page is theirs): staff who may change
        a campaign's text, an event or a group do not make themselves its coordinator,
        organizer or lead, and so read its people."""
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += [name for name in self.role_fields if name not in fields]
        return fields

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        before = {
            field: set(getattr(obj, field).values_list("pk", flat=True)) if change else set()
            for field in self.role_fields
        }
        super().save_related(request, form, formsets, change)
        for field, role in self.role_fields.items():
            after = set(getattr(obj, field).values_list("pk", flat=True))
            record_role_changes(
                actor=request.user, role=role, obj=obj, before=before[field], after=after
            )
