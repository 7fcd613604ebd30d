"""Output files: written whole, with the permissions of ordinary files."""

from __future__ import annotations

import os
import stat

import pytest

from planner.files import atomic_path


def _mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_output_is_readable_by_others(tmp_path, umask_022):
    """A new file follows the umask (0644 here), not mkstemp's 0600."""
    path = tmp_path / "roster.xlsx"
    with atomic_path(path) as temporary:
        temporary.write_bytes(b"roster")
    assert path.read_bytes() == b"roster"
    assert _mode(path) == 0o644


def test_replaced_output_keeps_its_permissions(tmp_path, umask_022):
    """Overwriting (``--force``) keeps the mode the user gave the file."""
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"old")
    path.chmod(0o664)
    with atomic_path(path) as temporary:
        temporary.write_bytes(b"new")
    assert path.read_bytes() == b"new"
    assert _mode(path) == 0o664


def test_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    """An error while writing keeps the old file whole."""
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(OSError), atomic_path(path) as temporary:
        temporary.write_bytes(b"half")
        raise OSError("disk full")
    assert path.read_bytes() == b"old"
    assert sorted(tmp_path.iterdir()) == [path]
