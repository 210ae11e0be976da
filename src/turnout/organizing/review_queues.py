"""The coordinators' review queues: press links (with the decision on each) and photos.

Back-office pages over press and media: the rules stay in `press.services` and
`media.services`, and the URL and template names stay those of press and media
(`press:review`, `press/review.html`, `media:review`, `media/review.html`). A photo's own
actions (describe, publish or reject, delete) stay in media: the organizers' photos page
posts to them too.
"""

from dataclasses import dataclass

import idna
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from turnout.accounts.permissions import Action, can, has_review_queue
from turnout.accounts.requests import AuthenticatedHttpRequest
from turnout.campaigns.proposals.spam import is_lookalike_host
from turnout.media import selectors as photo_selectors
from turnout.media.forms import DescribePhotoForm
from turnout.press import selectors as press_selectors
from turnout.press import services as press_services
from turnout.press.forms import ReviewMentionForm
from turnout.press.models import PressMention


@login_required
def press_review_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not has_review_queue(request.user):
        raise PermissionDenied
    pending = list(press_selectors.mentions_awaiting_review(request.user))
    items = [(m, ReviewMentionForm(instance=m, prefix=f"m{m.pk}"), LinkHost.of(m)) for m in pending]
    return render(request, "press/review.html", {"items": items})


@dataclass(frozen=True)
class LinkHost:
    """Where a press link leads, as a reviewer must see it: the title, the outlet and the page
    are the sender's to choose, and "nоs.nl" with a Cyrillic о reads as the real outlet's
    site. A name in letters other than ASCII is shown in the ASCII spelling too, and one that
    mixes alphabets is flagged."""

    shown: str
    is_lookalike: bool

    @classmethod
    def of(cls, mention: PressMention) -> "LinkHost":
        host = mention.host
        shown = host
        if not host.isascii():
            try:
                shown = f"{host} ({idna.encode(host, uts46=True).decode('ascii')})"
            except idna.IDNAError:
                shown = f"{host} ({host.encode('ascii', 'backslashreplace').decode()})"
        return cls(shown=shown, is_lookalike=is_lookalike_host(host))


@login_required
@require_POST
def review_press_mention(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    # Permission first: the form below echoes the link's URL and event back in its page.
    if not has_review_queue(request.user):
        raise PermissionDenied
    mention = get_object_or_404(PressMention.objects.select_related("campaign", "event"), pk=pk)
    if not can(request.user, Action.APPROVE_MEDIA, mention.subject):
        raise PermissionDenied
    form = ReviewMentionForm(request.POST, instance=mention, prefix=f"m{mention.pk}")
    approve = request.POST.get("decision") == "approve"
    if approve and not form.is_valid():
        items = [(mention, form, LinkHost.of(mention))]
        return render(request, "press/review.html", {"items": items}, status=400)
    changes = {name: form.cleaned_data[name] for name in form.fields} if approve else {}
    try:
        press_services.review_press_mention(
            mention=mention,
            actor=request.user,
            approve=approve,
            now=timezone.now(),
            changes=changes,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("press:review")
    if approve:
        messages.success(request, _("Published: %(title)s") % {"title": mention.display_title})
    else:
        messages.success(request, _("Rejected: %(title)s") % {"title": mention.display_title})
    return redirect("press:review")


@login_required
def photo_review_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not has_review_queue(request.user):
        raise PermissionDenied
    photos = photo_selectors.photos_awaiting_review(request.user)
    return render(
        request,
        "media/review.html",
        {
            "items": [(p, DescribePhotoForm(instance=p, prefix=f"p{p.pk}")) for p in photos],
            "may_approve": True,
        },
    )
