"""The attacker's thirteenth round: the review of photos and press links in the back office.

A participant's photo waits for a coordinator of its campaign: the review queue and the
admin's "Publish" action both go through the one review (the campaign's right to approve,
who decided and when, an entry in the audit log). The admin's change page, though, offered
the review's state as an ordinary field: staff allowed to correct a caption published a
stranger's photo of faces, or a press link nobody checked, with no coordinator, no reviewer
and nothing in the log. The state is now shown there, not changed; the actions decide.
"""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.media.images import plain_image
from tests.press.factories import PressMentionFactory
from turnout.accounts.models import AuditEntry
from turnout.media import services as media
from turnout.media.models import Photo
from turnout.press.models import PressMention

pytestmark = pytest.mark.django_db


def _staff(*codenames: str, coordinator_of=None) -> Client:
    person = UserFactory(email="redactie@voorbeeld.nl", is_staff=True)
    person.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    if coordinator_of is not None:
        coordinator_of.coordinators.add(person)
    client = Client(raise_request_exception=False)
    client.force_login(person)
    return client


def _participants_photo():
    event = LocalEventFactory(title="Klimaatmars Gent", campaign=CampaignFactory(slug="gent"))
    (photo,) = media.upload_participant_photos(
        uploads=[media.Upload("mars.png", plain_image())],
        event=event,
        now=timezone.now(),
        credit="Wout",
        faces=Photo.Faces.CONSENTED,
        alt_text="Mensen met spandoeken op de Kouter",
    )
    return photo


def _photo_form(photo: Photo, **changes) -> dict:
    data = {
        "campaign": photo.campaign_id or "", "event": photo.event_id or "",
        "alt_text": photo.alt_text, "caption": "Op de Kouter", "credit": photo.credit,
        "faces": photo.faces, "state": photo.state,
    }  # fmt: skip
    data.update(changes)
    return data


def test_staff_who_may_change_photos_do_not_publish_one_by_its_form():
    photo = _participants_photo()
    client = _staff("view_photo", "change_photo")
    answer = client.post(
        f"/admin/turnout_media/photo/{photo.pk}/change/", _photo_form(photo, state="approved")
    )
    assert answer.status_code == 302  # the caption was saved...
    photo.refresh_from_db()
    assert photo.caption == "Op de Kouter"
    assert photo.state == Photo.State.PENDING  # ...the review was not
    assert photo.reviewed_by is None


def test_a_press_link_nobody_checked_is_not_published_by_its_form():
    mention = PressMentionFactory(
        state=PressMention.State.PENDING, title="Fietsers blokkeren de ring", outlet="De Krant"
    )
    client = _staff("view_pressmention", "change_pressmention")
    data = {
        "campaign": mention.campaign_id, "event": "", "url": mention.url,
        "outlet": "De Krant", "title": "Fietsers blokkeren de ring (update)",
        "published_on": "2030-05-02", "language": "nl", "kind": mention.kind,
        "state": "approved",
    }  # fmt: skip
    answer = client.post(f"/admin/press/pressmention/{mention.pk}/change/", data)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    mention.refresh_from_db()
    assert mention.title == "Fietsers blokkeren de ring (update)"
    assert mention.state == PressMention.State.PENDING
    assert mention.reviewed_by is None


def test_the_campaigns_coordinator_still_publishes_from_the_admin_and_it_is_logged():
    """The form above would pass if nothing could publish: the action does, for the role."""
    photo = _participants_photo()
    client = _staff("view_photo", "change_photo", coordinator_of=photo.campaign)
    client.post(
        "/admin/turnout_media/photo/",
        {"action": "publish", "_selected_action": [photo.pk], "index": 0},
    )
    photo.refresh_from_db()
    assert photo.state == Photo.State.APPROVED
    assert photo.reviewed_by.email == "redactie@voorbeeld.nl"
    assert AuditEntry.objects.filter(action="photo.approve", target_id=str(photo.pk)).exists()


def test_staff_without_the_campaigns_role_publish_nothing_by_the_action_either():
    photo = _participants_photo()
    client = _staff("view_photo", "change_photo")
    client.post(
        "/admin/turnout_media/photo/",
        {"action": "publish", "_selected_action": [photo.pk], "index": 0},
    )
    photo.refresh_from_db()
    assert photo.state == Photo.State.PENDING
