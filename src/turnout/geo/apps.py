from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "turnout.geo"
    label = "geo"
    verbose_name = _("Places and maps")

    def ready(self) -> None:
        # `turnout serve` loads places before it forks (web sits below geo, so it is told).
        from turnout.web.warmup import register_place_loader

        from . import signals  # noqa: F401  (connects the receivers)

        register_place_loader(load_places)


def load_places() -> None:
    """Every city with its names in each site language, and the base map, loaded once (see
    turnout.web.warmup for why before forking)."""
    from django.conf import settings

    from turnout.places import gazetteer

    from . import worldmap

    places = gazetteer.gazetteer()
    for language, _name in settings.LANGUAGES:
        places.exonyms(gazetteer.base_language(language))
    gazetteer.country_code("Nederland")  # builds the table of country names
    worldmap.base_map_svg()
