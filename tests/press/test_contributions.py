"""Press mentions and photos share one abstract model: what they are about, when, and review."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.factories import CampaignFactory, LocalEventFactory
from tests.press.factories import PressMentionFactory
from turnout.campaigns.models import Campaign
from turnout.campaigns.review import Contribution
from turnout.media.models import Photo
from turnout.press.models import PressMention

pytestmark = pytest.mark.django_db


def _photo(**subject) -> Photo:
    return Photo(original="photos/x/original.webp", width=10, height=10, sha256="0" * 64, **subject)


def test_the_shared_block_keeps_every_column_and_constraint_name():
    for model, added_by, check in [
        (PressMention, "submitted_by_id", "press_mention_has_subject"),
        (Photo, "uploaded_by_id", "photo_has_subject"),
    ]:
        assert issubclass(model, Contribution)
        columns = {field.column for field in model._meta.concrete_fields}
        assert {"campaign_id", "event_id", added_by, "created_at", "updated_at"} <= columns
        assert {"state", "reviewed_by_id", "reviewed_at"} <= columns
        assert check in {constraint.name for constraint in model._meta.constraints}


def test_the_models_and_their_migrations_agree():
    out = StringIO()
    # Exits (SystemExit) when a change to the shared block would need a migration.
    call_command("makemigrations", "press", "turnout_media", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()


def test_each_keeps_its_reverse_names_on_campaigns_and_events():
    event = LocalEventFactory()
    mention = PressMentionFactory(campaign=event.campaign, event=event)
    photo = _photo(campaign=event.campaign, event=event)
    photo.save()
    assert list(event.press_mentions.all()) == [mention]
    assert list(event.campaign.photos.all()) == [photo]
    assert Campaign.objects.filter(photos__event=event, press_mentions__event=event).exists()
    assert photo.subject == event and mention.subject == event
    assert PressMentionFactory(campaign=event.campaign).subject == event.campaign


@pytest.mark.parametrize("make", [_photo, PressMentionFactory.build])
def test_one_about_an_event_of_another_campaign_is_refused(make):
    event = LocalEventFactory()
    item = make(campaign=CampaignFactory(), event=event)
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert error.value.message_dict == {"event": ["This event belongs to another campaign."]}
    make(campaign=event.campaign, event=event).clean()  # its own campaign is fine


@pytest.mark.parametrize("make", [_photo, PressMentionFactory.build])
def test_the_database_refuses_one_about_nothing(make):
    item = make(campaign=None, event=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_when_it_was_added_reads_the_same_for_both_in_dutch():
    with translation.override("nl"):
        for model in (PressMention, Photo):
            assert str(model._meta.get_field("created_at").verbose_name) == "toegevoegd"
