"""A backup of photos kept in an S3-compatible bucket (MEDIA_STORAGE_URL), restored into
another machine's empty bucket: the media go through the storage API, not a folder."""

import uuid

import boto3
import pytest

from tests.reliability.served import Database, one_event_campaign
from tests.scale.conftest import moto_server  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow

ADD_PHOTO = """
import io
from PIL import Image
from turnout.campaigns.models import LocalEvent
from turnout.media.services import record_known_photo

buffer = io.BytesIO()
Image.new("RGB", (64, 48), (200, 30, 90)).save(buffer, format="PNG")
event = LocalEvent.objects.get()
photo = record_known_photo(data=buffer.getvalue(), name="demo.png", alt_text="Rood vlak ✊",
                           event=event)
result = photo.original
"""

READ_PHOTO = """
from django.core.files.storage import default_storage
from turnout.media.models import Photo

photo = Photo.objects.get()
with default_storage.open(photo.original, "rb") as stream:
    result = [photo.alt_text, stream.read().hex()]
"""


def bucket_keys(client, bucket: str) -> dict[str, bytes]:
    listed = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {
        item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        for item in listed
    }


def machine(tmp_path, name: str, endpoint: str, client) -> tuple[Database, str]:
    bucket = f"turnout-ops-{name}-{uuid.uuid4().hex[:8]}"
    client.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    data_dir = tmp_path / name
    data_dir.mkdir()
    database = Database(f"sqlite:///{data_dir / 'turnout.sqlite3'}", data_dir)
    database.environment.update(
        MEDIA_STORAGE_URL=(
            f"s3://{bucket}/media?endpoint_url={endpoint}&region=eu-west-1&addressing_style=path"
        ),
        SECRET_KEY="s3-backup-tests-" + "k" * 40,
    )
    return database, bucket


def test_photos_in_a_bucket_round_trip(moto_server, tmp_path):  # noqa: F811
    client = boto3.client("s3", endpoint_url=moto_server, region_name="eu-west-1")
    source, source_bucket = machine(tmp_path, "old", moto_server, client)
    target, target_bucket = machine(tmp_path, "new", moto_server, client)
    source.turnout("migrate", "--no-input", "-v", "0", timeout=300)
    source.python(one_event_campaign("ops-s3", "Backups of buckets"))
    source.python(ADD_PHOTO)
    before = bucket_keys(client, source_bucket)
    assert len(before) >= 2 and all(key.startswith("media/") for key in before)

    archive = tmp_path / "backup.tar.gz"
    assert "media files" in source.turnout("backup", str(archive))
    target.turnout("restore", str(archive))

    assert bucket_keys(client, target_bucket) == before  # every object, the same bytes
    assert target.python(READ_PHOTO) == source.python(READ_PHOTO)
    assert not (target.data_dir / "media").exists()  # nothing landed on the disk instead
