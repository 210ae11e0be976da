"""What the brand serves itself: /brand.css, /favicon.ico and icon sizes, and the bare `/`."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import condition, require_safe

from turnout.web.stored_files import STORAGE_ERRORS

from . import icons
from .models import SiteSettings

# The URLs carry the settings version (?v=...), so a browser may keep an answer for a day.
CACHE_CONTROL = "public, max-age=86400"


def _etag(request: HttpRequest, *args, **kwargs) -> str:
    return SiteSettings.current().version


def _cached(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = CACHE_CONTROL
    return response


@require_safe
@condition(etag_func=_etag)
def brand_css(request: HttpRequest) -> HttpResponse:
    """The brand's colours as CSS custom properties (a file: the policy forbids inline style)."""
    css = render_to_string("branding/brand.css", {"colours": SiteSettings.current().css_colours()})
    return _cached(HttpResponse(css, content_type="text/css; charset=utf-8"))


@require_safe
@condition(etag_func=_etag)
def favicon(request: HttpRequest) -> HttpResponse:
    data = icons.favicon_ico(SiteSettings.current())
    return _cached(HttpResponse(data, content_type="image/x-icon"))


@require_safe
@condition(etag_func=_etag)
def icon(request: HttpRequest, size: int) -> HttpResponse:
    if size not in icons.PNG_SIZES:
        raise Http404
    data = icons.icon_png(SiteSettings.current(), size)
    return _cached(HttpResponse(data, content_type="image/png"))


@require_safe
@condition(etag_func=_etag)
def logo(request: HttpRequest) -> HttpResponse:
    """The stored (cleaned) logo; an SVG is served as an image, where no script of it runs."""
    site = SiteSettings.current()
    if not site.logo or not site.logo.name:
        raise Http404
    try:
        with default_storage.open(site.logo.name, "rb") as handle:
            data = handle.read()
    except STORAGE_ERRORS:
        raise Http404 from None
    content_type = "image/svg+xml" if site.logo_is_svg else "image/png"
    response = _cached(HttpResponse(data, content_type=content_type))
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@require_safe
def landing(request: HttpRequest) -> HttpResponseRedirect:
    """`/`: the visitor's own choice (cookie, then browser languages) among the languages
    offered, else the default language."""
    site = SiteSettings.current()
    offered = site.offered_languages()
    wanted = [request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")]
    header = request.headers.get("Accept-Language", "")
    wanted += [tag.split("-")[0].lower() for tag, _q in parse_accept_lang_header(header)]
    language = next((code for code in wanted if code in offered), site.landing_language())
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response
