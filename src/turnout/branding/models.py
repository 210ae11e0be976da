"""The site's identity: one row an administrator edits in the admin, read through a cache."""

from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import contrast
from .links import MAX_LINKS, is_https_url, label_in, validate_links

CACHE_KEY = "branding:site-settings:v1"
NO_ROW = "none"  # cached while no administrator has saved settings
# A safety net only: saving deletes the key at once, on every server sharing the cache.
CACHE_SECONDS = 600

DEFAULT_BRAND_COLOUR = "#0b5cad"
DEFAULT_ACCENT_COLOUR = "#b45309"
DEFAULT_TEXT_ON_BRAND = "#ffffff"


def _default_name() -> str:
    return getattr(settings, "TURNOUT_SITE_NAME", "Turnout")


def _default_language() -> str:
    return settings.LANGUAGE_CODE


def _all_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _validate_colour(value: str) -> None:
    if not contrast.is_hex_colour(value):
        raise ValidationError(_("Enter a colour as #rrggbb, for example #0b5cad."))


class SiteSettings(models.Model):
    """The movement's name, logo, colours, footer and languages. There is one row (id 1)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    name = models.CharField(_("name"), max_length=80, default=_default_name)
    tagline_en = models.CharField(_("tagline (English)"), max_length=160, blank=True)
    tagline_nl = models.CharField(_("tagline (Dutch)"), max_length=160, blank=True)
    logo = models.FileField(
        _("logo"),
        upload_to="branding/",
        blank=True,
        help_text=_("SVG, PNG, JPEG, WebP or AVIF. Stored cleaned: metadata and scripts removed."),
    )
    favicon = models.FileField(
        _("favicon"),
        upload_to="branding/",
        blank=True,
        help_text=_(
            "A square image for browser tabs and home screens. "
            "Without one, the logo is used, or the first letter of the name."
        ),
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default=DEFAULT_BRAND_COLOUR,
        validators=[_validate_colour],
        help_text=_("Links and buttons. Must be readable on white."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT_COLOUR,
        validators=[_validate_colour],
        help_text=_("The band above the header. Must stand out from white."),
    )
    text_on_brand_colour = models.CharField(
        _("text colour on the brand colour"),
        max_length=7,
        default=DEFAULT_TEXT_ON_BRAND,
        validators=[_validate_colour],
        help_text=_("The text on buttons."),
    )
    footer_text_en = models.TextField(_("footer text (English)"), blank=True)
    footer_text_nl = models.TextField(_("footer text (Dutch)"), blank=True)
    footer_links = models.JSONField(
        _("footer links"),
        default=list,
        blank=True,
        validators=[validate_links],
        help_text=_(
            'At most 10, for example [{"label": "About us", "label_nl": "Over ons", "url": '
            '"https://..."}]; a label per language ("label_nl") is optional.'
        ),
    )
    social_links = models.JSONField(
        _("social links"),
        default=list,
        blank=True,
        validators=[validate_links],
        help_text=_(
            'At most 10, for example [{"label": "Mastodon", "url": "https://..."}]; a label '
            'per language ("label_nl") is optional.'
        ),
    )
    default_language = models.CharField(
        _("default language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=_default_language,
        help_text=_("Where the bare address of the site leads."),
    )
    languages_offered = models.JSONField(_("languages offered"), default=_all_languages, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="branding_single_row"),
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "SiteSettings":
        """The saved settings, or the defaults (not saved) while an administrator set none."""
        found = cache.get(CACHE_KEY)
        if found is None:
            found = cls.objects.filter(pk=1).first() or NO_ROW
            cache.set(CACHE_KEY, found, CACHE_SECONDS)
        # Without a row the defaults are built fresh: they follow settings.TURNOUT_SITE_NAME.
        return cls() if found == NO_ROW else found

    @staticmethod
    def forget_cached() -> None:
        cache.delete(CACHE_KEY)

    def save(self, *args, **kwargs) -> None:
        self.pk = 1
        if self._state.adding and type(self).objects.filter(pk=1).exists():
            self._state.adding = False  # a second "new" row updates the one row instead
        for field in ("brand_colour", "accent_colour", "text_on_brand_colour"):
            value = getattr(self, field)
            if contrast.is_hex_colour(value):
                setattr(self, field, contrast.normalized(value))
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        self._check_contrast(errors)
        self._check_languages(errors)
        if errors:
            raise ValidationError(errors)

    def _check_contrast(self, errors: dict[str, list[str]]) -> None:
        colours = (self.brand_colour, self.accent_colour, self.text_on_brand_colour)
        if not all(contrast.is_hex_colour(colour) for colour in colours):
            return  # each field's own validator says which is malformed
        checks = [
            (
                "text_on_brand_colour",
                self.text_on_brand_colour,
                self.brand_colour,
                contrast.TEXT_MINIMUM,
                gettext("Text on the brand colour"),
            ),
            (
                "brand_colour",
                self.brand_colour,
                contrast.WHITE,
                contrast.TEXT_MINIMUM,
                gettext("Links in the brand colour on white"),
            ),
            (
                "accent_colour",
                self.accent_colour,
                contrast.WHITE,
                contrast.GRAPHICS_MINIMUM,
                gettext("The accent colour against white"),
            ),
        ]
        for field, first, second, minimum, what in checks:
            ratio = contrast.contrast_ratio(first, second)
            if ratio < minimum:
                errors.setdefault(field, []).append(
                    gettext(
                        "%(what)s has a contrast ratio of %(ratio).2f:1; "
                        "WCAG AA asks for at least %(minimum)s:1. "
                        "Choose a darker or lighter colour."
                    )
                    % {"what": what, "ratio": ratio, "minimum": f"{minimum:g}"}
                )

    def _check_languages(self, errors: dict[str, list[str]]) -> None:
        known = set(_all_languages())
        offered = self.languages_offered
        if (
            not isinstance(offered, list)
            or not offered
            or not all(isinstance(code, str) and code in known for code in offered)
        ):
            errors.setdefault("languages_offered", []).append(
                gettext("Choose one or more of: %(codes)s.") % {"codes": ", ".join(sorted(known))}
            )
        elif self.default_language not in offered:
            errors.setdefault("default_language", []).append(
                gettext("The default language must be one of the languages offered.")
            )

    # --- read by templates, emails and views -------------------------------------------------

    @property
    def version(self) -> str:
        """Changes whenever the settings are saved: a cache key and an ETag for what they draw."""
        stamp: datetime | None = self.updated_at
        return str(int(stamp.timestamp() * 1000)) if stamp else "default"

    def offered_languages(self) -> list[str]:
        """The languages offered, in the site's order; every language if the list is broken."""
        chosen = self.languages_offered if isinstance(self.languages_offered, list) else []
        offered = [code for code in _all_languages() if code in chosen]
        return offered or _all_languages()

    def landing_language(self) -> str:
        offered = self.offered_languages()
        return self.default_language if self.default_language in offered else offered[0]

    def css_colours(self) -> dict[str, str]:
        """The three colours, each a checked #rrggbb (a default where a row holds anything else)."""

        def checked(value: str, default: str) -> str:
            return contrast.normalized(value) if contrast.is_hex_colour(value) else default

        return {
            "brand": checked(self.brand_colour, DEFAULT_BRAND_COLOUR),
            "accent": checked(self.accent_colour, DEFAULT_ACCENT_COLOUR),
            "text_on_brand": checked(self.text_on_brand_colour, DEFAULT_TEXT_ON_BRAND),
        }

    def footer_text(self, language: str) -> str:
        return getattr(self, f"footer_text_{language}", "") or ""

    def tagline(self, language: str) -> str:
        return getattr(self, f"tagline_{language}", "") or ""

    @property
    def logo_url(self) -> str:
        """Where the logo is served (this site's path, versioned); '' without one."""
        return f"{reverse('branding:logo')}?v={self.version}" if self.logo else ""

    def public_links(self, field: str, language: str) -> list[dict[str, str]]:
        """`footer_links` or `social_links` labelled in `language`, keeping only well-formed
        https links."""
        links = getattr(self, field)
        return [
            {"label": label_in(link, language), "url": link["url"]}
            for link in (links if isinstance(links, list) else [])
            if isinstance(link, dict) and link.get("label") and is_https_url(link.get("url"))
        ][:MAX_LINKS]

    @property
    def logo_is_svg(self) -> bool:
        return bool(self.logo) and (self.logo.name or "").lower().endswith(".svg")
