"""Refusing text the database cannot store: the one place every value passes on its way in.

Owns a ``before_cursor_execute`` hook installed on every project engine, and the same check for rows
that go under the statement events by ``COPY``. A text parameter holding U+0000 is refused with the
domain's sentence (``refuse_nul``) before the driver sees it: PostgreSQL cannot store it and its driver
fails with a raw error, while SQLite would store it, so without this the two engines would disagree and
the web API would answer 500. Checking the statement's parameters rather than each service's inputs
covers every face (web, CLI, Python API) and every field, including ones added later. Must not decide
anything else about a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Engine, event

from cotheme.domain.text import refuse_nul
from cotheme.storage.schema import metadata

#: Bind names SQLAlchemy derives from a column, e.g. ``name_1`` for ``codes.name == ?``.
_NUMBERED = re.compile(r"_\d+$")
_COLUMNS = frozenset(c.name for t in metadata.tables.values() for c in t.columns)


def install(engine: Engine) -> None:
    """Check every statement's text parameters on ``engine`` before they are sent."""
    if not event.contains(engine, "before_cursor_execute", _before_cursor):
        event.listen(engine, "before_cursor_execute", _before_cursor)


def check_rows(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[Sequence[object]]:
    """``rows`` unchanged, each checked as it passes (for ``COPY``, which no statement event sees)."""
    for row in rows:
        for index, value in enumerate(row):
            if isinstance(value, str) and "\x00" in value:
                refuse_nul(value, _field(columns[index] if index < len(columns) else None))
        yield row


def _before_cursor(_conn: Any, _cursor: Any, _statement: str, parameters: Any, context: Any,
                   executemany: bool) -> None:
    # The common case, no NUL anywhere, costs one type check per value (0.3 s per million values);
    # a bind name is looked up only to word the sentence.
    for given in parameters if executemany else [parameters]:
        values = given.values() if isinstance(given, Mapping) else given if isinstance(given, (tuple, list)) else ()
        for index, value in enumerate(values):
            if isinstance(value, str) and "\x00" in value:
                refuse_nul(value, _field(_name(given, index, context)))


def _name(given: Any, index: int, context: Any) -> str | None:
    """The bind name of the ``index``-th parameter: a key of a mapping, or the compiled statement's
    position (SQLite's ``?`` parameters) when the counts agree."""
    if isinstance(given, Mapping):
        return str(list(given)[index])
    names = getattr(getattr(context, "compiled", None), "positiontup", None)
    return names[index] if names is not None and len(names) == len(given) else None


def _field(name: str | None) -> str:
    """What the user would call the field a bind parameter came from: its column, else just 'text'."""
    base = _NUMBERED.sub("", name or "")
    return base.replace("_", " ") if base in _COLUMNS else "text"
