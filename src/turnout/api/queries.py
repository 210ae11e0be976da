"""The public API's query parameters, validated with answers a caller understands."""

from rest_framework import serializers

from turnout.campaigns.models import Campaign
from turnout.geo.radii import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, MIN_RADIUS_KM
from turnout.geo.selectors import UnknownPlace, parse_origin

from .groups import events_have_groups, group_model
from .language import site_languages


class LanguageQuery(serializers.Serializer):
    lang = serializers.ChoiceField(
        choices=[], required=False, help_text="Language of names in the answer."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lang"].choices = site_languages()


class EventQuery(LanguageQuery):
    near = serializers.CharField(
        required=False,
        max_length=120,
        help_text="A city in any supported language (“Londen”, “Paris, France”) or “lat,lon”.",
    )
    radius_km = serializers.IntegerField(
        required=False,
        min_value=MIN_RADIUS_KM,
        max_value=MAX_RADIUS_KM,
        default=DEFAULT_RADIUS_KM,
    )
    country = serializers.RegexField(
        r"^[A-Za-z]{2}$", required=False, help_text="Two-letter ISO code."
    )
    campaign = serializers.SlugField(required=False, help_text="A campaign's slug.")
    group = serializers.SlugField(required=False, help_text="A group's slug.")
    starts_after = serializers.DateField(
        required=False, help_text="Events starting on or after this day (UTC)."
    )
    starts_before = serializers.DateField(
        required=False, help_text="Events starting on or before this day (UTC)."
    )
    past = serializers.BooleanField(
        required=False, default=False, help_text="Past events instead of upcoming ones."
    )
    step_free_access = serializers.BooleanField(
        required=False, default=False, help_text="Only events with step-free access."
    )
    seating = serializers.BooleanField(
        required=False, default=False, help_text="Only events with seating."
    )
    accessible_toilets = serializers.BooleanField(
        required=False, default=False, help_text="Only events with accessible toilets."
    )
    quiet_space = serializers.BooleanField(
        required=False, default=False, help_text="Only events with a quiet space."
    )
    sign_language = serializers.BooleanField(
        required=False, default=False, help_text="Only events with sign language interpretation."
    )

    def validate_near(self, value: str):
        try:
            return parse_origin(value, language=self.initial_data.get("lang"))
        except UnknownPlace:
            raise serializers.ValidationError(
                f"No place called “{value}” is known. Try another spelling, add the country"
                " (“Paris, France”) or give “latitude,longitude”."
            ) from None

    def validate_campaign(self, value: str) -> Campaign:

        campaign = Campaign.objects.public().filter(slug=value).first()
        if campaign is None:
            raise serializers.ValidationError(f"No published campaign has the slug “{value}”.")
        return campaign

    def validate_group(self, value: str):
        Group = group_model()
        group = Group.objects.filter(slug=value).first() if Group is not None else None
        if group is None or not events_have_groups():
            raise serializers.ValidationError(f"No group has the slug “{value}”.")
        return group

    def validate(self, attrs: dict) -> dict:
        after, before = attrs.get("starts_after"), attrs.get("starts_before")
        if after and before and before < after:
            raise serializers.ValidationError(
                {"starts_before": "This day is before `starts_after`."}
            )
        return attrs


class CityQuery(LanguageQuery):
    q = serializers.CharField(max_length=120, help_text="What the person typed so far.")
    country = serializers.RegexField(r"^[A-Za-z]{2}$", required=False)
    near = serializers.RegexField(
        r"^[A-Za-z]{2}$", required=False,
        help_text="The visitor's country (ISO code): its places come first among equally close "
        "names. By default the region of Accept-Language, or the one country of `lang`.",
    )  # fmt: skip
    limit = serializers.IntegerField(required=False, min_value=1, max_value=20, default=10)
