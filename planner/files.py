"""Writing output files safely: atomically, and never over an input."""

from __future__ import annotations

import contextlib
import os
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
    """
    handle, name = tempfile.mkstemp(
        prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
