"""The live feed: changes as events, resumable from a cursor, filtered by the blind rule, with presence;
on SQLite and PostgreSQL, and a waker that notices other connections' (other processes') writes."""

from __future__ import annotations

import threading
import time

import pytest

import cotheme
from cotheme.services.project import Project


def kinds(batch: object) -> list[tuple[str, str]]:
    return [(e.kind, e.action) for e in batch.events]  # type: ignore[attr-defined]


def test_a_coding_made_is_an_event_and_the_feed_resumes_from_its_cursor(team: Project) -> None:
    ann, bea = team.acting_as("Ann"), team.acting_as("Bea")
    start = bea.live_cursor()
    made = ann.code("P01", "Waiting", quote="four months", coder="Ann")
    batch = bea.live_events(start)
    assert kinds(batch) == [("coding", "insert")]
    event = batch.events[0]
    assert (event.row_id, event.actor, event.code_id) == (made.id, "Ann", made.code_id)
    assert event.document_id == made.document_id
    assert bea.live_events(batch.cursor).events == []  # resuming after it: nothing twice
    ann.delete_coding(made.id)
    again = bea.live_events(batch.cursor)
    assert kinds(again) == [("coding", "delete")] and again.events[0].row_id == made.id


def test_a_blind_coder_is_never_told_of_another_coders_coding_or_memo(team: Project) -> None:
    lead, ann, bea = team.acting_as("Lead"), team.acting_as("Ann"), team.acting_as("Bea")
    lead.set_blind("P01")
    start = lead.live_cursor()
    made = ann.code("P01", "Waiting", quote="four months", coder="Ann")
    ann.add_memo("Ann's thoughts", target="coding", target_id=made.id, author="Ann")
    ann.delete_coding(made.id)
    assert kinds(bea.live_events(start)) == []  # not the coding, its memo, nor that it was deleted
    assert ("coding", "insert") in kinds(ann.live_events(start))
    lead_sees = kinds(lead.live_events(start))
    assert ("coding", "insert") in lead_sees and ("coding", "delete") in lead_sees
    # Bea's cursor still moves past what she may not see, so she never reads those rows again.
    assert bea.live_events(start).cursor > start


def test_a_change_to_a_code_is_announced(team: Project) -> None:
    lead, ann = team.acting_as("Lead"), team.acting_as("Ann")
    start = ann.live_cursor()
    waiting = next(c.code.id for c in lead.codes() if c.code.name == "Waiting")
    lead.edit_code(waiting, name="Waiting times")
    announced = [e.announce for e in ann.live_events(start).events if e.kind == "code"]
    assert "Lead renamed the code “Waiting” to “Waiting times”." in announced


def test_presence_by_name_and_role(team: Project) -> None:
    ann, bea = team.acting_as("Ann"), team.acting_as("Bea")
    doc = team.document("P01").id
    ann.mark_present("page-a", doc)
    bea.mark_present("page-b", doc)
    bea.mark_present("page-c", doc)  # a second tab counts once
    assert [p.name for p in ann.present(doc)] == ["Ann", "Bea"]
    bea.clear_presence("page-b")
    bea.clear_presence("page-c")
    assert [p.name for p in ann.present(doc)] == ["Ann"]


def test_the_waker_hears_a_write_made_through_another_connection(team: Project) -> None:
    heard = threading.Event()
    waker = team.live_waker()
    waker.subscribe(heard.set)
    try:
        time.sleep(0.5)  # the watcher is listening (PostgreSQL) or has read the newest id (SQLite)
        with cotheme.open_project(team.location) as other:  # another process's connection
            other.code("P01", "Waiting", quote="four months", coder="Ann")
        assert heard.wait(3.0)
    finally:
        waker.unsubscribe(heard.set)


def test_presence_in_a_transcript_that_does_not_exist_is_refused(team: Project) -> None:
    from cotheme.errors import NotFound

    with pytest.raises(NotFound, match="no transcript 999999"):
        team.acting_as("Ann").team.mark_present("page-x", 999999)


def _open_change_to_a_code(team: Project, definition: str) -> object:
    """A transaction on its own connection that has taken an audit id for a change to a code and not
    committed yet (as a writer does between writing its trail and its commit)."""
    import json
    from datetime import UTC, datetime

    from sqlalchemy import create_engine, insert, select

    from cotheme.storage.schema import audit_log, codes

    # A plain engine (no trail of its own): the one trail row this transaction holds is written below.
    conn = create_engine(team._store.engine.url).connect()  # noqa: SLF001
    conn.begin()
    code = conn.execute(select(codes.c.id, codes.c.name)).first()
    conn.execute(codes.update().where(codes.c.id == code.id).values(definition=definition))
    conn.execute(insert(audit_log).values(
        at=datetime.now(UTC), actor="Lead", action="update",
        table_name="codes", row_id=str(code.id), before=json.dumps({"id": code.id, "name": code.name, "definition": ""}),
        after=json.dumps({"id": code.id, "name": code.name, "definition": definition})))
    return conn


@pytest.mark.parametrize("target", ["postgresql"], indirect=True)  # a project file has one writer at a time
def test_a_change_committed_after_a_later_one_is_not_passed_over(team: Project) -> None:
    """Two writers commit out of order (PostgreSQL): the feed waits at the hole, then tells both."""
    bea = team.acting_as("Bea").team
    start = bea.live_cursor()
    slow = _open_change_to_a_code(team, "Months on a list")
    try:
        team.acting_as("Ann").codings.add("P01", "Waiting", quote="four months", coder="Ann")
        held = bea.live_events(start)
        assert (held.events, held.cursor, held.waiting) == ([], start, True)
        slow.commit()
    finally:
        slow.close()
    both = bea.live_events(start)
    assert kinds(both) == [("code", "update"), ("coding", "insert")] and not both.waiting
    assert "changed the definition of the code" in both.events[0].announce


def test_a_hole_left_by_a_failed_commit_is_passed(team: Project, monkeypatch: object) -> None:
    from cotheme.storage import live

    bea = team.acting_as("Bea").team
    start = bea.live_cursor()
    if team._store.engine.dialect.name == "postgresql":  # noqa: SLF001
        failed = _open_change_to_a_code(team, "Never committed")
        team.acting_as("Ann").codings.add("P01", "Waiting", quote="four months", coder="Ann")
        failed.rollback()
        failed.close()
        # Another database's writer may be busy now: after HOLE_WAIT the hole is passed whatever else runs.
        monkeypatch.setattr(live, "HOLE_WAIT", __import__("datetime").timedelta(0))  # type: ignore[attr-defined]
    else:
        team.acting_as("Ann").codings.add("P01", "Waiting", quote="four months", coder="Ann")
    batch = bea.live_events(start)
    assert kinds(batch) == [("coding", "insert")] and not batch.waiting


def test_the_feeds_coding_rule_gives_the_same_answers_as_the_stored_rule(team: Project) -> None:
    """``visible_given`` (one reading of the blind transcripts for every open page) answers as
    ``visibility.visible`` does in SQL, for every coder, transcript and viewer, NULLs included."""
    from sqlalchemy import Integer, literal, select

    from cotheme.storage import live
    from cotheme.storage.visibility import visible, visible_given

    members = {m.name: m.id for m in team.members()}
    doc = team.documents.list()[0].id
    for blind in (False, True):
        if blind:
            team.set_blind("P01")
        with team._store.read() as conn:  # noqa: SLF001
            blind_ids = live.blind_documents(conn)
            assert (doc in blind_ids) is blind
            for viewer in (members["Ann"], members["Bea"], members["Vic"]):
                rows = [{"document_id": d, "coder_id": c} for d in (doc, None, doc + 999)
                        for c in (members["Ann"], members["Bea"], None)]
                for row in rows:
                    one = select(literal(row["document_id"], Integer).label("document_id"),
                                 literal(row["coder_id"], Integer).label("coder_id")).subquery("one_coding")
                    by_sql = conn.execute(select(literal(1)).select_from(one).where(visible(one, viewer))).first()
                    given = visible_given(row["document_id"], row["coder_id"], viewer, blind_ids)
                    assert given is (by_sql is not None), (blind, viewer, row)
