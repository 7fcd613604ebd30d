"""Writing output files safely: atomically, and never over an input."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from planner.problems import InputError, Problem


def check_output(path: Path, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Refuse an output path that is an input or exists without ``force``.

    Raises
    ------
    InputError
        When writing there would destroy something.
    """
    target = path.resolve()
    for source in inputs:
        if source.exists() and source.resolve() == target:
            raise InputError([Problem("output_is_input", file=path.name)])
    if path.exists() and not force:
        raise InputError([Problem("output_exists", file=path.name)])
    if not path.parent.exists():
        raise InputError(
            [Problem("output_folder_missing", file=str(path.parent))]
        )


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path that replaces ``path`` when all went well.

    The temporary file sits in the same folder, so the final rename is
    atomic: readers see the old file or the whole new one, never a part.
    The new file gets the permissions of the file it replaces, or those
    of any new file (the umask): ``mkstemp`` makes it private, and a
    roster on a shared folder must stay readable by colleagues.
    """
    handle, name = tempfile.mkstemp(
        prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """Permission bits for a file written at ``path``."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


@functools.cache
def _umask() -> int:
    # The umask can only be read by setting it; do it once, before any
    # worker threads write files.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
