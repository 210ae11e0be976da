"""Machine-translated drafts of the interface's gettext catalogues for other languages.

English and Dutch are translated by hand. For any other language, missing entries are filled
by the provider and marked fuzzy, so Django ignores them until a person has checked them and
removed the flag (`make messages` then compiles them).
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

import turnout

from .placeholders import protect
from .providers import Provider, ProviderError, call_with_retries
from .spending import Budget
from .validation import translation_problems

REFERENCE_LANGUAGE = "nl"  # every app keeps a complete Dutch catalogue: its ids are the list


@dataclass
class CatalogWork:
    path: Path
    missing: list[str]  # message ids without a translation
    filled: int = 0
    failed: int = 0


def catalogue_paths(language: str, *, root: Path | None = None) -> list[tuple[Path, Path]]:
    """(reference catalogue, catalogue for `language`) of every app with strings."""
    root = root or Path(turnout.__file__).parent
    pairs = []
    for reference in sorted(root.glob(f"*/locale/{REFERENCE_LANGUAGE}/LC_MESSAGES/django.po")):
        target = reference.parents[2] / language / "LC_MESSAGES" / "django.po"
        pairs.append((reference, target))
    return pairs


def plan_catalogues(language: str, *, root: Path | None = None) -> list[CatalogWork]:
    return [
        CatalogWork(target, _missing(_load(reference, target, language)))
        for reference, target in catalogue_paths(language, root=root)
    ]


def translate_catalogues(
    *,
    language: str,
    provider: Provider,
    budget: Budget,
    now: datetime,
    sleep=None,
    root: Path | None = None,
) -> list[CatalogWork]:
    """Fill missing entries of `language`'s catalogues as fuzzy machine drafts."""
    extra = {"sleep": sleep} if sleep else {}
    results = []
    for reference, target in catalogue_paths(language, root=root):
        catalog = _load(reference, target, language)
        work = CatalogWork(target, _missing(catalog))
        for message in catalog:
            if not message.id or _is_translated(message):
                continue
            ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
            texts = []
            for msgid in ids:
                if not budget.allows(msgid):
                    break
                try:
                    texts.append(
                        _translate(msgid, language, provider, budget, now, extra)  # may be ""
                    )
                except ProviderError:
                    texts.append("")
            if len(texts) != len(ids) or not all(texts):
                work.failed += 1
                continue
            if isinstance(message.id, tuple):
                message.string = tuple([texts[0]] + [texts[1]] * (catalog.num_plurals - 1))
            else:
                message.string = texts[0]
            message.flags.add("fuzzy")
            work.filled += 1
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as po_file:
            write_po(po_file, catalog, width=100)
        results.append(work)
    return results


def _translate(msgid: str, language: str, provider, budget: Budget, now, extra) -> str:
    protected = protect(msgid)
    try:
        result = call_with_retries(
            provider, text=protected.text, source_language="en", language=language, **extra
        )
    except ProviderError:
        budget.record(
            provider=provider.name, model=provider.model, language=language, result=None, now=now
        )
        raise
    budget.record(
        provider=provider.name, model=provider.model, language=language, result=result, now=now
    )
    text = result.text.strip()
    if translation_problems(
        protected=protected,
        translated=text,
        finish_reason=result.finish_reason,
        source_language="en",
        language=language,
    ):
        return ""
    return protected.restore(text)


def _load(reference: Path, target: Path, language: str) -> Catalog:
    """The target catalogue, with every id of the reference catalogue present."""
    with reference.open("rb") as po_file:
        source = read_po(po_file)
    if target.exists():
        with target.open("rb") as po_file:
            catalog = read_po(po_file, locale=language)
    else:
        catalog = Catalog(locale=language, project="Turnout", version="0.1")
    for message in source:
        if message.id and message.id not in catalog:
            empty = ("",) * catalog.num_plurals if isinstance(message.id, tuple) else ""
            catalog.add(
                message.id,
                empty,
                locations=message.locations,
                flags=message.flags - {"fuzzy"},
                context=message.context,
            )
    return catalog


def _is_translated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return bool(strings) and all(strings)  # a fuzzy draft counts: a person checks it next


def _missing(catalog: Catalog) -> list[str]:
    return [
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and not _is_translated(m)
    ]
