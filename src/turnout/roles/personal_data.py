"""A participant's role, in their privacy export (signups/personal_data.py)."""

from turnout.signups.models import Signup
from turnout.signups.personal_data import register_personal_data

from .models import RoleAssignment


def role_of(signup: Signup) -> dict | None:
    assignment = RoleAssignment.objects.filter(signup=signup).select_related("role").first()
    if assignment is None:
        return None
    return {
        "name": assignment.role.name,
        "state": assignment.state,
        "since": assignment.created_at.isoformat(),
    }


def register() -> None:
    register_personal_data("role", role_of)
