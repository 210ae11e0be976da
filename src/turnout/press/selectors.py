"""Read-only queries about press coverage: what is public, filtered, and what awaits review."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from django.db.models import F, IntegerField, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from turnout.campaigns.models import Campaign, LocalEvent

from .languages import language_name
from .models import PressMention

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise, WithAnnotations


@dataclass(frozen=True)
class PressFilters:
    year: int | None = None
    language: str = ""
    outlet: str = ""
    kind: str = ""


@dataclass(frozen=True)
class PressFacets:
    """The values the filters can take, among public coverage only."""

    years: list[int]
    languages: list[tuple[str, str]]  # (code, name in the page's language)
    outlets: list[str]
    kinds: list[tuple[str, "StrOrPromise"]]  # (value, label, translated when shown)


class CoverageYear(TypedDict):
    coverage_year: int  # published, else the year of the campaign or event covered


def public_mentions() -> "QuerySet[WithAnnotations[PressMention, CoverageYear]]":
    """Approved coverage of campaigns and events a visitor may see, newest first."""
    return (
        PressMention.objects.filter(state=PressMention.State.APPROVED)
        .filter(Q(campaign__isnull=True) | Campaign.public_condition("campaign__"))
        .filter(Q(event__isnull=True) | LocalEvent.public_condition("event__"))
        .select_related("campaign", "event")
        .annotate(
            coverage_year=Coalesce(
                ExtractYear("published_on"),
                ExtractYear("campaign__starts_on"),
                ExtractYear("event__starts_at"),
                output_field=IntegerField(),
            )
        )
        .order_by(F("published_on").desc(nulls_last=True), "outlet", "pk")
    )


def campaign_press(campaign: Campaign) -> list[PressMention]:
    """A campaign's public coverage, including that of its local events."""
    return list(public_mentions().filter(campaign=campaign))


def event_press(event: LocalEvent) -> list[PressMention]:
    return list(public_mentions().filter(event=event))


def filtered_press(
    filters: PressFilters,
) -> "QuerySet[WithAnnotations[PressMention, CoverageYear]]":
    mentions = public_mentions()
    if filters.year:
        mentions = mentions.filter(coverage_year=filters.year)
    if filters.language:
        mentions = mentions.filter(language=filters.language)
    if filters.outlet:
        mentions = mentions.filter(outlet=filters.outlet)
    if filters.kind:
        mentions = mentions.filter(kind=filters.kind)
    return mentions


def press_facets(*, language: str) -> PressFacets:
    mentions = public_mentions().order_by()
    years = sorted({y for y in mentions.values_list("coverage_year", flat=True) if y}, reverse=True)
    codes = {code for code in mentions.values_list("language", flat=True) if code}
    languages = sorted(
        ((code, language_name(code, language)) for code in codes), key=lambda c: c[1].casefold()
    )
    outlets = sorted(set(mentions.values_list("outlet", flat=True)), key=str.casefold)
    kinds_present = set(mentions.values_list("kind", flat=True))
    kinds: list[tuple[str, StrOrPromise]] = [
        (value, label) for value, label in PressMention.Kind.choices if value in kinds_present
    ]
    return PressFacets(years=years, languages=languages, outlets=outlets, kinds=kinds)


def mentions_awaiting_review(user) -> QuerySet[PressMention]:
    """Pending links in campaigns `user` coordinates (all of them for an administrator)."""
    pending = PressMention.objects.filter(state=PressMention.State.PENDING).select_related(
        "campaign", "event"
    )
    if not user.is_superuser:
        pending = pending.filter(campaign__coordinators=user)
    return pending.order_by("created_at")
