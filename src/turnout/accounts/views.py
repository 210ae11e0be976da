"""Signing in by email (a link or a code), by password for those who keep one, and out."""

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from turnout.web import rate_limits
from turnout.web.next_address import safe_next
from turnout.web.rate_limits import Limit, Limited

from . import password_limits, sign_in
from .forms import CodeForm, SignInForm

SESSION_EMAIL = "turnout_sign_in_email"
SESSION_NEXT = "turnout_sign_in_next"


def _finish(request: HttpRequest, record) -> HttpResponse:
    login(request, record.user, backend="django.contrib.auth.backends.ModelBackend")
    request.session.pop(SESSION_EMAIL, None)
    destination = safe_next(request, record.next_url) or reverse("dashboard:home")
    return redirect(destination)


def sign_in_request(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    form = SignInForm(request.POST or None)
    if request.method == "POST" and (limited := _count_sign_in_request(request)):
        return _too_many_sign_in_requests(request, next_url, limited)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        sign_in.ask_for_sign_in(
            email=email,
            now=timezone.now(),
            next_url=next_url,
            language=get_language(),
            network=rate_limits.client_network(request),
        )
        request.session[SESSION_EMAIL] = email
        return redirect("accounts:sign_in_code")
    return render(request, "accounts/sign_in.html", {"form": form, "next": next_url})


def _count_sign_in_request(request: HttpRequest) -> Limited | None:
    """Count one ask for a sign-in email against its network, whatever the address (so the
    answer past the limit says nothing about who has an account)."""
    return rate_limits.hit(
        Limit(
            "sign-in-network",
            rate_limits.client_network(request),
            sign_in.REQUESTS_PER_NETWORK_PER_HOUR,
        ),
        now=timezone.now(),
    )


def _too_many_sign_in_requests(
    request: HttpRequest, next_url: str, limited: Limited
) -> HttpResponse:
    messages.error(
        request,
        _(
            "Too many sign-in emails were asked for from your network. Please try again in "
            "%(minutes)d minutes."
        )
        % {"minutes": limited.minutes},
    )
    response = render(
        request,
        "accounts/sign_in.html",
        {"form": SignInForm(initial={"email": request.POST.get("email", "")}), "next": next_url},
        status=429,
    )
    response["Retry-After"] = str(limited.retry_after)
    return response


def sign_in_code(request: HttpRequest) -> HttpResponse:
    email = request.session.get(SESSION_EMAIL)
    if not email:
        return redirect("accounts:sign_in")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record = sign_in.redeem_code(
            email=email,
            code=form.cleaned_data["code"],
            now=timezone.now(),
            network=rate_limits.client_network(request),
        )
        if record is not None:
            return _finish(request, record)
        form.add_error(
            "code",
            _("That code is not right, has been used or has expired. Check the newest email, "
              "or ask for a new code."),
        )  # fmt: skip
    return render(request, "accounts/sign_in_code.html", {"form": form, "email": email})


def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to continue, POST signs in: mail scanners that open links sign nobody in."""
    now = timezone.now()
    if request.method == "POST":
        record = sign_in.redeem_link(token=token, now=now)
        if record is not None:
            return _finish(request, record)
    record = sign_in.peek_link(token=token, now=now)
    status = 200 if record else 410
    return render(request, "accounts/sign_in_link.html", {"record": record}, status=status)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, _("You are signed out."))
    return redirect("campaigns:home")


class PasswordSignInView(LoginView):
    """For the few who set a password; everyone else signs in by email."""

    template_name = "accounts/sign_in_password.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return reverse("dashboard:home")

    def get_redirect_url(self, request: HttpRequest | None = None) -> str:
        return safe_next(self.request, super().get_redirect_url())

    def get_context_data(self, **kwargs) -> dict:
        # Django's LoginView names the site after the request's Host (no sites framework):
        # leave the name to the context processor, so a forged Host is never shown.
        context = super().get_context_data(**kwargs)
        context.pop("site", None)
        context.pop("site_name", None)
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if limited := password_limits.count_guess(request):
            return password_limits.refused(request, limited)
        return super().post(request, *args, **kwargs)
