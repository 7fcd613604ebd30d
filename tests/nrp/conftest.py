"""The Curtois-Qu tests need the shared instances; skip them, saying
where they were looked for, on a machine without them."""

from __future__ import annotations

import pytest

from benchmarks.nrp.reader import data_dir


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of this folder skipped when the data is missing."""
    try:
        data_dir()
    except FileNotFoundError as error:
        skip = pytest.mark.skip(reason=str(error))
        for item in items:
            if "nrp" in item.nodeid.split("::")[0].split("/"):
                item.add_marker(skip)
