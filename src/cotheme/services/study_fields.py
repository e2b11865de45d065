"""Reading and changing the Study page: the study metadata (``ProjectInfo``) and the fields that answer
the COREQ checklist (``domain/study_fields.py``), through one ``set_field`` with one set of rules.

Owns the check that a field exists and its value fits; the audit trail records the change as any
settings write. Must not word COREQ answers (``coreq_answers.py`` does).
"""

from __future__ import annotations

from collections.abc import Mapping

from cotheme.domain.names import single_line
from cotheme.domain.project import STUDY_FIELDS
from cotheme.domain.study_fields import BY_NAME, check_value
from cotheme.errors import InvalidArgument
from cotheme.storage import study
from cotheme.storage import study_fields as repo
from cotheme.storage.store import Store

#: Metadata fields that are one line in every output (a title in a heading, a label in a table cell).
_ONE_LINE = {"title", "missing_label", "software_version"}


def _checked(name: str, value: str) -> tuple[str, str]:
    """``(field, value to store)`` for field ``name``, or one sentence saying what is wrong."""
    key = name.strip().lower().replace("-", "_")
    if key in STUDY_FIELDS:
        cleaned = single_line(value) if key in _ONE_LINE else value.replace("\r\n", "\n").strip()
        if key == "title" and not cleaned:
            raise InvalidArgument("The study's title cannot be empty.")
        return key, cleaned
    if key not in BY_NAME:
        raise InvalidArgument(f"'{name}' is not a study field; 'cotheme study fields' lists them.")
    return key, check_value(key, value)


def set_fields(store: Store, values: Mapping[str, str]) -> dict[str, str]:
    """Store every field in ``values`` in one transaction (all or, when one is refused, none); returns
    each as stored ("" clears a COREQ field)."""
    checked = dict(_checked(name, value) for name, value in values.items())
    with store.write() as conn:
        metadata = {k: v for k, v in checked.items() if k in STUDY_FIELDS}
        if metadata:
            study.write_settings(conn, metadata)
        for key, value in checked.items():
            if key not in STUDY_FIELDS:
                repo.write_field(conn, key, value)
    return checked


def set_field(store: Store, name: str, value: str) -> str:
    """Store ``value`` in field ``name`` and return it as stored ("" clears a COREQ field)."""
    return next(iter(set_fields(store, {name: value}).values()))


def stored(store: Store) -> dict[str, str]:
    """The COREQ fields the team filled in (name -> value)."""
    with store.read() as conn:
        return repo.read_stored(conn)


def attribution(store: Store) -> str:
    """How quotations are identified in reports: "none", "id", "id-attributes", or "" when not chosen."""
    return stored(store).get("attribution", "")
