"""Press pages: all coverage with filters and submitting a link. The coordinators' review queue
is back-office code: `turnout.organizing.review_queues`."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from turnout.campaigns import selectors as campaign_selectors
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.web import rate_limits
from turnout.web.rate_limits import Limit

from . import selectors, services
from .forms import PressFilterForm, SubmitMentionForm

PAGE_SIZE = 30


def press_list(request: HttpRequest) -> HttpResponse:
    facets = selectors.press_facets(language=get_language())
    form = PressFilterForm(request.GET or None, facets=facets)
    filters = selectors.PressFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.PressFilters(
            year=data["year"], language=data["language"], outlet=data["outlet"], kind=data["kind"]
        )
    page = Paginator(selectors.filtered_press(filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "press/press_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "is_filtered": any([filters.year, filters.language, filters.outlet, filters.kind]),
        },
    )


@require_http_methods(["GET", "POST"])
def submit_for_campaign(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        campaign = campaign_selectors.campaign_for_visitor(
            slug=slug, can_preview=campaign_selectors.may_preview(request.user, Campaign)
        )
    except Campaign.DoesNotExist:
        raise Http404 from None
    return _submit(request, campaign=campaign, event=None, back=campaign.get_absolute_url())


@require_http_methods(["GET", "POST"])
def submit_for_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(LocalEvent.objects.public().select_related("campaign"), pk=pk)
    return _submit(request, campaign=None, event=event, back=event.get_absolute_url())


def _submit(request: HttpRequest, *, campaign, event, back: str) -> HttpResponse:
    form = SubmitMentionForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.is_spam():
            messages.success(request, _("Thank you! A coordinator will review the link."))
            return redirect(back)
        if rate_limits.hit(_submission_limit(request), now=timezone.now()):
            form.add_error(
                None, _("You have sent many links in a short time. Please try again in an hour.")
            )
            status = 429
        else:
            data = form.cleaned_data
            try:
                mention = services.submit_press_mention(
                    url=data["url"],
                    submitted_by=request.user,
                    now=timezone.now(),
                    campaign=campaign,
                    event=event,
                    outlet=data["outlet"],
                    title=data["title"],
                    published_on=data["published_on"],
                    language=data["language"],
                    kind=data["kind"],
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                if mention.is_public:
                    messages.success(request, _("Thank you! The coverage is now listed."))
                else:
                    messages.success(request, _("Thank you! A coordinator will review the link."))
                if services.details_to_read_from_page(mention):
                    messages.info(
                        request, _("Title, outlet and date are read from the page in a moment.")
                    )
                return redirect(back)
    if request.method == "POST":
        status = status if status != 200 else 400
    subject = event or campaign
    return render(
        request,
        "press/submit.html",
        {"form": form, "subject": subject, "event": event, "campaign": campaign or event.campaign},
        status=status,
    )


def _submission_limit(request: HttpRequest) -> Limit:
    """Signed-in people are counted by account, at a higher rate; everyone else by address."""
    if request.user.is_authenticated:
        return Limit(
            "press-user", str(request.user.pk), settings.PRESS_SUBMISSIONS_PER_HOUR_SIGNED_IN
        )
    return Limit(
        "press-ip", rate_limits.client_subscriber(request), settings.PRESS_SUBMISSIONS_PER_HOUR
    )
