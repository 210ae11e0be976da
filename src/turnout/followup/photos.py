"""Photos from the people who were there, sent through the follow-up's private link.

A participant has no account, so the media app's upload page (for organizers) is not
theirs; their follow-up link is their right to send. Every photo waits for a coordinator
(`media.services.upload_participant_photos`), and a few uploads per day per person keep a
leaked link from filling the disk.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from turnout.media import services as photo_services
from turnout.media.forms import UploadPhotosForm
from turnout.signups.models import Signup
from turnout.web import rate_limits
from turnout.web.rate_limits import Limit

from . import selectors
from .models import SentPhoto

# How long after the event people may still send photos.
SENDING_PERIOD = timedelta(days=60)
UPLOADS_PER_DAY = 5


def _sender_or_404(token: str) -> Signup:
    try:
        signup = selectors.signup_for_survey(token)
    except Signup.DoesNotExist:
        raise Http404 from None
    now = timezone.now()
    event = signup.event
    if event.is_cancelled or event.starts_at > now or event.ends_at + SENDING_PERIOD < now:
        raise Http404
    return signup


@never_cache
@require_http_methods(["GET", "POST"])
def send_photos(request: HttpRequest, token: str) -> HttpResponse:
    signup = _sender_or_404(token)
    form = UploadPhotosForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        limited = rate_limits.hit(
            Limit("participant-photos", token, UPLOADS_PER_DAY, window=24 * 3600),
            now=timezone.now(),
        )
        if limited:
            form.add_error(None, _("You have sent many photos today. Please try again tomorrow."))
            status = 429
        elif form.is_valid():
            with transaction.atomic():  # each photo with its sender, or neither
                sent, status = form.upload_with(
                    photo_services.upload_participant_photos,
                    credit=signup.name,
                    event=signup.event,
                    now=timezone.now(),
                )
                SentPhoto.objects.bulk_create(
                    SentPhoto(photo=photo, signup=signup) for photo in sent or ()
                )
            if sent is not None:
                messages.success(
                    request,
                    ngettext(
                        "Thank you! %(count)d photo was sent; the organizers check it first.",
                        "Thank you! %(count)d photos were sent; the organizers check them first.",
                        len(sent),
                    )
                    % {"count": len(sent)},
                )
                return redirect("followup:send_photos", token=token)
    return render(
        request,
        "followup/send_photos.html",
        {
            "signup": signup,
            "event": signup.event,
            "form": form,
            "max_files": settings.PHOTO_MAX_FILES,
        },
        status=status,
    )
