"""Photo pages: an event's photos for its organizers, a photo's own actions (describe, publish or
reject, delete) and stored files. The coordinators' review queue, which posts to those actions,
is back-office code: `turnout.organizing.review_queues`."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from turnout.accounts.permissions import Action, can
from turnout.accounts.requests import AuthenticatedHttpRequest
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.web.next_address import safe_next
from turnout.web.stored_files import stored_file_response

from . import selectors, services
from .forms import DescribePhotoForm, UploadPhotosForm
from .models import Photo


@login_required
def event_photos(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(LocalEvent.objects.select_related("campaign"), pk=pk)
    return _manage(request, event=event, campaign=None, subject=event)


@login_required
def campaign_photos(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign, slug=slug)
    return _manage(request, event=None, campaign=campaign, subject=campaign)


def _manage(request: HttpRequest, *, event, campaign, subject) -> HttpResponse:
    if not can(request.user, Action.ADD_PHOTOS, subject):
        raise PermissionDenied
    form = UploadPhotosForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            uploaded, status = form.upload_with(
                services.upload_photos,
                uploaded_by=request.user,
                now=timezone.now(),
                event=event,
                campaign=campaign,
            )
            if uploaded is not None:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d photo uploaded.", "%(count)d photos uploaded.", len(uploaded)
                    )
                    % {"count": len(uploaded)},
                )
                return redirect(request.path)
    photos = (
        selectors.event_photos_for_organizers(event)
        if event is not None
        else Photo.objects.filter(campaign=campaign, event__isnull=True).order_by("-created_at")
    )
    return render(
        request,
        "media/manage_photos.html",
        {
            "subject": subject,
            "form": form,
            "items": [(p, DescribePhotoForm(instance=p, prefix=f"p{p.pk}")) for p in photos],
            "may_approve": can(request.user, Action.APPROVE_MEDIA, subject),
        },
        status=status,
    )


def _permitted_photo(request: AuthenticatedHttpRequest, pk: int, action: Action) -> Photo:
    """The photo, if the person may do `action` to its event or campaign (else 404 or 403),
    asked before any form is bound: error messages must not be the first thing checked."""
    photo = get_object_or_404(Photo.objects.select_related("event", "campaign"), pk=pk)
    if not can(request.user, action, photo.subject):
        raise PermissionDenied
    return photo


def _back(request: HttpRequest) -> HttpResponse:
    if target := safe_next(request, request.POST.get("next")):
        return HttpResponseRedirect(target)  # a URL, never a view name like redirect() takes
    return redirect("media:review")


@login_required
@require_POST
def describe(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    photo = _permitted_photo(request, pk, Action.ADD_PHOTOS)
    form = DescribePhotoForm(request.POST, instance=photo, prefix=f"p{photo.pk}")
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return _back(request)
    services.describe_photo(photo=photo, actor=request.user, **form.cleaned_data)
    if request.POST.get("decision") in {"approve", "reject"}:
        return review(request, pk)
    messages.success(request, _("The photo's details are saved."))
    return _back(request)


@login_required
@require_POST
def review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    photo = _permitted_photo(request, pk, Action.APPROVE_MEDIA)
    approve = request.POST.get("decision") == "approve"
    try:
        services.review_photo(photo=photo, actor=request.user, approve=approve, now=timezone.now())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The photo is published.") if approve else _("The photo is rejected.")
        )
    return _back(request)


@login_required
@require_POST
def delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    photo = _permitted_photo(request, pk, Action.ADD_PHOTOS)
    services.delete_photo(photo=photo, actor=request.user)
    messages.success(request, _("The photo is deleted."))
    return _back(request)


REDIRECT_CACHE_SECONDS = 60


@require_GET
def stored_file(request: HttpRequest, name: str) -> HttpResponseBase:
    """Serve a photo's file when it may be seen: public, or to its organizers and coordinators.

    For the embedded default (SERVE_MEDIA), and with object storage (MEDIA_STORAGE_URL), where
    a public photo is a redirect to a freshly signed URL. Names are checked against the photo's
    own list of files, so nothing else under MEDIA_ROOT can be reached through this route.
    """
    photo = selectors.photo_for_file(name)
    if photo is None:
        raise Http404
    is_public = selectors.is_shown_to_everyone(photo)
    if not is_public and not can(request.user, Action.ADD_PHOTOS, photo.subject):
        raise Http404
    if is_public and selectors.signs_its_urls():
        # A crowd's browsers fetch from the bucket, not through a web worker; the redirect
        # may be kept for a minute, well inside the signed URL's own lifetime.
        redirect_to_bucket = HttpResponseRedirect(default_storage.url(name))
        redirect_to_bucket["Cache-Control"] = f"public, max-age={REDIRECT_CACHE_SECONDS}"
        return redirect_to_bucket
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if name.endswith(".avif"):
        content_type = "image/avif"
    return stored_file_response(request, name, content_type=content_type, is_public=is_public)
