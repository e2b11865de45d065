"""The Exports page's downloads over HTTP (in-process), on SQLite and PostgreSQL: the extracts as CSV and
XLSX (parsed back), the filters, the QDPX archive, the codebook, themes, map and backup files,
formula escaping, and blind documents kept out of every export as a restricted coder or viewer."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from fastapi.testclient import TestClient

from cotheme.domain.extract_table import COLUMNS
from cotheme.services.project import Project
from cotheme.web.app import create_app
from tests.conftest import INTERVIEW
from tests.team.conftest import login, populate
from tests.web.conftest import client_for

VTT = (
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:04.000\n<v Interviewer>How did you first hear about the service?\n\n"
    "00:00:05.000 --> 00:00:09.500\n<v P02>=1+1 was my score. The waiting list was long.\n\n"
    "00:01:10.000 --> 00:01:15.000\n<v Interviewer>And then?\n"
)
PARTICIPANTS = "id,gender,age_band\nP01,woman,=1+1\nP02,@SUM(A1),\n"
MEMO = '=HYPERLINK("http://evil.example","click")'


def build(project: Project, tmp_path: Path) -> Project:
    """P01 (text) and P02 (captions with times); Access and Access/Waiting both on one passage of P01;
    a memo on a coding; attribute values and a transcript line that a spreadsheet would run."""
    (tmp_path / "P01.txt").write_text(INTERVIEW, encoding="utf-8")
    (tmp_path / "P02.vtt").write_text(VTT, encoding="utf-8")
    (tmp_path / "participants.csv").write_text(PARTICIPANTS, encoding="utf-8")
    project.import_cases(tmp_path / "participants.csv")
    project.import_files([tmp_path / "P01.txt"], case="P01")
    project.import_files([tmp_path / "P02.vtt"], case="P02")
    project.create_code("Access")
    project.create_code("Access/Waiting")
    project.create_code("Listening")
    project.code("P01", "Access", quote="the waiting list was long")
    waiting = project.code("P01", "Access/Waiting", quote="the waiting list was long")
    project.code("P01", "Listening", quote="she actually listened to me")
    project.code("P02", "Access/Waiting", quote="=1+1 was my score. The waiting list was long.")
    project.add_memo(MEMO, target="coding", target_id=waiting.id, author="Lead")
    project.create_theme("Being believed", codes=["Access"])
    return project


def parse_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def parse_xlsx(data: bytes) -> list[list[str]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def built(project: Project, tmp_path: Path) -> Project:
    return build(project, tmp_path)


def test_extracts_csv_and_xlsx_hold_every_column(built: Project) -> None:
    client = client_for(built)
    response = client.get("/api/v1/extracts.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert re.match(r'attachment; filename="test-study-extracts\.csv"', response.headers["content-disposition"])
    rows = parse_csv(response.content)
    assert tuple(rows[0]) == (*COLUMNS, "gender", "age_band")
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [(r["document"], r["code path"]) for r in body] == [
        ("P01", "Access; Access/Waiting"), ("P01", "Listening"), ("P02", "Access/Waiting")]
    waiting, listening, captions = body
    assert waiting["text"] == "the waiting list was long" and waiting["coder"] == "Lead"
    assert waiting["memo"] == f"Lead: {MEMO}" and waiting["case"] == "P01" and waiting["speaker"] == "P01"
    assert waiting["turn"] == "2" and waiting["start time"] == "" and listening["turn"] == "4"
    assert waiting["age_band"] == "'=1+1" and waiting["gender"] == "woman"  # escaped, shown as text
    assert captions["text"] == "'=1+1 was my score. The waiting list was long."
    assert (captions["start time"], captions["end time"], captions["turn"]) == ("00:00:05", "00:00:09", "2")
    assert captions["gender"] == "'@SUM(A1)" and captions["age_band"] == "Information not available"
    xlsx = client.get("/api/v1/extracts.xlsx")
    assert xlsx.status_code == 200 and "spreadsheetml" in xlsx.headers["content-type"]
    assert parse_xlsx(xlsx.content) == rows


def test_extract_filters(built: Project) -> None:
    client = client_for(built)
    codes = {c.code.path_text: c.code.id for c in built.codes()}

    def texts(query: str) -> list[tuple[str, str]]:
        response = client.get(f"/api/v1/extracts.csv?{query}")
        assert response.status_code == 200, response.text
        return [(row[0], row[6]) for row in parse_csv(response.content)[1:]]

    assert texts(f"code={codes['Access']}") == [("P01", "Access; Access/Waiting"), ("P02", "Access/Waiting")]
    assert texts(f"code={codes['Access']}&subcodes=false") == [("P01", "Access")]
    assert texts(f"code={codes['Access/Waiting']}&document=2") == [("P02", "Access/Waiting")]
    assert texts("where=gender%3Dwoman") == [("P01", "Access; Access/Waiting"), ("P01", "Listening")]
    assert texts("where=gender%3Dwoman&where=gender%3D%40SUM(A1)&where=age_band%3D") == texts("")
    assert texts(f"code={codes['Listening']}&code={codes['Access']}&mode=and") == []
    assert texts(f"code={codes['Access']}&code={codes['Access/Waiting']}&mode=and&subcodes=false") == [
        ("P01", "Access")]
    assert texts("coder=Lead") == texts("")
    assert texts("show=gender")[0] == ("P01", "Access; Access/Waiting")
    header = parse_csv(client.get("/api/v1/extracts.csv?show=gender").content)[0]
    assert tuple(header) == (*COLUMNS, "gender")
    for query, status, words in (("code=9999", 404, "no code 9999"), ("where=colour%3Dred", 422, "'colour'"),
                                 ("coder=Nobody", 404, "Nobody"), ("mode=xor", 422, "mode")):
        response = client.get(f"/api/v1/extracts.xlsx?{query}")
        assert response.status_code == status and words in response.json()["error"], query


def test_qdpx_codebook_themes_map_and_backup_downloads(built: Project) -> None:
    client = client_for(built)
    qdpx = client.get("/api/v1/export.qdpx")
    assert qdpx.status_code == 200 and qdpx.headers["content-disposition"] == 'attachment; filename="test-study.qdpx"'
    with zipfile.ZipFile(io.BytesIO(qdpx.content)) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    assert qde.count("<Coding ") == 4 and 'name="P01"' in qde and 'name="P02"' in qde
    codebook = parse_csv_plain(client.get("/api/v1/codebook.csv").content)
    assert [row[:2] for row in codebook] == [["name", "parent"], ["Access", ""], ["Waiting", "Access"], ["Listening", ""]]
    assert b"<CodeBook" in client.get("/api/v1/codebook.qdc").content
    assert client.get("/api/v1/codebook.md").text.startswith("# ")
    assert parse_csv_plain(client.get("/api/v1/themes.csv").content)[1][0] == "Being believed"
    assert "Being believed" in client.get("/api/v1/themes.md").text
    assert client.get("/api/v1/map.png").content.startswith(b"\x89PNG")
    assert client.get("/api/v1/map.pdf").content.startswith(b"%PDF")
    backup = client.get("/api/v1/backup")
    assert backup.status_code == 200 and "-backup-" in backup.headers["content-disposition"]
    assert backup.content.startswith(b"SQLite format 3")  # a project file, on either backend
    page = client.get("/export").text
    for link in ("/api/v1/extracts.csv", "/api/v1/extracts.xlsx", "/api/v1/export.qdpx", "/api/v1/codebook.qdc",
                 "/api/v1/map.pdf", "/api/v1/backup", "/api/v1/audit.csv", "/api/v1/reports/methods?format=docx",
                 "/api/v1/reports/matrix?format=xlsx&amp;by=gender"):
        assert link in page, link


def parse_csv_plain(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def test_blind_codings_stay_out_of_every_export(project: Project, tmp_path: Path) -> None:
    team = populate(project, tmp_path)
    bea = next(e for e in team.codings() if e.coder == "Bea")
    team.add_memo("Bea's private doubt", target="coding", target_id=bea.id, author="Bea")
    team.create_theme("Heard", codes=["Listening"])
    team.add_exemplar("Heard", bea.id, "Lead")
    team.set_blind("P01")
    client = TestClient(create_app(team, "unused-token"))
    seen: dict[str, dict[str, object]] = {}
    for name in ("Lead", "Ann", "Vic"):
        headers = login(client, name)
        csv_rows = parse_csv(client.get("/api/v1/extracts.csv", headers=headers).content)[1:]
        xlsx_rows = parse_xlsx(client.get("/api/v1/extracts.xlsx", headers=headers).content)[1:]
        qdpx = client.get("/api/v1/export.qdpx", headers=headers)
        assert qdpx.status_code == 200, qdpx.text
        with zipfile.ZipFile(io.BytesIO(qdpx.content)) as archive:
            qde = archive.read("project.qde").decode("utf-8")
            extension = archive.read("cotheme/extension.json").decode("utf-8")
        for file in (qde, str(csv_rows), str(xlsx_rows)):  # Bea's memo on her coding
            assert ("private doubt" in file) == (name == "Lead"), name
        exemplars = [len(t["exemplars"]) for t in json.loads(extension)["themes"].values()]
        assert exemplars == ([1] if name == "Lead" else [0]), name
        seen[name] = {"csv": sorted(r[7] for r in csv_rows), "xlsx": sorted(r[7] for r in xlsx_rows),
                      "qdpx": qde.count("<Coding "), "backup": client.get("/api/v1/backup", headers=headers).status_code,
                      "page": "/api/v1/backup" in client.get("/export", headers=headers).text}
    assert seen["Lead"] == {"csv": ["Ann", "Bea"], "xlsx": ["Ann", "Bea"], "qdpx": 2, "backup": 200, "page": True}
    assert seen["Ann"] == {"csv": ["Ann"], "xlsx": ["Ann"], "qdpx": 1, "backup": 403, "page": False}
    assert seen["Vic"] == {"csv": [], "xlsx": [], "qdpx": 0, "backup": 403, "page": False}
