"""Interview details of one transcript (date, mode, duration, interviewer, setting, field notes), and
the project setting that lets coders import and change them (off: leads only).

Owns the transaction of a change to the details and the setting's key. The rules for each detail are
``domain.interview``'s; who may change them is checked in ``acting.py`` with this setting.
"""

from __future__ import annotations

from cotheme.domain.documents import SourceInfo
from cotheme.domain.interview import checked
from cotheme.errors import InvalidArgument
from cotheme.services.coding import resolve_document
from cotheme.storage import documents as docs_repo
from cotheme.storage import study
from cotheme.storage.store import Store

#: The settings key of "coders may import and change interview details" ("on"/"off").
CODERS_IMPORT_KEY = "coders_import"


def set_details(store: Store, document: str | int, values: dict[str, str | None]) -> SourceInfo:
    """Change the details given (``None``: leave as is, ``""``: clear); return them all as stored."""
    changes = checked(values)
    if not changes:
        raise InvalidArgument("Give at least one interview detail to set (date, mode, duration, interviewer, "
                              "setting or notes).")
    with store.write() as conn:
        doc_id = resolve_document(conn, str(document))
        docs_repo.set_details(conn, doc_id, changes)
        return docs_repo.read_document(conn, doc_id).source


def coders_may_import(store: Store) -> bool:
    with store.read() as conn:
        return study.read_setting(conn, CODERS_IMPORT_KEY) == "on"


def set_coders_may_import(store: Store, on: bool) -> None:
    with store.write() as conn:
        study.write_settings(conn, {CODERS_IMPORT_KEY: "on" if on else "off"})
