"""Whether a request was sent by a page of this site (a forged cross-site form is not)."""

from urllib.parse import urlsplit

from django.http import HttpRequest


def is_same_origin(request: HttpRequest) -> bool:
    """True when the browser says the request comes from this site's own pages.

    Browsers send Sec-Fetch-Site (and Origin on every POST); a request naming no origin at all
    (an old browser with referrers off) falls back to the Referer, and is refused without one.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in {"same-origin", "none"}
    host = request.get_host().lower()
    for header in ("Origin", "Referer"):
        value = request.headers.get(header)
        if value and value != "null":
            return urlsplit(value).netloc.lower() == host
    return False
