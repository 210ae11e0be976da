"""Translation providers: any OpenAI-compatible chat-completions endpoint, or none at all.

A provider translates one protected segment per call and reports what the call used. Errors
say whether trying again may help (rate limits, server errors, time-outs) or not (a wrong key).
"""

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Protocol

import httpx
from django.conf import settings
from django.utils.translation import get_language_info

from turnout.web import outbound
from turnout.web.text import single_line

from .completions import error_in, is_stream, joined_stream

SYSTEM_PROMPT = (
    "You translate one block of a Markdown web page from {source} to {target}. "
    "Reply with the translation only: no introduction, no notes, no quotes, no code fences. "
    "Tokens like ⟦1⟧ stand for links, code and markup: copy each of them exactly once, where it "
    "belongs in the sentence; a token after a heading stays at the end of the heading, and "
    "each [link text] keeps the token that follows it. Keep the Markdown markers (#, -, *, 1., "
    ">, |, **, _) as they are, one line of output for each line of input that starts with such "
    "a marker, and translate sentence by sentence, adding and leaving out nothing."
)
# After an answer that failed the checks: the answer stays in the conversation, followed by
# what is wrong with it, so the model corrects it rather than repeating it.
CORRECTION_PROMPT = (
    "Your answer cannot be published as it is. {problems} "
    "Translate the text of my first message again, following the rules."
)


@dataclass(frozen=True)
class Correction:
    """A previous answer to the same request and what the checks found wrong with it."""

    answer: str
    problems: tuple[str, ...]  # instructions to the model, one per problem


@dataclass(frozen=True)
class ProviderResult:
    text: str
    finish_reason: str
    prompt_tokens: int
    completion_tokens: int


class ProviderError(Exception):
    """A call failed; `retryable` says whether the same call may succeed later."""

    def __init__(self, message: str, *, retryable: bool, retry_after: float | None = None):
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after


class Provider(Protocol):
    name: str
    model: str

    @property
    def is_enabled(self) -> bool: ...

    def translate(
        self,
        *,
        text: str,
        source_language: str,
        language: str,
        corrections: Sequence[Correction] = (),
        note: str = "",
    ) -> ProviderResult: ...


class NoProvider:
    """Translation switched off: nothing is ever sent; pages show their source language."""

    name = "none"
    model = ""
    is_enabled = False

    def translate(
        self,
        *,
        text: str,
        source_language: str,
        language: str,
        corrections: Sequence[Correction] = (),
        note: str = "",
    ) -> ProviderResult:
        raise ProviderError("machine translation is switched off", retryable=False)


class ChatCompletionsProvider:
    """An OpenAI-compatible `POST {endpoint}/chat/completions` (hosted APIs, local servers)."""

    name = "openai"
    is_enabled = True

    def __init__(
        self, *, endpoint: str, model: str, api_key: str = "", timeout: float = 60.0
    ) -> None:
        self.endpoint = endpoint.rstrip("/")
        self.model = model
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._timeout = timeout
        self._client: httpx.Client | None = None  # opened on the first call, not on creation

    def translate(
        self,
        *,
        text: str,
        source_language: str,
        language: str,
        corrections: Sequence[Correction] = (),
        note: str = "",
    ) -> ProviderResult:
        payload = {
            "temperature": 0,
            "messages": chat_messages(
                text=text,
                source_language=source_language,
                language=language,
                corrections=corrections,
                note=note,
            ),
        }
        return self.chat(payload)

    def chat(self, payload: dict) -> ProviderResult:
        """One `chat/completions` request (the model is filled in) under the overall deadline;
        also used by the importer's page reader (`turnout.importers.model_reader`)."""
        payload = {"model": self.model, **payload}
        if self._client is None:
            self._client = outbound.http_client(
                # The operator's own endpoint, which may well be a model on this machine.
                private_addresses=True,
                timeout=self._timeout,
                headers=self._headers,
            )
        try:
            # The timeout is the whole call's budget, not each read's: an answer that arrives
            # a byte at a time is cut off when it is spent.
            with outbound.overall_deadline(self._timeout):
                response = self._client.post(f"{self.endpoint}/chat/completions", json=payload)
        except httpx.TimeoutException as error:
            raise ProviderError(f"the provider timed out: {error}", retryable=True) from error
        except httpx.TransportError as error:
            raise ProviderError(f"cannot reach the provider: {error}", retryable=True) from error
        except httpx.RequestError as error:  # a body that does not decode (gzip that is not)
            raise ProviderError(
                f"cannot read the provider's answer: {error}", retryable=True
            ) from error
        if response.status_code == 429 or response.status_code >= 500:
            raise ProviderError(
                f"the provider answered {response.status_code}",
                retryable=True,
                retry_after=_seconds(response.headers.get("Retry-After")),
            )
        if response.status_code >= 400:
            raise ProviderError(
                f"the provider refused the request ({response.status_code}): {response.text[:300]}",
                retryable=False,
            )
        try:
            body = (
                joined_stream(response.content) if is_stream(response.content) else response.json()
            )
            if (message := error_in(body)) is not None:
                raise ProviderError(
                    f"the provider answered with an error: {message}", retryable=True
                )
            choice = body["choices"][0]
            usage = body.get("usage") or {}
            content = choice["message"].get("content") or _tool_call_arguments(choice["message"])
            if not content and isinstance(refusal := choice["message"].get("refusal"), str):
                # OpenAI's structured refusal: no content, the model's reason beside it. Asking
                # again gets the same answer; the reason is what a person needs to see.
                raise ProviderError(
                    f"the model refused: {single_line(refusal)[:200]}", retryable=False
                )
            if not isinstance(content, str) or not isinstance(usage, dict):
                # Some servers answer with a list of content parts, or a usage that is not a
                # mapping: not a translation we can check.
                raise TypeError("the content is not text, or the usage is not a mapping")
            if "\x00" in content:
                # No database stores a NUL in text, and no page needs one.
                raise ValueError("the content contains a NUL character")
            if not content.isascii() and _has_lone_surrogate(content):
                # Half an emoji cannot be stored, sent back or shown.
                raise ValueError("the content has half a character (a lone surrogate)")
            return ProviderResult(
                text=content,
                finish_reason=str(choice.get("finish_reason") or "stop"),
                # Never below nothing: a negative count would lower the month's spending.
                prompt_tokens=max(0, int(usage.get("prompt_tokens") or 0)),
                completion_tokens=max(0, int(usage.get("completion_tokens") or 0)),
            )
        except (
            ValueError,
            KeyError,
            IndexError,
            TypeError,
            AttributeError,
            OverflowError,
        ) as error:
            raise ProviderError(
                # The error may quote the whole body: enough of it to tell what went wrong.
                f"the provider's answer is not a chat completion: {repr(error)[:200]}",
                retryable=True,
            ) from error


def chat_messages(
    *,
    text: str,
    source_language: str,
    language: str,
    corrections: Sequence[Correction] = (),
    note: str = "",
) -> list[dict[str, str]]:
    """The conversation for one segment: the rules (and `note`, what else the model must know
    about this text, such as the counts a plural form is for), the text, then each rejected
    answer followed by what is wrong with it."""
    prompt = SYSTEM_PROMPT.format(
        source=language_name(source_language), target=language_name(language)
    )
    if note:
        prompt = f"{prompt} {note}"
    messages = [{"role": "system", "content": prompt}, {"role": "user", "content": text}]
    for correction in corrections:
        messages.append({"role": "assistant", "content": correction.answer})
        messages.append(
            {
                "role": "user",
                "content": CORRECTION_PROMPT.format(problems=" ".join(correction.problems)),
            }
        )
    return messages


def configured_provider() -> Provider:
    """The provider the settings name (TURNOUT_TRANSLATION_PROVIDER)."""
    name = settings.TURNOUT_TRANSLATION_PROVIDER
    if name == "none":
        return NoProvider()
    if name == "openai":
        return ChatCompletionsProvider(
            endpoint=settings.TURNOUT_TRANSLATION_ENDPOINT,
            model=settings.TURNOUT_TRANSLATION_MODEL,
            api_key=settings.TURNOUT_TRANSLATION_API_KEY,
            timeout=settings.TURNOUT_TRANSLATION_TIMEOUT,
        )
    raise ValueError(f"unknown translation provider {name!r}: use 'openai' or 'none'")


def call_with_retries(
    provider: Provider,
    *,
    text: str,
    source_language: str,
    language: str,
    corrections: Sequence[Correction] = (),
    note: str = "",
    sleep=time.sleep,
) -> ProviderResult:
    """One translation, retrying rate limits and server errors with a growing pause."""
    attempts = settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS
    delay = settings.TURNOUT_TRANSLATION_RETRY_DELAY
    extra = {"note": note} if note else {}  # providers written before notes still work
    for attempt in range(1, attempts + 1):
        try:
            return provider.translate(
                text=text,
                source_language=source_language,
                language=language,
                corrections=corrections,
                **extra,
            )
        except ProviderError as error:
            if not error.retryable or attempt == attempts:
                raise
            pause = (
                error.retry_after if error.retry_after is not None else delay * 2 ** (attempt - 1)
            )
            sleep(min(pause, 60.0))
    raise AssertionError("unreachable")


def language_name(code: str) -> str:
    """The language's English name, for the prompt ("Polish"); the code when unknown."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def _tool_call_arguments(message: dict) -> str:
    """The arguments of a tool call answered instead of content (a model told of tools, or a
    proxy that adds one, writes the answer there), else ""."""
    calls = message.get("tool_calls") or [{"function": message.get("function_call")}]
    try:
        arguments = calls[0]["function"]["arguments"]
    except (IndexError, KeyError, TypeError):
        return ""
    return arguments if isinstance(arguments, str) else ""


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After in seconds, given as a number or as an HTTP date ("Wed, 21 Oct 2026
    07:28:00 GMT", RFC 9110); a negative number, "nan" or what is neither counts as not given
    (a sleep of less than nothing, or of nan, raises), a date already past as no wait."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value.strip())
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # "-0000": a time in UTC, its source unknown
        seconds = max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())
    return seconds if 0 <= seconds < math.inf else None
