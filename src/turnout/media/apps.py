from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "turnout.media"
    label = "turnout_media"  # "media" alone reads like Django's MEDIA settings in migrations
    verbose_name = _("Photos")

    def ready(self) -> None:
        from django.conf import settings
        from PIL import Image

        # Pillow's own guard against decompression bombs, at the limit this site accepts;
        # processing.py also checks dimensions before decoding a single pixel.
        Image.MAX_IMAGE_PIXELS = settings.PHOTO_MAX_PIXELS
