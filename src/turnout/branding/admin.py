"""One change page for the site settings: no list to pick from, no second row, no delete."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import contrast
from .forms import SiteSettingsForm
from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    form = SiteSettingsForm
    readonly_fields = ("logo_preview", "contrast_preview", "updated_at")
    fieldsets = (
        (_("Name"), {"fields": ("name", "tagline_en", "tagline_nl")}),
        (_("Logo and icon"), {"fields": ("logo", "logo_preview", "favicon")}),
        (
            _("Colours"),
            {
                "fields": (
                    "brand_colour",
                    "accent_colour",
                    "text_on_brand_colour",
                    "contrast_preview",
                )
            },
        ),
        (
            _("Footer"),
            {"fields": ("footer_text_en", "footer_text_nl", "footer_links", "social_links")},
        ),
        (_("Languages"), {"fields": ("default_language", "languages_offered")}),
        (None, {"fields": ("updated_at",)}),
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None):
        """Straight to the one row (or to adding it, the first time)."""
        if SiteSettings.objects.exists():
            return HttpResponseRedirect(reverse("admin:branding_sitesettings_change", args=[1]))
        return HttpResponseRedirect(reverse("admin:branding_sitesettings_add"))

    @admin.display(description=_("logo as shown"))
    def logo_preview(self, obj: SiteSettings) -> str:
        if not obj.logo:
            return gettext("No logo: the header shows the name only.")
        return format_html(
            '<img src="{}" alt="" style="height:48px;width:auto;background:#f3f4f8;padding:4px">',
            obj.logo_url,
        )

    @admin.display(description=_("contrast"))
    def contrast_preview(self, obj: SiteSettings) -> str:
        colours = obj.css_colours()
        samples = [
            (
                colours["text_on_brand"],
                colours["brand"],
                gettext("Button text"),
                contrast.TEXT_MINIMUM,
            ),
            (colours["brand"], contrast.WHITE, gettext("Link on white"), contrast.TEXT_MINIMUM),
            (
                colours["accent"],
                contrast.WHITE,
                gettext("Accent on white"),
                contrast.GRAPHICS_MINIMUM,
            ),
        ]
        return format_html_join(
            "",
            '<p><span style="color:{};background:{};padding:4px 10px;border:1px solid #ccc">'
            "{}</span> {}:1 ({})</p>",
            (
                (
                    fg,
                    bg,
                    label,
                    f"{contrast.contrast_ratio(fg, bg):.2f}",
                    gettext("passes") if contrast.passes(fg, bg, minimum) else gettext("fails"),
                )
                for fg, bg, label, minimum in samples
            ),
        )
