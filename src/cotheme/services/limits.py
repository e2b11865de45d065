"""Configurable limits on what a user may import, read from the environment.

``COTHEME_MAX_IMPORT_MB`` caps one imported file (default 32 MB): a transcript is rarely over 1 MB,
so anything far larger is a wrong file. The default is what cotheme handles in reasonable time and
memory: importing a transcript holds its text about once as UTF-8, plus its lines while they are
parsed and the database's copies while it is stored. Measured (``bench/import_memory_bench.py``, a text
with an emoji in it), the import adds 3.9 times the file's size to the resident memory at 8 MB and 3.3
at 32 MB on SQLite (3.3 and 3.1 on PostgreSQL, the client), within the budget of 4: a 32 MB transcript
takes ~100 MB and ~4 s of CPU. Smaller files add a few fixed megabytes on top (1 MB: +6 MB), so a lower
limit would not lower the multiple. A Word file takes more: its XML is held whole while it is read
(an 8 MB text in a 2.6 MB ``.docx`` added 50 MB).
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
