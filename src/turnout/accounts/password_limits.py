"""How many password guesses an account and a client get, on the site's sign-in page and on the
admin's: one count for both, so neither is a way around the other.

The accounts that keep a password are organizers', coordinators' and admins', worth guessing at
for hours; but a limit anyone may spend on an account is a lock anyone may put on it. Guesses
are counted per account and the network they come from, so a guesser locks out their own
network, not the owner elsewhere; a guesser with many networks still meets the account's own,
far higher, limit. The emailed sign-in link counts against none of these: the owner can always
come in that way.
"""

from django.contrib import messages
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from turnout.web import rate_limits
from turnout.web.email_addresses import normalize_email
from turnout.web.next_address import safe_next
from turnout.web.rate_limits import Limit, Limited

# Guesses per hour.
PER_IP = 20
PER_ACCOUNT_AND_NETWORK = 10
PER_ACCOUNT = 100


def count_guess(request: HttpRequest) -> Limited | None:
    """Count one password attempt, before the password is checked (right or wrong, so a
    guesser learns nothing from the answers past the limit); Limited if it may not be tried.

    The account's own limit counts only the guesses its network's limit let through: one
    network's refused guesses never spend it."""
    email = normalize_email(request.POST.get("username", ""))
    now = timezone.now()
    return rate_limits.hit(
        Limit("password-ip", rate_limits.client_subscriber(request), PER_IP),
        Limit(
            "password-account-network",
            f"{email}\0{rate_limits.client_network(request)}",
            PER_ACCOUNT_AND_NETWORK,
        ),
        now=now,
    ) or rate_limits.hit(Limit("password-account", email, PER_ACCOUNT), now=now)


def refused(request: HttpRequest, limited: Limited) -> HttpResponse:
    """The site's password page, saying how long to wait and that email sign-in still works."""
    messages.error(
        request,
        _(
            "Too many attempts to sign in. Please try again in %(minutes)d minutes, "
            "or sign in by email."
        )
        % {"minutes": limited.minutes},
    )
    form = AuthenticationForm(request, initial={"username": request.POST.get("username")})
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    response = render(
        request,
        "accounts/sign_in_password.html",
        {"form": form, "next": next_url},
        status=429,
    )
    response["Retry-After"] = str(limited.retry_after)
    return response


def limited_login(login_view):
    """Wrap a login view (the admin's) so its POSTs count against the same limits."""

    def view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST" and (limited := count_guess(request)):
            return refused(request, limited)
        return login_view(request, *args, **kwargs)

    return view
