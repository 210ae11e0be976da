"""The attacker's ninth round against backups: someone else who may write to the backup folder
(a shared /var/backups, a folder a deploy made group-writable) puts a file of their own where
the archive is written first (`<name>.partial`), keeping a second name for it, or a link to a
file of their choosing. The archive holds every participant's name and address: opened as it
was, it went into their file, kept their mode, or overwrote what the link named. Now the
archive is always a new file of the backup's own, readable by it alone."""

import os
import stat

import pytest

from turnout.operations.archive import _owner_only

ARCHIVE = b"naam,e-mail\nZo\xc3\xab de Vries,zoe@example.nl\n"


@pytest.fixture
def partial(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    return folder / "turnout-2030-04-02.tar.gz.partial"


def _write(path):
    with _owner_only(path) as output:
        output.write(ARCHIVE)


def test_a_file_left_in_the_archives_place_with_a_second_name_gets_nothing(partial, tmp_path):
    partial.write_bytes(b"")
    partial.chmod(0o666)
    kept = tmp_path / "the-attackers-own-name"
    os.link(partial, kept)  # the same file under a name the attacker keeps
    _write(partial)
    assert kept.read_bytes() == b""
    assert partial.read_bytes() == ARCHIVE
    assert stat.S_IMODE(partial.stat().st_mode) == 0o600


def test_a_link_in_the_archives_place_is_not_followed(partial, tmp_path):
    target = tmp_path / "settings.ini"
    target.write_text("[site]\nname = Turnout\n")
    partial.symlink_to(target)
    _write(partial)
    assert target.read_text() == "[site]\nname = Turnout\n"
    assert not partial.is_symlink()
    assert partial.read_bytes() == ARCHIVE
    assert stat.S_IMODE(partial.stat().st_mode) == 0o600


def test_a_new_archive_is_readable_by_its_owner_only(partial):
    _write(partial)
    assert stat.S_IMODE(partial.stat().st_mode) == 0o600
