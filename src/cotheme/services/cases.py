"""Cases (participants): importing attribute tables, adding and listing cases."""

from __future__ import annotations

from dataclasses import dataclass

from cotheme.domain.cases import Case
from cotheme.domain.names import single_line
from cotheme.errors import Conflict, InvalidArgument
from cotheme.formats.attributes import read_attributes
from cotheme.services.limits import max_import_bytes
from cotheme.storage import cases as cases_repo
from cotheme.storage import study
from cotheme.storage.store import Store


@dataclass(frozen=True, slots=True)
class CasesImport:
    id_column: str
    created: int
    updated: int
    attributes: tuple[str, ...]


def import_cases(store: Store, name: str, data: bytes, id_column: str | None = None) -> CasesImport:
    """One row per participant; new cases are created, existing ones get the row's values.

    An empty cell sets the value to "not available" explicitly.
    """
    chosen, table = read_attributes(name, data, id_column=id_column, max_bytes=max_import_bytes())
    names = [c for c in table.columns if c != chosen]
    created = updated = 0
    with store.write() as conn:
        ids = cases_repo.ensure_attributes(conn, names)
        known = {pid.lower(): cid for pid, cid in cases_repo.case_ids_by_pid(conn).items()}
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
    return CasesImport(chosen, created, updated, tuple(names))


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
