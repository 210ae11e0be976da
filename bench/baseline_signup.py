"""The baseline of the signup benchmarks: a bare Django view doing a correct signup.

Served by the same `turnout serve` (same settings, middleware, database, workers) through
`bench_settings.py`, which makes this module the URL conf: Turnout's own URLs, plus
`/baseline/events/<pk>/` taking the same form. What it does is what any correct signup must:
lock the event row, count the places held, insert the signup (confirmed, or waitlisted when
full), commit once. No time trap, rate limit, double opt-in or email: the distance between
the two is what those cost.
"""

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from turnout.campaigns.models import LocalEvent
from turnout.signups.models import Signup
from turnout.urls import urlpatterns as turnout_urlpatterns


@require_POST
def baseline_sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    name = request.POST.get("name", "").strip()
    email = request.POST.get("email", "").strip().lower()
    if not name or "@" not in email:
        return HttpResponseBadRequest("name and email, please")
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


urlpatterns = [
    path("baseline/events/<int:pk>/", baseline_sign_up),
    *turnout_urlpatterns,
]
