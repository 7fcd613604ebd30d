"""Writing output files safely: atomically, and never over an input."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from planner.problems import InputError, Problem


def check_output(
    path: Path,
    force: bool,
    inputs: Iterable[Path] = (),
    suffix: str | None = None,
    stem: str = "roster",
) -> None:
    """Refuse an output path that cannot or must not be written.

    Parameters
    ----------
    path
        The file to write.
    force
        Whether an existing file may be replaced.
    inputs
        Files read by the command, which are never overwritten.
    suffix
        The suffix the file must have (``.xlsx``), if any.
    stem
        A file name, without suffix, that messages suggest.

    Raises
    ------
    InputError
        When writing there would destroy something or cannot work: the
        path is an input or a folder, its folder is missing or a file,
        its suffix is wrong, or it exists without ``force``.
    """
    target = path.resolve()
    for source in inputs:
        if source.exists() and source.resolve() == target:
            raise InputError([Problem("output_is_input", file=path.name)])
    if path.is_dir():
        example = path / f"{stem}{suffix or '.xlsx'}"
        raise InputError(
            [
                Problem(
                    "output_is_folder",
                    params={"example": str(example)},
                    file=str(path),
                )
            ]
        )
    folder = _existing_folder(path)
    if folder is not None and not folder.is_dir():
        raise InputError(
            [
                Problem(
                    "output_parent_not_folder",
                    params={"parent": str(folder)},
                    file=str(path),
                )
            ]
        )
    if suffix is not None and path.suffix.lower() != suffix:
        problem = Problem(
            "output_suffix",
            params={
                "suffix": suffix,
                "given": path.suffix or path.name,
                "example": path.with_suffix(suffix).name,
            },
            file=str(path),
        )
        raise InputError([problem])
    if path.exists() and not force:
        raise InputError([Problem("output_exists", file=path.name)])
    if not path.parent.exists():
        raise InputError(
            [Problem("output_folder_missing", file=str(path.parent))]
        )


def _existing_folder(path: Path) -> Path | None:
    """The nearest ancestor of ``path`` that exists (a folder, or not)."""
    for parent in path.parents:
        if parent.exists():
            return parent
    return None


class OutputError(InputError, OSError):
    """An output the system refused to write.

    An :class:`InputError` for the command line, which shows its message,
    and still an :class:`OSError` for programs that catch those.
    """


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path that replaces ``path`` when all went well.

    The temporary file sits in the same folder, so the final rename is
    atomic: readers see the old file or the whole new one, never a part.
    The new file gets the permissions of the file it replaces, or those
    of any new file (the umask): ``mkstemp`` makes it private, and a
    roster on a shared folder must stay readable by colleagues.

    Raises
    ------
    OutputError
        When the file cannot be written (no permission, a read-only
        folder, a full disk, the file open in Excel on Windows); the old
        file, if any, is left as it was.
    """
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent
        )
    except OSError as error:
        raise OutputError([write_problem(error, path)]) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except OSError as error:
        raise OutputError([write_problem(error, path)]) from None
    finally:
        temporary.unlink(missing_ok=True)


_WRITE_ERRORS = {
    errno.EACCES: "output_permission",
    errno.EPERM: "output_permission",
    errno.EBUSY: "output_permission",
    errno.EROFS: "output_read_only",
    errno.ENOSPC: "output_disk_full",
    errno.EDQUOT: "output_disk_full",
}


def write_problem(error: OSError, path: Path) -> Problem:
    """The message for an output that the system refused to write."""
    code = _WRITE_ERRORS.get(error.errno or 0, "output_write_failed")
    why = error.strerror or str(error) or type(error).__name__
    return Problem(code, params={"why": why}, file=str(path))


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
