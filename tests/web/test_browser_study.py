"""A whole study in Chromium, through the pages only: from an empty project to the files a team takes
away. The first test uses real transcripts from ../shared/data (Word, Zoom WebVTT, PDF); the second
walks docs/tutorial.md on the fictional demo study, step by step, from `cotheme init` and `cotheme
serve`, and writes the tutorial's screenshots, so the tutorial cannot drift from the product.

The project is read only to check what the pages did; every change goes through the browser."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
from playwright.sync_api import Browser, Page, expect

import cotheme
from cotheme.formats.pdf import read_pdf
from cotheme.services.project import Project
from tests.web.conftest import SHOTS, TOKEN, LiveServer, accessible

#: pypdf takes seconds to read a 3,000-word PDF on this shared machine; previews and imports wait for it.
SLOW = 60_000

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
VTT = DATA / "captions-vtt" / "GMT20240124-202901_Recording.transcript.vtt"
PDFS = DATA / "transcripts-open" / "pdpilot-user-study"

# Select characters the way a hand on the mouse does: press in the left half of the first character,
# release in the right half of the last, so the caret lands exactly before and after them.
CHAR_BOXES = """([needle]) => {
  const node = [...document.querySelectorAll('#turns .text')].map(n => n.firstChild)
    .find(n => n.data.includes(needle));
  const at = node.data.indexOf(needle);
  const box = (i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                       const b = r.getBoundingClientRect(); return [b.left, b.right, b.top + b.height / 2]; };
  node.parentElement.scrollIntoView({ block: 'center' });
  return [box(at), box(at + needle.length - 1)];
}"""


def mouse_select(page: Page, needle: str) -> None:
    """Drag the mouse over the first occurrence of ``needle`` in the transcript."""
    page.evaluate(CHAR_BOXES, [needle])  # scrolls it into view first
    (left, _, y1), (_, right, y2) = page.evaluate(CHAR_BOXES, [needle])
    page.mouse.move(left + 1, y1)
    page.mouse.down()
    page.mouse.move((left + right) / 2, (y1 + y2) / 2, steps=4)
    page.mouse.move(right - 1, y2, steps=4)
    page.mouse.up()
    expect(page.locator("#code-button")).to_be_enabled()
    assert page.evaluate("getSelection().toString()") == needle


def download(page: Page, click: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(click)
    saved = info.value
    assert saved.failure() is None
    target = folder / saved.suggested_filename
    saved.save_as(target)
    return target


def word_from_pdf(tmp_path: Path) -> Path:
    """A Word transcript holding the first turns of the PDPilot P2 interview (the shared data has no
    .docx), one "Speaker: text" paragraph a turn, the interviewer under his first name to rename."""
    parsed = read_pdf("P2.pdf", (PDFS / "P2.pdf").read_bytes())
    document = docx.Document()
    for turn in [t for t in parsed.turns if t.speaker][:6]:
        speaker = "P02" if turn.speaker == "Participant" else turn.speaker
        document.add_paragraph(f"{speaker}: {parsed.text[turn.start:turn.end]}")
    path = tmp_path / "P02.docx"
    document.save(str(path))
    return path


@pytest.fixture
def empty_study(browser: Browser, tmp_path: Path) -> Iterator[tuple[Page, Project]]:
    with cotheme.create_project(tmp_path / "study.cotheme", title="Explaining models", lead="Lead") as project:
        with LiveServer(project) as base:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base,
                                          accept_downloads=True)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"/?token={TOKEN}")
            yield page, project
            context.close()
            assert errors == []


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"study-{name}.png"))


def test_a_whole_study_from_an_empty_project(empty_study: tuple[Page, Project], tmp_path: Path) -> None:
    page, project = empty_study
    expect(page.locator("main")).to_contain_text("No transcripts yet")
    accessible(page)
    shot(page, "1-empty-home")

    # Three transcripts: Word, Zoom WebVTT (copied under a participant's id, so it links to case P07), PDF.
    word = word_from_pdf(tmp_path)
    zoom = tmp_path / "P07.vtt"
    zoom.write_bytes(VTT.read_bytes())
    page.get_by_role("link", name="import some").click()
    expect(page.get_by_role("heading", name="Import", exact=True)).to_be_visible()
    accessible(page)
    page.get_by_label("Choose transcripts").set_input_files([str(word), str(zoom), str(PDFS / "P3.pdf")])
    expect(page.locator("#transcript-preview tbody tr")).to_have_count(3, timeout=SLOW)
    expect(page.locator('tr[data-file="P02.docx"] td').nth(0)).to_have_text("docx")
    expect(page.locator('tr[data-file="P07.vtt"] td').nth(0)).to_have_text("vtt")
    expect(page.locator('tr[data-file="P3.pdf"] td').nth(0)).to_have_text("pdf")
    page.get_by_label("Rename “Dan” to").fill("Interviewer")
    expect(page.locator('tr[data-file="P02.docx"] td').nth(1)).to_have_text("Interviewer, P02")
    accessible(page)
    shot(page, "2-preview-renamed")
    page.get_by_role("button", name="Import 3 file(s)").click()
    expect(page.locator("#transcript-status")).to_have_text("Imported 3 file(s).", timeout=SLOW)
    assert {d.title: project.document(d.id).source.format for d in project.documents()} == {"P02": "docx", "P07": "vtt", "P3": "pdf"}
    assert project.document("P02").speakers == ("Interviewer", "P02")

    sheet = tmp_path / "participants.csv"
    sheet.write_text("participant,role,sector,years_experience\nP02,data scientist,health,6\n"
                     "P07,software engineer,education,\nP3,analyst,finance,11\n", encoding="utf-8")
    page.get_by_label("Choose participants sheet (.csv, .xlsx)").set_input_files(str(sheet))
    expect(page.locator("#sheet-preview tbody tr")).to_have_count(3)
    page.get_by_role("button", name="Import participants").click()
    expect(page.locator("#sheet-status")).to_contain_text("Imported 3 new and updated 0 participants, linked 3 transcript(s).")

    book = tmp_path / "codebook.csv"
    book.write_text("name,parent,definition\nPlot use,,How participants use explanation plots\n"
                    "Choosing plots,Plot use,Which plots they pick and why\n", encoding="utf-8")
    page.get_by_label("Choose codebook (.csv, .xlsx, .md, .qdc)").set_input_files(str(book))
    expect(page.locator("#codebook-preview li")).to_have_count(2)
    page.get_by_role("button", name="Import codebook").click()
    expect(page.locator("#codebook-status")).to_have_text("Imported codebook.csv: created 2 codes and updated 0.")
    accessible(page)
    shot(page, "3-imported")

    # Interview details on the transcript page, then code a passage selected with the mouse.
    page.goto("/")
    page.get_by_role("link", name="P02", exact=True).click()
    expect(page.locator("#reader")).to_have_attribute("data-ready", "true")
    page.get_by_text("Interview details", exact=True).click()
    page.get_by_label("Interview date").fill("2024-01-24")
    page.get_by_label("Mode").select_option("video")
    page.get_by_label("Duration (minutes)").fill("35")
    page.get_by_label("Interviewer", exact=True).fill("Study interviewer")
    page.get_by_role("button", name="Save interview details").click()
    expect(page.locator("#toast")).to_have_text("Interview details saved.")
    source = project.document("P02").source
    assert (str(source.interview_date), source.mode, source.duration_minutes) == ("2024-01-24", "video", 35)

    passage = "we as a team find them very just hard to read"
    mouse_select(page, passage)
    page.keyboard.press("c")
    expect(page.locator("#picker-input")).to_be_focused()
    page.locator("#picker-input").fill("Choosing")
    page.locator("#picker-input").press("Enter")
    expect(page.locator("#coding-count")).to_have_text("1")
    (coding,) = project.codings(document="P02")
    assert (coding.text, coding.code) == (passage, "Choosing plots")
    accessible(page)
    shot(page, "4-coded")

    # The Exports page: extracts as CSV and Excel, the project as QDPX.
    page.get_by_role("link", name="Exports").click()
    expect(page.get_by_role("heading", name="Exports", exact=True)).to_be_visible()
    accessible(page)
    shot(page, "5-exports")
    saved = download(page, "#download-extracts-csv", tmp_path)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert [(r["document"], r["case"], r["speaker"], r["code path"], r["coder"], r["text"], r["role"], r["sector"],
             r["years_experience"]) for r in rows] == [
        ("P02", "P02", "P02", "Plot use/Choosing plots", "Lead", passage, "data scientist", "health", "6")]

    sheet_rows = list(openpyxl.load_workbook(download(page, "#download-extracts-xlsx", tmp_path)).active.iter_rows(
        values_only=True))
    header = list(sheet_rows[0])
    assert [dict(zip(header, ["" if v is None else str(v) for v in row])) for row in sheet_rows[1:]] == rows

    with zipfile.ZipFile(download(page, "#download-qdpx", tmp_path)) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    assert all(f'name="{title}"' in qde for title in ("P02", "P07", "P3"))
    assert qde.count("<Coding ") == 1 and 'name="Choosing plots"' in qde
    assert page.url.endswith("/export")
