"""Configurable limits on what a user may import, read from the environment.

``COTHEME_MAX_IMPORT_MB`` caps one imported file (default 200 MB): a transcript is rarely over 1 MB,
so anything far larger is a wrong file, and reading it whole would take memory from the server.
"""

from __future__ import annotations

import os

from cotheme.errors import InvalidArgument

DEFAULT_MAX_IMPORT_MB = 200


def max_import_bytes() -> int:
    raw = os.environ.get("COTHEME_MAX_IMPORT_MB", "").strip()
    if not raw:
        return DEFAULT_MAX_IMPORT_MB * 1024 * 1024
    try:
        value = float(raw)
    except ValueError:
        raise InvalidArgument(f"COTHEME_MAX_IMPORT_MB='{raw}' is not a number of megabytes.") from None
    if value <= 0:
        raise InvalidArgument("COTHEME_MAX_IMPORT_MB must be above 0.")
    return int(value * 1024 * 1024)
