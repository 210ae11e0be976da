"""What the public API shows: campaigns, events, groups and places; never a person's data."""

from collections.abc import Callable
from functools import cached_property

from django.conf import settings
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from turnout.campaigns.day_details import ACCESSIBILITY_FIELDS, public_place, shown_coordinates
from turnout.campaigns.links import event_paths
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.selectors import campaign_reach
from turnout.localization.formatting import country_name
from turnout.meetups.selectors import series_summary
from turnout.places.gazetteer import City, display_name

from .groups import events_have_groups


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


class CampaignSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The campaign's page.")
    cities = serializers.SerializerMethodField(help_text="Distinct cities taking part.")
    countries = serializers.SerializerMethodField(help_text="Distinct countries taking part.")
    events_url = serializers.SerializerMethodField(help_text="This campaign's events in the API.")
    calendar_url = serializers.SerializerMethodField(help_text="iCalendar feed of its events.")

    class Meta:
        model = Campaign
        fields = [
            "slug", "title", "summary", "starts_on", "ends_on", "status",
            "is_open_for_proposals", "url", "cities", "countries", "events_url", "calendar_url",
        ]  # fmt: skip

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, campaign: Campaign) -> str:
        return absolute(campaign.get_absolute_url())

    def get_cities(self, campaign: Campaign) -> int:
        return self._reach(campaign).cities

    def get_countries(self, campaign: Campaign) -> int:
        return self._reach(campaign).countries

    def _reach(self, campaign: Campaign):
        cache = self.context.setdefault("reach", {})
        if campaign.pk not in cache:
            cache[campaign.pk] = campaign_reach(campaign)
        return cache[campaign.pk]

    @extend_schema_field(OpenApiTypes.URI)
    def get_events_url(self, campaign: Campaign) -> str:
        return absolute(f"{reverse('api:event-list')}?campaign={campaign.slug}")

    @extend_schema_field(OpenApiTypes.URI)
    def get_calendar_url(self, campaign: Campaign) -> str:
        return absolute(reverse("api:feed_campaign", kwargs={"slug": campaign.slug}))


class EventSerializer(serializers.ModelSerializer):
    campaign = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    group = serializers.SerializerMethodField(help_text="The group's slug, if any.")
    city_name = serializers.SerializerMethodField(help_text="The city in the language asked for.")
    country_name = serializers.SerializerMethodField(help_text="In the language asked for.")
    starts_at = serializers.SerializerMethodField(help_text="Local time with its UTC offset.")
    ends_at = serializers.SerializerMethodField(help_text="Local time with its UTC offset.")
    url = serializers.SerializerMethodField(help_text="The event's page.")
    distance_km = serializers.SerializerMethodField(
        help_text="Great-circle distance from `near`, when given."
    )
    promoted = serializers.SerializerMethodField(
        help_text="Listed beyond `radius_km` because its promotion radius reaches `near`."
    )
    signup_platform = serializers.CharField(
        read_only=True,
        help_text="Where `signup_url` leads (facebook, luma, eventbrite, partiful, meetup,"
        " whatsapp, telegram, signal, discord, mobilizon, website); empty without a link.",
    )
    attendance_mode = serializers.CharField(
        read_only=True,
        help_text="in_person, online (no place: city, country and coordinates are empty) or"
        " mixed. The meeting link is never shown here, only to confirmed participants.",
    )
    is_online = serializers.BooleanField(read_only=True, help_text="Online only, no place.")
    location_is_private = serializers.BooleanField(
        read_only=True,
        help_text="The exact place is shared with confirmed participants only: `address` and"
        " `meeting_point` are empty, and the coordinates are those of the city's centre.",
    )
    address = serializers.SerializerMethodField(help_text="Empty when the place is private.")
    meeting_point = serializers.SerializerMethodField(
        help_text="Where exactly to meet; empty when the place is private."
    )
    latitude = serializers.SerializerMethodField(
        help_text="The city's centre when the place is private."
    )
    longitude = serializers.SerializerMethodField(
        help_text="The city's centre when the place is private."
    )
    series = serializers.SerializerMethodField(
        help_text="The recurring meet-up this event is one date of: its uid, RFC 5545 rule,"
        " this date's RECURRENCE-ID and its page; null for a one-off event."
    )

    class Meta:
        model = LocalEvent
        fields = [
            "id", "uid", "title", "description", "status", "campaign", "group", "city",
            "city_name", "country", "country_name", "venue", "address", "latitude",
            "longitude", "timezone", "starts_at", "ends_at", "signup_url", "signup_platform",
            "url", "distance_km", "promoted", "promotion_radius_km", "attendance_mode",
            "is_online", "location_is_private", "meeting_point", *ACCESSIBILITY_FIELDS,
            "accessibility_note", "series",
        ]  # fmt: skip
        extra_kwargs = {
            name: {"help_text": "true, false, or null when the organizer did not say."}
            for name in ACCESSIBILITY_FIELDS
        }

    @property
    def language(self) -> str:
        return self.context.get("language", settings.LANGUAGE_CODE)

    def get_address(self, event: LocalEvent) -> str:
        return public_place(event, self.language).address

    def get_meeting_point(self, event: LocalEvent) -> str:
        return public_place(event, self.language).meeting_point

    @extend_schema_field({"type": "number", "format": "double", "nullable": True})
    def get_latitude(self, event: LocalEvent) -> float | None:
        coordinates = shown_coordinates(event)
        return coordinates[0] if coordinates else None

    @extend_schema_field({"type": "number", "format": "double", "nullable": True})
    def get_longitude(self, event: LocalEvent) -> float | None:
        coordinates = shown_coordinates(event)
        return coordinates[1] if coordinates else None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_group(self, event: LocalEvent) -> str | None:
        if not events_have_groups() or event.group is None:
            return None
        return event.group.slug

    def get_city_name(self, event: LocalEvent) -> str:
        return display_name(event.city, event.country, self.language) if event.city else ""

    def get_country_name(self, event: LocalEvent) -> str:
        return country_name(event.country, self.language) if event.country else ""

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_starts_at(self, event: LocalEvent) -> str:
        return event.local_starts_at.isoformat()

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_ends_at(self, event: LocalEvent) -> str:
        return event.local_ends_at.isoformat()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, event: LocalEvent) -> str:
        return absolute(event.get_absolute_url())

    @extend_schema_field({"type": "number", "format": "double", "nullable": True})
    def get_distance_km(self, event: LocalEvent) -> float | None:
        distance = self.context.get("distances", {}).get(event.pk)
        if distance is None:
            return None
        # Whole kilometres for a private place: exact distances from a few origins would
        # give its position away.
        return round(distance) if event.location_is_private else round(distance, 2)

    def get_promoted(self, event: LocalEvent) -> bool:
        return event.pk in self.context.get("promoted", ())

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {
                "uid": {"type": "string", "format": "uuid"},
                "rrule": {"type": "string"},
                "recurrence_id": {"type": "string", "format": "date-time"},
                "url": {"type": "string", "format": "uri"},
            },
        }
    )
    def get_series(self, event: LocalEvent) -> dict | None:
        summary = series_summary(event)
        if summary is None:
            return None
        path = summary.pop("path")
        return {**summary, "url": absolute(path)}


class NearbyEventSerializer(EventSerializer):
    """`EventSerializer` written out by hand for the lists of a search `near` a place.

    The same keys in the same order and the same values (tests compare the two on every kind
    of event), without DRF's field machinery: about 30 fields for each of up to 200 events was
    a fifth of a search's time at a million events. The schema stays `EventSerializer`'s.
    """

    # The columns `to_representation` and the search's distances (the public coordinates)
    # read, for the view to load no others: of a campaign
    # and a group their slug, not their texts (`columns()` leaves out the group when the
    # groups app is not installed).
    COLUMNS = (
        "id", "uid", "title", "description", "status", "campaign__slug", "group__slug",
        "city", "country", "venue", "address", "latitude", "longitude", "public_latitude",
        "public_longitude", "timezone", "starts_at", "ends_at", "signup_url", "signup_platform",
        "promotion_radius_km", "attendance_mode", "location_is_private", "meeting_point",
        *ACCESSIBILITY_FIELDS, "accessibility_note", "series_occurrence__recurrence_id",
        "series_occurrence__series__uid", "series_occurrence__series__rrule",
        "series_occurrence__series__timezone",
    )  # fmt: skip

    @classmethod
    def columns(cls) -> list[str]:
        has_groups = events_have_groups()
        return [name for name in cls.COLUMNS if has_groups or not name.startswith("group")]

    @cached_property
    def _shared(self) -> tuple[str, dict, frozenset | set, bool, Callable[[int], str]]:
        """What every event of one list shares: looked up once per list, not once per event."""
        context = self.context
        return (
            self.language,
            context.get("distances", {}),
            context.get("promoted", ()),
            events_have_groups(),
            event_paths(),
        )

    def to_representation(self, event: LocalEvent) -> dict:
        language, distances, promoted, has_groups, path_of = self._shared
        distance = distances.get(event.pk)
        private = event.location_is_private
        campaign = event.campaign
        group = event.group if has_groups else None
        coordinates = shown_coordinates(event)
        place = public_place(event, language)
        city, country = event.city, event.country
        answer = {
            "id": event.pk,
            "uid": str(event.uid),
            "title": event.title,
            "description": event.description,
            "status": event.status,
            "campaign": None if campaign is None else campaign.slug,
            "group": None if group is None else group.slug,
            "city": city,
            "city_name": display_name(city, country, language) if city else "",
            "country": country,
            "country_name": country_name(country, language) if country else "",
            "venue": event.venue,
            "address": place.address,
            "latitude": coordinates[0] if coordinates else None,
            "longitude": coordinates[1] if coordinates else None,
            "timezone": event.timezone,
            "starts_at": event.local_starts_at.isoformat(),
            "ends_at": event.local_ends_at.isoformat(),
            "signup_url": event.signup_url,
            "signup_platform": event.signup_platform,
            "url": absolute(path_of(event.pk)),
            # Whole kilometres for a private place, as `get_distance_km` says why.
            "distance_km": None if distance is None else round(distance, None if private else 2),
            "promoted": event.pk in promoted,
            "promotion_radius_km": event.promotion_radius_km,
            "attendance_mode": event.attendance_mode,
            "is_online": event.is_online,
            "location_is_private": private,
            "meeting_point": place.meeting_point,
        }
        for name in ACCESSIBILITY_FIELDS:
            answer[name] = getattr(event, name)
        answer["accessibility_note"] = event.accessibility_note
        answer["series"] = self.get_series(event)
        return answer


class ChannelSerializer(serializers.Serializer):
    kind = serializers.CharField()
    address = serializers.CharField()
    label = serializers.CharField()


class GroupSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.CharField()
    parent = serializers.SerializerMethodField(help_text="The national group's slug.")
    country = serializers.CharField()
    city = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    is_active = serializers.BooleanField()
    channels = serializers.SerializerMethodField(
        help_text="Where the group talks. Email addresses are left out: they may be a person's."
    )
    events_url = serializers.SerializerMethodField()
    calendar_url = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "nullable": True})
    def get_parent(self, group) -> str | None:
        return group.parent.slug if group.parent_id else None

    @extend_schema_field(ChannelSerializer(many=True))
    def get_channels(self, group) -> list[dict]:
        return [
            {"kind": channel.kind, "address": channel.address, "label": channel.label}
            for channel in group.channels.all()
            if channel.kind != "email"
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_events_url(self, group) -> str:
        return absolute(f"{reverse('api:event-list')}?group={group.slug}")

    @extend_schema_field(OpenApiTypes.URI)
    def get_calendar_url(self, group) -> str:
        return absolute(reverse("api:feed_group", kwargs={"slug": group.slug}))


class CitySerializer(serializers.Serializer):
    geonames_id = serializers.IntegerField()
    name = serializers.CharField(help_text="In the language asked for.")
    label = serializers.CharField(help_text="Name and country, as a suggestion list shows it.")
    country = serializers.CharField()
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()
    timezone = serializers.CharField()
    population = serializers.IntegerField()

    def to_representation(self, city: City) -> dict:
        language = self.context.get("language")
        return {
            "geonames_id": city.geonames_id,
            "name": city.localized_name(language),
            "label": city.label(language),
            "country": city.country,
            "latitude": city.latitude,
            "longitude": city.longitude,
            "timezone": city.timezone,
            "population": city.population,
        }


class CityListSerializer(serializers.Serializer):
    results = CitySerializer(many=True)
