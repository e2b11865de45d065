"""Editing transcripts through the project (SQLite and PostgreSQL): revisions, turns, search, codings
carried and never lost, the expected-revision guard, the review queue, and the 0003 migration."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import insert, select

import cotheme
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services.project import Project
from cotheme.storage import migrate
from cotheme.storage.engine import make_engine
from cotheme.storage.schema import documents, revisions
from cotheme.storage.store import now


@pytest.fixture
def doc(project: Project, interview_file: Path) -> Project:
    project.import_files([interview_file])
    project.code("P01", "Waiting", quote="the waiting list was long", create=True)
    project.code("P01", "Listened", quote="she actually listened to me", create=True)
    project.code("P01", "Café", quote="Café visits with the peer group helped 🙂 a lot", create=True)
    return project


def _texts(project: Project) -> dict[str, str]:
    return {e.code: e.text for e in project.codings()}


def test_replace_makes_a_revision_and_carries_codings(doc: Project) -> None:
    result = doc.edit_document("P01", replace="waiting list", with_text="wait list", reason="misheard",
                               expected_revision=1)
    assert (result.revision, result.previous_revision, result.replacements) == (2, 1, 1)
    assert result.codings == {"edited": 1, "moved": 2}
    assert _texts(doc)["Waiting"] == "the wait list was long"
    assert _texts(doc)["Café"] == "Café visits with the peer group helped 🙂 a lot"
    current = doc.document("P01")
    assert current.revision == 2 and "wait list" in current.text
    assert "waiting list" in doc.revision("P01", 1).text  # earlier revisions stay readable
    history = doc.revisions("P01")
    assert [(r.number, r.reason, r.author, r.current) for r in history] == [
        (1, "imported", None, False), (2, "misheard", "Lead", True)]
    assert [h.document for h in doc.search('"wait list"')] == ["P01"]
    assert doc.search('"waiting list"') == []


def test_ambiguous_or_missing_replace_is_refused_and_all_replaces_every_one(doc: Project) -> None:
    with pytest.raises(NotFound, match="does not occur"):
        doc.edit_document("P01", replace="zebra", with_text="horse")
    with pytest.raises(InvalidArgument, match="occurs 3 times"):
        doc.edit_document("P01", replace="was", with_text="is")
    result = doc.edit_document("P01", replace="was", with_text="is", all=True)
    assert result.replacements == 3 and " was " not in doc.document("P01").text


def test_a_stale_page_is_refused_and_nothing_changes(doc: Project) -> None:
    doc.edit_document("P01", replace="four months", with_text="four weeks", expected_revision=1)
    with pytest.raises(Conflict, match="changed since the page loaded: it is at revision 2"):
        doc.edit_document("P01", replace="Honestly", with_text="Truly", expected_revision=1)
    assert doc.document("P01").revision == 2 and "Honestly" in doc.document("P01").text


def test_deleting_a_coded_span_queues_it_with_its_old_text(doc: Project) -> None:
    before = {e.id: e.text for e in doc.codings()}
    result = doc.edit_document("P01", replace="When I finally got in, she actually listened to me, which felt new. ",
                               with_text="")
    assert result.codings.get("review") == 1 and len(result.review) == 1
    assert {e.id for e in doc.codings()} == set(before)  # never dropped
    (item,) = doc.review_queue()
    assert (item.status, item.quote, item.on_revision, item.current_revision) == (
        "review", "she actually listened to me", 1, 2)
    with pytest.raises(InvalidArgument, match="no suggested place"):
        doc.place_coding(item.coding_id)
    text = doc.document("P01").text
    start = text.index("Honestly")
    placed = doc.place_coding(item.coding_id, start=start, end=start + len("Honestly it was hard"))
    assert (placed.status, placed.quote, placed.old_quote) == ("ok", "Honestly it was hard", "she actually listened to me")
    assert doc.review_queue() == []
    assert _texts(doc)["Listened"] == "Honestly it was hard"


def test_review_queue_suggests_and_removes(doc: Project) -> None:
    text = doc.document("P01").text
    moved = text.replace("but the waiting list was long. ", "but ") + "\nAnd the waiting list was long.\n"
    doc.edit_document("P01", new_text=moved)
    items = doc.review_queue(everything=True)
    waiting = next(i for i in items if i.code == "Waiting")
    if waiting.status == "review":
        assert waiting.suggestion is not None and waiting.suggestion[2] == "the waiting list was long"
        placed = doc.place_coding(waiting.coding_id)
        assert placed.quote == "the waiting list was long"
    doc.edit_document("P01", replace="Honestly it was hard. ", with_text="")
    other = [i for i in doc.review_queue(everything=True) if i.status in ("review", "fuzzy", "edited")]
    for item in other:
        doc.remove_from_review(item.coding_id)
    assert doc.review_queue(everything=True) == []
    with pytest.raises(InvalidArgument, match="not in the review queue"):
        doc.remove_from_review(doc.codings()[0].id)


def test_turns_follow_the_text_and_an_emptied_turn_is_dropped(doc: Project) -> None:
    before = doc.document("P01")
    assert len(before.turns) == 4
    result = doc.edit_document("P01", replace="What was that like?", with_text="")
    after = doc.document("P01")
    assert result.turns_removed == 1 and len(after.turns) == 3
    assert [t.speaker for t in after.turns] == ["Interviewer", "P01", "P01"]
    for old, new in zip([before.turns[i] for i in (0, 1, 3)], after.turns, strict=True):
        assert before.text[old.start:old.end] == after.text[new.start:new.end]
    assert len(doc.revision("P01", 1).turns) == 4


def test_whole_text_from_a_file_and_span_edits(doc: Project) -> None:
    text = doc.document("P01").text
    doc.edit_document("P01", new_text=text.replace("four months", "four long months"))
    assert _texts(doc)["Waiting"] == "the waiting list was long"
    at = doc.document("P01").text.index("Café")
    doc.edit_document("P01", start=at, end=at + 4, with_text="Coffee", expected_revision=2)
    assert _texts(doc)["Café"].startswith("Coffee visits")
    with pytest.raises(InvalidArgument, match="same as the current revision"):
        doc.edit_document("P01", new_text=doc.document("P01").text)
    with pytest.raises(InvalidArgument, match="empty"):
        doc.edit_document("P01", new_text="   ")
    doc.add_member("Sam")  # with several members, say who edits
    with pytest.raises(InvalidArgument, match="--author"):
        doc.edit_document("P01", replace="Honestly", with_text="Truly")
    assert doc.edit_document("P01", replace="Honestly", with_text="Truly", author="Sam").revision == 4
    assert doc.revisions("P01")[-1].author == "Sam"


def test_upgrade_from_0002_keeps_data_and_adds_defaults(target: str) -> None:
    engine = make_engine(target)
    migrate.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(insert(documents).values(id=1, guid="g", title="T", content_sha256="x", created_at=now()))
        conn.exec_driver_sql(
            "INSERT INTO revisions (id, document_id, number, text, char_length, words, reason, created_at) "
            "VALUES (1, 1, 1, 'hello', 5, 1, '', CURRENT_TIMESTAMP)")
        conn.execute(documents.update().values(current_revision_id=1))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert not conn.execute(select(revisions.c.deidentified)).scalar_one()
    engine.dispose()
    project = cotheme.open_project(target)
    try:
        assert project.revisions(1)[0].deidentified is False
        assert project.review_queue() == []
    finally:
        project.close()
