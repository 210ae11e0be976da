"""The demo's cover images: a hero for the upcoming campaign and images for two of its events,
drawn here with Pillow in the brand's colours (nothing is downloaded or copied), set through
the covers service as their coordinator would, so they are cleaned and sized like any upload.

Their descriptions (alt text) and credits come with reviewed Dutch, stored like the events'
(`event_translations.py`), so `/nl/` describes them in Dutch."""

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw

from turnout.accounts.models import User
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.covers import services as covers
from turnout.covers.display import cover_for
from turnout.translation.providers import configured_provider
from turnout.translation.sources import texts_of

from .brand import ACCENT_COLOUR, BRAND_COLOUR
from .translations import store_reviewed

SIZE = (1600, 900)


@dataclass(frozen=True)
class Scene:
    landmark: str  # "sun", "tower" or "gate"
    sky: tuple[int, int, int]
    signs: int  # how many placards the crowd holds up
    alt_text: str
    dutch_alt_text: str
    credit: str = "Drawn for the Turnout demo"
    dutch_credit: str = "Getekend voor de Turnout-demo"


HERO = Scene(
    "sun",
    (29, 78, 216),
    signs=6,
    alt_text="A drawing of a large crowd with blank placards under a rising orange sun, "
    "in the movement's blue and orange.",
    dutch_alt_text="Een tekening van een grote menigte met lege borden onder een opkomende "
    "oranje zon, in het blauw en oranje van de beweging.",
)
EVENT_SCENES = {
    "Utrecht": Scene(
        "tower",
        (96, 140, 220),
        signs=3,
        alt_text="A drawing of people holding placards on a square before a tall church tower.",
        dutch_alt_text="Een tekening van mensen met borden op een plein voor een hoge kerktoren.",
    ),
    "Berlin": Scene(
        "gate",
        (150, 175, 230),
        signs=4,
        alt_text="A drawing of a crowd with placards in front of a city gate with columns.",
        dutch_alt_text="Een tekening van een menigte met borden voor een stadspoort met zuilen.",
    ),
}


def load_demo_covers(campaign: Campaign, *, coordinator: User) -> None:
    """Give the campaign its hero and two events their images, unless they have them, with
    their Dutch texts as translations the coordinator reviewed."""
    _set(campaign, HERO, coordinator)
    for event in LocalEvent.objects.filter(campaign=campaign, city__in=EVENT_SCENES):
        _set(event, EVENT_SCENES[event.city], coordinator)


def _set(subject: Campaign | LocalEvent, scene: Scene, coordinator: User) -> None:
    cover = cover_for(subject)
    if cover is None or cover.alt_text != scene.alt_text:  # else loaded before: not drawn again
        cover = covers.set_cover(
            subject=subject,
            actor=coordinator,
            alt_text=scene.alt_text,
            credit=scene.credit,
            upload=covers.Upload(f"{scene.landmark}.png", draw_scene(scene)),
        )
    dutch = {"alt_text": scene.dutch_alt_text, "credit": scene.dutch_credit}
    provider = configured_provider()
    for source in texts_of(cover):
        if source.text == getattr(scene, source.field):  # an edited credit stays untranslated
            store_reviewed(source, dutch[source.field], reviewer=coordinator, provider=provider)


def draw_scene(scene: Scene) -> bytes:
    """A flat drawing: sky, a landmark, the street and a crowd with blank placards (PNG)."""
    width, height = SIZE
    image = Image.new("RGB", SIZE, scene.sky)
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.68)
    _landmark(draw, scene.landmark, width, horizon)
    draw.rectangle((0, horizon, width, height), fill=(95, 98, 110))  # the street
    people = 18
    colours = [BRAND_COLOUR, ACCENT_COLOUR, "#0f766e", "#6d28d9", "#334155"]
    for index in range(people):
        x = int(width * (0.03 + index * 0.054))
        y = horizon + (index % 3) * 28 - 40
        draw.ellipse((x, y, x + 52, y + 52), fill=(232, 196, 166))
        draw.rounded_rectangle(
            (x - 14, y + 58, x + 66, height), radius=26, fill=colours[index % len(colours)]
        )
        if index % max(1, people // scene.signs) == 1:
            draw.line((x + 26, y - 10, x + 26, y + 60), fill=(90, 64, 40), width=8)
            draw.rectangle((x - 50, y - 120, x + 102, y - 10), fill=(250, 250, 240))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _landmark(draw: ImageDraw.ImageDraw, kind: str, width: int, horizon: int) -> None:
    if kind == "sun":
        draw.ellipse((width // 2 - 260, horizon - 300, width // 2 + 260, horizon + 220),
                     fill=ACCENT_COLOUR)  # fmt: skip
    elif kind == "tower":
        left = int(width * 0.62)
        draw.rectangle((left, horizon - 380, left + 150, horizon), fill=(200, 188, 160))
        draw.rectangle((left + 20, horizon - 480, left + 130, horizon - 380), fill=(190, 176, 146))
        draw.polygon(
            [(left + 20, horizon - 480), (left + 75, horizon - 580), (left + 130, horizon - 480)],
            fill=(120, 110, 95),
        )
    elif kind == "gate":
        left, right = int(width * 0.18), int(width * 0.82)
        draw.rectangle((left, horizon - 420, right, horizon - 340), fill=(214, 200, 170))
        for column in range(6):
            x = left + 30 + column * (right - left - 90) // 5
            draw.rectangle((x, horizon - 340, x + 40, horizon), fill=(214, 200, 170))
