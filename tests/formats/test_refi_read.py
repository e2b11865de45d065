"""Reading REFI-QDA files: the real NVivo project and ATLAS.ti codebook, vendor quirks, positions."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from cotheme.domain.text import canonical
from cotheme.formats.refi_read import check_qdpx, read_qdc, read_qdpx
from tests.refi_fixtures import (
    ATLAS_QDC, ATLAS_USER, CHILD, CODING, HELPED, NOTE, NVIVO, PARENT, RAW_TEXT, SOURCE, make_qdpx, project_xml,
    small_body, small_qdpx,
)

NS = "{urn:QDA-XML:project:1.0}"


def _nvivo_selections() -> list[tuple[str, str, int, int]]:
    """(source guid, coding guid, start, end) as NVivo wrote them (UTF-16 units)."""
    with zipfile.ZipFile(NVIVO) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    found = []
    for source in root.iter(f"{NS}TextSource"):
        for sel in source.iter(f"{NS}PlainTextSelection"):
            coding = sel.find(f"{NS}Coding")
            found.append((source.get("guid"), coding.get("guid"), int(sel.get("startPosition")), int(sel.get("endPosition"))))
    return found


def test_every_nvivo_coding_lands_on_the_text_nvivo_meant() -> None:
    project = read_qdpx(NVIVO.name, NVIVO)
    assert project.origin == "NVivo for Windows 12.6" and project.positions.startswith("UTF-16")
    assert len(project.users) == 2 and len(project.codes) == 152 and len(project.sources) == 2
    sources = {s.guid: s for s in project.sources}
    ours = {c.guid: (sel.start, sel.end) for s in project.sources for sel in s.selections for c in sel.codings}
    expected = _nvivo_selections()
    assert len(expected) == len(ours) == 303
    with zipfile.ZipFile(NVIVO) as archive:
        raw = {g: archive.read(f"Sources/{g}.txt").decode("utf-8-sig") for g in sources}
    line_starts = 0
    for source, coding, start, end in expected:
        units = raw[source].encode("utf-16-le")
        meant = canonical(units[2 * start : 2 * end].decode("utf-16-le"))
        text = sources[source].text
        begin, stop = ours[coding]
        assert text[begin:stop] == meant and meant.strip()
        line_starts += begin == 0 or text[begin - 1] == "\n"
    assert line_starts == 281


def test_read_as_code_points_the_nvivo_codings_would_drift() -> None:
    """The reason for the UTF-16 reading: counted as code points, most selections miss line starts."""
    with zipfile.ZipFile(NVIVO) as archive:
        texts = {n.split("/")[1][:36]: archive.read(n).decode("utf-8-sig") for n in archive.namelist() if n.endswith(".txt")}
    starts = sum(s == 0 or texts[g][s - 1] == "\n" for g, _, s, _ in _nvivo_selections())
    assert starts < 50


def test_a_standard_project_maps_code_points_over_crlf_and_nfd_onto_canonical_text(tmp_path: Path) -> None:
    project = read_qdpx("small.qdpx", small_qdpx(tmp_path / "small.qdpx"))
    (source,) = project.sources
    assert source.text == canonical(RAW_TEXT)
    (selection,) = source.selections
    assert source.text[selection.start : selection.end] == "helped a lot"
    assert selection.codings[0].code == CHILD and selection.codings[0].guid == CODING
    codes = {c.guid: c for c in project.codes}
    assert codes[PARENT].codable is False and codes[CHILD].parent == PARENT
    assert codes[CHILD].colour == "#3366FF"  # short #36F expanded
    (note,) = project.notes
    assert note.guid == NOTE and [t.kind for t in note.targets] == ["coding"]
    assert project.cases[0].values == (("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "25-34"),)
    assert [s.name for s in project.sets] == ["Candidate theme"]


def test_maxqda_lower_case_sources_folder(tmp_path: Path) -> None:
    project = read_qdpx("maxqda.qdpx", small_qdpx(tmp_path / "m.qdpx", folder="sources"))
    assert project.sources[0].text.startswith("Interviewer")


def test_atlas_ti_26_names_the_project_file_after_the_project(tmp_path: Path) -> None:
    body = small_body(users=f'<User guid="{ATLAS_USER}" name="ATLAS.ti"/>', coder=ATLAS_USER)
    path = make_qdpx(tmp_path / "a.qdpx", project_xml(body, origin="ATLAS.ti 26.0.1"),
                     {f"Sources/{SOURCE}.txt": RAW_TEXT.encode()}, qde_name="My Study.qde")
    project = read_qdpx("a.qdpx", path)
    assert {u.name for u in project.users} == {"Robin Lee", "ATLAS.ti"}
    assert project.sources[0].selections[0].codings[0].creating_user == ATLAS_USER


def test_upper_case_and_braced_guids_and_inline_text(tmp_path: Path) -> None:
    body = small_body().replace(SOURCE, "{" + SOURCE.upper() + "}").replace(
        f'plainTextPath="internal://{{{SOURCE.upper()}}}.txt"', ""
    ).replace("<PlainTextSelection", f"<PlainTextContent>{RAW_TEXT.replace(chr(13), '')}</PlainTextContent>\n<PlainTextSelection")
    start = RAW_TEXT.replace("\r", "").index("helped")  # code points of the inline (still NFD) text
    body = body.replace(f'startPosition="{HELPED[0]}" endPosition="{HELPED[1]}"',
                        f'startPosition="{start}" endPosition="{start + 12}"')
    project = read_qdpx("inline.qdpx", make_qdpx(tmp_path / "i.qdpx", project_xml(body)))
    (source,) = project.sources
    assert source.guid == SOURCE
    assert source.text[source.selections[0].start : source.selections[0].end] == "helped a lot"


def test_atlas_ti_codebook() -> None:
    book = read_qdc(ATLAS_QDC.name, ATLAS_QDC.read_bytes())
    assert book.origin == "ATLAS.ti Win 23.4.0"
    (code,) = book.codes
    assert (code.guid, code.name, code.colour, code.description, code.codable) == (
        "1ff58b12-6f6f-4b0c-8be5-bbdc91f55294", "code1", "#46AA00", "description", True)
    (group,) = book.sets
    assert group.name == "code group 1" and group.codes == (code.guid,)


def test_codebook_in_the_0_4_namespace_is_read() -> None:
    data = ATLAS_QDC.read_bytes().replace(b'xmlns="urn:QDA-XML:codebook:1.0"', b'xmlns="urn:QDA-XML:codebook:0:4"')
    assert read_qdc("old.qdc", data).codes[0].name == "code1"


def test_check_lists_every_problem_with_its_line(tmp_path: Path) -> None:
    body = small_body(start=5, end=100_000).replace(f'<CodeRef targetGUID="{CHILD}"/>',
                                                    '<CodeRef targetGUID="cccccccc-cccc-4ccc-8ccc-cccccccccccc"/>')
    body = body.replace('isCodable="true"', 'isCodable="maybe"')
    parsed = check_qdpx("bad.qdpx", make_qdpx(tmp_path / "b.qdpx", project_xml(body), {f"Sources/{SOURCE}.txt": b"short"}))
    messages = [str(p) for p in parsed.findings.errors]
    assert any("isCodable='maybe'" in m for m in messages)
    assert any("outside its text (0-5)" in m for m in messages)
    assert any("refers to the code cccccccc" in m for m in messages)
    assert all(m.startswith("project.qde:") for m in messages)
    with pytest.raises(Exception) as refused:
        read_qdpx("bad.qdpx", tmp_path / "b.qdpx")
    assert ("more problem;" in str(refused.value) or "more problems;" in str(refused.value)) and "cotheme validate bad.qdpx" in str(refused.value)
