"""Why a feed could not be fetched, in words an organiser can act on: httpx's own messages
name a class of error, a byte count or a documentation page, not what the server did."""

import httpx
from django.utils.translation import gettext as _


def fetch_failure(error: httpx.HTTPError, *, seconds: float) -> str:
    """What went wrong while fetching a feed, prefixed as every fetch failure is."""
    if isinstance(error, httpx.TooManyRedirects):
        reason = _("its address sends it on to another address again and again")
    elif isinstance(error, httpx.HTTPStatusError) and error.response.status_code == 304:
        # Only an answer to a conditional request may say "not modified"; none was made.
        reason = _("the server answered that it had not changed (304), though nobody asked")
    elif isinstance(error, httpx.HTTPStatusError):
        answer = f"{error.response.status_code} {error.response.reason_phrase[:80]}"
        reason = _("the server answered %(answer)s") % {"answer": " ".join(answer.split())}
    elif isinstance(error, httpx.TimeoutException):
        reason = _("the server did not send the whole feed within %(seconds)s seconds") % {
            "seconds": f"{seconds:g}"
        }
    elif isinstance(error, httpx.RemoteProtocolError) and "complete" in str(error):
        reason = _("the connection was closed before the whole feed had arrived")
    else:
        reason = str(error)[:300]
    return _("could not fetch the feed: %(error)s") % {"error": reason}
