"""Admin pages that edit role fields (coordinators, organizers, leads) record each change."""

from .roles import Role, record_role_changes


class AuditedRolesMixin:
    """Mix into a ModelAdmin; `role_fields` maps a many-to-many field of people to its role."""

    role_fields: dict[str, Role] = {}

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
