"""The events index (filters, near me, the map), the chosen city, and the base map file."""

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import condition, require_POST

from turnout.campaigns.day_details import with_accessibility
from turnout.campaigns.models import Campaign
from turnout.localization.formatting import country_name
from turnout.places.gazetteer import city_by_id
from turnout.web.next_address import safe_next
from turnout.web.numbers import object_id

from . import cookies, selectors, worldmap
from .access_filters import AccessibilityFilterForm
from .beyond_radius import beyond_radius
from .forms import EventFilterForm
from .units import format_distance, preferred_units

EVENTS_PER_PAGE = 30


def events_index(request: HttpRequest) -> HttpResponse:
    language = get_language()
    form = EventFilterForm(
        request.GET or None, language=language, default_units=preferred_units(request)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    campaign = None
    if filters.get("campaign"):
        campaign = Campaign.objects.filter(slug=filters["campaign"]).first()
    access_form = AccessibilityFilterForm(request.GET or None)
    events = selectors.listed_events(
        now=timezone.now(),
        past=filters.get("past", False),
        country=filters.get("country") or None,
        campaign=campaign,
    )
    events = with_accessibility(events, access_form.features())
    origin = filters.get("near")
    units = filters.get("units", form.chosen_units)
    nearby = None
    beyond = None
    online = []
    number = request.GET.get("page")
    page: Page
    if origin is not None:
        found = selectors.nearby_events(events, origin=origin, radius_km=filters["radius_km"])
        page = Paginator(found, EVENTS_PER_PAGE).get_page(number)
        nearby = list(page.object_list)
        shown = [item.event for item in nearby]
        online = list(selectors.online_events(events)[:EVENTS_PER_PAGE])
        if page.number == 1:  # promoted events follow the nearest ones, on the first page
            beyond = beyond_radius(
                events, origin=origin, radius_km=filters["radius_km"], found_near=len(found),
                campaign=campaign, past=filters.get("past", False), today=timezone.localdate(),
            )  # fmt: skip
            shown += [item.event for item in (*beyond.promoted, *beyond.nearest)]  # on the map
    else:
        page = Paginator(events, EVENTS_PER_PAGE).get_page(number)
        shown = list(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "geo/events_index.html",
        {
            "form": form,
            "access_form": access_form,
            "origin": origin,
            "origin_label": origin.label(language) if origin else "",
            "nearby": nearby,
            "online_events": online,
            "beyond": beyond,
            "units": units,
            "radius_label": format_distance(filters["radius"], units) if origin else "",
            "page": page,
            "events": shown,
            "query": query.urlencode(),
            "past": filters.get("past", False),
            "country": filters.get("country") or "",
            "country_label": country_name(filters.get("country") or "", language),
            "campaign": campaign,
            "world_map": worldmap.build_world_map(shown, language=language),
        },
    )


@require_POST
def choose_city(request: HttpRequest) -> HttpResponse:
    """Remember (or forget) the visitor's city for the home page's banner; only on request."""
    next_url = safe_next(request, request.POST.get("next")) or reverse("campaigns:home")
    response = HttpResponseRedirect(next_url)
    if request.POST.get("action") == "forget":
        cookies.forget_city(response)
        return response
    city_id = object_id(request.POST.get("city", ""))
    city = city_by_id(city_id) if city_id else None
    if city is None:
        raise Http404("unknown city")
    cookies.remember_city(response, city)
    return response


@condition(etag_func=lambda request: worldmap.base_map_etag())
def base_map(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(worldmap.base_map_svg(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
