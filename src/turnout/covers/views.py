"""The cover pages (a campaign's hero for its coordinators, an event's image for its organizers
and coordinators) and the route that serves the stored files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from turnout.accounts.permissions import Action, can
from turnout.accounts.requests import AuthenticatedHttpRequest, get_permitted_object
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.web.stored_files import stored_file_response

from . import services
from .display import CONTENT_TYPES
from .forms import CoverForm
from .models import CoverImage


def _campaign(request: AuthenticatedHttpRequest, slug: str) -> Campaign:
    return get_permitted_object(request.user, Action.EDIT, Campaign, slug=slug)


def _event(request: AuthenticatedHttpRequest, pk: int) -> LocalEvent:
    return get_permitted_object(
        request.user, Action.EDIT, LocalEvent.objects.select_related("campaign"), pk=pk
    )


@login_required
def campaign_cover(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    return _edit(request, _campaign(request, slug))


@login_required
def event_cover(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _edit(request, _event(request, pk))


@login_required
@require_POST
def remove_campaign_cover(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    return _remove(request, _campaign(request, slug))


@login_required
@require_POST
def remove_event_cover(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _remove(request, _event(request, pk))


def _edit(request: AuthenticatedHttpRequest, subject: Campaign | LocalEvent) -> HttpResponse:
    cover = services.cover_of(subject)
    form = CoverForm(request.POST or None, request.FILES or None, cover=cover)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            saved, status = form.save_for(subject, request.user)
            if saved is not None:
                messages.success(request, _("The image is saved."))
                return redirect(request.path)
    return render(
        request,
        "covers/edit.html",
        {
            "subject": subject,
            "is_campaign": isinstance(subject, Campaign),
            "cover": cover,
            "form": form,
        },
        status=status,
    )


def _remove(request: AuthenticatedHttpRequest, subject: Campaign | LocalEvent) -> HttpResponse:
    if services.remove_cover(subject=subject, actor=request.user):
        messages.success(request, _("The image is removed."))
    if isinstance(subject, Campaign):
        return redirect("covers:campaign_cover", slug=subject.slug)
    return redirect("covers:event_cover", pk=subject.pk)


@require_safe
def stored_file(request: HttpRequest, key: str, file: str) -> HttpResponseBase:
    """One file of a cover, streamed from storage (local folder or bucket) under an address of
    this site: a cached page never holds a signed bucket URL that expires. Only the cover's
    own files can be reached. A cover not yet public (a draft campaign's, a proposed event's)
    is served only to those who may edit its subject, never to a shared cache: its random key
    is no secret once it is in a page, an email or a browser's history. A public one is kept
    by shared caches only briefly (`PUBLIC_FILE_CACHE_CONTROL`): once taken down (removed,
    replaced, which gives a new key, or its subject no longer public) its address answers
    404 here and soon everywhere."""
    cover = CoverImage.objects.select_related("campaign", "event__campaign").filter(key=key).first()
    name = f"covers/{key}/{file}"
    if cover is None or name not in cover.file_names():
        raise Http404
    is_public = cover.is_public()
    if not is_public and not can(request.user, Action.EDIT, cover.subject):
        raise Http404  # as for a key that does not exist: a stranger learns nothing
    extension = file.rsplit(".", 1)[-1]
    return stored_file_response(
        request,
        name,
        content_type=CONTENT_TYPES.get(extension, "image/jpeg"),
        is_public=is_public,
    )
