"""CLI tests see tables as a wide terminal shows them, so assertions do not depend on wrapping."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cotheme.cli.output import out


@pytest.fixture(autouse=True)
def wide_console() -> Iterator[None]:
    before = out.width
    out.width = 240
    yield
    out.width = before
