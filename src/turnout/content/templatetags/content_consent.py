"""`{% consented_provider_names as allowed %}`: the providers this visitor allowed, by name."""

from django import template

from ..consent import consented_providers
from ..embeds import PROVIDER_NAMES

register = template.Library()


@register.simple_tag(takes_context=True)
def consented_provider_names(context) -> list[str]:
    request = context.get("request")
    if request is None:
        return []
    return sorted(PROVIDER_NAMES[provider] for provider in consented_providers(request))
