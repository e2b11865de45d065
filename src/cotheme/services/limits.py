"""Configurable limits on what a user may import, read from the environment.

``COTHEME_MAX_IMPORT_MB`` caps one imported file (default 32 MB): a transcript is rarely over 1 MB,
so anything far larger is a wrong file. The default is what cotheme handles in reasonable time and
memory: importing a transcript holds its text whole several times over (as read, decoded, split into
turns, indexed), about 19 times the file's size at the peak, so a 32 MB transcript takes ~8 s of CPU and
~0.6 GB, while the 200 MB of the earlier default took ~55 s and ~3.6 GB (``bench/scale_bench.py``).
"""

from __future__ import annotations

import os

from cotheme.errors import InvalidArgument

DEFAULT_MAX_IMPORT_MB = 32


#: Why the limit is where it is, for the sentence that refuses a larger file.
WHY = "what cotheme imports in reasonable time and memory; an interview transcript is rarely over 1 MB"


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
