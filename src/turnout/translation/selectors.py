"""Read-only queries about translations: what a visitor sees, and the work a run would do."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.urls import reverse

from turnout.content.translations import ShownText, TranslationLink

from .models import CachedSegment, TranslatedSegment, Translation
from .providers import Provider
from .segments import split_text
from .sources import TextSource
from .spending import estimate_cost

State = TranslatedSegment.State


def text_in_language(*, obj: Model, field: str, language: str, source_language: str) -> ShownText:
    """A field of `obj` in `language` when a translation has any translated segment."""
    source = getattr(obj, field) or ""
    if language == source_language:
        return ShownText(source, source_language)
    translation = (
        Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            field=field,
            language=language,
        )
        .only("text", "state", "machine_count", "reviewed_count", "stale_count")
        .first()
    )
    if translation is None or not translation.has_translated_segments:
        return ShownText(source, source_language)
    return ShownText(translation.text, language, translation.state)


def texts_in_language(
    *, objs: Sequence[Model], field: str, language: str, source_language: str
) -> dict[int, ShownText]:
    """`text_in_language` for many objects of one model in one query (a list of events)."""
    shown = {obj.pk: ShownText(getattr(obj, field) or "", source_language) for obj in objs}
    if language == source_language or not objs:
        return shown
    rows = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(objs[0]),
        object_id__in=list(shown),
        field=field,
        language=language,
    ).only("object_id", "text", "state", "machine_count", "reviewed_count", "stale_count")
    for row in rows:
        if row.has_translated_segments:
            shown[row.object_id] = ShownText(row.text, language, row.state)
    return shown


def fields_in_language(
    *, obj: Model, fields: Sequence[str], language: str, source_language: str
) -> dict[str, ShownText]:
    """`text_in_language` for several fields of one object in one query (a cover's alt text
    and credit)."""
    shown = {field: ShownText(getattr(obj, field) or "", source_language) for field in fields}
    if language == source_language or not fields or obj.pk is None:
        return shown
    rows = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        field__in=list(fields),
        language=language,
    ).only("field", "text", "state", "machine_count", "reviewed_count", "stale_count")
    for row in rows:
        if row.has_translated_segments:
            shown[row.field] = ShownText(row.text, language, row.state)
    return shown


def translations_of(obj: Model) -> list[TranslationLink]:
    """Every translation of `obj`, by language, with its page in the admin to review it."""
    rows = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).order_by("language")
    return [
        TranslationLink(
            url=reverse("admin:translation_translation_change", args=[row.pk]),
            language=row.language,
            state=str(row.get_state_display()),
        )
        for row in rows
    ]


@dataclass
class PlanLine:
    label: str
    language: str
    to_translate: int
    cached: int
    kept: int  # already translated or reviewed: nothing to do
    flagged: int
    estimated_cost: Decimal


def plan_for(
    *, source: TextSource, language: str, provider: Provider, retry_flagged: bool = False
) -> PlanLine:
    """What translating `source` into `language` would send, without writing anything."""
    segments = split_text(source.text).segments
    translation = Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(source.obj),
        object_id=source.obj.pk,
        field=source.field,
        language=language,
    ).first()
    done: dict[str, tuple[str, str, str]] = {}  # hash: (state, machine text, problems)
    if translation is not None:
        done = {
            row[0]: row[1:]
            for row in translation.segments.values_list(
                "source_hash", "state", "machine_text", "problems"
            )
        }
    cached = set(
        CachedSegment.objects.filter(
            source_hash__in={s.hash for s in segments},
            language=language,
            provider=provider.name,
            model=provider.model,
        ).values_list("source_hash", flat=True)
    )
    line = PlanLine(source.label, language, 0, 0, 0, 0, Decimal(0))
    counted: set[str] = set()
    for segment in segments:
        state, machine_text, problems = done.get(segment.hash, ("", "", ""))
        # A person's stale text that has its machine suggestion waits for the person.
        if state in (State.MACHINE, State.REVIEWED) or (state == State.STALE and machine_text):
            line.kept += 1
        elif segment.hash in cached:
            line.cached += 1
        elif (state == State.FLAGGED or (state == State.STALE and problems)) and not retry_flagged:
            line.flagged += 1
        elif segment.hash not in counted:
            counted.add(segment.hash)
            line.to_translate += 1
            line.estimated_cost += estimate_cost(segment.text)
    return line
