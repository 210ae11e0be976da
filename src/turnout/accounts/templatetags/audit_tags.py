"""Template filter for the audit log page: a readable name for each recorded action."""

from django import template

from ..audit import action_label

register = template.Library()


@register.filter
def audit_action(action: str) -> str:
    return action_label(action)
