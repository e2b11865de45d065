"""Cases (participants): importing attribute tables (and the interview details some of their columns
carry), previewing such an import, adding and listing cases.

A sheet's row is matched to transcripts through the case they are linked to, or, for a transcript not
linked yet, by its title (``P07`` matches the row ``P07``, which links it). Columns named like
``interview_date`` (``domain.interview.SHEET_COLUMNS``) also set the interview details of the case's
transcripts; they stay attributes, except ``field_notes``. Must not parse files (``formats.attributes``
does).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from cotheme.domain.cases import AttributeTable, Case
from cotheme.domain.interview import checked, is_attribute_column, is_detail_column, sheet_details
from cotheme.domain.names import single_line
from cotheme.errors import Conflict, CothemeError, InvalidArgument
from cotheme.formats.attributes import read_attributes
from cotheme.services.limits import max_import_bytes
from cotheme.storage import cases as cases_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import study
from cotheme.storage.store import Store


@dataclass(frozen=True, slots=True)
class CasesImport:
    id_column: str
    created: int
    updated: int
    attributes: tuple[str, ...]
    linked: int = 0  # transcripts linked to their case by title on the way
    details: tuple[str, ...] = ()  # the interview-detail columns applied to the cases' transcripts


@dataclass(frozen=True, slots=True)
class RowPreview:
    """One row of a participants sheet: its id, whether the case is new, the transcripts it matches,
    and the attributes it leaves empty ("not available")."""

    line: int
    pid: str
    new: bool
    transcripts: tuple[str, ...]
    empty: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CasesPreview:
    file: str
    columns: tuple[str, ...] = ()
    id_column: str = ""
    attributes: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    rows: tuple[RowPreview, ...] = ()
    error: str | None = None


def _split(table: AttributeTable, chosen: str) -> tuple[list[str], list[str]]:
    """(attribute columns, interview-detail columns) of a sheet, the id column left out."""
    others = [c for c in table.columns if c != chosen]
    return [c for c in others if is_attribute_column(c)], [c for c in others if is_detail_column(c)]


def _read(name: str, data: bytes, id_column: str | None) -> tuple[str, AttributeTable, list[str], list[str]]:
    chosen, table = read_attributes(name, data, id_column=id_column, max_bytes=max_import_bytes())
    names, details = _split(table, chosen)
    for line, row in zip(table.row_lines or range(2, len(table.rows) + 2), table.rows, strict=False):
        try:
            checked(sheet_details(row))
        except InvalidArgument as exc:  # the same sentence, with the file and row it comes from
            raise InvalidArgument(f"{name}, row {line}: {exc}") from None
    return chosen, table, names, details


def import_cases(store: Store, name: str, data: bytes, id_column: str | None = None) -> CasesImport:
    """One row per participant; new cases are created, existing ones get the row's values.

    An empty cell sets the value to "not available" explicitly. Interview-detail columns set the
    details of the case's transcripts (an empty cell leaves a detail as it is).
    """
    chosen, table, names, details = _read(name, data, id_column)
    created = updated = linked = 0
    with store.write() as conn:
        ids = cases_repo.ensure_attributes(conn, names)
        known = {pid.lower(): cid for pid, cid in cases_repo.case_ids_by_pid(conn).items()}
        unlinked = docs_repo.unlinked_titles(conn)
        for row in table.rows:
            pid = single_line(str(row[chosen]))
            case_id = known.get(pid.lower())
            if case_id is None:
                case_id = cases_repo.insert_case(conn, pid)
                known[pid.lower()] = case_id
                created += 1
            else:
                updated += 1
            cases_repo.set_values(conn, case_id, {ids[n]: row.get(n) for n in names})
            doc_id = unlinked.pop(pid.casefold(), None)
            if doc_id is not None:
                docs_repo.set_case(conn, doc_id, case_id)
                linked += 1
        _apply_details(conn, table, chosen, known)
    return CasesImport(chosen, created, updated, tuple(names), linked, tuple(details))


def _apply_details(conn: Connection, table: AttributeTable, chosen: str, known: dict[str, int]) -> None:
    by_case = docs_repo.documents_of_cases(conn)
    for row in table.rows:
        values = checked(sheet_details(row))
        for doc_id in by_case.get(known[single_line(str(row[chosen])).lower()], []):
            docs_repo.set_details(conn, doc_id, values)


def preview_cases(store: Store, name: str, data: bytes, id_column: str | None = None) -> CasesPreview:
    """What ``import_cases`` would do with each row; the sentence it would refuse the file with
    (``error``) instead. Stores nothing."""
    try:
        chosen, table, names, details = _read(name, data, id_column)
    except CothemeError as exc:  # the sentence the import would refuse the file with
        return CasesPreview(name, error=str(exc))
    with store.read() as conn:
        known = {pid.lower(): cid for pid, cid in cases_repo.case_ids_by_pid(conn).items()}
        titles = dict(docs_repo.title_ids(conn))
        by_case = docs_repo.documents_of_cases(conn)
        unlinked = docs_repo.unlinked_titles(conn)
    rows = []
    lines = table.row_lines or tuple(range(2, len(table.rows) + 2))
    for line, row in zip(lines, table.rows, strict=False):
        pid = single_line(str(row[chosen]))
        case_id = known.get(pid.lower())
        matched = [titles[d] for d in by_case.get(case_id, [])] if case_id is not None else []
        if pid.casefold() in unlinked:
            matched.append(titles[unlinked[pid.casefold()]])
        empty = tuple(n for n in names if row.get(n) is None)
        rows.append(RowPreview(line, pid, case_id is None, tuple(matched), empty))
    return CasesPreview(name, table.columns, chosen, tuple(names), tuple(details), tuple(rows))


def add_case(store: Store, pid: str) -> int:
    clean = single_line(pid)
    if not clean:
        raise InvalidArgument("A case needs an id, such as P07.")
    with store.write() as conn:
        if cases_repo.find_case(conn, clean) is not None:
            raise Conflict(f"There is already a case '{clean}'.")
        return cases_repo.insert_case(conn, clean)


def list_cases(store: Store) -> tuple[list[Case], str]:
    """Every case with its attributes, and the label shown for a missing value."""
    with store.read() as conn:
        return cases_repo.list_cases(conn), study.read_info(conn).missing_label
