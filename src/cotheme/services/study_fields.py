"""Reading and changing the Study page: the study metadata (``ProjectInfo``) and the fields that answer
the COREQ checklist (``domain/study_fields.py``), through one ``set_field`` with one set of rules.

Owns the check that a field exists and its value fits; the audit trail records the change as any
settings write. Must not word COREQ answers (``coreq_answers.py`` does).
"""

from __future__ import annotations

from cotheme.domain.names import single_line
from cotheme.domain.project import STUDY_FIELDS
from cotheme.domain.study_fields import BY_NAME, check_value
from cotheme.errors import InvalidArgument
from cotheme.storage import study
from cotheme.storage import study_fields as repo
from cotheme.storage.store import Store

#: Metadata fields that are one line in every output (a title in a heading, a label in a table cell).
_ONE_LINE = {"title", "missing_label", "software_version"}


def field_names() -> tuple[str, ...]:
    """Every field ``set_field`` accepts: the study metadata, then the COREQ fields in the page's order."""
    return STUDY_FIELDS + tuple(BY_NAME)


def set_field(store: Store, name: str, value: str) -> str:
    """Store ``value`` in field ``name`` and return it as stored ("" clears a COREQ field)."""
    key = name.strip().lower().replace("-", "_")
    if key in STUDY_FIELDS:
        cleaned = single_line(value) if key in _ONE_LINE else value.replace("\r\n", "\n").strip()
        if key == "title" and not cleaned:
            raise InvalidArgument("The study's title cannot be empty.")
        with store.write() as conn:
            study.write_settings(conn, {key: cleaned})
        return cleaned
    if key not in BY_NAME:
        raise InvalidArgument(f"'{name}' is not a study field; 'cotheme study fields' lists them.")
    cleaned = check_value(key, value)
    with store.write() as conn:
        repo.write_field(conn, key, cleaned)
    return cleaned


def stored(store: Store) -> dict[str, str]:
    """The COREQ fields the team filled in (name -> value)."""
    with store.read() as conn:
        return repo.read_stored(conn)


def attribution(store: Store) -> str:
    """How quotations are identified in reports: "none", "id", "id-attributes", or "" when not chosen."""
    return stored(store).get("attribution", "")
