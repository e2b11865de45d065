"""Codings in bulk: every row of a codings sheet added in one transaction, all rows or none.

Owns applying ``CodingRow``s with the rules of a single coding (``services/coding.py``): the span lies
inside the document's current revision, a quote means its first exact occurrence, the code exists
(or is made, with ``create``), the coder is a member. A row that breaks a rule refuses the whole
sheet with that rule's sentence prefixed by the file and row; nothing is changed. When a row gives
both offsets and a quote, the offsets are used and the quote must be the text there (a sheet that no
longer fits its transcript is refused rather than coding the wrong words). Who may name which coder
is decided by ``acting.ActingProject``, which passes ``only_as`` for a member who is not a lead. Must not parse files
(``formats/codings_file.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from cotheme.domain.coding_rows import CodingRow, CodingsImport, CodingsPreview, PlannedCoding
from cotheme.domain.memos import MemoTarget
from cotheme.domain.text import canonical
from cotheme.errors import CothemeError, Forbidden, InvalidArgument
from cotheme.formats.codings_file import read_coding_rows
from cotheme.services.codebook import resolve_code
from cotheme.services.coding import resolve_current, span_of_quote
from cotheme.services.members import resolve_coder
from cotheme.storage import codings as codings_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import memos as memos_repo
from cotheme.storage.store import Store, now

_ASKING = "who coded each row in a 'coder' column (or with --coder NAME)"


def _add_row(conn: Connection, row: CodingRow, coder: str | None, create: bool,
             cache: dict[tuple[str, str], int]) -> PlannedCoding:
    """The coding added for ``row`` (with its memo, when the row has one)."""
    key = ("document", row.document)
    if key not in cache:
        cache[key], cache[("revision", row.document)] = resolve_current(conn, row.document)
    doc_id, revision_id = cache[key], cache[("revision", row.document)]
    if ("code", row.code) not in cache:
        cache[("code", row.code)] = resolve_code(conn, row.code, create=create)
    member = resolve_coder(conn, row.coder or coder, asking=_ASKING)
    if row.start is not None and row.end is not None:
        start, end = row.start, row.end
    else:
        start, end = span_of_quote(conn, revision_id, row.quote or "", row.document)
    anchor = docs_repo.anchor(conn, revision_id, start, end)
    if row.quote is not None and row.start is not None and canonical(row.quote).strip() != anchor.quote.strip():
        raise InvalidArgument(f"The quote is not the text at {start}-{end} (there: '{anchor.quote[:60]}'); "
                              "correct the offsets or leave one of them out.")
    coding_id = codings_repo.insert_coding(conn, document_id=doc_id, revision_id=revision_id,
                                           code_id=cache[("code", row.code)], coder_id=member.id,
                                           anchor=anchor, stamp=now())
    if row.memo:
        memos_repo.insert_memo(conn, row.memo, member.id, MemoTarget.CODING, coding_id)
    return PlannedCoding(row.row, row.document, row.code, start, end, anchor.quote, member.name, row.memo,
                         coding_id)


def _check_coder(row: CodingRow, only_as: str | None) -> None:
    if only_as is not None and row.coder and row.coder.strip().casefold() != only_as.casefold():
        raise Forbidden(f"{only_as} may code and write memos only as themselves, not as {row.coder}.")


class _DryRun(Exception):
    """Raised inside a preview's transaction so that everything it wrote is rolled back."""


def _add_all(conn: Connection, filename: str, rows: Sequence[CodingRow], coder: str | None, create: bool,
             only_as: str | None) -> list[PlannedCoding]:
    done: list[PlannedCoding] = []
    cache: dict[tuple[str, str], int] = {}
    for row in rows:
        try:
            _check_coder(row, only_as)
            done.append(_add_row(conn, row, coder, create, cache))
        except CothemeError as exc:
            raise type(exc)(f"{filename}, row {row.row}: {exc}") from None
    return done


def add_codings(store: Store, filename: str, rows: Sequence[CodingRow], *, coder: str | None = None,
                create: bool = False, only_as: str | None = None) -> CodingsImport:
    """Add a coding (and its memo) for every row, in one transaction; ``coder`` codes the rows that
    name no coder; with ``only_as``, a row naming anyone else is refused (a coder codes as themselves)."""
    with store.write() as conn:
        done = _add_all(conn, filename, rows, coder, create, only_as)
    return CodingsImport(tuple(d.coding_id for d in done), sum(1 for d in done if d.memo))


def preview_codings(store: Store, filename: str, data: bytes, *, coder: str | None = None, create: bool = False,
                    only_as: str | None = None) -> CodingsPreview:
    """What ``import_codings`` would add, row by row, or the sentence it would refuse the sheet with.
    The rows are applied in a transaction that is then rolled back, so the preview follows every rule
    the import does and stores nothing."""
    planned: list[PlannedCoding] = []
    try:
        rows = read_coding_rows(filename, data)
        with store.write() as conn:
            planned = _add_all(conn, filename, rows, coder, create, only_as)
            raise _DryRun
    except _DryRun:
        pass
    except CothemeError as exc:
        return CodingsPreview(filename, error=str(exc))
    return CodingsPreview(filename, rows=tuple(planned))


def import_codings(store: Store, filename: str, data: bytes, *, coder: str | None = None, create: bool = False,
                   only_as: str | None = None) -> CodingsImport:
    """``add_codings`` for the rows of a .csv/.xlsx sheet."""
    return add_codings(store, filename, read_coding_rows(filename, data), coder=coder, create=create,
                       only_as=only_as)
