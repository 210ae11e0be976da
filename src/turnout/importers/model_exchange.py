"""One exchange with the page reader's model: tried again within bounds, and its failures said in
plain words.

Rate limits and server errors are tried again like translations, but a model that took its whole
time (a timeout) is not asked the same page again, and a server asking to wait longer than the
reader waits for one answer is not waited for: an import of many pages must not hang on one.
A refused key (401, 403) is said with the server's own message, never its HTML, and an empty
body as empty; a model that refuses to answer is not asked again. (An answer streamed as
server-sent events, or an error sent with 200 OK, is read by the provider itself:
`translation.completions`.)
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
    if refused_status(error) in _KEY_REFUSED:
        said = _error_message(str(error))
        reason = _("the model's server refuses the access key or the model asked for (%(status)s)")
        reason %= {"status": refused_status(error)}
        return f"{reason}: {said}" if said else reason
    cause = error.__cause__
    if isinstance(cause, json.JSONDecodeError) and not cause.doc.strip():
        return _("the model's server sent an empty answer")
    if _NOT_A_COMPLETION in str(error):
        # Such as an HTML page sent with 200 OK: the text itself says nothing to a person.
        return _("the model's server sent something other than an answer")
    return str(error)


# How the provider says the server refused a request (`ChatCompletionsProvider.chat`), with
# the status and the start of the body.
_REFUSED = re.compile(r"refused the request \((\d{3})\): ?(.*)", re.S)
# A key that is wrong, expired, or not allowed this model: asking again changes nothing.
_KEY_REFUSED = frozenset({401, 403, 407})


def is_model_refusal(error: ProviderError) -> bool:
    """Whether the model itself refused to answer (OpenAI's structured refusal): asked again,
    with the schema or without, it refuses again, and each asking is paid for."""
    return str(error).startswith(_MODEL_REFUSED)


# How the provider says the model refused (`ChatCompletionsProvider.chat`).
_MODEL_REFUSED = "the model refused:"


def refused_status(error: ProviderError) -> int | None:
    """The HTTP status with which the server refused the request, if it did."""
    match = _REFUSED.search(str(error))
    return int(match.group(1)) if match else None


def is_key_refused(error: ProviderError) -> bool:
    """Whether the server refused the key itself (401, 403): no other request will do."""
    return refused_status(error) in _KEY_REFUSED


def _error_message(text: str) -> str:
    """The server's own message in a refusal's JSON body, on one line; "" for any other body
    (an HTML page says nothing to a person)."""
    match = _REFUSED.search(text)
    try:
        body = json.loads(match.group(2)) if match else None
    except ValueError:
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    message = error.get("message") if isinstance(error, dict) else error
    return " ".join(message.split())[:200] if isinstance(message, str) else ""


# How the provider says a body is not a chat completion (`ChatCompletionsProvider.chat`).
_NOT_A_COMPLETION = "is not a chat completion"
