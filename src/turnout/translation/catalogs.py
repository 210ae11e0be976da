"""Machine-translated drafts of the interface's gettext catalogues for other languages.

English and Dutch are translated by hand. For any other language, missing entries are filled
by the provider and marked fuzzy, so Django ignores them until a person has checked them and
removed the flag (`make messages` then compiles them).

A plural entry gets every form the language's Plural-Forms header asks for (Polish, Russian
and Czech three, Arabic six), each asked for separately with the counts it is shown for. Forms
that came back identical where the language writes them differently ("2 miasta", "5 miast")
are asked for once more, and if still identical the draft says so in a comment.
"""

import gettext
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

import turnout

from .placeholders import ProtectedText, protect
from .providers import Correction, Provider, ProviderError, call_with_retries, language_name
from .spending import Budget
from .validation import translation_problems

REFERENCE_LANGUAGE = "nl"  # every app keeps a complete Dutch catalogue: its ids are the list
# Written on a draft whose plural forms stayed identical where they should differ: a person
# checks it, and the next run does not ask again.
SAME_FORMS_COMMENT = "machine draft: plural forms {forms} are identical; check them"
# Pairs of forms (by index) a language may write alike: Arabic's forms for 11 and for 100
# both take the singular noun.
_FORMS_MAY_MATCH = {"ar": {(4, 5)}}
# Variables that may hold a plural message's count, and the names that say they do (Django's
# blocktranslate writes `counter`).
_COUNT = re.compile(r"%(?:\(\w+\))?[#0 +-]*\d*[ds]|\{\w*\}")
_COUNT_NAME = re.compile(r"[({](?:count|counter|n|num|number)[)}]")


@dataclass
class CatalogWork:
    path: Path
    missing: list[str]  # message ids without a translation
    filled: int = 0
    failed: int = 0
    same_forms: list[str] = field(default_factory=list)  # drafted, plural forms identical


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


def plural_examples(catalog: Catalog, *, up_to: int = 200) -> list[list[int]]:
    """For each plural form of `catalog`'s language, the counts it is shown for (a few,
    smallest first), from its Plural-Forms expression."""
    examples: list[list[int]] = [[] for _ in range(catalog.num_plurals)]
    try:
        choose = gettext.c2py(catalog.plural_expr)
    except (ValueError, SyntaxError, RecursionError):
        # A hand-edited header gettext cannot read: the form for 1, then one count each.
        return [[1], *([count] for count in range(2, catalog.num_plurals + 1))]
    for count in [*range(1, up_to + 1), 0]:
        index = int(choose(count))
        if 0 <= index < len(examples) and len(examples[index]) < 4:
            examples[index].append(count)
    return examples


def identical_forms(strings: tuple[str, ...], message, catalog: Catalog) -> list[tuple[int, int]]:
    """Pairs of plural forms that are the same text where the language writes them
    differently: in languages of three forms or more, when the source's singular and
    plural differ (a "%(count)d km" stays alike in every form)."""
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    if catalog.num_plurals < 3 or len(ids) < 2 or ids[0] == ids[1]:
        return []
    allowed = _FORMS_MAY_MATCH.get(str(catalog.locale.language) if catalog.locale else "", set())
    return [
        (i, j)
        for i in range(len(strings))
        for j in range(i + 1, len(strings))
        if strings[i] and strings[i] == strings[j] and (i, j) not in allowed
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
    ask = partial(
        _translate_one, language=language, provider=provider, budget=budget, now=now, sleep=sleep
    )
    results = []
    for reference, target in catalogue_paths(language, root=root):
        catalog = _load(reference, target, language)
        work = CatalogWork(target, _missing(catalog))
        examples = plural_examples(catalog)
        for message in catalog:
            if not message.id or _is_translated(message, catalog):
                continue
            if isinstance(message.id, str):
                strings: tuple[str, ...] = (ask(message.id),)
            else:
                strings = _plural_forms(message, catalog, examples, language, ask)
            if not all(strings):
                work.failed += 1
                continue
            message.string = strings[0] if isinstance(message.id, str) else strings
            message.flags.add("fuzzy")
            same = identical_forms(strings, message, catalog)
            message.user_comments = [c for c in message.user_comments if not _is_same_note(c)]
            if same:
                forms = ", ".join(f"{i} and {j}" for i, j in same)
                message.user_comments.append(SAME_FORMS_COMMENT.format(forms=forms))
                work.same_forms.append(message.id[0])
            work.filled += 1
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as po_file:
            write_po(po_file, catalog, width=100)
        results.append(work)
    return results


def _plural_forms(
    message, catalog: Catalog, examples: list[list[int]], language: str, ask
) -> tuple[str, ...]:
    """Every plural form of `message`, each asked for with the counts it is shown for; ""
    for a form that failed (the entry is then left empty: never half a plural)."""
    singular, plural = message.id[0], message.id[1]
    strings: list[str] = []
    for counts in examples:
        # The form for 1 translates the singular, the others the plural.
        msgid = singular if 1 in counts and len(examples) > 1 else plural
        note = _plural_note(msgid, counts, language, only=len(examples) == 1)
        # A form for one count alone may say it in words ("مدينة واحدة", "jedno miasto").
        optional = _count_token(msgid) if len(counts) == 1 else ""
        ask_form = partial(ask, optional=optional)
        text = ask_form(msgid, note=note)
        earlier = next((i for i, string in enumerate(strings) if text and string == text), None)
        if earlier is not None and identical_forms((strings[earlier], text), message, catalog):
            # The same words as another form: asked once more, told which form this is.
            correction = Correction(
                answer=_with_tokens(msgid, text),
                problems=(
                    f"Your answer is the form for counts such as {_counts(examples[earlier])}. "
                    f"{language_name(language)} writes another form for counts such as "
                    f"{_counts(counts)}: reply with that one.",
                ),
            )
            text = ask_form(msgid, note=note, corrections=(correction,)) or text
        strings.append(text)
    return tuple(strings)


def _plural_note(msgid: str, counts: list[int], language: str, *, only: bool) -> str:
    """What the model must know to write one plural form: the counts it is for, and which
    token is the count."""
    token = f" ({_count_token(msgid)} is the count)" if _count_token(msgid) else ""
    if only:
        return f"The text is a plural message{token}: its one form is shown for every count."
    return (
        f"The text is one of the plural forms of a message{token}: it is shown for counts "
        f"such as {_counts(counts)}. Write the form {language_name(language)} uses for "
        f"these counts."
    )


def _count_token(msgid: str) -> str:
    """The ⟦n⟧ token of a plural message's count, "" when it shows none."""
    originals = protect(msgid).originals
    numbers = [n for n, original in enumerate(originals, start=1) if _COUNT.fullmatch(original)]
    named = [n for n in numbers if _COUNT_NAME.search(originals[n - 1])]
    return f"⟦{(named or numbers)[0]}⟧" if numbers else ""


def _counts(counts: list[int]) -> str:
    return ", ".join(str(count) for count in counts)


def _with_tokens(msgid: str, text: str) -> str:
    """A restored answer as the model wrote it, with the ⟦n⟧ tokens."""
    for number, original in enumerate(protect(msgid).originals, start=1):
        text = text.replace(original, f"⟦{number}⟧", 1)
    return text


def _translate_one(
    msgid: str,
    *,
    language: str,
    provider: Provider,
    budget: Budget,
    now: datetime,
    sleep=None,
    note: str = "",
    corrections: tuple[Correction, ...] = (),
    optional: str = "",
) -> str:
    """The translation of `msgid` with its placeholders restored, or "" when it failed; the
    `optional` token may be left out."""
    if not budget.allows(msgid):
        return ""
    protected = protect(msgid)
    try:
        result = call_with_retries(
            provider,
            text=protected.text,
            source_language="en",
            language=language,
            corrections=corrections,
            note=note,
            **({"sleep": sleep} if sleep else {}),
        )
    except ProviderError:
        budget.record(
            provider=provider.name, model=provider.model, language=language, result=None, now=now
        )
        return ""
    budget.record(
        provider=provider.name, model=provider.model, language=language, result=result, now=now
    )
    text = result.text.strip()
    checked = protected
    if optional and optional not in text:
        checked = ProtectedText(protected.text.replace(optional, "", 1), protected.originals)
    if translation_problems(
        protected=checked,
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


def _is_translated(message, catalog: Catalog) -> bool:
    """Every form filled; a fuzzy draft counts (a person checks it next), unless it is an
    older draft with one form copied into the others, which is asked for again."""
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    if not (strings and all(strings)):
        return False
    copied = "fuzzy" in message.flags and identical_forms(strings, message, catalog)
    return not copied or any(_is_same_note(c) for c in message.user_comments)


def _is_same_note(comment: str) -> bool:
    return comment.startswith(SAME_FORMS_COMMENT.split("{")[0])


def _missing(catalog: Catalog) -> list[str]:
    return [
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and not _is_translated(m, catalog)
    ]
