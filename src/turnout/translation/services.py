"""State changes of translations: aligning with the source, translating, reviewing.

`refresh_translation` never calls a provider: it lines the stored segments up with the current
source (kept, moved, changed, new), takes what the cache already holds and reassembles the text.
`translate_text` then sends what is missing, within the budget, and saves each segment as soon
as it is done, so an interrupted run resumes where it stopped.
"""

import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from turnout.accounts.models import User
from turnout.accounts.services import record_audit

from . import alignment
from .models import CachedSegment, TranslatedSegment, Translation
from .placeholders import protect
from .providers import Correction, Provider, ProviderError, call_with_retries
from .segments import split_text
from .sources import TextSource, texts_of
from .spending import Budget
from .validation import Problem, translation_problems

State = TranslatedSegment.State


class ProviderUnavailable(Exception):
    """The provider refused in a way no retry fixes (wrong key, unknown model): stop the run."""


class SegmentsChanged(Exception):
    """The source changed under segments a reviewer corrected or approved: nothing was saved.

    `segment_ids` are the ids the reviewer's form posted for them (some may no longer exist)."""

    def __init__(self, segment_ids: list[int]):
        super().__init__(f"segments changed meanwhile: {segment_ids}")
        self.segment_ids = segment_ids


@dataclass
class Outcome:
    translated: int = 0
    flagged: int = 0
    stopped_by_cap: bool = False


def translation_for(source: TextSource, language: str) -> Translation | None:
    return Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(source.obj),
        object_id=source.obj.pk,
        field=source.field,
        language=language,
    ).first()


def refresh_translation(*, source: TextSource, language: str, provider: Provider) -> Translation:
    """Align `language`'s translation of `source` with its current text; sends nothing."""
    split = split_text(source.text)
    with transaction.atomic():
        translation, _created = Translation.objects.select_for_update().get_or_create(
            content_type=ContentType.objects.get_for_model(source.obj),
            object_id=source.obj.pk,
            field=source.field,
            language=language,
            defaults={"source_language": source.source_language},
        )
        translation.source_language = source.source_language
        old = list(translation.segments.order_by("position"))
        before = {row.pk: alignment.snapshot(row) for row in old}
        rows = alignment.align(old, split.segments, translation, provider)
        alignment.save_in_place(translation, rows, before)
        alignment.assemble(translation, split, rows)
    return translation


def refresh_translations_of(obj: Model, *, provider: Provider) -> None:
    """After a page or campaign is saved: realign every language already translated."""
    for source in texts_of(obj):
        languages = Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            field=source.field,
        ).values_list("language", flat=True)
        for language in list(languages):
            refresh_translation(source=source, language=language, provider=provider)


def translate_text(
    *,
    source: TextSource,
    language: str,
    provider: Provider,
    budget: Budget,
    now: datetime,
    retry_flagged: bool = False,
    sleep=time.sleep,
) -> Outcome:
    """Translate the segments of `source` that have no translation yet, within `budget`."""
    translation = refresh_translation(source=source, language=language, provider=provider)
    outcome = Outcome()
    wanted = [State.PENDING, State.FLAGGED] if retry_flagged else [State.PENDING]
    todo = list(translation.segments.filter(state__in=wanted).order_by("position"))
    # A person's text for an older source waits for a machine suggestion; one that failed
    # is asked again only with the flagged ones.
    stale = translation.segments.filter(state=State.STALE, machine_text="")
    if not retry_flagged:
        stale = stale.filter(problems="")
    todo += list(stale.order_by("position"))
    try:
        _translate_rows(
            todo, translation, outcome, provider=provider, budget=budget, now=now, sleep=sleep
        )
    finally:
        # Also when the provider stops the run: the page shows what was saved until then.
        refresh_translation(source=source, language=language, provider=provider)
    return outcome


def _translate_rows(
    todo: list[TranslatedSegment],
    translation: Translation,
    outcome: Outcome,
    *,
    provider: Provider,
    budget: Budget,
    now: datetime,
    sleep,
) -> None:
    done: dict[str, str] = {}  # the same text twice in one page is sent once
    for row in todo:
        if row.source_hash in done:
            _store(row, translation, provider, done[row.source_hash], now)
            continue
        if not budget.allows(row.source_text):
            outcome.stopped_by_cap = True
            break
        text, problems = _machine_translate(
            row, translation, provider=provider, budget=budget, now=now, sleep=sleep
        )
        if problems:
            outcome.flagged += 1
            # A stale row keeps showing the person's text: only the suggestion failed.
            state = State.STALE if row.state == State.STALE else State.FLAGGED
            TranslatedSegment.objects.filter(pk=row.pk).update(
                state=state, problems="\n".join(problems)
            )
            continue
        done[row.source_hash] = text
        _store(row, translation, provider, text, now)
        outcome.translated += 1


def review_segments(
    *,
    translation: Translation,
    texts: dict[int, str],
    approved: set[int],
    reviewer: User,
    now: datetime,
    seen_sources: dict[int, str] | None = None,
) -> Translation:
    """A person corrects segments (`texts` by segment id) and approves them; the machine
    never overwrites what they approved.

    `seen_sources` (segment id: source hash) is what the reviewer's screen showed; when the
    source of a segment they corrected or approved has changed since, or the segment is gone,
    nothing is saved and `SegmentsChanged` says which."""
    with transaction.atomic():
        translation = Translation.objects.select_for_update().get(pk=translation.pk)
        rows = {row.pk: row for row in translation.segments.all()}
        if seen_sources is not None:
            changed_meanwhile = _changed_meanwhile(rows, seen_sources, texts, approved)
            if changed_meanwhile:
                raise SegmentsChanged(changed_meanwhile)
        changed = 0
        for pk, row in rows.items():
            # Browsers send a textarea's line breaks as CRLF.
            new_text = texts.get(pk, row.text).replace("\r\n", "\n").strip()
            edited = pk in texts and new_text and new_text != row.text.strip()
            if not (edited or pk in approved) or not (new_text or row.text):
                continue
            row.text = new_text or row.text
            row.state = State.REVIEWED
            row.previous_source_text = ""
            row.problems = ""
            row.reviewed_by = reviewer
            row.reviewed_at = now
            row.save()
            changed += 1
        split = split_text(_source_text(translation))
        alignment.assemble(translation, split, sorted(rows.values(), key=lambda r: r.position))
        if changed:
            record_audit(
                actor=reviewer,
                action="translation.reviewed",
                target=translation,
                summary=f"{changed} segment(s) reviewed in {translation.language}",
            )
    return translation


def _changed_meanwhile(
    rows: dict[int, TranslatedSegment],
    seen_sources: dict[int, str],
    texts: dict[int, str],
    approved: set[int],
) -> list[int]:
    """Ids of segments the reviewer touched whose source is not the one they saw."""
    result = []
    for pk in sorted(set(texts) | approved):
        row = rows.get(pk)
        if row is not None and row.source_hash == seen_sources.get(pk):
            continue
        posted = texts.get(pk, "").replace("\r\n", "\n").strip()
        shown = (row.text or row.machine_text).strip() if row is not None else ""
        if pk in approved or (posted and posted != shown):
            result.append(pk)
    return result


def _machine_translate(
    row: TranslatedSegment,
    translation: Translation,
    *,
    provider: Provider,
    budget: Budget,
    now: datetime,
    sleep,
) -> tuple[str, list[str]]:
    """(restored translation, []) or ("", problems) after the allowed attempts.

    Each new attempt carries the rejected answers and what is wrong with them: the same request
    again, at temperature 0, would only return the same answer."""
    protected = protect(row.source_text)
    problems: list[Problem] = []
    corrections: list[Correction] = []
    for _attempt in range(settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS):
        try:
            result = call_with_retries(
                provider,
                text=protected.text,
                source_language=translation.source_language,
                language=translation.language,
                corrections=tuple(corrections),
                sleep=sleep,
            )
        except ProviderError as error:
            budget.record(
                provider=provider.name,
                model=provider.model,
                language=translation.language,
                result=None,
                now=now,
            )
            if not error.retryable:
                raise ProviderUnavailable(str(error)) from error
            return "", [
                _("The provider failed for this segment (%(error)s).") % {"error": str(error)}
            ]
        budget.record(
            provider=provider.name,
            model=provider.model,
            language=translation.language,
            result=result,
            now=now,
        )
        text = result.text.strip()
        problems = translation_problems(
            protected=protected,
            translated=text,
            finish_reason=result.finish_reason,
            source_language=translation.source_language,
            language=translation.language,
        )
        if not problems:
            return protected.restore(text), []
        corrections.append(
            Correction(answer=result.text, problems=tuple(p.instruction for p in problems))
        )
    return "", [problem.message for problem in problems]


def _store(
    row: TranslatedSegment, translation: Translation, provider: Provider, text: str, now: datetime
) -> None:
    with transaction.atomic():
        CachedSegment.objects.update_or_create(
            source_hash=row.source_hash,
            language=translation.language,
            provider=provider.name,
            model=provider.model,
            defaults={
                "source_language": translation.source_language,
                "source_text": row.source_text,
                "text": text,
                "created_at": now,
            },
        )
        if row.state == State.STALE:
            TranslatedSegment.objects.filter(pk=row.pk).update(machine_text=text, problems="")
        else:
            TranslatedSegment.objects.filter(pk=row.pk).update(
                state=State.MACHINE, text=text, machine_text=text, problems=""
            )


def _source_text(translation: Translation) -> str:
    source = translation.source
    return getattr(source, translation.field, "") if source is not None else ""
