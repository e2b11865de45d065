"""The cost of one coding, and what it must still do: the extract it returns is the one read back, the
audit trail records the row as stored, and the write runs a fixed, small number of statements."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, select

from cotheme.services.project import Project
from cotheme.storage.schema import audit_log, codings, memos
from cotheme.storage.tracking import as_json


@contextmanager
def statements(project: Project) -> Iterator[list[str]]:
    """The SQL statements the project's engine sends while the block runs."""
    seen: list[str] = []

    def note(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
        seen.append(" ".join(sql.split()))

    engine = project._store.engine  # noqa: SLF001 - counting what reaches the database
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def coded(project: Project, interview_file: Path) -> int:
    project.add_case("P01")
    project.import_files([interview_file])
    project.add_member("Rowan", "expert by experience")
    project.codes.create("Access")
    return project.codes.create("Access/Waiting").id


def test_the_extract_returned_is_the_one_read_back(project: Project, interview_file: Path) -> None:
    code_id = coded(project, interview_file)
    doc = project.documents.list()[0]
    text = project.documents.get(doc.id).text
    start = text.index("I waited four months")
    rowan = project.acting_as("Rowan")
    made = rowan.codings.add(str(doc.id), "Waiting", start=start, end=start + 20, code_id=code_id)
    assert made == rowan.codings.get(made.id)
    assert (made.code_path, made.code, made.coder, made.case_pid) == ("Access/Waiting", "Waiting", "Rowan", "P01")
    assert made.speaker == "P01" and made.text == "I waited four months"
    by_quote = project.codings.add("P01", "Access", quote="she actually listened", coder="Rowan")
    assert by_quote == project.codings.get(by_quote.id) and by_quote.code_path == "Access"


def test_the_trail_records_each_inserted_row_as_stored(project: Project, interview_file: Path) -> None:
    """An INSERT returns its row for the trail instead of reading it again: the record must be what a
    read of the row gives, column for column, server-made values (id, speaker) included."""
    code_id = coded(project, interview_file)
    made = project.acting_as("Rowan").codings.add("P01", "Waiting", quote="I waited four months", code_id=code_id)
    memo = project.memos.add("Long waits come up again.", author="Rowan")
    store = project._store  # noqa: SLF001 - comparing the trail with the stored rows
    with store.read() as conn:
        for table, row_id in ((codings, made.id), (memos, memo.id)):
            stored = conn.execute(select(table).where(table.c.id == row_id)).mappings().one()
            (after,) = conn.execute(select(audit_log.c.after).where(
                audit_log.c.table_name == table.name, audit_log.c.row_id == str(row_id),
                audit_log.c.action == "insert")).one()
            assert after == as_json(table, dict(stored))
            assert json.loads(after)["id"] == row_id
    assert json.loads(after_of(project, made.id))["speaker"] == "P01"


def after_of(project: Project, coding_id: int) -> str:
    with project._store.read() as conn:  # noqa: SLF001
        return str(conn.execute(select(audit_log.c.after).where(
            audit_log.c.table_name == "codings", audit_log.c.row_id == str(coding_id))).scalar_one())


def test_adding_a_coding_is_one_short_transaction(project: Project, interview_file: Path) -> None:
    """The reader's request (a document id, offsets, a code id, as a coder) reads the document, the
    code's path and the coder once each, inserts the coding, raises the data version and writes the
    trail: six statements, whatever the codebook's or transcript's size, and no other transaction (a
    coder's write reads nothing a blind document could hide, so nobody asks whether one is blind)."""
    code_id = coded(project, interview_file)
    doc = project.documents.list()[0]
    rowan = project.acting_as("Rowan")
    rowan.codings.add(str(doc.id), "Waiting", start=0, end=5, code_id=code_id)  # first-use costs
    with statements(project) as seen:
        rowan.codings.add(str(doc.id), "Waiting", start=10, end=20, code_id=code_id)
    sent = [s for s in seen if s.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK")]
    assert len(sent) == 6, "\n".join(sent)
    assert not any("blind" in s for s in sent)
    assert sum(1 for s in seen if s.upper().startswith("BEGIN")) <= 1
