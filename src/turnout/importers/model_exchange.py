"""One exchange with the page reader's model: tried again within bounds, and its failures said in
plain words.

Rate limits and server errors are tried again like translations, but a model that took its whole
time (a timeout) is not asked the same page again, and a server asking to wait longer than the
reader waits for one answer is not waited for: an import of many pages must not hang on one. A
server that streams its answer (server-sent events) though none was asked for is read for the
text of its chunks.
"""

import json
import re
from collections.abc import Callable

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from turnout.translation.providers import ChatCompletionsProvider, ProviderError, ProviderResult


def ask_with_retries(
    provider: ChatCompletionsProvider,
    payload: dict,
    *,
    record: Callable[[ProviderResult | None], None],
    sleep: Callable[[float], None],
) -> ProviderResult:
    """The provider's answer to `payload` at temperature 0; `record` is told of every call."""
    attempts = max(1, settings.TURNOUT_TRANSLATION_MAX_ATTEMPTS)
    delay = settings.TURNOUT_TRANSLATION_RETRY_DELAY
    longest_wait = float(settings.TURNOUT_TRANSLATION_TIMEOUT)
    for attempt in range(1, attempts + 1):
        try:
            result = provider.chat({"temperature": 0, **payload})
        except ProviderError as error:
            streamed = streamed_result(error)
            if streamed is not None:
                record(streamed)
                return streamed
            record(None)
            if not error.retryable or attempt == attempts or is_timeout(error):
                raise
            if error.retry_after is not None and error.retry_after > longest_wait:
                raise ProviderError(
                    _("the model's server asks to wait %(seconds)s seconds, longer than the "
                      "reader waits for an answer (%(longest)s seconds)")
                    % {"seconds": f"{error.retry_after:g}", "longest": f"{longest_wait:g}"},
                    retryable=False,
                    retry_after=error.retry_after,
                ) from error  # fmt: skip
            pause = (
                error.retry_after if error.retry_after is not None else delay * 2 ** (attempt - 1)
            )
            sleep(min(pause, longest_wait))
            continue
        record(result)
        return result
    raise AssertionError("unreachable")


def is_timeout(error: ProviderError) -> bool:
    return isinstance(error.__cause__, httpx.TimeoutException)


def plain_reason(error: ProviderError) -> str:
    """Why the model could not be asked, in words a person running the import understands."""
    if is_timeout(error):
        return _("the provider timed out: no answer within %(seconds)s seconds") % {
            "seconds": f"{float(settings.TURNOUT_TRANSLATION_TIMEOUT):g}"
        }
    if _NOT_A_COMPLETION in str(error):
        # Such as {"error": {...}} sent with 200 OK: the text itself says nothing to a person.
        return _("the model's server sent something other than an answer, such as an error "
                 "message")  # fmt: skip
    return str(error)


# How the provider says a body is not a chat completion (`ChatCompletionsProvider.chat`).
_NOT_A_COMPLETION = "is not a chat completion"
_DATA_LINE = re.compile(r"^data:\s?(.*)$", re.M)


def streamed_result(error: ProviderError) -> ProviderResult | None:
    """The answer of a server that streamed it as server-sent events ("data: {...}" chunks of
    `choices[0].delta.content`), or None when the body that failed is no such stream."""
    cause = error.__cause__
    body = cause.doc if isinstance(cause, json.JSONDecodeError) else ""
    if not body.lstrip().startswith("data:"):
        return None
    parts: list[str] = []
    finish, usage = "stop", {}
    for data in _DATA_LINE.findall(body):
        if data.strip() == "[DONE]":
            break
        try:
            chunk = json.loads(data)
            choice = (chunk.get("choices") or [{}])[0]
            piece = (choice.get("delta") or choice.get("message") or {}).get("content")
        except (ValueError, AttributeError, TypeError, IndexError):
            return None  # a stream broken in the middle is no answer
        if isinstance(piece, str):
            parts.append(piece)
        finish = choice.get("finish_reason") or finish
        if isinstance(chunk.get("usage"), dict):
            usage = chunk["usage"]
    text = "".join(parts)
    if not text:
        return None
    return ProviderResult(
        text=text,
        finish_reason=str(finish),
        prompt_tokens=_count(usage.get("prompt_tokens")),
        completion_tokens=_count(usage.get("completion_tokens")) or len(text) // 4,
    )


def _count(value: object) -> int:
    return max(0, value) if isinstance(value, int) and not isinstance(value, bool) else 0
