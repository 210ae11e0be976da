"""Setting, replacing and removing covers, with real rows and stored files."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from PIL import Image

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.media.images import GPS_IFD, huge_png_header, photo_with_gps, plain_image
from tests.media.test_processing import assert_no_metadata
from turnout.accounts.models import AuditEntry
from turnout.covers import services
from turnout.covers.models import CoverImage

from .images import banner

pytestmark = pytest.mark.django_db(transaction=True)


def stored_files(settings) -> set[str]:
    root = settings.MEDIA_ROOT
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def set_cover(subject, person, data=None, name="banner.png", alt_text="Marchers on the Neude"):
    return services.set_cover(
        subject=subject,
        actor=person,
        alt_text=alt_text,
        credit="Foto: Sanne",
        upload=services.Upload(name, banner() if data is None else data),
    )


def test_a_coordinator_sets_the_hero_in_every_size(campaign, coordinator, settings):
    cover = set_cover(campaign, coordinator)
    assert cover.campaign == campaign and cover.event is None
    assert (cover.width, cover.height) == (1600, 900)
    assert {(r["width"], r["format"]) for r in cover.renditions} == {
        (w, f) for w in (480, 960, 1600) for f in ("avif", "webp")
    }
    assert stored_files(settings) == set(cover.file_names())
    assert all(name.startswith(f"covers/{cover.key}/") for name in cover.file_names())
    email = Image.open(default_storage.open(cover.email_file))
    assert (email.format, email.width) == ("JPEG", 1200)
    entry = AuditEntry.objects.get(action="cover.set")
    assert entry.actor == coordinator and entry.summary == "Marchers on the Neude"


def test_a_gps_tagged_photo_loses_its_position_and_camera(event, organizer):
    gps = photo_with_gps(size=(1400, 1000))
    assert dict(Image.open(io.BytesIO(gps)).getexif().get_ifd(GPS_IFD))  # it had GPS
    cover = set_cover(event, organizer, gps, name="IMG_2041.jpg")
    for name in cover.file_names():
        with default_storage.open(name) as handle:
            assert_no_metadata(handle.read())


def test_replacing_deletes_the_old_files_after_commit(event, organizer, settings):
    first = set_cover(event, organizer)
    old_files = set(first.file_names())
    second = set_cover(event, organizer, banner(colours=((200, 0, 0), (0, 0, 0))))
    assert second.pk == first.pk and second.key != first.key
    assert CoverImage.objects.count() == 1
    assert stored_files(settings) == set(second.file_names())
    assert not old_files & stored_files(settings)


def test_new_texts_without_a_file_keep_the_image(event, organizer, settings):
    first = set_cover(event, organizer)
    files = stored_files(settings)
    changed = services.set_cover(
        subject=event, actor=organizer, alt_text="Zwei Fahnen im Wind", credit=""
    )
    assert (changed.key, changed.alt_text, changed.credit) == (first.key, "Zwei Fahnen im Wind", "")
    assert stored_files(settings) == files
    assert AuditEntry.objects.filter(action="cover.describe").count() == 1


@pytest.mark.parametrize("alt_text", ["", "   ", "\n"])
def test_alt_text_is_required_and_nothing_is_stored(event, organizer, settings, alt_text):
    with pytest.raises(ValidationError) as refused:
        set_cover(event, organizer, alt_text=alt_text)
    assert "alt_text" in refused.value.message_dict
    assert not CoverImage.objects.exists()
    assert stored_files(settings) == set()


@pytest.mark.parametrize(
    "name, data, says",
    [
        ("notes.txt", b"Dit is geen afbeelding.", "not an image we can read"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
         "not an image we can read"),
        ("bomb.png", huge_png_header(), "megapixels"),
        ("tiny.png", plain_image(size=(10, 10)), "too small"),
        ("half.jpg", banner(fmt="JPEG")[:3000], "not an image we can read"),
    ],
)  # fmt: skip
def test_bad_files_are_refused_with_a_reason_and_leave_nothing(
    event, organizer, settings, name, data, says
):
    with pytest.raises(ValidationError) as refused:
        set_cover(event, organizer, data, name=name)
    [message] = refused.value.message_dict["image"]
    assert says in message and name in message
    assert not CoverImage.objects.exists()
    assert stored_files(settings) == set()


def test_a_file_over_the_byte_limit_is_refused(event, organizer, settings):
    settings.PHOTO_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="larger than"):
        set_cover(event, organizer)


def test_a_refused_replacement_keeps_the_old_image(event, organizer, settings):
    first = set_cover(event, organizer)
    files = stored_files(settings)
    with pytest.raises(ValidationError):
        set_cover(event, organizer, b"GIF89a broken")
    assert CoverImage.objects.get().key == first.key
    assert stored_files(settings) == files


def test_a_storage_failure_keeps_nothing_half_written(event, organizer, settings, monkeypatch):
    saved = []
    real_save = default_storage.save

    def save_then_fail(name, content, *args, **kwargs):
        if len(saved) == 3:
            raise OSError(28, "No space left on device")
        saved.append(real_save(name, content, *args, **kwargs))
        return saved[-1]

    monkeypatch.setattr(default_storage, "save", save_then_fail)
    with pytest.raises(services.CoverStorageFailed, match="could not store"):
        set_cover(event, organizer)
    assert not CoverImage.objects.exists()
    assert stored_files(settings) == set()


def test_removing_deletes_the_row_and_the_files(event, organizer, settings):
    set_cover(event, organizer)
    assert services.remove_cover(subject=event, actor=organizer)
    assert not CoverImage.objects.exists()
    assert stored_files(settings) == set()
    assert not services.remove_cover(subject=event, actor=organizer)  # nothing left to remove
    assert AuditEntry.objects.filter(action="cover.remove").count() == 1


def test_deleting_the_event_then_the_campaign_deletes_their_files(
    campaign, event, coordinator, settings
):
    hero = set_cover(campaign, coordinator)
    set_cover(event, coordinator)
    assert len(stored_files(settings)) == 2 * 8
    event.delete()  # events protect their campaign: they go first
    assert stored_files(settings) == set(hero.file_names())
    campaign.delete()
    assert not CoverImage.objects.exists()
    assert stored_files(settings) == set()


def test_setting_a_cover_moves_the_page_on(event, organizer):
    before = event.updated_at
    set_cover(event, organizer)
    event.refresh_from_db()
    assert event.updated_at > before


def test_who_may_set_which_image(campaign, event, organizer, coordinator):
    stranger_organizer = UserFactory()
    LocalEventFactory(campaign=campaign).organizers.add(stranger_organizer)
    participant = UserFactory()
    other_coordinator = UserFactory()
    CampaignFactory().coordinators.add(other_coordinator)

    assert services.may_set_cover(organizer, event)
    assert services.may_set_cover(coordinator, event)
    assert services.may_set_cover(coordinator, campaign)
    assert not services.may_set_cover(organizer, campaign)  # the hero is the coordinators'
    for person in (stranger_organizer, participant, other_coordinator):
        assert not services.may_set_cover(person, event)
        with pytest.raises(PermissionDenied):
            set_cover(event, person)
    assert not CoverImage.objects.exists()


def test_the_database_refuses_a_cover_of_both_or_neither(campaign, event):
    from django.db import IntegrityError, transaction

    for subjects in ({"campaign": campaign, "event": event}, {}):
        with pytest.raises(IntegrityError), transaction.atomic():
            CoverImage.objects.create(
                alt_text="x", width=1, height=1, original="a", email_file="b", **subjects
            )
