"""The attacker's sixteenth round at participants' photos. A participant sends photos through
their follow-up link; each is credited with the name they signed up with and, once a
coordinator publishes it, shown on the event's page under that name. Asking to be erased
("removes your name ... from every signup") left the name on every photo they had sent: the
photo kept no link to the signup it came from, so erasure could not find it. Now each photo
sent is linked to its signup (followup.SentPhoto), and erasure takes the credit off."""

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import LocalEventFactory
from tests.media.images import plain_image
from tests.signups.factories import SignupFactory
from turnout.followup.models import FollowUp
from turnout.media.models import Photo
from turnout.signups.models import Signup
from turnout.signups.services.privacy import erase_personal_data

pytestmark = pytest.mark.django_db

NAME = "Małgorzata Wiśniewska"


def test_erasing_a_participant_takes_their_name_off_the_photos_they_sent():
    event = LocalEventFactory(title="Marsz dla klimatu", city="Kraków")
    sender = SignupFactory(
        event=event, state=Signup.State.ATTENDED, name=NAME, email="malgosia@example.pl"
    )
    FollowUp.objects.create(signup=sender, kind=FollowUp.Kind.ATTENDED, sent_at=event.ends_at)
    with time_machine.travel(event.ends_at + timedelta(days=1), tick=False):
        sent = Client().post(
            f"/en/follow-up/{sender.token}/photos/",
            {
                "faces": "none",
                "alt_text": "Transparenty na Rynku",
                "photos": [SimpleUploadedFile("rynek.png", plain_image())],
            },
        )
        assert sent.status_code == 302
        assert Photo.objects.filter(event=event, credit=NAME).exists()
        erase_personal_data(email="malgosia@example.pl", now=event.ends_at + timedelta(days=2))
    assert not Photo.objects.filter(credit__icontains="Wiśniewska").exists()
