"""Themes through REFI-QDA on SQLite and PostgreSQL: sets of other programs, merging by GUID with
conflicts, a hostile hierarchy, and themes in a .qdc codebook. (The lossless round trip of the demo
study's themes is in ``test_exchange_roundtrip``.)"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from lxml import etree

from cotheme.services.project import Project
from tests.refi_fixtures import (
    CHILD, CODEBOOK_XSD, RAW_TEXT, SET, SOURCE, USER, make_qdpx, project_xml, small_body,
)

SET_NOTE = "cccccccc-cccc-4ccc-8ccc-cccccccccccc"
DOC_SET = "dddddddd-dddd-4ddd-8ddd-dddddddddddd"
GHOST_SET = "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee"
TWIN_SET = "ffffffff-ffff-4fff-8fff-ffffffffffff"
UNKNOWN_CODE = "12121212-1212-4212-8212-121212121212"


def with_sets(tmp_path: Path, sets: str, *, notes: str = "", extension: dict[str, object] | None = None) -> Path:
    """The small project with ``sets`` in place of its own, ``notes`` added, and an extension entry."""
    body = small_body()
    body = body[: body.index("<Sets>")] + f"<Sets>{sets}</Sets>"
    body = body.replace("</Note></Notes>", f"</Note>{notes}</Notes>")
    files = {f"Sources/{SOURCE}.txt": RAW_TEXT.encode("utf-8")}
    if extension is not None:
        files["cotheme/extension.json"] = json.dumps(
            {"format": "cotheme.refi-extension", "version": 1, **extension}).encode()
    return make_qdpx(tmp_path / "sets.qdpx", project_xml(body), files)


def themes_of(project: Project) -> list[tuple[str, int, str | None, tuple[str, ...]]]:
    names = {t.theme.id: t.theme.name for t in project.themes()}
    return [(t.theme.name, t.theme.level, names.get(t.theme.parent_id), t.codes) for t in project.themes()]


def test_sets_of_another_program_become_top_level_themes(project: Project, tmp_path: Path) -> None:
    sets = (
        f'<Set guid="{SET}" name="Candidate theme"><Description>Peers as help</Description>'
        f'<MemberCode targetGUID="{CHILD}"/><MemberSource targetGUID="{SOURCE}"/><MemberNote targetGUID="{SET_NOTE}"/></Set>'
        f'<Set guid="{DOC_SET}" name="Interviews 2023"><MemberSource targetGUID="{SOURCE}"/></Set>'
        f'<Set guid="{GHOST_SET}" name="  Unsure\n  yet "><MemberCode targetGUID="{UNKNOWN_CODE}"/></Set>'
    )
    note = f'<Note guid="{SET_NOTE}" name="Theme idea" creatingUser="{USER}"><PlainTextContent>Theme idea</PlainTextContent></Note>'
    result = project.import_qdpx(with_sets(tmp_path, sets, notes=note))
    assert result.created["themes"] == 2 and result.conflicts == []
    assert result.notes == [
        "1 set holds only sources, not codes, so they are document sets rather than themes and were not "
        "imported: 'Interviews 2023'.",
        "cotheme themes hold codes, not sources: the sources grouped in these sets were not imported (themes "
        "were made of their codes): 'Candidate theme' (1).",
        "1 member code of sets is neither in the file nor in the project; those links were not made.",
    ]
    assert themes_of(project) == [("Candidate theme", 0, None, ("Support/Peer support",)),
                                  ("Unsure yet", 0, None, ())]
    candidate = project.themes()[0].theme
    assert (candidate.definition, candidate.status.value) == ("Peers as help", "candidate")
    (memo,) = project.memos(target="theme")  # the set's member note is a memo on its theme
    assert (memo.text, memo.target_id, memo.author) == ("Theme idea", candidate.id, "Robin Lee")
    again = project.import_qdpx(tmp_path / "sets.qdpx")
    assert "themes" not in again.created and again.matched["themes"] == 2 and again.conflicts == []


def test_a_set_meets_a_theme_of_its_name_and_two_sets_share_one(project: Project, tmp_path: Path) -> None:
    project.create_theme("Candidate theme", definition="Ours")
    sets = (f'<Set guid="{SET}" name="Candidate theme"><MemberCode targetGUID="{CHILD}"/></Set>'
            f'<Set guid="{TWIN_SET}" name="Twin"/><Set guid="{GHOST_SET}" name="Twin"/>')
    result = project.import_qdpx(with_sets(tmp_path, sets))
    assert result.matched["themes"] == 1 and result.created["themes"] == 2 and result.conflicts == []
    assert "The file has two sets called 'Twin' in one place; the second is the theme 'Twin (2)'." in result.notes
    # Matched by name: our empty code list is filled from the file, our definition stays.
    assert themes_of(project) == [("Candidate theme", 0, None, ("Support/Peer support",)),
                                  ("Twin", 0, None, ()), ("Twin (2)", 0, None, ())]
    assert project.themes()[0].theme.definition == "Ours"


def test_merging_our_own_file_fills_gaps_and_reports_conflicts(project: Project, tmp_path: Path) -> None:
    for path in ("Access/Waiting", "Access/Referral", "Staff/Listened to"):
        project.create_code(path)
    project.create_theme("Getting in", definition="How people found help", status="defined", codes=["Access"])
    project.create_theme("Waiting", parent="Getting in", definition="Months of it", codes=["Waiting"])
    project.create_theme("Being known", definition="Relationships", codes=["Listened to"])
    project.create_theme("Empty so far", parent="Being known", definition="Defined in the file only")
    out = project.export_qdpx(tmp_path / "ours.qdpx")
    assert out.counts["themes"] == 4
    project.update_theme("Getting in", name="Getting through the door", status="reviewed")
    project.update_theme("Waiting", parent=None)
    project.update_theme("Being known", definition="Being known by staff")
    project.update_theme("Empty so far", definition="")
    project.link_codes("Being known", ["Referral"])
    project.delete_theme("Empty so far")
    project.create_theme("Empty so far", parent="Being known")  # a new GUID: matched by name and place
    result = project.import_qdpx(tmp_path / "ours.qdpx")
    assert "themes" not in result.created and result.matched["themes"] == 4
    themes = [c for c in result.conflicts if "theme" in c]
    assert len(themes) == 5, themes
    assert any(c.startswith("The theme 'Getting through the door' (") and "named or placed differently in the file "
               "('Getting in'); kept ours." in c for c in themes)
    assert "The theme 'Getting through the door' is reviewed here and defined in the file; kept ours." in themes
    assert any("The theme 'Waiting' (" in c and "placed differently" in c for c in themes)
    assert "The theme 'Being known' has a different definition in the file; kept ours." in themes
    assert "The theme 'Being known' holds other codes in the file; kept ours." in themes
    assert themes_of(project) == [  # all ours
        ("Getting through the door", 0, None, ("Access",)),
        ("Being known", 0, None, ("Access/Referral", "Staff/Listened to")),
        ("Empty so far", 1, "Being known", ()),
        ("Waiting", 0, None, ("Access/Waiting",)),
    ]
    filled = next(t.theme for t in project.themes() if t.theme.name == "Empty so far")
    assert filled.definition == "Defined in the file only"  # empty on our side: taken from the file


def test_a_hostile_hierarchy_cannot_loop_or_hang(project: Project, tmp_path: Path) -> None:
    sets = "".join(f'<Set guid="{g}" name="{n}"/>' for g, n in ((SET, "A"), (TWIN_SET, "B"), (GHOST_SET, "C")))
    extension = {"themes": {
        SET: {"parent": TWIN_SET, "status": "reviewed", "position": 0},
        TWIN_SET: {"parent": SET, "status": "defined", "position": 0},
        GHOST_SET: {"parent": UNKNOWN_CODE, "status": "candidate", "position": 1},
    }}
    result = project.import_qdpx(with_sets(tmp_path, sets, extension=extension))
    assert result.created["themes"] == 3
    assert result.notes == ["The parent theme of 'C' is neither in the file nor in the project; placed at the top level."]
    assert themes_of(project) == [("B", 0, None, ()), ("A", 1, "B", ()), ("C", 0, None, ())]
    assert [t.theme.status.value for t in project.themes()] == ["defined", "reviewed", "candidate"]


def test_themes_travel_flat_in_a_codebook(project: Project, tmp_path: Path) -> None:
    project.create_code("Access/Waiting")
    project.create_theme("Getting in", definition="How people found help", status="defined", codes=["Access"])
    project.create_theme("Waiting", parent="Getting in", codes=["Waiting"])
    book = project.export_codebook_qdc(tmp_path / "book.qdc")
    root = etree.parse(str(book))
    assert etree.XMLSchema(etree.parse(str(CODEBOOK_XSD))).validate(root)
    assert [s.get("name") for s in root.iter("{urn:QDA-XML:codebook:1.0}Set")] == ["Getting in", "Waiting"]
    again = project.import_codebook_qdc(book)  # our own codebook: no place in it, so no placement conflict
    assert again.matched["themes"] == 2 and again.conflicts == []
    with Project.create(tmp_path / "other.cotheme", lead="Other") as other:
        result = other.import_codebook_qdc(book)
        assert result.created == {"codes": 2, "themes": 2} and result.notes == []
        assert themes_of(other) == [("Getting in", 0, None, ("Access",)), ("Waiting", 0, None, ("Access/Waiting",))]


def test_an_export_holding_themes_names_them_as_sets_for_other_programs(project: Project, tmp_path: Path) -> None:
    project.create_code("Access")
    theme = project.create_theme("Getting in", definition="How people found help", codes=["Access"])
    project.add_memo("Maybe two themes", target="theme", ref="Getting in")
    project.export_qdpx(tmp_path / "out.qdpx")
    ns = "{urn:QDA-XML:project:1.0}"
    with zipfile.ZipFile(tmp_path / "out.qdpx") as archive:
        root = etree.fromstring(archive.read("project.qde"))
        extension = json.loads(archive.read("cotheme/extension.json"))
    (item,) = root.iter(f"{ns}Set")
    (code,) = root.iter(f"{ns}Code")
    (note,) = root.iter(f"{ns}Note")
    assert item.findtext(f"{ns}Description") == "How people found help"
    assert [m.get("targetGUID") for m in item.iter(f"{ns}MemberCode")] == [code.get("guid")]
    assert [m.get("targetGUID") for m in item.iter(f"{ns}MemberNote")] == [note.get("guid")]
    assert extension["themes"] == {item.get("guid"): {"parent": None, "status": "candidate", "position": 0,
                                                      "map": None, "exemplars": []}}
    assert theme.name == item.get("name")
