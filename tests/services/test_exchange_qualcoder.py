"""Round trips through QualCoder (its import and export reproduced in ``tests.qualcoder_fixtures``), on
SQLite and PostgreSQL: nothing doubled when its export comes back, annotations kept on their span,
creating users on every element, memos where QualCoder reads them and back only once."""

from __future__ import annotations

import uuid
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from cotheme.errors import Conflict
from cotheme.services.demo import build_demo
from cotheme.services.project import Project
from tests.qualcoder_fixtures import NS, QcAnnotation, qualcoder_round_trip
from tests.refi_fixtures import make_qdpx


@pytest.fixture(scope="module")
def demo_qdpx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo study (107 codings, memos on the project, documents and codes) plus a memo on a coding,
    exported once for the module."""
    folder = tmp_path_factory.mktemp("qualcoder")
    with build_demo(folder / "demo.cotheme") as project:
        first = project.codings()[0]
        project.add_memo("Why this line matters.", target="coding", ref=str(first.id), author="Rowan Pike")
        project.export_qdpx(folder / "demo.qdpx")
    yield folder / "demo.qdpx"


def counts(project: Project) -> tuple[int, int, int, int, int]:
    return (len(project.documents()), len(project.codings()), len(project.codes()), len(project.memos()),
            len(project.members()))


def memo_key(project: Project) -> Counter[tuple[str, str]]:
    return Counter((m.target.value, m.text) for m in project.memos())


def test_qualcoders_export_of_our_project_is_merged_without_doubles(demo_qdpx: Path, target: str, tmp_path: Path) -> None:
    created, _ = Project.create_from_qdpx(target, demo_qdpx)
    with created as project:
        before, memos = counts(project), memo_key(project)
        project.export_qdpx(tmp_path / "ours.qdpx")
        qualcoder_round_trip(tmp_path / "ours.qdpx", tmp_path / "qualcoder.qdpx")
        with pytest.raises(Conflict) as refused:
            project.import_qdpx(tmp_path / "qualcoder.qdpx")
        message = str(refused.value)
        assert "P01" in message and "--merge" in message and "--allow-duplicate" in message
        assert counts(project) == before  # nothing written
        result = project.import_qdpx(tmp_path / "qualcoder.qdpx", same_text="merge")
        assert counts(project) == before
        assert memo_key(project) == memos
        assert result.created == {}
        assert result.matched["documents"] == 6 and result.matched["codings"] == 107
        assert not any("(2)" in d.title for d in project.documents())
        assert "default" not in {m.name for m in project.members()}


def test_qualcoders_category_with_a_code_of_its_name_is_one_code(demo_qdpx: Path, tmp_path: Path) -> None:
    """Earlier QualCoder releases read a code with sub-codes as a category holding a code of its name."""
    created, _ = Project.create_from_qdpx(tmp_path / "study.cotheme", demo_qdpx)
    with created as project:
        before, paths = counts(project), [c.code.path_text for c in project.codes()]
        project.export_qdpx(tmp_path / "ours.qdpx")
        qualcoder_round_trip(tmp_path / "ours.qdpx", tmp_path / "qualcoder.qdpx", mirror_categories=True)
        result = project.import_qdpx(tmp_path / "qualcoder.qdpx", same_text="merge")
        assert result.created == {} and counts(project) == before
        assert [c.code.path_text for c in project.codes()] == paths
        project.export_qdpx(tmp_path / "again.qdpx")
    with zipfile.ZipFile(tmp_path / "again.qdpx") as archive:
        assert b'isCodable="false"' not in archive.read("project.qde")  # our codes are all still codable


def test_qualcoders_export_can_still_be_imported_as_copies(demo_qdpx: Path, tmp_path: Path) -> None:
    created, _ = Project.create_from_qdpx(tmp_path / "study.cotheme", demo_qdpx)
    with created as project:
        qualcoder_round_trip(demo_qdpx, tmp_path / "qualcoder.qdpx")
        result = project.import_qdpx(tmp_path / "qualcoder.qdpx", same_text="copy")
        assert result.created["documents"] == 6 and result.created["codings"] == 107
        assert "P01 (2)" in {d.title for d in project.documents()}


def test_every_element_that_takes_a_creating_user_has_one(demo_qdpx: Path) -> None:
    with zipfile.ZipFile(demo_qdpx) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    users = {u.get("guid") for u in root.iter(f"{NS}User")}
    assert root.get("creatingUserGUID") in users
    for kind in ("TextSource", "PlainTextSelection", "Coding", "Note"):
        elements = list(root.iter(f"{NS}{kind}"))
        assert elements and all(e.get("creatingUser") in users for e in elements), kind


def test_memos_reach_qualcoder_where_it_reads_them(demo_qdpx: Path, tmp_path: Path) -> None:
    qualcoder = qualcoder_round_trip(demo_qdpx, tmp_path / "qualcoder.qdpx")
    memos = {s.name: s.memo for s in qualcoder.sources}
    assert memos["P01"].startswith("Familiarisation: the story runs from a car park")
    assert "Why this line matters." in {c.memo for s in qualcoder.sources for c in s.codings}
    assert any(text.startswith("Reflexive note after the first two interviews") for _, text, _, _ in qualcoder.journals)
    assert {s.owner for s in qualcoder.sources} != {"default"}


def test_a_qualcoder_annotation_keeps_its_span(demo_qdpx: Path, target: str, tmp_path: Path) -> None:
    created, _ = Project.create_from_qdpx(target, demo_qdpx)
    with created as project:
        p02 = next(d for d in project.documents() if d.title == "P02")
        coded = next(e for e in project.codings(document=p02.id))
        text = project.document(p02.id).text
        free = text.index("\n") + 1, text.index("\n") + 11  # ten characters no coding starts or ends at
        assert not any((e.start, e.end) == free for e in project.codings(document=p02.id))
        project.export_qdpx(tmp_path / "ours.qdpx")
        qualcoder_round_trip(tmp_path / "ours.qdpx", tmp_path / "qualcoder.qdpx", annotations=(
            QcAnnotation("P02", coded.start, coded.end, "Annotated in QualCoder", "Rowan Pike"),
            QcAnnotation("P02", 3, 9, "A second one QualCoder refers to nowhere", "Rowan Pike"),
        ))
        project.import_qdpx(tmp_path / "qualcoder.qdpx", same_text="merge")
        on_coding = project.memos("coding", coded.id)
        assert [m.text for m in on_coding] == ["Annotated in QualCoder"]
        assert "On characters 3\u20139 of a document the file does not name: A second one QualCoder refers to nowhere" in {
            m.text for m in project.memos("project")}
        # A second run with an annotation on text nobody coded: kept on the document with its passage.
        project.export_qdpx(tmp_path / "ours2.qdpx")
        qualcoder_round_trip(tmp_path / "ours2.qdpx", tmp_path / "qualcoder2.qdpx", annotations=(
            QcAnnotation("P02", free[0], free[1], "Uncoded but worth a look", "Rowan Pike"),
        ))
        project.import_qdpx(tmp_path / "qualcoder2.qdpx", same_text="merge")
        passage = text[free[0]:free[1]]
        on_document = [m.text for m in project.memos("document", p02.id) if "Uncoded" in m.text]
        assert on_document == [f"On \u201c{passage}\u201d (characters {free[0]}\u2013{free[1]}): Uncoded but worth a look"]
        assert [m.text for m in project.memos("coding", coded.id)] == ["Annotated in QualCoder"]


QC_USERLESS = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="qc.qda" origin="QualCoder 4.0 beta" creatingUserGUID="{maker}">
<Users><User guid="{default}" name="default" /><User guid="{robin}" name="Robin Lee" /></Users>
<CodeBook><Codes><Code guid="{code}" name="Waiting" isCodable="true" color="#F781F3" /></Codes></CodeBook>
<Sources>
<TextSource plainTextPath="internal://{text}.txt" creatingUser="{default}" creationDateTime="2024-05-01T10:00:00Z" guid="{source}" name="Q01">
<PlainTextSelection guid="{sel1}" startPosition="0" endPosition="7" name="Waiting" creatingUser="{default}" creationDateTime="2024-05-01T10:00:00Z">
<Coding guid="{coding1}" creatingUser="{default}" >
<CodeRef targetGUID="{code}" />
</Coding>
</PlainTextSelection>
<PlainTextSelection guid="{sel2}" startPosition="8" endPosition="12" name="list" creatingUser="{robin}" creationDateTime="2024-05-01T10:00:00Z">
<Coding guid="{coding2}" creatingUser="{robin}" >
<CodeRef targetGUID="{code}" />
</Coding>
</PlainTextSelection>
</TextSource>
</Sources>
<Notes>
<Note guid="{journal}" creatingUser="" creationDateTime="2024-05-01T10:00:00Z" name="Journal"  plainTextPath="internal://{journal}.txt" >
<Description /></Note>
</Notes>
<Description></Description>
</Project>"""


def test_qualcoders_placeholder_user_default_is_no_member(project: Project, tmp_path: Path) -> None:
    ids = {k: str(uuid.uuid4()) for k in ("maker", "default", "robin", "code", "text", "source", "sel1", "sel2",
                                         "coding1", "coding2", "journal")}
    path = make_qdpx(tmp_path / "qc.qdpx", QC_USERLESS.format(**ids), {
        f"sources/{ids['text']}.txt": "Waiting list was long.".encode("utf-8-sig"),
        f"sources/{ids['journal']}.txt": "Journal\n\nA journal entry.".encode("utf-8-sig"),
    })
    result = project.acting_as("Lead").import_qdpx(path)
    assert "default" not in {m.name for m in project.members()}
    assert [r.author for r in project.revisions("Q01")] == ["Lead"]  # the importing member's document
    assert {e.coder for e in project.codings()} == {None, "Robin Lee"}
    assert any("'default'" in note for note in result.notes)
    assert [m.text for m in project.memos("project")] == ["Journal\n\nA journal entry."]
