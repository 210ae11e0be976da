"""`{{ event|city_name }}`, `{{ group|city_name }}`: a city in the page's language ("Londen"
on a Dutch page), for anything with a `city` and a `country`."""

from django import template
from django.utils.translation import get_language

from ..gazetteer import display_name

register = template.Library()


@register.filter
def city_name(place) -> str:
    return display_name(place.city, place.country, get_language() or "")
