"""How a bench hands over its figures: one JSON document on standard output and, with ``--out``, the
same text in a file. Shared by the benches so each prints the same way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def emit(document: dict[str, Any], out: Path | None) -> int:
    """Print ``document`` as indented JSON, write it to ``out`` too when given; the exit status (0)."""
    text = json.dumps(document, indent=2)
    print(text)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
    return 0
