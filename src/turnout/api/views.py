"""The read-only JSON API under /api/v1/: campaigns, events (with `near`), groups, cities."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from turnout.campaigns.day_details import ACCESSIBILITY_FIELDS, with_accessibility
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.geo.beyond_radius import beyond_radius
from turnout.geo.selectors import NearbyEvents, listed_events, nearby_events, online_events
from turnout.places.gazetteer import find_cities, visitor_country

from .caching import cacheable, etag_for
from .groups import events_have_groups, group_model
from .language import requested_language
from .queries import CityQuery, EventQuery, LanguageQuery
from .serializers import (
    CampaignSerializer,
    CityListSerializer,
    EventSerializer,
    GroupSerializer,
    NearbyEventSerializer,
)

# The largest id a database row can have; a larger one in a URL is simply not found.
MAX_ID = 2**63 - 1
BAD_REQUEST = OpenApiResponse(OpenApiTypes.OBJECT, description="A parameter is invalid.")
NOT_FOUND = OpenApiResponse(OpenApiTypes.OBJECT, description="No such page or object.")


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    # DRF makes `next` and `previous` absolute with the request's host; like every other
    # absolute link (the `url` fields) they follow SITE_URL.
    def get_next_link(self) -> str | None:
        return _on_site(super().get_next_link())

    def get_previous_link(self) -> str | None:
        return _on_site(super().get_previous_link())


class NearbyPages(Pages):
    """Pages of events; a search `near` a place adds lists beside `results`."""

    def get_paginated_response_schema(self, schema: dict) -> dict:
        paginated = super().get_paginated_response_schema(schema)
        beside = {
            "online": "With `near`: online events, which have no place (soonest first).",
            "promoted": "With `near`: events beyond `radius_km` promoted as far as `near`.",
            "nearest": "With `near`, when nothing lies within `radius_km`: the nearest events.",
        }
        for key, description in beside.items():
            paginated["properties"][key] = {**schema, "description": description}
        return paginated


def _on_site(link: str | None) -> str | None:
    if link is None:
        return None
    parts = urlsplit(link)
    return f"{settings.SITE_URL}{parts.path}" + (f"?{parts.query}" if parts.query else "")


class PublicReadOnly:
    """JSON anyone may read and caches may keep; validated `?lang=` sets the language."""

    def dispatch(self, request, *args, **kwargs):
        # The answer speaks `?lang=` or the default, never the visitor's language cookie or
        # Accept-Language: a shared cache keeps one answer per address (its links included)
        # and hands it to everybody.
        with translation.override(requested_language(request)):
            return super().dispatch(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            response.render()
            response.headers["Content-Language"] = translation.get_language()
            return cacheable(request, response, etag=etag_for(response.content))
        return response

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["language"] = requested_language(self.request)
        return context

    def language_query(self, request: Request) -> None:
        LanguageQuery(data=request.query_params).is_valid(raise_exception=True)


@extend_schema(
    tags=["campaigns"],
    parameters=[LanguageQuery],
    responses={200: CampaignSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
)  # noqa: E501
class CampaignList(PublicReadOnly, generics.ListAPIView):
    """Published and archived campaigns, the latest first."""

    serializer_class = CampaignSerializer
    pagination_class = Pages

    def get_queryset(self):
        self.language_query(self.request)
        return Campaign.objects.public().order_by("-starts_on", "pk")


@extend_schema(
    tags=["campaigns"],
    parameters=[LanguageQuery],
    responses={200: CampaignSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
)  # noqa: E501
class CampaignDetail(PublicReadOnly, generics.RetrieveAPIView):
    """One campaign."""

    serializer_class = CampaignSerializer
    lookup_field = "slug"

    def get_queryset(self):
        self.language_query(self.request)
        return Campaign.objects.public()


@extend_schema(
    tags=["events"],
    parameters=[EventQuery],
    responses={200: EventSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
)  # noqa: E501
class EventList(PublicReadOnly, generics.ListAPIView):
    """Public events: upcoming (soonest first), past, between two days, or near a place.

    With `near`, events within `radius_km` come nearest first, with `distance_km`; online
    events have no place, so they come apart, in `online` beside `results` (soonest first).
    Events further away whose promotion radius reaches `near` come in `promoted` (nearest
    first, each with `promoted: true`); when nothing lies within `radius_km`, `nearest` holds
    the nearest events however far.
    """

    serializer_class = EventSerializer
    pagination_class = NearbyPages

    def get_queryset(self):
        query = EventQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        filters = query.validated_data
        events = listed_events(
            now=timezone.now(),
            past=filters["past"],
            include_cancelled=True,
            country=filters.get("country"),
            campaign=filters.get("campaign"),
            group=filters.get("group"),
            starts_on_or_after=filters.get("starts_after"),
            starts_on_or_before=filters.get("starts_before"),
        )
        events = with_accessibility(
            events, [name for name in ACCESSIBILITY_FIELDS if filters.get(name)]
        )
        if events_have_groups():
            events = events.select_related("group")
        events = events.select_related("series_occurrence__series")
        origin = filters.get("near")
        if origin is None:
            return events
        events = events.only(*NearbyEventSerializer.columns())
        self.online = online_events(events)
        # Ranked nearest first; the page's events are loaded when the paginator slices it.
        found = nearby_events(events, origin=origin, radius_km=filters["radius_km"])
        self.beyond = beyond_radius(
            events, origin=origin, radius_km=filters["radius_km"], found_near=len(found),
            campaign=None, past=filters["past"], today=timezone.localdate(), offer_hosting=False,
        )  # fmt: skip
        return found

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        online = getattr(self, "online", None)
        if online is not None and isinstance(response.data, dict):
            page_size = self.paginator.get_page_size(request) if self.paginator else None
            context = self.get_serializer_context()
            response.data["online"] = NearbyEventSerializer(
                online[:page_size] if page_size else online, many=True, context=context
            ).data
            beyond = self.beyond
            for key, items in (("promoted", beyond.promoted), ("nearest", beyond.nearest)):
                context["distances"] = {item.event.pk: item.distance_km for item in items}
                context["promoted"] = {item.event.pk for item in items if item.promoted}
                response.data[key] = NearbyEventSerializer(
                    [item.event for item in items], many=True, context=context
                ).data
        return response

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is None or not isinstance(queryset, NearbyEvents):
            return page
        self.distances = {item.event.pk: item.distance_km for item in page}
        return [item.event for item in page]

    def get_serializer_class(self):
        # A search near a place writes its events out by hand: the same JSON, no field machinery.
        if getattr(self, "online", None) is not None:
            return NearbyEventSerializer
        return super().get_serializer_class()

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["distances"] = getattr(self, "distances", {})
        return context


@extend_schema(
    tags=["events"],
    parameters=[LanguageQuery],
    responses={200: EventSerializer, 400: BAD_REQUEST, 404: NOT_FOUND},
)  # noqa: E501
class EventDetail(PublicReadOnly, generics.RetrieveAPIView):
    """One public event."""

    serializer_class = EventSerializer

    def get_queryset(self):
        self.language_query(self.request)
        return LocalEvent.objects.public().select_related("campaign", "series_occurrence__series")

    def get_object(self) -> LocalEvent:
        if self.kwargs["pk"] > MAX_ID:
            raise Http404
        return super().get_object()


@extend_schema(tags=["groups"], responses={200: GroupSerializer, 400: BAD_REQUEST, 404: NOT_FOUND})
class GroupList(PublicReadOnly, generics.ListAPIView):
    """National and local groups, by country."""

    serializer_class = GroupSerializer
    pagination_class = Pages

    def get_queryset(self):
        Group = group_model()
        if Group is None:
            return []
        return Group.objects.select_related("parent").prefetch_related("channels")


@extend_schema(tags=["groups"], responses={200: GroupSerializer, 404: NOT_FOUND})
class GroupDetail(PublicReadOnly, generics.RetrieveAPIView):
    """One group."""

    serializer_class = GroupSerializer
    lookup_field = "slug"

    def get_queryset(self):
        Group = group_model()
        if Group is None:
            raise Http404
        return Group.objects.select_related("parent").prefetch_related("channels")


@method_decorator(name="get", decorator=extend_schema(
    tags=["places"], parameters=[CityQuery], responses={200: CityListSerializer, 400: BAD_REQUEST},
))  # fmt: skip
class CityList(PublicReadOnly, APIView):
    """Cities of the offline gazetteer matching what someone types: for suggestion lists."""

    def get(self, request: Request) -> Response:
        query = CityQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        language = requested_language(request)
        near = data.get("near") or visitor_country(
            language=language, accept_language=request.headers.get("Accept-Language", "")
        )
        cities = find_cities(
            data["q"], language=language, country=data.get("country"), prefer_country=near,
            limit=data["limit"],
        )  # fmt: skip
        answer = CityListSerializer({"results": cities}, context={"language": language})
        return Response(answer.data)


def not_found(request: HttpRequest, *args, **kwargs) -> JsonResponse:
    return JsonResponse({"detail": "Not found."}, status=404)
