"""Demo press coverage and photos of the 13 May 2024 protest day.

Outlets and URLs are those PauseAI listed under "Press coverage" and "Coverage" on its page of
the protest (CC-BY 4.0), de-duplicated by URL. Titles follow each article's own title or
address; a neutral description stands in where the address says nothing (ABC7, the video).
Publication dates are left empty: the source does not give them (it lists the first five as
"updated May 14th"), and a demo must not invent facts. The photos are illustrations drawn with
Pillow at load time and say so: no real person is shown. Their descriptions and caption are
in Dutch too, as reviewed translations.
"""

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from turnout.accounts.models import User
from turnout.campaigns.models import Campaign
from turnout.media.models import Photo
from turnout.media.services import record_known_photo
from turnout.press.models import PressMention
from turnout.press.services import record_known_mention
from turnout.translation.providers import configured_provider
from turnout.translation.sources import texts_of

from .translations import store_reviewed

ARTICLE, TV = PressMention.Kind.ARTICLE, PressMention.Kind.TV


@dataclass(frozen=True)
class Coverage:
    outlet: str
    title: str
    url: str
    language: str = "en"
    kind: str = ARTICLE
    city: str = ""  # the local event it covers, when it covers one


MAY_2024_COVERAGE = [
    Coverage(
        "Wired",
        "Protesters Are Fighting to Stop AI, but They're Split on How to Do It",
        "https://www.wired.com/story/protesters-pause-ai-split-stop/",
        city="London",
    ),
    Coverage(
        "Time",
        "International protests call for a pause on frontier AI",
        "https://time.com/6977680/ai-protests-international/",
    ),
    Coverage(
        "NBC Bay Area",
        "AI protests worldwide",
        "https://www.nbcbayarea.com/news/tech/ai-protests-worldwide/3536439/",
        city="San Francisco",
    ),
    Coverage(
        "NBC Bay Area",
        "Video report on the AI protests",
        "https://www.youtube.com/watch?v=PWyQRFlZa9c",
        kind=TV,
        city="San Francisco",
    ),
    Coverage(
        "KQED",
        "As OpenAI unveils big update, protesters call for pause in risky frontier tech",
        "https://www.kqed.org/news/11985949/as-openai-unveils-big-update-protesters-call-for-pause-in-risky-frontier-tech",
        city="San Francisco",
    ),
    Coverage(
        "Hoodline",
        "AI advancement from OpenAI unleashes GPT-4o amid global protests and market frenzy",
        "https://hoodline.com/2024/05/ai-advancement-from-openai-unleashes-gpt-4o-amid-global-protests-and-market-frenzy/",
    ),
    Coverage(
        "Business Insider",
        "OpenAI cofounder John Schulman: AGI is coming fast and needs limits",
        "https://www.businessinsider.com/openai-cofounder-agi-coming-fast-needs-limits-john-schulman-2024-5",
    ),
    Coverage(
        "ABC7",
        "News report on the protest for a pause on AI",
        "https://abc7news.com/14810171/",
        kind=TV,
        city="San Francisco",
    ),
    Coverage(
        "DailyAI",
        "PauseAI protestors demand a halt to training of AI models",
        "https://dailyai.com/2024/05/pauseai-protestors-demand-a-halt-to-training-of-ai-models/",
    ),
    Coverage(
        "Digi.no",
        "Bare Jan Erik møtte på KI-protest: – Vi spiller russisk rulett med menneskeheten",
        "https://www.digi.no/artikler/bare-jan-erik-motte-pa-ki-protest-vi-spiller-russisk-rullet-med-menneskeheten/546888",
        language="nb",
        city="Oslo",
    ),
    Coverage(
        "Karmactive",
        "PauseAI protests erupt globally calling for halt on advanced AI development",
        "https://www.karmactive.com/pauseai-protests-erupt-globally-calling-for-halt-on-advanced-ai-development/",
    ),
]


@dataclass(frozen=True)
class Illustration:
    city: str
    sky: tuple[int, int, int]
    signs: tuple[str, ...]
    alt_text: str
    dutch_alt_text: str


ILLUSTRATION_CAPTION = "An illustration made for the demo, not a photo of the protest."
DUTCH_ILLUSTRATION_CAPTION = "Een illustratie gemaakt voor de demo, geen foto van het protest."


MAY_2024_ILLUSTRATIONS = [
    Illustration(
        "London",
        (150, 180, 210),
        ("PAUSE AI", "STOP THE RACE"),
        "Drawing of a small crowd in front of a government building, holding placards that "
        "read PAUSE AI and STOP THE RACE.",
        "Een tekening van een kleine menigte voor een regeringsgebouw, met borden waarop "
        "PAUSE AI en STOP THE RACE staat.",
    ),
    Illustration(
        "Den Haag",
        (120, 160, 200),
        ("PAUSE AI", "SAFE AI NOW"),
        "Drawing of protesters on a square holding placards that read PAUSE AI and SAFE AI NOW.",
        "Een tekening van demonstranten op een plein met borden waarop PAUSE AI en SAFE AI NOW "
        "staat.",
    ),
    Illustration(
        "San Francisco",
        (235, 190, 140),
        ("PAUSE AI", "WAKE UP SEOUL"),
        "Drawing of protesters on a sunny street holding placards that read PAUSE AI and "
        "WAKE UP SEOUL.",
        "Een tekening van demonstranten in een zonnige straat met borden waarop PAUSE AI en "
        "WAKE UP SEOUL staat.",
    ),
]


def load_may_2024_press_and_photos(campaign: Campaign) -> None:
    """Add the real coverage and a few drawn illustrations to the May 2024 campaign."""
    events = {event.city: event for event in campaign.events.all()}
    for item in MAY_2024_COVERAGE:
        record_known_mention(
            url=item.url,
            outlet=item.outlet,
            title=item.title,
            campaign=campaign,
            event=events.get(item.city),
            language=item.language,
            kind=item.kind,
        )
    for drawing in MAY_2024_ILLUSTRATIONS:
        event = events[drawing.city]
        if event.photos.filter(alt_text=drawing.alt_text).exists():
            continue  # loaded before: skip drawing and encoding it again
        record_known_photo(
            data=draw_illustration(drawing),
            name=f"{drawing.city}.png",
            event=event,
            alt_text=drawing.alt_text,
            caption=ILLUSTRATION_CAPTION,
            credit="Turnout demo",
            faces=Photo.Faces.NONE,
        )


def load_demo_photo_translations(campaign: Campaign, *, reviewer: User) -> None:
    """The illustrations' descriptions and caption in Dutch, as translations `reviewer`
    approved (a text edited since stays untranslated)."""
    provider = configured_provider()
    for drawing in MAY_2024_ILLUSTRATIONS:
        dutch = {"alt_text": drawing.dutch_alt_text, "caption": DUTCH_ILLUSTRATION_CAPTION}
        english = {"alt_text": drawing.alt_text, "caption": ILLUSTRATION_CAPTION}
        for photo in Photo.objects.filter(campaign=campaign, alt_text=drawing.alt_text):
            for source in texts_of(photo):
                if source.text == english[source.field]:
                    text = dutch[source.field]
                    store_reviewed(source, text, reviewer=reviewer, provider=provider)


def draw_illustration(drawing: Illustration, *, size: tuple[int, int] = (720, 480)) -> bytes:
    """A simple flat drawing of a protest: sky, a building, people and placards (PNG)."""
    width, height = size
    image = Image.new("RGB", size, drawing.sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 0.72, width, height), fill=(110, 110, 115))  # the street
    draw.rectangle((width * 0.08, height * 0.18, width * 0.92, height * 0.72), fill=(205, 195, 175))
    for column in range(9):  # windows
        x = width * (0.12 + column * 0.09)
        draw.rectangle((x, height * 0.26, x + width * 0.05, height * 0.4), fill=(90, 100, 120))
    font = ImageFont.load_default(size=max(14, width // 40))
    colours = [(40, 60, 120), (150, 40, 40), (30, 110, 70), (90, 60, 120), (160, 110, 30)]
    for index in range(10):
        x = width * (0.06 + index * 0.095)
        body = colours[index % len(colours)]
        draw.ellipse((x, height * 0.6, x + width * 0.04, height * 0.66), fill=(225, 190, 160))
        draw.rectangle(
            (x - width * 0.005, height * 0.66, x + width * 0.045, height * 0.86), fill=body
        )
        if index % 3 == 1:
            text = drawing.signs[(index // 3) % len(drawing.signs)]
            left, top = x - width * 0.05, height * 0.44
            draw.line(
                (x + width * 0.02, top + height * 0.1, x + width * 0.02, height * 0.66),
                fill=(80, 60, 40),
                width=4,
            )
            draw.rectangle(
                (left, top, left + width * 0.16, top + height * 0.1),
                fill=(250, 250, 240),
                outline=(30, 30, 30),
                width=3,
            )
            draw.text(
                (left + width * 0.08, top + height * 0.05),
                text,
                fill=(20, 20, 20),
                font=font,
                anchor="mm",
            )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
