"""The optional model that reads a page's events where the importer's rules could not.

It goes through the translation provider (`turnout.translation.providers`), only when
IMPORT_READER is "translation", so switching translation on never starts sending imported pages
to a model. The model is asked for structured output (a JSON schema in `response_format`; a
server that refuses the schema is asked again for plain JSON, one that refuses the key is not),
and whatever it answers is only a proposal: `page_confirmation` keeps the facts the page itself
confirms. Calls are counted against the translation's monthly cap (`translation.spending`).
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from turnout.translation.providers import (
    ChatCompletionsProvider,
    ProviderError,
    ProviderResult,
    configured_provider,
)
from turnout.translation.spending import Budget

from .model_answer import read_answer
from .model_day_words import day_in_figures
from .model_durations import end_after_length
from .model_exchange import ask_with_retries, is_key_refused, is_model_refusal, plain_reason
from .model_fields import (
    ascii_digits,
    clock_digits,
    field_text,
    is_yes,
    link_text,
    start_and_end,
)

# The most of a page sent to the model; a longer page is cut (and said so).
MAX_PAGE_CHARS = 24_000
# The most events taken from one answer; a page listing more is not read by a model.
MAX_EVENTS = 60
# How a server says the answer stopped before the model finished it: at the length limit
# ("max_tokens" through some proxies), by a content filter, or a stream that broke off.
_CUT_OFF = frozenset({"length", "max_tokens", "content_filter", "cut"})

SYSTEM_PROMPT = (
    "You read one web page of a protest movement and list the protests, vigils, marches and "
    "meetings it announces. Reply with one JSON object only, in this shape: "
    '{{"events": [{{"title": ..., "city": ..., "country": ..., "venue": ..., "date": ..., '
    '"last_date": ..., "start": ..., "end": ..., "zone": ..., "signup_url": ..., '
    '"cancelled": ...}}], "coordination_url": ...}}. '
    "Give only what the page states, never a guess: null for anything it does not say. "
    "city: the city as the page names it; country: its name or ISO code; venue: the meeting "
    "place as written; date and last_date: YYYY-MM-DD (last_date only for an event of several "
    "days); start and end: HH:MM on a 24-hour clock, as the page writes them; zone: the time "
    "zone abbreviation written beside the time (such as CET or AEST), else null; signup_url: "
    "the link for signing up, copied exactly; coordination_url: the chat group or server where "
    "organizers coordinate, copied exactly; cancelled: true only if the page says the event is "
    "called off. The page was posted on {posted}; its language is {language}."
)

_TEXT = {"type": ["string", "null"]}
EVENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "title",
        "city",
        "country",
        "venue",
        "date",
        "last_date",
        "start",
        "end",
        "zone",
        "signup_url",
        "cancelled",
    ],
    "properties": {
        "title": _TEXT,
        "city": _TEXT,
        "country": _TEXT,
        "venue": _TEXT,
        "date": {**_TEXT, "description": "YYYY-MM-DD"},
        "last_date": {**_TEXT, "description": "YYYY-MM-DD, only for several days"},
        "start": {**_TEXT, "description": "HH:MM, 24-hour clock"},
        "end": {**_TEXT, "description": "HH:MM, 24-hour clock"},
        "zone": _TEXT,
        "signup_url": _TEXT,
        "cancelled": {"type": "boolean"},
    },
}
ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["events", "coordination_url"],
    "properties": {
        "events": {"type": "array", "items": EVENT_SCHEMA},
        "coordination_url": _TEXT,
    },
}
RESPONSE_FORMAT = {
    "type": "json_schema",
    "json_schema": {"name": "page_events", "strict": True, "schema": ANSWER_SCHEMA},
}


@dataclass(frozen=True)
class ModelEvent:
    """One event as the model answered it, every field as text ("" where it gave none)."""

    title: str = ""
    city: str = ""
    country: str = ""
    venue: str = ""
    date: str = ""
    last_date: str = ""
    start: str = ""
    end: str = ""
    zone: str = ""
    signup_url: str = ""
    cancelled: bool = False


@dataclass
class ModelReading:
    """What the model answered for one page, and what went wrong asking it."""

    events: list[ModelEvent] = field(default_factory=list)
    coordination_url: str = ""
    problems: list[str] = field(default_factory=list)


class ReaderNotConfigured(ValueError):
    """IMPORT_READER names a reader that cannot work with the current settings."""


@dataclass
class PageReader:
    """Asks the provider's model for a page's events, within the monthly cap."""

    provider: ChatCompletionsProvider
    budget: Budget
    now: datetime
    sleep: Callable[[float], None] = time.sleep

    def read(self, text: str, *, language: str | None, posted: date | None) -> ModelReading:
        reading = ModelReading()
        page = text[:MAX_PAGE_CHARS]
        if len(text) > MAX_PAGE_CHARS:
            reading.problems.append(
                _("the page is long; the model read only its first %(count)s characters")
                % {"count": MAX_PAGE_CHARS}
            )
        system = SYSTEM_PROMPT.format(
            posted=posted.isoformat() if posted else "an unknown day",
            language=language or "unknown",
        )
        if not self.budget.allows(system + page):
            reading.problems.append(
                _("the monthly cap for the model is reached; the page was read by the rules alone")
            )
            return reading
        messages = [{"role": "system", "content": system}, {"role": "user", "content": page}]
        try:
            result = self._ask(messages, language=language)
        except ProviderError as error:
            reading.problems.append(
                _("the model could not be asked (%(error)s); the page was read by the rules alone")
                % {"error": plain_reason(error)}
            )
            return reading
        read = read_answer(result.text, is_cut_off=result.finish_reason in _CUT_OFF)
        reading.problems.extend(read.notes)
        answer = read.answer
        if answer is None:
            if not read.notes:  # a note already says why (such as an answer cut off)
                reading.problems.append(
                    _(
                        "the model's answer holds no JSON object; the page was read by the "
                        "rules alone"
                    )
                )
            return reading
        reading.events, reading.coordination_url = parse_answer(answer)
        if not reading.events:
            reading.problems.append(
                _("the model found no events on the page; it was read by the rules alone")
            )
        return reading

    def _ask(self, messages: list[dict[str, str]], *, language: str | None) -> ProviderResult:
        """The answer to `messages`: asked with the schema, else (a server that refuses it) as
        plain JSON; rate limits and server errors are tried again (`model_exchange`)."""
        try:
            payload = {"messages": messages, "response_format": RESPONSE_FORMAT}
            return self._with_retries(payload, language=language)
        except ProviderError as error:
            if error.retryable or error.retry_after is not None or is_key_refused(error):
                raise
            if is_model_refusal(error):
                raise  # the model's own refusal: without the schema it refuses again
        return self._with_retries({"messages": messages}, language=language)

    def _with_retries(self, payload: dict, *, language: str | None) -> ProviderResult:
        return ask_with_retries(
            self.provider,
            payload,
            record=lambda result: self._record(result, language),
            sleep=self.sleep,
        )

    def _record(self, result: ProviderResult | None, language: str | None) -> None:
        self.budget.record(
            provider=self.provider.name,
            model=self.provider.model,
            language=(language or "")[:10],
            result=result,
            now=self.now,
        )


def configured_page_reader(*, now: datetime) -> PageReader | None:
    """The reader IMPORT_READER names: None for "none" (nothing is ever sent)."""
    name = settings.TURNOUT_IMPORT_READER
    if name == "none":
        return None
    if name != "translation":
        raise ReaderNotConfigured(
            _("unknown IMPORT_READER %(name)r: use 'translation' or 'none'") % {"name": name}
        )
    provider = configured_provider()
    if not isinstance(provider, ChatCompletionsProvider):
        raise ReaderNotConfigured(
            _(
                "IMPORT_READER is 'translation' but no translation provider is configured; "
                "set TRANSLATION_PROVIDER or IMPORT_READER=none"
            )
        )
    return PageReader(provider=provider, budget=Budget.for_month(now=now), now=now)


_FIELDS = ("title", "city", "country", "venue", "date", "last_date", "start", "end", "zone")
# Fields that name something, which a model may write as a markdown link to it.
_NAMES = ("title", "city", "country", "venue")
_PLACES = ("city", "country", "venue")
# Fields of days and clocks, read with their digits as 0-9 ("२०२७-०९-१२", "١٨:٠٠").
_FIGURES = ("date", "last_date", "start", "end")


def parse_answer(answer: dict) -> tuple[list[ModelEvent], str]:
    """The events and coordination link of an answer; anything of the wrong type is taken as
    not given, never raised."""
    events = []
    raw_events = answer.get("events")
    for raw in raw_events[:MAX_EVENTS] if isinstance(raw_events, list) else []:
        if not isinstance(raw, dict):
            continue
        values = {name: field_text(raw.get(name)) for name in _FIELDS}
        values |= {name: link_text(values[name]) for name in _NAMES}
        # "Piața Unirii.": the full stop of the sentence the model copied the place from.
        values |= {name: values[name].rstrip(".。") for name in _PLACES}
        values |= {name: ascii_digits(values[name]) for name in _FIGURES}
        values |= {name: day_in_figures(values[name]) for name in ("date", "last_date")}
        values |= {name: clock_digits(values[name]) for name in ("start", "end")}
        values["start"], values["end"] = start_and_end(values["start"], values["end"])
        values["end"] = end_after_length(values["start"], values["end"])
        events.append(
            ModelEvent(
                **values,
                signup_url=field_text(raw.get("signup_url")),
                cancelled=is_yes(raw.get("cancelled")),
            )
        )
    return events, field_text(answer.get("coordination_url"))
