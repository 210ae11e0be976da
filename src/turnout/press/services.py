"""State changes of press coverage: submitting a link, reviewing it, recording known coverage."""

from collections.abc import Sequence
from datetime import date, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from turnout.accounts.permissions import Action, can
from turnout.accounts.services import record_audit
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.web.text import single_line

from .languages import known_language_codes
from .metadata import fetch_page_metadata
from .models import PressMention

# Parameters that only say where a reader clicked from; two links differing in them are one.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref_src")
REVIEWABLE_FIELDS = frozenset({"outlet", "title", "published_on", "language", "kind"})
# What the page itself can tell, when the person submitting left it empty.
PAGE_FIELDS = ("outlet", "title", "published_on", "language")


def normalize_url(url: str) -> str:
    """The link without its fragment and tracking parameters, so duplicates are recognized."""
    parts = urlsplit(url.strip())
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith(TRACKING_PARAMETERS)
    ]
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path, urlencode(query), "")
    )


def _subject(
    campaign: Campaign | None, event: LocalEvent | None
) -> tuple[Campaign | None, LocalEvent | None]:
    if event is not None and event.campaign_id:
        if campaign is not None and campaign.pk != event.campaign_id:
            raise ValidationError(_("This event belongs to another campaign."))
        campaign = event.campaign
    if campaign is None and event is None:
        raise ValidationError(_("Choose the campaign or event the coverage is about."))
    return campaign, event


ALREADY_SUBMITTED = gettext_lazy("This link has already been submitted. Thank you!")


def _duplicate(*, campaign: Campaign | None, event: LocalEvent | None, url: str):
    if campaign is not None:
        return PressMention.objects.filter(campaign=campaign, url=url)
    return PressMention.objects.filter(campaign__isnull=True, event=event, url=url)


def submit_press_mention(
    *,
    url: str,
    submitted_by,
    now: datetime,
    campaign: Campaign | None = None,
    event: LocalEvent | None = None,
    outlet: str = "",
    title: str = "",
    published_on: date | None = None,
    language: str = "",
    kind: str = PressMention.Kind.ARTICLE,
    fetch_metadata: bool = True,
) -> PressMention:
    """Record a link for review; what the person left empty is read from the page later.

    The page is never fetched here: a task does it once this transaction commits
    (`fill_details_from_page`), so a slow or hostile site cannot hold the request.
    A coordinator's own submission (or an administrator's) is published at once; everyone
    else's waits for a coordinator. Raises ValidationError with a message for the person.
    """
    campaign, event = _subject(campaign, event)
    url = normalize_url(url)
    if urlsplit(url).scheme not in {"http", "https"}:
        raise ValidationError(_("Give a web address starting with http:// or https://."))
    if _duplicate(campaign=campaign, event=event, url=url).exists():
        raise ValidationError(ALREADY_SUBMITTED)
    mention = PressMention(
        campaign=campaign,
        event=event,
        url=url,
        outlet=outlet.strip(),
        title=title.strip(),
        published_on=published_on,
        language=language.lower(),
        kind=kind,
        submitted_by=submitted_by if submitted_by and submitted_by.is_authenticated else None,
    )
    left_empty = [name for name in PAGE_FIELDS if not getattr(mention, name)]
    if not mention.outlet:
        mention.outlet = mention.host  # until the page names its outlet
    subject = event if event is not None else campaign
    if can(submitted_by, Action.APPROVE_MEDIA, subject):
        mention.record_review(approve=True, by=mention.submitted_by, now=now)
    # Not the constraints: _subject() settled what it covers, and a link submitted twice is
    # answered with one message, by the check above or, for a twin submitted at the same
    # moment, by the database's unique constraint below (the model's own message differs).
    mention.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            mention.save()
            record_audit(
                actor=mention.submitted_by,
                action="press.submit",
                target=mention,
                summary=f"{mention.url} ({mention.get_state_display()})",
            )
            if fetch_metadata and left_empty:
                _fill_details_on_commit(mention_id=mention.pk, fields=left_empty)
    except IntegrityError:  # the same link, submitted twice at the same moment
        raise ValidationError(ALREADY_SUBMITTED) from None
    return mention


def details_to_read_from_page(mention: PressMention) -> list[str]:
    """The details of a mention that are still unknown, which its page may tell."""
    return [name for name in PAGE_FIELDS if _is_unset(mention, name)]


def _fill_details_on_commit(*, mention_id: int, fields: list[str]) -> None:
    from .tasks import fill_details_from_page

    # robust: a queue that cannot be reached leaves the details empty for the reviewer to
    # fill in; it must not undo the submission that was just stored.
    transaction.on_commit(lambda: fill_details_from_page.enqueue(mention_id, fields), robust=True)


def fill_details_from_page(*, mention_id: int, fields: Sequence[str]) -> PressMention | None:
    """Fill `fields` of a submitted link from its page, where they still hold nothing.

    Runs in the task worker. A value someone typed since (a reviewer's correction, or the
    first run of this task) is never replaced, so running it twice changes nothing more.
    Returns the mention, or None if it is gone.
    """
    mention = PressMention.objects.filter(pk=mention_id).first()
    if mention is None:
        return None
    pending = [name for name in PAGE_FIELDS if name in fields and _is_unset(mention, name)]
    if not pending:
        return mention
    metadata = fetch_page_metadata(mention.url)  # outside the transaction: it may take seconds
    found = {
        "outlet": single_line(metadata.site_name, max_length=200),
        "title": single_line(metadata.title, max_length=300),
        "published_on": metadata.published_on,
        "language": metadata.language if metadata.language in known_language_codes() else "",
    }
    with transaction.atomic():
        mention = PressMention.objects.select_for_update().filter(pk=mention_id).first()
        if mention is None:
            return None
        changed = [
            name
            for name in pending
            if found[name] and _is_unset(mention, name)  # checked again under the lock
        ]
        for name in changed:
            setattr(mention, name, found[name])
        if changed:
            mention.save(update_fields=[*changed, "updated_at"])
    return mention


def _is_unset(mention: PressMention, name: str) -> bool:
    value = getattr(mention, name)
    if name == "outlet":
        return value in ("", mention.host)  # the host stands in until the page names it
    return not value


def review_press_mention(
    *, mention: PressMention, actor, approve: bool, now: datetime, changes: dict | None = None
) -> PressMention:
    """Approve (publish) or reject a mention, correcting its details on the way."""
    changes = changes or {}
    if unknown := set(changes) - REVIEWABLE_FIELDS:
        raise ValueError(f"not reviewable: {sorted(unknown)}")
    with transaction.atomic():
        mention = PressMention.objects.select_for_update().get(pk=mention.pk)
        if not can(actor, Action.APPROVE_MEDIA, mention.subject):
            raise PermissionDenied
        for name, value in changes.items():
            setattr(mention, name, value)
        mention.record_review(approve=approve, by=actor, now=now)
        mention.full_clean()
        mention.save()
        record_audit(
            actor=actor,
            action="press.approve" if approve else "press.reject",
            target=mention,
            summary=mention.url,
        )
    return mention


def record_known_mention(
    *,
    url: str,
    outlet: str,
    title: str,
    campaign: Campaign | None = None,
    event: LocalEvent | None = None,
    published_on: date | None = None,
    language: str = "",
    kind: str = PressMention.Kind.ARTICLE,
) -> PressMention:
    """Create or update published coverage that is already known (demo data, importers)."""
    campaign, event = _subject(campaign, event)
    url = normalize_url(url)
    with transaction.atomic():
        mention = _duplicate(campaign=campaign, event=event, url=url).first() or PressMention(
            campaign=campaign, url=url
        )
        mention.event = event
        mention.outlet, mention.title, mention.kind = outlet, title, kind
        mention.published_on, mention.language = published_on, language
        mention.state = PressMention.State.APPROVED
        mention.full_clean()
        mention.save()
    return mention
