"""Themes on both engines: create, edit, move, delete, link codes, import/export, exemplars, theme
memos, templates, the review data, saved map positions, and the 0002 migration over existing data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import cotheme
from cotheme.errors import Conflict, InputError, InvalidArgument, NotFound
from cotheme.services.project import Project
from cotheme.storage import migrate
from cotheme.storage.engine import make_engine
from tests.conftest import INTERVIEW

THEMES_CSV = (
    "name,parent,definition,status,codes\n"
    "Sub B,Top,Second subtheme,reviewed,Waiting\n"
    "Top,,The overarching theme,defined,\n"
    "Sub A,Top,First subtheme,,Access; Trust\n"
)


@pytest.fixture
def coded(project: Project, tmp_path: Path) -> Project:
    """One interview, three codes (Waiting under Access), three codings, two cases."""
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    project.add_case("P01")
    project.import_files([tmp_path / "P01.txt"])
    project.create_code("Access/Waiting")
    project.create_code("Trust")
    project.code("P01", "Waiting", quote="the waiting list was long")
    project.code("P01", "Trust", quote="she actually listened to me")
    project.code("P01", "Access", quote="My GP mentioned it")
    return project


def test_create_edit_move_and_delete(coded: Project) -> None:
    top = coded.create_theme("Top", definition="Overarching", status="defined")
    sub = coded.create_theme("Sub", parent="Top", codes=["Trust"])
    assert (sub.parent_id, sub.level, sub.code_ids) == (top.id, 1, (coded.codes()[-1].code.id,))
    with pytest.raises(Conflict):
        coded.create_theme("sub", parent="Top")  # unique among siblings, ignoring case
    coded.create_theme("Sub")  # the same name elsewhere is fine
    with pytest.raises(Conflict, match="Several themes"):
        coded.update_theme("Sub", status="reviewed")
    moved = coded.update_theme(sub.id, parent=None, name="Sub two", status="reviewed")
    assert (moved.parent_id, moved.name, moved.status.value) == (None, "Sub two", "reviewed")
    with pytest.raises(InvalidArgument, match="under itself"):
        coded.update_theme(top.id, parent=top.id)
    coded.update_theme(moved.id, parent="Top")
    with pytest.raises(Conflict, match="subthemes"):
        coded.delete_theme("Top")
    coded.delete_theme(moved.id)
    assert [s.theme.name for s in coded.themes()] == ["Top", "Sub"]  # siblings in creation order
    with pytest.raises(InvalidArgument, match="status"):
        coded.create_theme("X", status="final")


def test_counts_include_subcodes_and_subthemes(coded: Project) -> None:
    coded.create_theme("Top")
    coded.create_theme("A", parent="Top", codes=["Access"])  # Access brings its subcode Waiting
    coded.create_theme("B", parent="Top", codes=["Trust", "Waiting"])
    found = {s.theme.name: s for s in coded.themes()}
    assert (found["A"].extracts, found["A"].participants) == (2, 1)
    assert found["B"].extracts == 2
    assert found["Top"].extracts == 3  # every coding once, though Waiting is in A and B
    review = coded.theme_review("Top")
    assert (review.extracts, review.participants) == (3, 1)
    assert {g.key for g in review.by_code} == {"Access", "Access/Waiting", "Trust"}
    assert [(g.key, len(g.extracts)) for g in review.by_participant] == [("P01", 3)]
    assert [(s.theme.name, s.participants, s.extracts) for s in review.subthemes] == [("A", 1, 2), ("B", 1, 2)]
    assert review.unthemed_codes == ()
    coded.link_codes("B", ["Trust"], unlink=True)
    coded.link_codes("A", ["Waiting"])
    assert [u.code.name for u in coded.theme_review("A").unthemed_codes] == ["Trust"]


def test_a_passage_coded_with_a_code_and_its_subcode_counts_once(coded: Project) -> None:
    # The same passage coded Access and Access/Waiting, and once more with Trust: one extract per
    # theme that draws on two or three of these codes, as the report matrix and the codebook count it.
    coded.code("P01", "Access", quote="the waiting list was long")
    coded.code("P01", "Trust", quote="the waiting list was long")
    coded.create_theme("Top")
    coded.create_theme("A", parent="Top", codes=["Access"])
    coded.create_theme("B", parent="Top", codes=["Trust"])
    found = {s.theme.name: s for s in coded.themes()}
    # A: Access "My GP", plus the waiting passage (Access + Waiting) once.
    assert (found["A"].extracts, found["A"].participants) == (2, 1)
    # B: "she actually listened", plus the waiting passage.
    assert found["B"].extracts == 2
    # Top: the three passages, each once, though the waiting passage carries three of its codes.
    assert found["Top"].extracts == 3
    review = coded.theme_review("Top")
    assert (review.extracts, review.passage_count) == (3, 3)
    assert [(s.theme.name, s.extracts) for s in review.subthemes] == [("A", 2), ("B", 2)]
    assert coded.theme_review("A").extracts == 2
    # The same passage coded by a second coder is that coder's extract: it counts again.
    coded.add_member("Rowan Pike")
    coded.code("P01", "Waiting", quote="the waiting list was long", coder="Rowan Pike")
    assert {s.theme.name: s.extracts for s in coded.themes()} == {"Top": 4, "A": 3, "B": 2}


def test_import_export_round_trip(coded: Project, tmp_path: Path) -> None:
    source = tmp_path / "themes.csv"
    source.write_text(THEMES_CSV, encoding="utf-8")
    result = coded.import_themes(source)
    assert (result.created, result.updated, result.linked) == (3, 0, 3)
    names = [(s.theme.level, s.theme.name, s.theme.status.value, s.codes) for s in coded.themes()]
    assert names == [
        (0, "Top", "defined", ()),
        (1, "Sub B", "reviewed", ("Access/Waiting",)),  # file order among siblings
        (1, "Sub A", "candidate", ("Access", "Trust")),
    ]
    out = coded.export_themes(tmp_path / "out.csv")
    again = coded.import_themes(out)
    assert (again.created, again.updated, again.linked) == (0, 3, 0)
    assert coded.export_themes(tmp_path / "out2.csv").read_bytes() == out.read_bytes()
    markdown = coded.export_themes(tmp_path / "themes.md").read_text(encoding="utf-8")
    assert "## Top" in markdown and "### Sub A" in markdown and "Access/Waiting" in markdown


def test_import_errors_name_the_line_and_change_nothing(coded: Project, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,parent,codes\nTop,,\nSub,Top,Nope\n", encoding="utf-8")
    with pytest.raises(NotFound, match=r"bad.csv, line 3: there is no code 'Nope'"):
        coded.import_themes(bad)
    assert coded.themes() == []
    bad.write_text("name,parent\nA,B\nB,A\n", encoding="utf-8")
    with pytest.raises(InvalidArgument, match="own ancestor"):
        coded.import_themes(bad)
    bad.write_text("name,parent\nA,\na,\n", encoding="utf-8")
    with pytest.raises(InputError, match="lines 2 and 3"):
        coded.import_themes(bad)


def test_exemplars_and_theme_memos(coded: Project) -> None:
    coded.create_theme("Trusting", codes=["Trust"])
    coding_id = coded.codings(code="Trust")[0].id
    first = coded.add_exemplar("Trusting", coding_id, "Lead")
    assert (first.position, first.chosen_by) == (0, "Lead")
    coded.add_exemplar("Trusting", coding_id)  # idempotent
    assert [e.coding_id for e in coded.exemplars("Trusting")] == [coding_id]
    assert coded.theme_review("Trusting").exemplar_ids == (coding_id,)
    with pytest.raises(NotFound, match="no coding 999"):
        coded.add_exemplar("Trusting", 999)
    memo = coded.add_memo("Trust builds slowly.", target="theme", ref="Trusting")
    assert memo.target.value == "theme"
    assert [m.text for m in coded.theme_review("Trusting").memos] == ["Trust builds slowly."]
    assert coded.search("slowly")  # theme memos are searchable like any memo
    coded.remove_exemplar("Trusting", coding_id)
    assert coded.exemplars() == []


def test_relational_practice_template(project: Project) -> None:
    (template,) = Project.templates()
    assert template.name == "relational-practice"
    assert "Trevillion" in template.citation and "co-produced qualitative interview study" in template.citation
    result = project.import_template("relational-practice")
    assert (result.codes_created, result.themes_created) == (20, 21)
    found = project.themes()
    assert found[0].theme.name == "Relational Practice" and found[0].theme.level == 0
    tops = [s.theme.name for s in found if s.theme.level == 1]
    assert tops == ["Understanding", "Interpersonal connection", "Consistency and Continuity",
                    "Adaptability and Accessibility"]
    subs = [s for s in found if s.theme.level == 2]
    assert len(subs) == 16 and all(s.theme.definition and len(s.codes) == 1 for s in subs)
    assert "Validation and active/empathic listening" in {s.theme.name for s in subs}
    again = project.import_template("relational-practice")  # loading twice changes nothing
    assert (again.codes_created, again.themes_created, again.themes_updated) == (0, 0, 21)
    with pytest.raises(NotFound, match="relational-practice"):
        project.import_template("nope")


def test_map_positions_saved_and_reset(coded: Project) -> None:
    top = coded.create_theme("Top")
    sub = coded.create_theme("Sub", parent="Top")
    auto = {n.node.key: (n.x, n.y) for n in coded.thematic_map().nodes}
    coded.save_map_positions({top.id: (500.0, 400.0)})
    moved = {n.node.key: (n.x, n.y) for n in coded.thematic_map().nodes}
    assert moved[f"t{top.id}"] == (500.0, 400.0)
    dx, dy = 500.0 - auto[f"t{top.id}"][0], 400.0 - auto[f"t{top.id}"][1]
    assert moved[f"t{sub.id}"] == pytest.approx((auto[f"t{sub.id}"][0] + dx, auto[f"t{sub.id}"][1] + dy))
    coded.reset_map_positions()
    assert {n.node.key: (n.x, n.y) for n in coded.thematic_map().nodes} == auto
    with pytest.raises(NotFound):
        coded.save_map_positions({9999: (1.0, 1.0)})


def test_upgrade_from_0001_keeps_memos_searchable(tmp_path: Path) -> None:
    """The batch rebuild of memos on SQLite must not cascade into the memos' search units."""
    path = tmp_path / "old.cotheme"
    migrate.upgrade(make_engine(str(path)), "0001")
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO members (id, guid, name, created_at) VALUES (1, 'g1', 'A', '2025-01-01')")
    raw.execute("INSERT INTO memos (id, guid, text, author_id, target, created_at, updated_at) "
                "VALUES (1, 'g2', 'an early reflexive note', 1, 'project', '2025-01-01', '2025-01-01')")
    raw.execute("INSERT INTO search_units (kind, memo_id, body) VALUES ('memo', 1, 'an early reflexive note')")
    raw.commit()
    raw.close()
    with cotheme.open_project(path) as opened:
        assert [h.memo_id for h in opened.search("reflexive")] == [1]
        opened.create_theme("New")
        assert opened.add_memo("on a theme", target="theme", ref="New").target.value == "theme"
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA foreign_key_list(search_units)").fetchall()  # keys still declared
    raw.close()


def test_themes_csv_names_codes_with_slashes_so_they_read_back(project: Project, tmp_path: Path) -> None:
    """A code whose name holds "/" (one code, not a path) keeps its link through a themes CSV round trip."""
    project.create_code("Listening")
    project.create_code("Listening/Validation and active\\/empathic listening")
    project.create_theme("Being heard")
    project.link_codes("Being heard", ["Listening/Validation and active\\/empathic listening"])
    out = project.export_themes(tmp_path / "themes.csv")
    project.link_codes("Being heard", ["Listening/Validation and active\\/empathic listening"], unlink=True)
    project.import_themes(out)
    (theme,) = project.themes()
    assert theme.codes == ("Listening/Validation and active/empathic listening",)
