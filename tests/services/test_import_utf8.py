"""A long transcript stored from its UTF-8 bytes (SQLite's CAST, PostgreSQL's convert_from) is stored as
its text: the same characters, turn offsets counted in code points, and search hits that point at the
word found, after emoji and accented letters, on both engines."""

from __future__ import annotations

from pathlib import Path

from cotheme.formats.registry import read_transcript
from cotheme.services.project import Project


def _transcript(path: Path) -> str:
    turns = []
    for i in range(3000):  # about 200,000 characters: stored from its bytes, not as a str
        who = "Interviewer" if i % 2 == 0 else "P01"
        turns.append(f"{who}: Turn {i} 🙂 café “naïve” — Zoë e\u0301te and São Paulo kindness{i}.")
    text = "\r\n\r\n".join(turns) + "\r\n"
    path.write_bytes(text.encode("utf-8"))
    return read_transcript(path.name, path.read_bytes()).text


def test_a_long_text_with_emoji_is_stored_and_searched_by_code_points(project: Project, tmp_path: Path) -> None:
    file = tmp_path / "P01.txt"
    expected = _transcript(file)
    (imported,) = project.import_files([file])
    document = project.document(imported.id)
    assert document.text == expected
    assert len(document.turns) == imported.turns == 3000
    last = document.turns[-1]
    assert document.text[last.start : last.end].startswith("Turn 2999 🙂 café")
    assert last.speaker == "P01"
    (hit,) = project.search("kindness2999")
    assert document.text[hit.start : hit.end] == "kindness2999"
    (hit,) = project.search("Zoë kindness1500")
    assert document.text[hit.start : hit.end].startswith("Zoë")
