"""JSON-ready forms of domain objects, shared by every output (CLI ``--json``, the web API).

Dataclasses become dicts in field order (so JSON keys are stable), enums their values, dates ISO 8601.
Must not do I/O.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import Any


def plain(value: Any) -> Any:
    """A JSON-ready form of dataclasses, enums, dates, tuples and containers of them."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value
