"""Where a person may be sent once signed in: a path on this site, never another site."""

import unicodedata
from urllib.parse import unquote

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, candidate: str | None) -> str:
    """Where to go after signing in: a path on this site, else "". Checked as given, percent-
    decoded and NFKC-folded ("ｈｔｔｐｓ:", "／／"), so that nothing which later decodes or folds
    it (a proxy, another redirect, a browser) can make it another site."""
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
