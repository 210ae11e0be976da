"""Lining a translation's segment rows up with its source's current segments: kept, moved,
changed (a person's text kept as stale) or new, with what the cache holds; and the translation's
text and counts assembled from its rows (`services.refresh_translation` and reviews)."""

from difflib import SequenceMatcher

from .models import CachedSegment, TranslatedSegment, Translation
from .providers import Provider
from .segments import Segment, SplitText

State = TranslatedSegment.State


# Everything a realignment may change in a segment row.
_ALIGNED_FIELDS = (
    "position", "kind", "key", "source_text", "source_hash", "state", "text", "machine_text",
    "previous_source_text", "problems", "reviewed_by", "reviewed_at",
)  # fmt: skip


def snapshot(row: TranslatedSegment) -> tuple:
    return tuple(getattr(row, name) for name in _ALIGNED_FIELDS)


def save_in_place(
    translation: Translation, rows: list[TranslatedSegment], before: dict[int, tuple]
) -> None:
    """Write aligned rows keeping each kept segment's id (a reviewer's open form posts ids):
    delete the rows no longer used, update the changed ones, create the new ones."""
    kept = {row.pk for row in rows if row.pk is not None}
    translation.segments.exclude(pk__in=kept).delete()
    moved = [row for row in rows if row.pk is not None and before[row.pk][0] != row.position]
    if moved:
        # Positions are unique per translation: park the moving rows beyond every position in
        # use before giving them their new ones.
        parking = len(before) + len(rows)
        final = {row.pk: row.position for row in moved}
        for row in moved:
            row.position += parking
        TranslatedSegment.objects.bulk_update(moved, ["position"])
        for row in moved:
            row.position = final[row.pk]
    changed = [row for row in rows if row.pk is not None and before[row.pk] != snapshot(row)]
    TranslatedSegment.objects.bulk_update(changed, list(_ALIGNED_FIELDS))
    TranslatedSegment.objects.bulk_create([row for row in rows if row.pk is None])


def align(
    old: list[TranslatedSegment],
    new: list[Segment],
    translation: Translation,
    provider: Provider,
) -> list[TranslatedSegment]:
    """Segment rows for `new`, in order: the rows of `old` whose source is unchanged (moved if
    need be), rows of `old` whose source was replaced (the reviewer's text kept as stale), and
    new unsaved rows for the rest."""
    matcher = SequenceMatcher(
        a=[row.source_hash for row in old], b=[segment.hash for segment in new], autojunk=False
    )
    rows: list[TranslatedSegment | None] = [None] * len(new)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                rows[j1 + offset] = old[i1 + offset]
        elif tag == "replace":
            for offset in range(min(i2 - i1, j2 - j1)):
                rows[j1 + offset] = _replaced(old[i1 + offset], new[j1 + offset])
    cache = _cached_texts(new, translation.language, provider)
    result = []
    for position, segment in enumerate(new):
        row = rows[position] or TranslatedSegment(
            kind=segment.kind,
            key=segment.key,
            source_text=segment.text,
            source_hash=segment.hash,
        )
        row.position = position
        row.translation = translation
        cached = cache.get(segment.hash)
        if cached and row.state in (State.PENDING, State.FLAGGED):
            row.state, row.text, row.machine_text, row.problems = State.MACHINE, cached, cached, ""
        elif cached and row.state == State.STALE:
            row.machine_text = cached
        result.append(row)
    return result


def _replaced(row: TranslatedSegment, segment: Segment) -> TranslatedSegment:
    """The same row given a new source: a person's text is kept and marked stale; a machine
    translation of the old source is dropped."""
    if row.has_human_text:
        row.previous_source_text = row.previous_source_text or row.source_text
        row.state = State.STALE
    else:
        row.state, row.text, row.previous_source_text = State.PENDING, "", ""
        row.reviewed_by, row.reviewed_at = None, None
    row.kind, row.key = segment.kind, segment.key
    row.source_text, row.source_hash = segment.text, segment.hash
    row.machine_text, row.problems = "", ""
    return row


def _cached_texts(segments: list[Segment], language: str, provider: Provider) -> dict[str, str]:
    hashes = {segment.hash for segment in segments}
    return dict(
        CachedSegment.objects.filter(
            source_hash__in=hashes, language=language, provider=provider.name, model=provider.model
        ).values_list("source_hash", "text")
    )


def assemble(translation: Translation, split: SplitText, rows: list[TranslatedSegment]) -> None:
    states = [row.state for row in rows]
    translation.text = split.assemble([row.shown_text for row in rows])
    translation.segment_count = len(rows)
    translation.machine_count = states.count(State.MACHINE)
    translation.reviewed_count = states.count(State.REVIEWED)
    translation.stale_count = states.count(State.STALE)
    translation.pending_count = states.count(State.PENDING)
    translation.flagged_count = states.count(State.FLAGGED)
    if translation.stale_count or translation.pending_count:
        translation.state = Translation.State.STALE
    elif rows and translation.reviewed_count == len(rows):
        translation.state = Translation.State.REVIEWED
    else:
        translation.state = Translation.State.MACHINE
    translation.save()
