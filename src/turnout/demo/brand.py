"""The demo's example brand: a name, colours that pass WCAG AA, a logo drawn here (nothing is
downloaded), footer texts in both languages and a few links."""

import io

from PIL import Image, ImageDraw

from turnout.branding.logos import cleaned_logo
from turnout.branding.models import SiteSettings

BRAND_COLOUR = "#1d4ed8"  # 6.7:1 on white; white text on it likewise
ACCENT_COLOUR = "#c2410c"  # 5.2:1 on white
TEXT_ON_BRAND = "#ffffff"


def load_demo_brand() -> SiteSettings:
    site = SiteSettings.objects.filter(pk=1).first() or SiteSettings()
    site.name = "Safe AI Together"
    site.tagline_en = "Volunteers for international AI safety rules"
    site.tagline_nl = "Vrijwilligers voor internationale regels voor veilige AI"
    site.brand_colour = BRAND_COLOUR
    site.accent_colour = ACCENT_COLOUR
    site.text_on_brand_colour = TEXT_ON_BRAND
    site.footer_text_en = "Safe AI Together is a network of local volunteer groups."
    site.footer_text_nl = "Safe AI Together is een netwerk van lokale vrijwilligersgroepen."
    site.footer_links = [
        {
            "label": "About the network",
            "label_nl": "Over het netwerk",
            "url": "https://example.org/about",
        }
    ]
    site.social_links = [
        {"label": "Mastodon", "url": "https://mastodon.example.org/@safeai"},
        {"label": "Bluesky", "url": "https://bsky.example.org/profile/safeai"},
    ]
    site.default_language = "en"
    site.languages_offered = ["en", "nl"]
    site.full_clean()
    if site.logo:
        site.logo.delete(save=False)  # loading the demo again draws the logo again
    logo = cleaned_logo(_drawn_logo(), name="demo-logo.png")
    site.logo.save(logo.name or "logo.png", logo, save=False)
    site.save()
    return site


def _drawn_logo() -> bytes:
    """A crowd of three under a rising sun, in the brand's colours, on transparent ground."""
    size = 256
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((48, 16, 208, 176), fill=ACCENT_COLOUR)
    for centre, head in ((64, 112), (128, 96), (192, 112)):
        draw.ellipse((centre - 26, head - 26, centre + 26, head + 26), fill=BRAND_COLOUR)
        draw.rounded_rectangle(
            (centre - 40, head + 34, centre + 40, 248), radius=28, fill=BRAND_COLOUR
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
