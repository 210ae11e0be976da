"""A participant's privacy requests: a link by email, then export (JSON) or erasure."""

import json

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST

from turnout.web import rate_limits
from turnout.web.email_addresses import normalize_email
from turnout.web.rate_limits import Limit

from .. import selectors
from ..forms import PrivacyRequestForm
from ..services import privacy

# Per address and network: enough for a lost email, too few to flood an inbox. Counted per
# network as well, so a stranger who knows the address cannot spend its owner's requests; the
# address's own limit, for a flood from many networks, is far higher.
PRIVACY_LINKS_PER_HOUR = 3
PRIVACY_LINKS_PER_ADDRESS_PER_HOUR = 20


def privacy_request(request: HttpRequest) -> HttpResponse:
    """Ask for a link to see or erase what is held about an email address."""
    form = PrivacyRequestForm(request.POST or None)
    sent = False
    status = 200
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        email = normalize_email(form.cleaned_data["email"])
        limited = rate_limits.hit(
            Limit(
                "privacy-ip", rate_limits.client_subscriber(request), settings.SIGNUP_RATE_PER_IP
            ),
            Limit(
                "privacy-email-network",
                f"{email}\0{rate_limits.client_network(request)}",
                PRIVACY_LINKS_PER_HOUR,
            ),
            now=now,
        ) or rate_limits.hit(
            Limit("privacy-email", email, PRIVACY_LINKS_PER_ADDRESS_PER_HOUR), now=now
        )
        if limited:
            form.add_error(
                None,
                gettext(
                    "Too many requests in a short time. Please try again in %(minutes)d minutes."
                )
                % {"minutes": limited.minutes},
            )
            status = 429
        else:
            privacy.ask_for_privacy_link(email=email, language=get_language(), now=now)
            sent = True
    elif request.method == "POST":
        status = 400
    return render(
        request, "signups/privacy_request.html", {"form": form, "sent": sent}, status=status
    )


def _email_or_none(token: str) -> str | None:
    try:
        return privacy.email_from_privacy_token(token)
    except signing.BadSignature:
        return None


def privacy_page(request: HttpRequest, token: str) -> HttpResponse:
    email = _email_or_none(token)
    if email is None:
        return render(request, "signups/privacy_expired.html", status=410)
    data = selectors.personal_data(email)
    return render(request, "signups/privacy.html", {"token": token, "data": data})


def privacy_export(request: HttpRequest, token: str) -> HttpResponse:
    email = _email_or_none(token)
    if email is None:
        return render(request, "signups/privacy_expired.html", status=410)
    response = HttpResponse(
        json.dumps(selectors.personal_data(email), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@require_POST
def privacy_erase(request: HttpRequest, token: str) -> HttpResponse:
    email = _email_or_none(token)
    if email is None:
        return render(request, "signups/privacy_expired.html", status=410)
    erased = privacy.erase_personal_data(email=email, now=timezone.now())
    return render(request, "signups/privacy_erased.html", {"erased": erased})
