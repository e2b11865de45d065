"""Making an offline working copy of a project for one member (``cotheme checkout``).

The copy is a project file like any other: a consistent snapshot of the project (SQLite's online
backup, or one REPEATABLE READ read of PostgreSQL) cut down to the member's transcripts (those
assigned to them, or those named), the codebook and themes, and the member's own codings and memos;
the participants of other transcripts, other members' work, password hashes, sessions and the team's
audit trail are not in it. It records where it came from and its *base* state (``domain.checkout``),
which ``checkin`` compares against. The project records that the copy was made.

Must not merge anything back (``services/checkin.py`` does).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import make_url, select

from cotheme.domain.checkout import Baseline
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.storage import backup
from cotheme.storage import checkout as repo
from cotheme.storage.schema import assignments, documents, members
from cotheme.storage.store import Store


@dataclass(frozen=True, slots=True)
class CheckoutResult:
    path: Path
    member: str
    documents: tuple[str, ...]
    codings: int
    guid: str


def checkout(store: Store, out: Path, member: str, document_refs: Sequence[str] | None = None,
             origin: str | None = None) -> CheckoutResult:
    """Write ``member``'s working copy to the new project file ``out``; ``origin`` is where it checks in
    to (default: this project's location; a team server gives its own address)."""
    if out.exists():
        raise Conflict(f"{out} already exists; choose a new file name for the working copy.")
    with store.read() as conn:
        row = conn.execute(select(members.c.id, members.c.guid, members.c.name).where(members.c.name == member)).first()
        if row is None:
            raise NotFound(f"There is no member called '{member}'.")
        chosen = _documents(conn, row.id, row.name, document_refs)
    temp = backup.sidecar(out, ".partial")
    backup.remove(temp)
    if store.engine.dialect.name == "postgresql":
        backup.snapshot(store, temp)
    else:
        backup.backup_file(store, temp)
    guid = str(uuid.uuid4())
    copy = Store.open(str(temp), store.passphrase)
    try:
        with copy.write() as conn:
            repo.cut_to(conn, row.id, [doc_id for doc_id, _ in chosen])
            state = repo.state_of(conn, row.id)
            repo.write_baseline(conn, Baseline(guid, origin or _origin(store), row.name, row.guid,
                                               datetime.now(UTC).isoformat(), state))
    except BaseException:
        copy.close()
        backup.remove(temp)
        raise
    copy.close()
    os.replace(temp, out)
    with store.write() as conn:
        repo.record_checkout(conn, guid, row.name, [title for _, title in chosen])
    return CheckoutResult(out, row.name, tuple(title for _, title in chosen), len(state.codings), guid)


def _documents(conn: object, member_id: int, name: str, refs: Sequence[str] | None) -> list[tuple[int, str]]:
    """The transcripts to copy: those named (by title or id), else those assigned to the member."""
    rows = conn.execute(select(documents.c.id, documents.c.title).order_by(documents.c.id)).all()  # type: ignore[attr-defined]
    if refs:
        by_ref = {r.title: (r.id, r.title) for r in rows} | {str(r.id): (r.id, r.title) for r in rows}
        missing = [ref for ref in refs if ref not in by_ref]
        if missing:
            raise NotFound(f"There is no transcript called {', '.join(repr(m) for m in missing)}.")
        return list(dict.fromkeys(by_ref[ref] for ref in refs))
    assigned = set(conn.execute(select(assignments.c.document_id)  # type: ignore[attr-defined]
                                .where(assignments.c.member_id == member_id)).scalars())
    chosen = [(r.id, r.title) for r in rows if r.id in assigned]
    if not chosen:
        raise InvalidArgument(f"{name} has no transcripts assigned; name the ones to take with --docs.")
    return chosen


def _origin(store: Store) -> str:
    """Where the copy checks in to: the project file's absolute path, or the database URL without its
    password (asked for, or taken from the environment, at check-in)."""
    if store.engine.dialect.name == "sqlite":
        return str(Path(store.target).resolve())
    return make_url(store.target).set(password=None).render_as_string(hide_password=False)

