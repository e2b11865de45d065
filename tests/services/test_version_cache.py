"""The codebook's counts and a transcript's codings are kept while the data version holds, and every
kind of write - here or by another connection to the project - is seen by the next read, on SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cotheme.services import version_cache
from cotheme.services.importing import SourceFile
from cotheme.services.project import Project
from cotheme.storage import codings as codings_repo
from tests.conftest import INTERVIEW


def _setup(project: Project) -> int:
    (doc,) = project.import_sources([SourceFile("P01.txt", INTERVIEW.encode("utf-8"))])
    project.create_code("Waiting")
    project.create_code("Being heard")
    project.code(doc.id, "Waiting", quote="the waiting list was long", coder="Lead")
    return doc.id


def _counts(project: Project) -> dict[str, int]:
    return {c.code.name: c.extracts for c in project.codes()}


def _spans(project: Project, doc: int) -> list[tuple[str, int, int]]:
    return sorted((e.code, e.start, e.end) for e in project.codings(document=doc))


def test_reads_are_kept_until_a_write(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _setup(project)
    calls = {"extracts": 0}
    real = codings_repo.extracts

    def counting(*args: object, **kwargs: object) -> object:
        calls["extracts"] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(codings_repo, "extracts", counting)
    first = _spans(project, doc)
    again = _spans(project, doc)
    assert first == again and calls["extracts"] == 1  # the second read was kept
    project.code(doc, "Being heard", quote="she actually listened to me", coder="Lead")
    written = calls["extracts"]
    assert len(_spans(project, doc)) == 2 and calls["extracts"] == written + 1  # read afresh


WRITES: dict[str, Callable[[Project, int], None]] = {
    "add": lambda p, d: p.code(d, "Being heard", quote="she actually listened", coder="Lead"),
    "move": lambda p, d: p.update_coding(p.codings(document=d)[0].id, start=3, end=20),
    "recode": lambda p, d: p.update_coding(p.codings(document=d)[0].id, code="Being heard"),
    "delete": lambda p, d: p.delete_coding(p.codings(document=d)[0].id),
    "rename code": lambda p, d: p.edit_code(p.codes()[1].code.id, name="Waiting time"),
    "new code": lambda p, d: p.create_code("Peer group"),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_each_kind_of_write_is_seen(project: Project, write: str) -> None:
    doc = _setup(project)
    before = (_counts(project), _spans(project, doc))
    WRITES[write](project, doc)
    after = (_counts(project), _spans(project, doc))
    assert after != before
    version_cache.clear()
    assert (_counts(project), _spans(project, doc)) == after  # what a fresh computation says


def test_another_connection_s_write_is_seen(project: Project, target: str) -> None:
    doc = _setup(project)
    assert _counts(project)["Being heard"] == 0
    with Project.open(target) as other:
        other.code(doc, "Being heard", quote="she actually listened", coder="Lead")
    assert _counts(project)["Being heard"] == 1
    assert len(_spans(project, doc)) == 2


def test_a_large_answer_is_not_kept(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _setup(project)
    version_cache.clear()
    monkeypatch.setattr(version_cache, "MAX_ITEMS", 1)
    assert len(_spans(project, doc)) == 1
    assert [key[3] for key in version_cache._CACHE] == ["extracts"]  # noqa: SLF001
    assert len(_counts(project)) == 2  # two codes: more than MAX_ITEMS, computed and not kept
    assert [key[3] for key in version_cache._CACHE] == ["extracts"]  # noqa: SLF001


def test_a_project_made_again_at_the_same_path_starts_afresh(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "again.cotheme"
    for name in ("First", "Second"):
        with Project.create(str(path), title="t", lead="Lead") as made:
            made.create_code(name)
            assert [c.code.name for c in made.codes()] == [name]
        path.unlink()
