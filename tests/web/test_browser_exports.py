"""The Exports page in Chromium: download the extracts as CSV and XLSX through the filter form, and the
whole project as QDPX; the files' contents are checked, the page passes axe, and a screenshot is kept."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from cotheme.services.project import Project
from tests.web.conftest import SHOTS, accessible


def _download(page: Page, click: str, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.click(click)
    download = info.value
    assert download.failure() is None
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return target


def test_download_extracts_and_the_project(page: Page, live: tuple[str, Project], tmp_path: Path) -> None:
    _, project = live
    parent = next(c.code for c in project.codes() if len(c.code.path) == 1
                  and any(d.code.parent_id == c.code.id for d in project.codes()))
    page.goto("/export")
    expect(page.get_by_role("heading", name="Exports", exact=True)).to_be_visible()
    accessible(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "export.png"), full_page=True)

    page.get_by_role("checkbox", name=parent.name, exact=False).first.check()
    page.get_by_label("gender").select_option(label="woman")
    saved = _download(page, "#download-extracts-csv", tmp_path)
    assert saved.name.endswith("-extracts.csv")
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    assert header[:10] == ["document", "case", "speaker", "start time", "end time", "turn", "code path", "coder",
                           "text", "memo"]
    expected = project.extract_table(codes=[parent.id], attributes={"gender": ["woman"]})
    assert len(rows) - 1 == len(expected.rows) > 0
    assert all(r[6].split("/")[0] == parent.name and r[header.index("gender")] == "woman" for r in rows[1:])

    book = _download(page, "#download-extracts-xlsx", tmp_path)
    sheet = openpyxl.load_workbook(book).active
    assert sheet is not None
    cells = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert cells == rows

    qdpx = _download(page, "#download-qdpx", tmp_path)
    with zipfile.ZipFile(qdpx) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    assert qde.count("<Coding ") == sum(d.codings for d in project.documents())
    assert all(f'name="{d.title}"' in qde for d in project.documents())
    assert page.url.endswith("/export")  # downloads never leave the page
