"""A whole study in Chromium, through the pages only: from an empty project to the files a team takes
away. The first test uses real transcripts from ../shared/data (Word, Zoom WebVTT, PDF); the second
walks docs/tutorial.md on the fictional demo study, step by step, from `cotheme init` and `cotheme
serve`, and writes the tutorial's screenshots, so the tutorial cannot drift from the product.

The project is read only to check what the pages did; every change goes through the browser."""

from __future__ import annotations

import csv
import re
import socket
import queue
import subprocess
import sys
import threading
import io
import os
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

PENDING = "() => [...CSS.highlights.get('coding-pending')].map(range => range.toString())"


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


def to_top(page: Page, selector: str) -> None:
    """Scroll so that ``selector`` starts at the top of the window, as a reader would to see it."""
    page.locator(selector).evaluate("node => node.scrollIntoView({ block: 'start' })")


def menu(page: Page, name: str) -> None:
    """Follow a link of the top navigation."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True).click()


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
    page.get_by_role("button", name="Import 3 files").click()
    expect(page.locator("#transcript-status")).to_have_text("Imported 3 files.", timeout=SLOW)
    formats = {d.title: project.document(d.id).source.format for d in project.documents()}
    assert formats == {"P02": "docx", "P07": "vtt", "P3": "pdf"}
    assert project.document("P02").speakers == ("Interviewer", "P02")

    sheet = tmp_path / "participants.csv"
    sheet.write_text("participant,role,sector,years_experience\nP02,data scientist,health,6\n"
                     "P07,software engineer,education,\nP3,analyst,finance,11\n", encoding="utf-8")
    page.get_by_label("Choose participants sheet (.csv, .xlsx)").set_input_files(str(sheet))
    expect(page.locator("#sheet-preview tbody tr")).to_have_count(3)
    page.get_by_role("button", name="Import participants").click()
    expect(page.locator("#sheet-status")).to_contain_text(
        "Imported 3 new participants and updated 0, linked 3 transcripts.")

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
    menu(page, "Exports")
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


# -- the tutorial ------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
TUTORIAL = ROOT / "docs" / "tutorial.md"
IMAGES = ROOT / "docs" / "tutorial"
#: The tutorial's pictures are rewritten only when asked (``COTHEME_TUTORIAL_IMAGES=write``): a run of the
#: suite photographs every step into a temporary folder, so an ordinary test run leaves the tree clean.
WRITE_IMAGES = os.environ.get("COTHEME_TUTORIAL_IMAGES") == "write"
DEMO = ROOT / "src" / "cotheme" / "demo" / "data"


class Tutorial:
    """The browser of someone following docs/tutorial.md, writing each step's screenshot."""

    def __init__(self, page: Page, folder: Path) -> None:
        self.page = page
        self.folder = folder
        self.written: list[str] = []
        for old in folder.glob("*.png"):  # a step renamed or dropped leaves no picture behind
            old.unlink()

    def step(self, name: str, toast: bool = False) -> None:
        """Check the page at rest with axe, then photograph it as docs/tutorial/NN-name.png; a step
        whose picture is not about the toast waits for the previous step's toast to fade (2.5 s)."""
        if not toast:
            expect(self.page.locator("#toast.shown")).to_have_count(0, timeout=10_000)
        accessible(self.page)
        file = f"{len(self.written) + 1:02d}-{name}.png"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(self.folder / file), animations="disabled", caret="hide")
        shrink(self.folder / file)
        self.written.append(file)


def shrink(path: Path) -> None:
    """Keep the tutorial's images small: a page is a few flat colours, so a 256-colour palette
    loses nothing a reader sees and roughly thirds the file."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The tutorial's only terminal step: `cotheme init` then `cotheme serve`, run as typed."""
    path = tmp_path / "study.cotheme"
    cli = [sys.executable, "-m", "cotheme"]
    subprocess.run([*cli, "init", str(path), "--title", "Living with support", "--lead", "Sam Okafor"],
                   check=True, capture_output=True, timeout=120)
    server = subprocess.Popen([*cli, "serve", str(path), "--port", str(free_port())],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    # A thread drains what the server prints, so a server that never announces fails in a minute
    # instead of hanging the run, and a chatty one never blocks on a full pipe.
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout or ()], daemon=True).start()
    try:
        printed = [lines.get(timeout=60) for _ in range(2)]  # "cotheme is serving …", "Open …"
        address = printed[1].split()[1]
        assert address.startswith("http://127.0.0.1:") and "?token=" in address, printed
        yield address, path
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_tutorial_steps(browser: Browser, served: tuple[str, Path], tmp_path: Path) -> None:
    address, path = served
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    tour = Tutorial(page, IMAGES if WRITE_IMAGES else tmp_path / "tutorial")

    page.goto(address)
    expect(page.locator("main")).to_contain_text("No transcripts yet")
    tour.step("empty-project")

    page.get_by_role("link", name="import some").click()
    transcripts = [str(DEMO / f"P0{n}.txt") for n in range(1, 6)] + [str(DEMO / "P06.vtt")]
    page.get_by_label("Choose transcripts").set_input_files(transcripts)
    expect(page.locator("#transcript-preview tbody tr")).to_have_count(6, timeout=SLOW)
    page.get_by_label("Rename “Interviewer” to").fill("Researcher")
    expect(page.locator('tr[data-file="P06.vtt"] td').nth(1)).to_have_text("Researcher, P06")
    to_top(page, "#transcripts-heading")
    tour.step("import-preview")
    page.get_by_role("button", name="Import 6 files").click()
    expect(page.locator("#transcript-status")).to_have_text("Imported 6 files.", timeout=SLOW)

    page.get_by_label("Choose participants sheet (.csv, .xlsx)").set_input_files(str(DEMO / "participants.csv"))
    expect(page.get_by_label("Id column")).to_have_value("id")
    expect(page.locator("#sheet-preview tbody tr")).to_have_count(6)
    to_top(page, "#participants-heading")
    tour.step("participants-preview")
    page.get_by_role("button", name="Import participants").click()
    expect(page.locator("#sheet-status")).to_contain_text(
        "Imported 6 new participants and updated 0, linked 6 transcripts.")

    page.get_by_label("Choose codebook (.csv, .xlsx, .md, .qdc)").set_input_files(str(DEMO / "codebook.csv"))
    expect(page.locator("#codebook-status")).to_have_text("codebook.csv: 24 codes, 24 new, 0 already in the codebook.")
    to_top(page, "#codebook-heading")
    tour.step("codebook-preview")
    page.get_by_role("button", name="Import codebook").click()
    expect(page.locator("#codebook-status")).to_have_text("Imported codebook.csv: created 24 codes and updated 0.")

    menu(page, "Project")
    expect(page.locator("main")).to_contain_text("24 codes, 0 codings.")
    tour.step("project-home")

    page.get_by_role("link", name="P01", exact=True).click()
    expect(page.locator("#reader")).to_have_attribute("data-ready", "true")
    page.get_by_text("Interview details", exact=True).click()
    page.get_by_label("Interview date").fill("2025-03-12")
    expect(page.get_by_label("Mode")).to_have_value("video")  # "video call" in the participants sheet
    page.get_by_label("Mode").select_option("video")
    page.get_by_label("Duration (minutes)").fill("48")
    page.get_by_label("Interviewer", exact=True).fill("Sam Okafor")
    page.get_by_label("Setting (where the interview took place)").fill("participant's home, by video call")
    page.get_by_role("button", name="Save interview details").click()
    expect(page.locator("#toast")).to_have_text("Interview details saved.")
    tour.step("interview-details", toast=True)
    page.get_by_text("Interview details", exact=True).click()  # fold it away again

    passage = "my manager came out and found me and she was very kind, she said go home, go and see your doctor"
    mouse_select(page, passage)
    tour.step("select-passage")
    page.keyboard.press("c")
    page.locator("#picker-input").fill("referral")
    assert page.evaluate(PENDING) == [passage]  # the passage stays marked while its code is chosen
    tour.step("code-picker")
    page.locator("#picker-input").press("Enter")
    expect(page.locator("#coding-count")).to_have_text("1")
    assert page.evaluate(PENDING) == []

    page.locator(".stripe").first.click()
    expect(page.locator("#coding-panel")).to_be_visible()
    page.locator("#cp-memos textarea").fill(
        "Her manager, not a service, was the **first referral**. Ask others who noticed first.")
    page.locator("#cp-memos button").click()
    expect(page.locator("#cp-memos strong")).to_have_text("first referral")
    tour.step("coding-memo", toast=True)

    menu(page, "Retrieve")
    page.get_by_role("checkbox", name="Referral routes").check()
    page.get_by_role("checkbox", name="show with extracts").nth(1).check()  # gender
    page.get_by_role("button", name="Retrieve").click()
    expect(page.locator("#results .extract")).to_have_count(1)
    expect(page.locator("#results")).to_contain_text("my manager came out")
    expect(page.locator("#results")).to_contain_text("woman")
    to_top(page, "#retrieve-form fieldset:nth-of-type(3)")
    tour.step("retrieve")

    menu(page, "Themes")
    page.get_by_label("New theme").fill("Support that holds")
    page.get_by_role("button", name="Add theme").click()
    expect(page.locator("table.themes")).to_contain_text("Support that holds")
    page.get_by_label("New theme").fill("Finding a way in")
    page.locator("#theme-parent").select_option(label="Support that holds")
    page.get_by_role("button", name="Add theme").click()
    expect(page.locator("table.themes")).to_contain_text("Finding a way in")
    page.get_by_role("link", name="Finding a way in").click()
    page.get_by_label("Add a code to this theme").select_option(
        label="Access and using the service/Referral routes (not in any theme; 1 extract)")
    page.get_by_role("button", name="Add code").click()
    expect(page.locator(".extract")).to_have_count(1)
    page.get_by_role("button", name="☆ mark as exemplar").click()
    expect(page.locator("button.exemplar")).to_have_attribute("aria-pressed", "true")
    page.get_by_label("Definition: what this theme describes").fill(
        "The informal routes that got people through the door when formal referral did not.")
    page.get_by_role("button", name="Save definition").click()
    expect(page.locator("#toast")).to_contain_text("Definition saved")
    tour.step("theme-review", toast=True)
    page.get_by_role("link", name="All themes").click()
    page.get_by_label("Status of Finding a way in").select_option("reviewed")
    expect(page.locator("#toast")).to_contain_text("Status saved")
    tour.step("themes", toast=True)

    menu(page, "Map")
    expect(page.locator("#map")).to_have_attribute("data-ready", "true")
    tour.step("map")

    menu(page, "Reports")
    tour.step("reports")
    reports = tmp_path / "reports"
    table_1 = download(page, 'a[href="/api/v1/reports/sample?format=html"]', reports)
    methods = download(page, 'a[href="/api/v1/reports/methods?format=html"]', reports)
    assert (table_1.name, methods.name) == ("sample.html", "methods.html")  # the names the tutorial gives
    page.goto(table_1.as_uri())
    expect(page.locator("table").first).to_contain_text("gender")
    tour.step("table-1")
    page.goto(methods.as_uri())
    expect(page.locator("body")).to_contain_text("COREQ")
    tour.step("methods-appendix")

    page.goto(address.split("?")[0] + "export")
    page.get_by_role("checkbox", name="Referral routes").check()
    tour.step("exports")
    saved = download(page, "#download-extracts-csv", tmp_path)
    (row,) = csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig")))
    assert (row["case"], row["speaker"], row["code path"], row["coder"], row["text"], row["gender"]) == (
        "P01", "P01", "Access and using the service/Referral routes", "Sam Okafor", passage, "woman")
    assert "first referral" in row["memo"]
    context.close()
    assert errors == []

    with cotheme.open_project(path) as project:
        assert len(project.documents()) == 6 and project.document("P06").speakers == ("Researcher", "P06")
        assert project.document("P01").source.interviewer == "Sam Okafor"
        assert [t.theme.name for t in project.themes()] == ["Support that holds", "Finding a way in"]

    shown = set(re.findall(r"\]\((tutorial/\d\d-[a-z0-9-]+\.png)\)", TUTORIAL.read_text(encoding="utf-8")))
    assert shown == {f"tutorial/{name}" for name in tour.written}
    assert shown == {f"tutorial/{image.name}" for image in IMAGES.glob("*.png")}, "run with COTHEME_TUTORIAL_IMAGES=write"
    assert sum(image.stat().st_size for image in tour.folder.glob("*.png")) < 3_000_000
