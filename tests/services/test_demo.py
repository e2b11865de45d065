"""The fictional demo study builds through the same operations a user runs, and has what the
later features need: six interviews, six participants with gaps, ~20 codes, two coders, memos."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.errors import Conflict
from cotheme.services.demo import build_demo


def test_demo_study(tmp_path: Path) -> None:
    target = tmp_path / "demo.cotheme"
    with build_demo(target) as project:
        docs = project.documents()
        assert [d.title for d in docs] == ["P01", "P02", "P03", "P04", "P05", "P06"]
        assert all(2000 <= d.words <= 4000 for d in docs), [d.words for d in docs]
        assert all(d.case_pid == d.title for d in docs)
        assert all(len(d.speakers) == 2 for d in docs), [d.speakers for d in docs]
        cases = project.cases()
        assert len(cases) == 6 and all(6 <= len(c.attributes) <= 7 for c in cases)
        assert sum(v is None for c in cases for v in c.attributes.values()) >= 3
        assert 18 <= len(project.codes()) <= 26
        extracts = project.codings()
        assert {e.coder for e in extracts} == {"Sam Okafor", "Rowan Pike"}
        text = {d.title: project.document(d.title).text for d in docs}
        assert all(text[e.document][e.start : e.end] == e.text for e in extracts)
        assert project.memos()
        assert "FICTIONAL" in project.info().description.upper()
        p06 = project.document("P06")
        assert p06.turns[0].t_start_ms is not None  # the VTT interview keeps its timestamps
        assert project.search("café")
    # building again replaces the earlier demo, but never another file
    build_demo(target).close()
    other = tmp_path / "notes.cotheme"
    other.write_text("my own notes", encoding="utf-8")
    with pytest.raises(Conflict, match="not a cotheme demo"):
        build_demo(other)
    assert other.read_text(encoding="utf-8") == "my own notes"
