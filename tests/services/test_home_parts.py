"""The home page's parts are kept only while nothing they read has changed: after every kind of write
(here, by another connection, by concurrent writers) the kept summary equals one computed afresh, for a
lead and for a coder restricted by a blind document, on SQLite and PostgreSQL; and a write recomputes
only the parts that read a table it changed."""

from __future__ import annotations

import threading
from dataclasses import replace
from collections.abc import Callable

import pytest

from cotheme.services import home
from cotheme.services.importing import SourceFile
from cotheme.services.project import Project
from cotheme.storage import revisions as rev_repo
from cotheme.storage import table_versions
from tests.conftest import INTERVIEW

CASES = b"participant,gender,age\nP01,woman,34\nP02,man,51\n"


def _setup(project: Project) -> list[int]:
    docs = project.documents.import_sources([SourceFile(f"P0{i}.txt", (INTERVIEW + f"\nP01: Once more, {i}.\n").encode())
                                             for i in (1, 2)])
    project.codes.create("Waiting")
    project.codes.create("Being heard")
    project.codes.create("Peer group")
    project.codings.add(docs[0].id, "Waiting", quote="the waiting list was long", coder="Lead")
    project.codings.add(docs[1].id, "Being heard", quote="she actually listened to me", coder="Lead")
    project.memos.add("A first note", target="project")
    return [d.id for d in docs]


def _content(summary: home.HomeSummary) -> home.HomeSummary:
    """The summary without its data version (which every write raises)."""
    return replace(summary, version=None)


def _fresh(project: Project) -> home.HomeSummary:
    home.clear()
    return project.study.home_summary()


def _deidentify(project: Project, doc: int) -> None:
    store = project._store  # noqa: SLF001 - the storage step the de-identification service ends with
    with store.write() as conn:
        rev_repo.set_deidentified(conn, rev_repo_current(conn, doc))


def rev_repo_current(conn, doc: int) -> int:  # type: ignore[no-untyped-def]
    from cotheme.storage import documents as docs_repo
    return docs_repo.current_revision(conn, doc)


def _code(project: Project, name: str) -> int:
    return next(c.code.id for c in project.codes.list() if c.code.name == name)


def _first_coding(project: Project, doc: int) -> int:
    return project.codings.list(document=doc)[0].id


WRITES: dict[str, Callable[[Project, list[int]], object]] = {
    "import": lambda p, d: p.documents.import_sources([SourceFile("P09.txt", INTERVIEW.encode())]),
    "add coding": lambda p, d: p.codings.add(d[0], "Peer group", quote="peer group helped", coder="Lead"),
    "move coding": lambda p, d: p.codings.update(_first_coding(p, d[0]), start=3, end=20),
    "recode": lambda p, d: p.codings.update(_first_coding(p, d[0]), code="Peer group"),
    "delete coding": lambda p, d: p.codings.delete(_first_coding(p, d[0])),
    "new code": lambda p, d: p.codes.create("Trust"),
    "new sub-code": lambda p, d: p.codes.create("Waiting/Months"),
    "rename code": lambda p, d: p.codes.edit(_code(p, "Waiting"), name="Waiting time"),
    "merge codes": lambda p, d: p.codes.merge(["Waiting"], "Being heard"),
    "delete code": lambda p, d: p.codes.delete("Waiting", move_to="Peer group"),
    "memo": lambda p, d: p.memos.add("On the waiting", target="document", ref=str(d[0])),
    "memo on a coding": lambda p, d: p.memos.add("Why", target="coding", target_id=_first_coding(p, d[0])),
    "participants": lambda p, d: p.cases.import_data("people.csv", CASES),
    "attribute label": lambda p, d: (p.cases.import_data("people.csv", CASES),
                                     p.cases.set_attribute("gender", label="Gender identity")),
    "new revision": lambda p, d: p.documents.edit(d[0], replace="four months", with_text="five months"),
    "rename speaker": lambda p, d: p.documents.rename_speaker(d[1], "P01", "Participant"),
    "de-identified": lambda p, d: _deidentify(p, d[1]),
    "blind": lambda p, d: p.team.set_blind(d[0], True),
}


#: Writes the home page does not show: a lead sees a blind document as before; a coding moved within its
#: turn leaves every count as it was.
UNSEEN = {"blind", "move coding"}


@pytest.mark.parametrize("write", list(WRITES))
def test_after_each_kind_of_write_the_kept_summary_is_a_fresh_one(project: Project, write: str) -> None:
    docs = _setup(project)
    before = project.study.home_summary()
    assert project.study.home_summary() == before  # kept
    WRITES[write](project, docs)
    after = project.study.home_summary()
    assert after == _fresh(project)
    if write in UNSEEN:
        assert _content(after) == _content(before)
    else:
        assert _content(after) != _content(before)


def test_a_write_recomputes_only_the_parts_that_read_what_it_changed(project: Project,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _setup(project)
    project.study.home_summary()
    computed: list[str] = []
    for name, compute in list(home._PARTS.items()):  # noqa: SLF001
        monkeypatch.setitem(home._PARTS, name,  # noqa: SLF001
                            lambda store, name=name, compute=compute: computed.append(name) or compute(store))
    project.study.home_summary()
    assert computed == []  # nothing changed: every part kept
    project.codings.add(docs[1], "Peer group", quote="peer group helped", coder="Lead")
    project.study.home_summary()
    assert sorted(computed) == ["codes", "codings", "documents"]
    computed.clear()
    project.memos.add("Another note", target="project")
    project.study.home_summary()
    assert computed == ["memos"]


def test_another_connection_s_write_is_seen(project: Project, target: str) -> None:
    docs = _setup(project)
    kept = project.study.home_summary()
    with Project.open(target) as other:
        other.codings.add(docs[1], "Peer group", quote="peer group helped", coder="Lead")
        other.cases.import_data("people.csv", CASES)
    after = project.study.home_summary()
    assert after.total_codings == kept.total_codings + 1 and after.case_count == 2
    assert after == _fresh(project)


def test_a_coder_restricted_by_a_blind_document_sees_only_what_they_may(project: Project) -> None:
    docs = _setup(project)
    project.team.add_member("Bea", permission="coder")
    bea = project.acting_as("Bea")
    lead_view = project.study.home_summary()
    assert bea.study.home_summary().total_codings == 2  # nothing blind: Bea sees everything
    project.team.set_blind(docs[0], True)
    seen = bea.study.home_summary()
    assert seen.total_codings == 1  # the lead's coding in the blind document is hidden from Bea
    assert {c.code.name: c.extracts for c in seen.codes}["Waiting"] == 0
    assert _content(project.study.home_summary()) == _content(lead_view)  # the lead's view is unchanged (kept, and right)
    bea.codings.add(docs[0], "Peer group", quote="peer group helped")
    seen = bea.study.home_summary()
    assert seen.total_codings == 2 and {c.code.name: c.extracts for c in seen.codes}["Peer group"] == 1
    home.clear()
    assert bea.study.home_summary() == seen  # what a fresh computation for Bea says
    project.team.set_blind(docs[0], False)
    assert bea.study.home_summary().total_codings == 3
    assert project.study.home_summary() == _fresh(project)


def test_a_rolled_back_write_raises_no_counter(project: Project) -> None:
    _setup(project)
    store = project._store  # noqa: SLF001
    with store.read() as conn:
        before = table_versions.current(conn)
    with pytest.raises(RuntimeError), store.write() as conn:
        from sqlalchemy import delete

        from cotheme.storage.schema import codings
        conn.execute(delete(codings))
        raise RuntimeError("undo")
    with store.read() as conn:
        assert table_versions.current(conn) == before


def test_a_delete_raises_the_tables_its_foreign_keys_change(project: Project) -> None:
    docs = _setup(project)
    store = project._store  # noqa: SLF001
    with store.read() as conn:
        before = table_versions.current(conn)
    from sqlalchemy import delete

    from cotheme.storage.schema import documents
    with store.write() as conn:
        conn.execute(delete(documents).where(documents.c.id == docs[1]))
    with store.read() as conn:
        after = table_versions.current(conn)
    for table in ("documents", "codings", "revisions", "turns", "memos"):
        assert after.get(table, 0) == before.get(table, 0) + 1, table
    assert project.study.home_summary() == _fresh(project)


def test_concurrent_writers_each_raise_the_counter_once(project: Project, target: str) -> None:
    docs = _setup(project)
    store = project._store  # noqa: SLF001
    with store.read() as conn:
        before = table_versions.current(conn)["codings"]
    project.study.home_summary()
    writers, each = 4, 5
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            with Project.open(target) as own:
                for i in range(each):
                    start = (n * each + i) % 40
                    own.codings.add(docs[n % 2], "Peer group", start=start, end=start + 5, coder="Lead")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store.read() as conn:
        assert table_versions.current(conn)["codings"] == before + writers * each
    kept = project.study.home_summary()
    assert kept.total_codings == 2 + writers * each and kept == _fresh(project)


def test_a_write_in_sql_text_raises_every_table(project: Project) -> None:
    docs = _setup(project)
    kept = project.study.home_summary()
    from sqlalchemy import text

    with project._store.write() as conn:  # noqa: SLF001
        conn.execute(text("UPDATE documents SET title = 'Renamed' WHERE id = :d"), {"d": docs[0]})
    after = project.study.home_summary()
    assert after.documents.documents[0].title == "Renamed" != kept.documents.documents[0].title
    assert after == _fresh(project)
