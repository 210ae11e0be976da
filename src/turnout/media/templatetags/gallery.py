"""Template tags for galleries: the public photos of a campaign or an event, and who may add."""

from django import template

from turnout.accounts.permissions import Action, can

from .. import selectors

register = template.Library()


@register.simple_tag
def campaign_photos(campaign) -> list:
    return selectors.campaign_gallery(campaign)


@register.simple_tag
def event_photos(event) -> list:
    return selectors.event_gallery(event)


@register.simple_tag(takes_context=True)
def may_add_photos(context, subject) -> bool:
    request = context.get("request")
    return request is not None and can(request.user, Action.ADD_PHOTOS, subject)


@register.simple_tag
def photo_thumbnail(photo) -> str:
    """The URL of a photo's smallest WebP, for review pages."""
    webp = sorted((r for r in photo.renditions if r["format"] == "webp"), key=lambda r: r["width"])
    return selectors.file_url(webp[0]["name"]) if webp else ""


THUMBNAIL_WIDTH = 240


@register.simple_tag
def thumbnail_size(photo) -> dict[str, int]:
    """The width and height a review page shows a photo at, in the photo's own ratio."""
    width = THUMBNAIL_WIDTH
    height = round(width * photo.height / photo.width) if photo.width else width
    return {"width": width, "height": max(height, 1)}
