"""Names with non-ASCII capitals find themselves on both engines (found by the XSS corpus:
SQLite's lower() folded ASCII only and Python's lower() differs from PostgreSQL's for 'İ')."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.services.project import Project

NAMES = ["Öffentlichkeit", "<scrİpt>", "ΣΟΦΊΑ"]


@pytest.mark.parametrize("name", NAMES)
def test_a_code_theme_case_and_member_are_found_by_their_own_name(project: Project, tmp_path: Path, name: str) -> None:
    project.create_code(name)
    transcript = tmp_path / "T.txt"
    transcript.write_text("Interviewer: hello\n\nP01: Öffentlichkeit matters.\n", encoding="utf-8")
    project.add_case(name)
    project.import_files([transcript], case=name)
    project.add_member(name)
    extract = project.code("T", name, quote="matters", coder=name)
    assert extract.code == name and extract.case_pid == name
    theme = project.create_theme(name)
    assert project.link_codes(name, [name]).id == theme.id
    project.add_memo("x", target="code", ref=name if "İ" in name else name.lower(), author=name)  # Python and PostgreSQL fold İ differently
