"""The import page in Chromium: three real transcripts (Word, WebVTT, PDF from
../shared/data) with a speaker renamed, a refused file shown in its row, the participants sheet and a
codebook; axe finds nothing serious on any step. Screenshots go to build/test-output/screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Browser, Page, expect

import cotheme
from cotheme.services.project import Project
from tests.web.conftest import SHOTS, TOKEN, LiveServer, accessible

#: pypdf takes seconds to read a 3,000-word PDF on this shared machine; previews and imports wait for it.
SLOW = 60_000

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
VTT = DATA / "captions-vtt" / "GMT20240124-202901_Recording.transcript.vtt"
PDF = DATA / "transcripts-open" / "pdpilot-user-study" / "P1.pdf"


@pytest.fixture
def empty_live(tmp_path: Path) -> Iterator[tuple[str, Project]]:
    with cotheme.create_project(tmp_path / "study.cotheme", title="New study", lead="Lead") as project:
        with LiveServer(project) as base:
            yield base, project


@pytest.fixture
def import_page(browser: Browser, empty_live: tuple[str, Project]) -> Iterator[Page]:
    base, _ = empty_live
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.goto(f"/import?token={TOKEN}")
    yield opened
    context.close()
    assert errors == []


def word_file(tmp_path: Path) -> Path:
    """A Word transcript made from the first turns of the PDPilot P2 interview's words, with the
    interviewer under a real-looking name to rename (the shared data has no .docx)."""
    document = docx.Document()
    for speaker, text in (
        ("Dr. Melissa Ko", "Thanks for joining. Could you tell me how you use partial dependence plots?"),
        ("P02", "Mostly to check what the model learned before we ship it."),
        ("Dr. Melissa Ko", "And when the plot surprised you, what did you do?"),
        ("P02", "I looked at the individual lines, the ICE curves, to see who drove it."),
    ):
        document.add_paragraph(f"{speaker}: {text}")
    path = tmp_path / "P02.docx"
    document.save(str(path))
    return path


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"import-{name}.png"), full_page=True)


def test_import_transcripts_sheet_and_codebook(import_page: Page, empty_live: tuple[str, Project], tmp_path: Path) -> None:
    page, (_, project) = import_page, empty_live
    expect(page.get_by_role("link", name="Import")).to_have_attribute("aria-current", "page")
    accessible(page)
    shot(page, "1-empty")

    empty = tmp_path / "notes.txt"
    empty.write_bytes(b"")
    page.get_by_label("Choose transcripts").set_input_files([str(word_file(tmp_path)), str(VTT), str(PDF), str(empty)])
    rows = page.locator("#transcript-preview tbody tr")
    expect(rows).to_have_count(4, timeout=SLOW)
    refused = page.locator('tr[data-file="notes.txt"] .problem')
    expect(refused).to_have_text("notes.txt: is empty; nothing to import.")
    expect(page.get_by_role("button", name="Import 4 files")).to_be_disabled()
    accessible(page)
    shot(page, "2-preview-with-a-refused-file")

    page.get_by_role("button", name="Remove notes.txt").click()
    expect(rows).to_have_count(3, timeout=SLOW)
    docx_row = page.locator('tr[data-file="P02.docx"]')
    expect(docx_row.locator("td").nth(0)).to_have_text("docx")
    expect(docx_row.locator("td").nth(1)).to_have_text("Dr. Melissa Ko, P02")
    expect(page.locator('tr[data-file="P1.pdf"] td').nth(0)).to_have_text("pdf")
    page.get_by_label("Rename “Dr. Melissa Ko” to").fill("Interviewer")
    expect(docx_row.locator("td").nth(1)).to_have_text("Interviewer, P02")
    accessible(page)
    shot(page, "3-speaker-renamed")
    assert project.documents() == []  # nothing stored before the import

    page.get_by_role("button", name="Import 3 files").click()
    expect(page.locator("#transcript-status")).to_have_text("Imported 3 files.", timeout=SLOW)
    expect(page.locator("#imported-list li")).to_have_count(3)
    shot(page, "4-imported")
    titles = {d.title: d for d in project.documents()}
    assert set(titles) == {"P02", VTT.stem, "P1"}  # the file name without its last extension
    assert project.document("P02").speakers == ("Interviewer", "P02")
    vtt_speakers = project.document(VTT.stem).speakers  # the Zoom file has Dr. Melissa Ko too
    assert "Interviewer" in vtt_speakers and "Dr. Melissa Ko" not in vtt_speakers
    assert project.document("P1").source.format == "pdf"

    sheet = tmp_path / "participants.csv"
    sheet.write_text("participant,age_band,service_use,interview_mode,interview_duration\n"
                     "P02,30-39,,video,48\nP1,40-49,specialist,in person,\nP9,50-59,peer,,\n", encoding="utf-8")
    page.get_by_label("Choose participants sheet (.csv, .xlsx)").set_input_files(str(sheet))
    sheet_rows = page.locator("#sheet-preview tbody tr")
    expect(sheet_rows).to_have_count(3)
    expect(page.get_by_label("Id column")).to_have_value("participant")
    expect(sheet_rows.nth(0).locator("td").nth(2)).to_have_text("P02")
    expect(sheet_rows.nth(0).locator("td").nth(3)).to_have_text("service_use")
    expect(sheet_rows.nth(2).locator("td").nth(2)).to_have_text("no transcript yet")
    accessible(page)
    shot(page, "5-participants-preview")
    page.get_by_role("button", name="Import participants").click()
    expect(page.locator("#sheet-status")).to_contain_text("Imported 3 new participants and updated 0, linked 2 transcripts.")
    assert project.document("P02").case_pid == "P02"
    assert project.document("P02").source.duration_minutes == 48
    assert {c.pid: c.attributes["service_use"] for c in project.cases()}["P02"] is None

    book = tmp_path / "codebook.csv"
    book.write_text("name,parent,definition\nModel checking,,Checking what a model learned\n"
                    "ICE curves,Model checking,Individual lines\n", encoding="utf-8")
    page.get_by_label("Choose codebook (.csv, .xlsx, .md, .qdc)").set_input_files(str(book))
    expect(page.locator("#codebook-preview li")).to_have_count(2)
    expect(page.locator("#codebook-status")).to_have_text("codebook.csv: 2 codes, 2 new, 0 already in the codebook.")
    accessible(page)
    shot(page, "6-codebook-preview")
    page.get_by_role("button", name="Import codebook").click()
    expect(page.locator("#codebook-status")).to_have_text("Imported codebook.csv: created 2 codes and updated 0.")
    assert [c.code.path_text for c in project.codes()] == ["Model checking", "Model checking/ICE curves"]
    shot(page, "7-done")


def test_interview_details_on_the_transcript_page(import_page: Page, empty_live: tuple[str, Project],
                                                  tmp_path: Path) -> None:
    page, (_, project) = import_page, empty_live
    project.import_files([word_file(tmp_path)])
    page.goto("/documents/1")
    page.get_by_text("Interview details", exact=True).click()
    page.get_by_label("Interview date").fill("2025-03-12")
    page.get_by_label("Mode").select_option("telephone")
    page.get_by_label("Duration (minutes)").fill("41")
    page.get_by_label("Interviewer", exact=True).fill("Melissa Ko")
    page.get_by_label("Setting (where the interview took place)").fill("participant's home")
    page.get_by_label("Field notes").fill("Dog barking at 20 minutes.")
    accessible(page)
    page.get_by_role("button", name="Save interview details").click()
    expect(page.locator("#toast")).to_have_text("Interview details saved.")
    shot(page, "8-interview-details")
    source = project.document(1).source
    assert (source.interview_date.isoformat() if source.interview_date else None, source.mode,
            source.duration_minutes, source.setting) == ("2025-03-12", "telephone", 41, "participant's home")
    page.get_by_label("Duration (minutes)").fill("0")
    page.get_by_role("button", name="Save interview details").click()
    expect(page.locator("#toast")).to_have_text("'0' is not a duration; give whole minutes between 1 and 1440.")


def test_a_viewer_gets_no_import_page_and_a_coder_one_when_allowed(import_page: Page,
                                                                     empty_live: tuple[str, Project]) -> None:
    page, (_, project) = import_page, empty_live
    project.add_member("Vic", permission="viewer")
    project.add_member("Ann", permission="coder")
    page.reload()
    page.get_by_label("Coding as").select_option(label="Vic")
    page.wait_for_load_state()
    expect(page.get_by_role("link", name="Import")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Vic is a viewer and may not import; ask a lead.")
    expect(page.get_by_label("Choose transcripts")).to_have_count(0)
    accessible(page)
    shot(page, "9-viewer")
    project.set_coders_may_import(True)
    page.get_by_label("Coding as").select_option(label="Ann")
    page.wait_for_load_state()
    expect(page.get_by_role("link", name="Import")).to_have_count(1)
    expect(page.get_by_label("Choose transcripts")).to_have_count(1)
    expect(page.get_by_label("Coders may import and change interview details (viewers never)")).to_have_count(0)


def test_files_dropped_on_the_page_are_previewed_and_a_verbatim_import(import_page: Page,
                                                                        empty_live: tuple[str, Project]) -> None:
    page, (_, project) = import_page, empty_live
    text = "Interviewer: Hello.\n\nP05: Hi 🙂, café.\n\nInterviewer: Thanks.\n\nP05: Bye.\n"
    handle = page.evaluate_handle(
        """(text) => { const data = new DataTransfer();
                       data.items.add(new File([text], "P05.txt", { type: "text/plain" }));
                       data.items.add(new File(["name\\nWaiting\\n"], "book.qdc", { type: "text/xml" }));
                       return data; }""", text)
    page.dispatch_event("#drop-zone", "drop", {"dataTransfer": handle})
    expect(page.locator("#transcript-preview tbody tr")).to_have_count(1)
    expect(page.locator("#codebook-status")).to_contain_text("book.qdc:")  # a .qdc goes to the codebook step
    page.get_by_label("Keep the text exactly (verbatim: .txt and .md only, so offsets from other tools still fit)").check()
    expect(page.locator('tr[data-file="P05.txt"] td').nth(3)).to_have_text("4")
    page.get_by_role("button", name="Import 1 file").click()
    expect(page.locator("#transcript-status")).to_have_text("Imported 1 file.")
    stored = project.document("P05").text
    assert stored == text and stored[text.index("café") : text.index("café") + 4] == "café"
