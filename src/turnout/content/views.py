"""Public views: a content page in the visitor's language, and consent to embedded posts."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from turnout.web.next_address import safe_return

from . import selectors
from .consent import consented_providers, remember_consent
from .embeds import PROVIDER_NAMES, EmbedProvider
from .models import Page
from .origin import is_same_origin
from .pages import present_page
from .translations import text_in_language


def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        page = selectors.page_for_visitor(slug=slug, can_preview=request.user.is_staff)
    except Page.DoesNotExist:
        raise Http404 from None
    shown = text_in_language(
        obj=page, field="source", language=get_language(), source_language=page.language
    )
    return render(
        request,
        "content/page_detail.html",
        {
            "page": page,
            "presented": present_page(shown.text),
            "text_language": shown.language,
            "translation_state": shown.state,
        },
    )


# The gate's form sits inside rendered markdown, which has no CSRF token; a forged consent
# is refused by checking that the POST comes from this site (Sec-Fetch-Site, Origin, Referer).
@csrf_exempt
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest) -> HttpResponse:
    """GET: every provider and whether posts from it may load. POST: allow or withdraw."""
    granted = consented_providers(request)
    if request.method == "POST":
        if not is_same_origin(request):
            return render(request, "content/consent.html", _context(granted), status=403)
        decision = request.POST.get("decision")
        names = request.POST.getlist("provider")
        known = {p.value for p in EmbedProvider}
        if decision not in {"allow", "withdraw"} or not names or not set(names) <= known | {"all"}:
            context = _context(granted)
            context["error"] = gettext("Choose a provider and whether to allow or withdraw.")
            return render(request, "content/consent.html", context, status=400)
        chosen = set(EmbedProvider) if "all" in names else {EmbedProvider(n) for n in names}
        granted = granted | chosen if decision == "allow" else granted - chosen
        response = HttpResponseRedirect(_back(request))
        remember_consent(response, granted)
        return response
    return render(request, "content/consent.html", _context(granted))


def _context(granted: set[EmbedProvider]) -> dict:
    return {
        "providers": [
            {"value": p.value, "name": PROVIDER_NAMES[p], "is_allowed": p in granted}
            for p in EmbedProvider
        ]
    }


def _back(request: HttpRequest) -> str:
    """Where to return after a decision: the page the form was on, at the post."""
    target = safe_return(request, request.POST.get("next") or request.headers.get("Referer"))
    target = target or reverse("content:consent")
    anchor = request.POST.get("anchor", "")
    if anchor.replace("-", "").isalnum():
        target = f"{target.split('#')[0]}#{anchor}"
    return target
