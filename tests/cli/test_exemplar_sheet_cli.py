"""``cotheme exemplar --from-csv``: a team marks rows of an extracts export in a spreadsheet and loads
them back as exemplars, all rows or none; a bad row or an unknown theme is refused with its line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cotheme.services.demo import build_demo
from cotheme.services.project import Project
from tests.cli_runner import cli

THEME = "Falling between services"


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cotheme"
    build_demo(path).close()
    return path


def _marked_export(demo: Path, tmp_path: Path, rows: int = 2) -> tuple[Path, list[dict[str, str]]]:
    """The extracts export of one code, with a theme and an exemplar column added as a team would."""
    exported = tmp_path / "waiting.csv"
    code, _, err = cli("extracts", "export", str(demo), str(exported), "--code", "Waiting and being turned away")
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))
    assert len(table) > rows
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["theme", "exemplar", *table[0]])
    writer.writeheader()
    for i, row in enumerate(table):
        writer.writerow({"theme": THEME, "exemplar": "x" if i < rows else "", **row})
    marked = tmp_path / "marked.csv"
    marked.write_text(out.getvalue(), encoding="utf-8")
    return marked, table[:rows]


def test_a_marked_export_loads_back_as_exemplars(demo: Path, tmp_path: Path) -> None:
    marked, chosen = _marked_export(demo, tmp_path)
    code, text, err = cli("exemplar", str(demo), "--from-csv", str(marked), "--member", "Rowan Pike")
    assert code == 0, err
    assert "Marked 2 exemplars" in text and "unmarked rows skipped" in text
    with Project.open(demo) as project:
        exemplars = project.exemplars(THEME)
        texts = [project.coding(e.coding_id).text for e in exemplars]
    assert [" ".join(t.split()) for t in texts] == [" ".join(r["text"].split()) for r in chosen]
    code, text, _ = cli("exemplar", str(demo), "--from-csv", str(marked), "--member", "Rowan Pike")
    assert code == 0 and "Marked 0 exemplars (2 already so" in text
    code, text, _ = cli("exemplar", str(demo), "--from-csv", str(marked), "--remove")
    assert code == 0 and "Unmarked 2 exemplars" in text
    with Project.open(demo) as project:
        assert project.exemplars(THEME) == []


def test_coding_ids_and_a_theme_for_the_whole_file(demo: Path, tmp_path: Path) -> None:
    ids = [c["id"] for c in json.loads(cli("codings", str(demo), "--code", "Referral routes", "--json")[1])][:3]
    sheet = tmp_path / "ids.csv"
    sheet.write_text("coding id\n" + "\n".join(str(i) for i in ids) + "\n", encoding="utf-8")
    code, text, err = cli("exemplar", str(demo), "--from-csv", str(sheet), "--theme", "Finding a way in",
                          "--member", "Sam Okafor")
    assert code == 0 and "Marked 3 exemplars" in text, err
    with Project.open(demo) as project:
        assert [e.coding_id for e in project.exemplars("Finding a way in")] == ids


def test_a_bad_row_refuses_the_whole_file(demo: Path, tmp_path: Path) -> None:
    marked, _ = _marked_export(demo, tmp_path)
    lines = marked.read_text(encoding="utf-8").splitlines()
    # Line 3 (the second data row) now quotes text that no extract has.
    bad = lines[2].replace("fell", "tumbled") if "fell" in lines[2] else lines[2][:-1] + ' words nobody said"'
    marked.write_text("\n".join([lines[0], lines[1], bad, *lines[3:]]) + "\n", encoding="utf-8")
    code, _, err = cli("exemplar", str(demo), "--from-csv", str(marked), "--member", "Rowan Pike")
    assert code != 0
    assert "marked.csv, line 3: no extract in" in err and "Traceback" not in err
    with Project.open(demo) as project:
        assert project.exemplars(THEME) == []  # the good first row was not kept either


def test_an_unknown_theme_is_refused_with_its_line(demo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "themes.csv"
    coding = json.loads(cli("codings", str(demo), "--code", "Referral routes", "--json")[1])[0]["id"]
    sheet.write_text(f"theme,coding id\nFinding a way in,{coding}\nNo such theme,{coding}\n", encoding="utf-8")
    code, _, err = cli("exemplar", str(demo), "--from-csv", str(sheet), "--member", "Rowan Pike")
    assert code != 0 and "themes.csv, line 3:" in err and "No such theme" in err
    with Project.open(demo) as project:
        assert project.exemplars("Finding a way in") == []
    sheet.write_text("document,text\nP01,Hello\n", encoding="utf-8")
    code, _, err = cli("exemplar", str(demo), "--from-csv", str(sheet), "--member", "Rowan Pike")
    assert code != 0 and "line 2: says no theme; add a 'theme' column or give --theme NAME." in err
    code, _, err = cli("exemplar", str(demo), "--member", "Rowan Pike")
    assert code != 0 and "--from-csv FILE" in err
