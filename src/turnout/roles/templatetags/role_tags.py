"""Roles on other apps' pages: the campaign dashboard's events still missing a required role."""

from django import template
from django.utils import timezone

from .. import selectors

register = template.Library()


@register.inclusion_tag("roles/_missing_roles.html")
def events_missing_required_roles(campaign):
    return {"lines": selectors.events_missing_required_roles(campaign, now=timezone.now())}
