from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacesConfig(AppConfig):
    """Place knowledge with no domain: the gazetteer, place lookup and the city field.

    It sits below `campaigns` (docs/architecture.md, "Layers"), which uses it to place an
    event; the pages about events by place stay in `geo`, above campaigns.
    """

    name = "turnout.places"
    label = "places"
    verbose_name = _("Places")
