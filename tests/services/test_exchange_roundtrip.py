"""Round trips through QDPX on SQLite and PostgreSQL: our demo study (themes included), and NVivo's real
project."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import cotheme
from cotheme.domain.text import canonical
from cotheme.services.demo import build_demo
from cotheme.services.project import Project
from tests.refi_fixtures import NVIVO, PROJECT_XSD


def snapshot(project: Project) -> dict[str, Any]:
    """Everything a round trip must keep, keyed by names rather than ids."""
    titles = {d.id: d.title for d in project.documents()}
    paths = {c.code.id: c.code.path_text for c in project.codes()}
    codings = project.codings()
    coding_key = {e.id: (e.document, e.start, e.end, e.code_path, e.coder) for e in codings}
    summaries = project.themes()
    theme_name = {t.theme.id: t.theme.name for t in summaries}
    targets = {"document": titles, "code": paths, "coding": coding_key, "theme": theme_name}
    documents = {}
    for doc_id, title in titles.items():
        doc = project.document(doc_id)
        documents[title] = (doc.case_pid, doc.text, [astuple(t) for t in doc.turns], astuple(doc.source))
    return {
        "info": project.info(),
        "members": sorted((m.name, m.role_label, m.permission.value) for m in project.members()),
        "codes": [(c.code.path_text, c.code.definition, c.code.inclusion, c.code.exclusion, c.code.example,
                   c.code.colour, c.extracts) for c in project.codes()],
        "cases": [(c.pid, c.attributes) for c in project.cases()],
        "documents": documents,
        "codings": sorted((e.document, e.start, e.end, e.text, e.code_path, e.coder, e.case_pid, e.speaker) for e in codings),
        "memos": sorted((m.text, m.author, m.target.value, targets.get(m.target.value, {}).get(m.target_id))
                        for m in project.memos()),
        # Tree order with level and parent: hierarchy and order among siblings; codes by path.
        "themes": [(t.theme.name, t.theme.level, theme_name.get(t.theme.parent_id), t.theme.definition,
                    t.theme.status.value, t.theme.position, t.codes, t.theme.x, t.theme.y) for t in summaries],
        "exemplars": [(theme_name[e.theme_id], coding_key[e.coding_id], e.position, e.chosen_by)
                      for e in project.exemplars()],
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, Any], Path]]:
    """The demo study (plus a memo on a coding, a memo on a theme, exemplars, a subtheme moved on the
    map and one added out of order) and its QDPX export, built once for the module."""
    folder = tmp_path_factory.mktemp("demo")
    with build_demo(folder / "demo.cotheme") as project:
        first, second = project.codings()[:2]
        project.add_memo("Why this line matters.", target="coding", ref=str(first.id), author="Rowan Pike")
        project.add_memo("Is this one theme or two?", target="theme", ref="Being known", author="Sam Okafor")
        project.add_exemplar("Being known", second.id, "Rowan Pike")
        project.add_exemplar("Being known", first.id, "Sam Okafor")
        themes = {t.theme.name: t.theme.id for t in project.themes()}
        project.save_map_positions({themes["Starting again"]: (120.5, -40.0)})
        project.create_theme("Aaa, first by name, last by order", parent="Being known", status="reviewed")
        out = folder / "demo.qdpx"
        result = project.export_qdpx(out)
        assert result.counts["codings"] == 107 and result.counts["memos"] == 12 and result.counts["themes"] == 11
        yield snapshot(project), out


def test_our_project_survives_a_round_trip(demo: tuple[dict[str, Any], Path], target: str, tmp_path: Path) -> None:
    before, path = demo
    with zipfile.ZipFile(path) as archive:
        assert etree.XMLSchema(etree.parse(str(PROJECT_XSD))).validate(etree.fromstring(archive.read("project.qde")))
    created, result = Project.create_from_qdpx(target, path)
    with created as project:
        assert result.conflicts == [] and result.notes == []
        assert result.created["themes"] == 11
        after = snapshot(project)
        assert after["themes"] == before["themes"] and after["exemplars"] == before["exemplars"]
        assert after == before
        assert {level for _, level, *_ in after["themes"]} == {0, 1, 2}  # overarching, themes, subthemes
        assert any(turn[4] is not None for _, _, turns, _ in after["documents"].values() for turn in turns)  # timestamps
        again = project.import_qdpx(path)  # the same file twice: nothing new
        assert again.created == {} and again.conflicts == []
        # ... and out again from this backend, into a third project.
        project.export_qdpx(tmp_path / "again.qdpx")
    third, _ = Project.create_from_qdpx(tmp_path / "third.cotheme", tmp_path / "again.qdpx")
    with third:
        assert snapshot(third) == before


def nvivo_meant() -> list[str]:
    """The text of each NVivo selection read as NVivo counts (UTF-16 units), canonical."""
    ns = "{urn:QDA-XML:project:1.0}"
    with zipfile.ZipFile(NVIVO) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        texts = {}
        for source in root.iter(f"{ns}TextSource"):
            guid = source.get("guid")
            texts[guid] = archive.read(f"Sources/{guid}.txt").decode("utf-8-sig").encode("utf-16-le")
    return sorted(
        canonical(texts[s.get("guid")][2 * int(sel.get("startPosition")) : 2 * int(sel.get("endPosition"))].decode("utf-16-le"))
        for s in root.iter(f"{ns}TextSource") for sel in s.iter(f"{ns}PlainTextSelection")
    )


def test_nvivo_to_cotheme_to_qdpx_to_cotheme_keeps_every_coding(target: str, tmp_path: Path) -> None:
    created, result = Project.create_from_qdpx(target, NVIVO)
    with created as project:
        assert result.created == {"members": 1, "codes": 152, "documents": 2, "codings": 303}
        assert result.positions == "UTF-16 code units (NVivo)"
        codings = project.codings()
        assert sorted(e.text for e in codings) == nvivo_meant()
        assert {e.coder for e in codings} <= {"Gergo", "floriansipos"}
        key = sorted((e.document, e.start, e.end, e.text, e.code_path, e.coder) for e in codings)
        assert project.import_qdpx(NVIVO).created == {}
        project.export_qdpx(tmp_path / "out.qdpx")
    with cotheme.create_project(tmp_path / "back.cotheme", lead="Someone") as back:
        back.import_qdpx(tmp_path / "out.qdpx")
        assert sorted((e.document, e.start, e.end, e.text, e.code_path, e.coder) for e in back.codings()) == key


def test_the_nvivo_form_is_what_nvivo_itself_wrote(tmp_path: Path) -> None:
    """Exported with --nvivo, NVivo's own project comes back with NVivo's text files byte for byte and
    every selection at NVivo's own positions; cotheme reads that form back too."""
    ns = "{urn:QDA-XML:project:1.0}"

    def selections(path: Path) -> tuple[dict[str, tuple[str, str]], dict[str, bytes]]:
        with zipfile.ZipFile(path) as archive:
            root = etree.fromstring(archive.read("project.qde"))
            texts = {n.rsplit("/", 1)[1]: archive.read(n) for n in archive.namelist() if n.endswith(".txt")}
        spans = {s.find(f"{ns}Coding").get("guid"): (s.get("startPosition"), s.get("endPosition"))
                 for s in root.iter(f"{ns}PlainTextSelection")}
        return spans, texts

    created, _ = Project.create_from_qdpx(tmp_path / "nvivo.cotheme", NVIVO)
    with created as project:
        result = project.export_qdpx(tmp_path / "nvivo-form.qdpx", nvivo=True)
        key = sorted((e.document, e.start, e.end, e.text) for e in project.codings())
    assert "counts positions as NVivo 12 does" in result.warnings[0]
    assert selections(tmp_path / "nvivo-form.qdpx") == selections(NVIVO)
    again, read = Project.create_from_qdpx(tmp_path / "again.cotheme", tmp_path / "nvivo-form.qdpx")
    with again:
        assert read.positions == "UTF-16 code units (NVivo)"
        assert sorted((e.document, e.start, e.end, e.text) for e in again.codings()) == key
