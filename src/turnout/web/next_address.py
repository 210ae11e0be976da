"""Where a form may send a person afterwards (`?next=`, a hidden "next" field, the page it
came from): a path on this site, never another site. The one check every app uses."""

import unicodedata
from urllib.parse import unquote, urlsplit

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, candidate: str | None) -> str:
    """`candidate` if it is a path on this site, else "". Checked as given, percent-decoded
    and NFKC-folded ("ｈｔｔｐｓ:", "／／"), so that nothing which later decodes or folds it (a
    proxy, another redirect, a browser) can make it another site."""
    if not candidate or not candidate.startswith("/"):
        return ""
    decoded = unquote(candidate)
    for form in (candidate, decoded, unicodedata.normalize("NFKC", decoded)):
        # "//", "/\" and "\/" open another host's address in a browser, whatever follows.
        if form.replace("\\", "/").startswith("//"):
            return ""
        if not form.startswith("/") or not url_has_allowed_host_and_scheme(
            form, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return ""
    return candidate


def safe_return(request: HttpRequest, candidate: str | None) -> str:
    """As `safe_next`, also taking a whole address of this site (a Referer header): its path,
    query and fragment, else ""."""
    if candidate and not candidate.startswith("/"):
        if not url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return ""
        try:
            parts = urlsplit(candidate)
        except ValueError:
            return ""
        candidate = parts.path or "/"
        candidate += f"?{parts.query}" if parts.query else ""
        candidate += f"#{parts.fragment}" if parts.fragment else ""
    return safe_next(request, candidate)
