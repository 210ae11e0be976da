"""The baselines of the signup benchmarks: bare Django views doing a correct signup.

Served by the same `turnout serve` (same settings, middleware, database, workers) through
`bench_settings.py`, which makes this module the URL conf: Turnout's own URLs, plus the bare
views below taking the same form. They use Turnout's tables (the same rows, indexes and
constraints) but none of its code: no time trap, rate limit, email or outbox. The distance
between them and Turnout is what those cost.

Two protocols, each correct (nothing oversold, a place decided under the event's lock):

- One step (`baseline_sign_up`, `/baseline/events/<pk>/`): lock the event row, count the
  places held, insert the signup (confirmed, or waitlisted when full), commit once.
- Double opt-in, as Turnout does it: the form (`baseline_form`,
  `/baseline/events/<pk>/form/`) checks that the event takes signups and inserts a signup
  awaiting confirmation with a random token, one commit; the emailed link
  (`baseline_confirm`, `/baseline/<token>/confirm/`) looks the token up, locks the event
  row, counts, and turns that signup confirmed or waitlisted only if it is still awaiting
  (a second click changes nothing), one commit.
"""

import secrets

from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from turnout.campaigns.models import LocalEvent
from turnout.signups.models import Signup
from turnout.urls import urlpatterns as turnout_urlpatterns

AWAITING = "awaiting_confirmation"


def _name_and_email(request: HttpRequest) -> tuple[str, str] | None:
    name = request.POST.get("name", "").strip()
    email = request.POST.get("email", "").strip().lower()
    return (name, email) if name and "@" in email else None


@require_POST
def baseline_sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    """One step: the place is decided by the form itself."""
    person = _name_and_email(request)
    if person is None:
        return HttpResponseBadRequest("name and email, please")
    name, email = person
    now = timezone.now()
    with transaction.atomic():
        event = LocalEvent.objects.select_for_update().only("capacity").get(pk=pk)
        taken = Signup.objects.filter(event_id=pk, state__in=Signup.HOLDS_PLACE).count()
        full = event.capacity is not None and taken >= event.capacity
        Signup.objects.create(
            event_id=pk,
            name=name,
            email=email,
            accepted_code_of_conduct=True,
            created_at=now,
            confirmed_at=now,
            state=Signup.State.WAITLISTED if full else Signup.State.CONFIRMED,
        )
    return redirect("/baseline/done/")


@require_POST
def baseline_form(request: HttpRequest, pk: int) -> HttpResponse:
    """Double opt-in, the form: the event checked, a signup awaiting confirmation in one INSERT
    (autocommit)."""
    person = _name_and_email(request)
    if person is None:
        return HttpResponseBadRequest("name and email, please")
    name, email = person
    now = timezone.now()
    # A correct form takes no signup for an event that is not open (the one-step view reads
    # the row it locks); the FOREIGN KEY alone would accept a cancelled or past event.
    if not LocalEvent.objects.filter(
        pk=pk, status=LocalEvent.Status.APPROVED, signup_url="", ends_at__gt=now
    ).exists():
        raise Http404
    try:
        Signup.objects.create(
            event_id=pk,
            name=name,
            email=email,
            accepted_code_of_conduct=True,
            created_at=now,
            state=AWAITING,
            token=secrets.token_urlsafe(32),
        )
    except IntegrityError:
        pass  # signed up already (or no such event): the same answer, as any signup form gives
    return redirect("/baseline/check-your-inbox/")


@require_POST
def baseline_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Double opt-in, the link: the place decided under the event's lock, one commit."""
    found = Signup.objects.filter(token=token).values_list("pk", "event_id", "state").first()
    if found is None:
        raise Http404
    pk, event_id, state = found
    if state == AWAITING:
        now = timezone.now()
        with transaction.atomic():
            capacity = (
                LocalEvent.objects.select_for_update()
                .values_list("capacity", flat=True)
                .get(pk=event_id)
            )
            taken = Signup.objects.filter(event_id=event_id, state__in=Signup.HOLDS_PLACE).count()
            full = capacity is not None and taken >= capacity
            Signup.objects.filter(pk=pk, state=AWAITING).update(
                state=Signup.State.WAITLISTED if full else Signup.State.CONFIRMED,
                confirmed_at=now,
                waitlisted_at=now if full else None,
            )
    return redirect(f"/baseline/{token}/")


urlpatterns = [
    path("baseline/events/<int:pk>/", baseline_sign_up),
    path("baseline/events/<int:pk>/form/", baseline_form),
    path("baseline/<str:token>/confirm/", baseline_confirm),
    *turnout_urlpatterns,
]
