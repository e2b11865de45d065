"""Exemplars in bulk: marking (or unmarking) many extracts as illustrative quotes at once, from a
sheet a team marked in a spreadsheet or from a multi-select on a theme's page.

Owns finding each row's extract (by coding id, or by document or participant and the extract's exact
text, narrowed by code path and coder; among several codings of that passage, one in the theme) and
doing every row in one transaction: a bad row refuses the whole file with a sentence naming its line,
and nothing is changed. Must not parse files (``formats/exemplar_file.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from cotheme.domain.exemplar_rows import ExemplarImport, ExemplarRow
from cotheme.errors import Conflict, InputError, InvalidArgument, NotFound
from cotheme.formats.exemplar_file import read_exemplar_rows
from cotheme.services.members import resolve_coder
from cotheme.services.themes import code_sets, resolve_theme
from cotheme.storage import codes as codes_repo
from cotheme.storage import themes as themes_repo
from cotheme.storage.schema import cases, codings, documents, members
from cotheme.storage.store import Store

_ASKING = "who chooses the exemplars with --member NAME"


def _squash(text: str) -> str:
    """Text compared as a spreadsheet may give it back: line ends and runs of spaces made one space."""
    return " ".join(text.split())


def _find(conn: Connection, row: ExemplarRow, theme_codes: set[int], where: str) -> int:
    query = (
        select(codings.c.id, codings.c.quote, codings.c.code_id, members.c.name)
        .join(documents, documents.c.id == codings.c.document_id)
        .outerjoin(cases, cases.c.id == documents.c.case_id)
        .outerjoin(members, members.c.id == codings.c.coder_id)
        .order_by(codings.c.id)
    )
    if row.document:
        query = query.where(documents.c.title == row.document)
    if row.case:
        query = query.where(cases.c.pid == row.case)
    wanted = _squash(row.text or "")
    found = [r for r in conn.execute(query) if _squash(r.quote) == wanted]
    if row.coder:
        found = [r for r in found if (r.name or "").casefold() == row.coder.casefold()]
    if row.code_paths:
        paths = {c.id: c.path_text.casefold() for c in codes_repo.all_codes(conn)}
        asked = {p.casefold() for p in row.code_paths}
        found = [r for r in found if paths.get(r.code_id) in asked] or found
    if not found:
        place = row.document or row.case
        short = wanted if len(wanted) <= 60 else wanted[:57] + "…"
        raise InputError(
            f"{where}: no extract in '{place}' has the text \"{short}\"; copy the text column of an extracts "
            "export unchanged, or give the coding id."
        )
    in_theme = [r for r in found if r.code_id in theme_codes]
    return int((in_theme or found)[0].id)


def _check_coding(conn: Connection, coding_id: int, where: str = "") -> None:
    if conn.execute(select(codings.c.id).where(codings.c.id == coding_id)).first() is None:
        sentence = f"here is no coding {coding_id}; see 'cotheme codings' for ids."
        raise NotFound(f"{where}: t{sentence}" if where else f"T{sentence}")


def _apply(conn: Connection, theme_id: int, coding_id: int, member_id: int | None, remove: bool) -> bool:
    if remove:
        return themes_repo.remove_exemplar(conn, theme_id, coding_id)
    return themes_repo.add_exemplar(conn, theme_id, coding_id, member_id)


def import_exemplars(
    store: Store, filename: str, data: bytes, *, theme: str | None = None, member: str | None = None,
    remove: bool = False,
) -> ExemplarImport:
    """Mark (``remove``: unmark) every extract a sheet names as an exemplar of its row's theme (or of
    ``theme`` for rows without one). All rows or none."""
    rows, skipped = read_exemplar_rows(filename, data)
    changed = unchanged = 0
    with store.write() as conn:
        chooser = None if remove else resolve_coder(conn, member, asking=_ASKING)
        themes = themes_repo.all_themes(conn)
        sets = code_sets(themes, codes_repo.all_codes(conn))
        for row in rows:
            where = f"{filename}, line {row.line}"
            name = row.theme or theme
            if not name:
                raise InputError(f"{where}: says no theme; add a 'theme' column or give --theme NAME.")
            try:
                theme_id = resolve_theme(conn, name)
            except (NotFound, Conflict) as exc:
                raise InputError(f"{where}: {exc}") from None
            if row.coding_id is not None:
                _check_coding(conn, row.coding_id, where)
                coding_id = row.coding_id
            else:
                coding_id = _find(conn, row, sets[theme_id], where)
            if _apply(conn, theme_id, coding_id, chooser.id if chooser else None, remove):
                changed += 1
            else:
                unchanged += 1
    return ExemplarImport(changed, unchanged, skipped)


def set_exemplars(
    store: Store, theme: str | int, coding_ids: Sequence[int], *, member: str | None = None, remove: bool = False,
) -> ExemplarImport:
    """Mark (or unmark) several codings as exemplars of one theme, all or none (the page's multi-select)."""
    if not coding_ids:
        raise InvalidArgument("Choose at least one extract to mark or unmark.")
    changed = unchanged = 0
    with store.write() as conn:
        theme_id = resolve_theme(conn, theme)
        chooser = None if remove else resolve_coder(conn, member, asking=_ASKING)
        for coding_id in dict.fromkeys(coding_ids):
            _check_coding(conn, coding_id)
            if _apply(conn, theme_id, coding_id, chooser.id if chooser else None, remove):
                changed += 1
            else:
                unchanged += 1
    return ExemplarImport(changed, unchanged, 0)
