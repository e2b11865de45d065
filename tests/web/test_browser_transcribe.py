"""The import page's recording step in Chromium: an espeak-ng interview transcribed with tiny.en, the
progress shown, the transcript stored with its recording, then a speaker renamed and a turn given to a
new speaker; a second run cancelled stores nothing. axe finds no WCAG violation at any step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

import cotheme
from cotheme.services.project import Project
from tests.transcribe_audio import interview_wav
from tests.web.conftest import TOKEN, LiveServer, wcag_violations

#: Transcribing 15 s of speech takes a few seconds on an idle machine; this one is shared.
SLOW = 240_000


@pytest.fixture
def transcribe_page(browser: Browser, tmp_path: Path) -> Iterator[tuple[Page, Project]]:
    with cotheme.create_project(tmp_path / "study.cotheme", title="New study", lead="Lead") as project:
        with LiveServer(project) as base:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"/import?token={TOKEN}")
            yield page, project
            context.close()
            assert errors == []


def test_transcribe_a_recording_and_fix_its_speakers(transcribe_page: tuple[Page, Project], tmp_path: Path) -> None:
    page, project = transcribe_page
    path, _ = interview_wav(tmp_path, "P12.wav")
    page.get_by_label("Choose a recording (.wav .mp3 .m4a .ogg .flac .mp4 .webm)").set_input_files(str(path))
    page.get_by_label("How many people speak").fill("2")
    page.get_by_role("button", name="Transcribe").click()
    status = page.locator("#transcribe-status")
    expect(page.get_by_role("button", name="Cancel")).to_be_visible()
    expect(status).to_contain_text("Transcribed P12.wav: P12, 4 turns.", timeout=SLOW)
    expect(page.get_by_role("button", name="Cancel")).to_be_hidden()
    [document] = project.documents()
    assert document.speakers == ("Speaker 1", "Speaker 2") and project.recording(document.id) is not None
    rows = page.locator("#transcribed-turns tbody tr")
    expect(rows).to_have_count(4)
    assert wcag_violations(page) == []

    page.get_by_label("Speaker 1 is").fill("Interviewer")
    page.locator("#transcribed-speakers .row").first.get_by_role("button", name="Rename").click()
    expect(status).to_have_text("Renamed Speaker 1 to Interviewer in 2 turns.")
    page.get_by_label("Speaker of turn 4").select_option(label="New speaker")
    expect(status).to_have_text("Turn 4 is now Speaker 3's.")
    expect(page.get_by_label("Speaker of turn 4")).to_have_value("Speaker 3")
    assert [t.speaker for t in project.document(document.id).turns] == ["Interviewer", "Speaker 2", "Interviewer", "Speaker 3"]
    assert wcag_violations(page) == []

    page.get_by_role("button", name="Transcribe").click()
    page.get_by_role("button", name="Cancel").click()
    expect(status).to_have_text("The transcription was stopped; nothing was imported.", timeout=SLOW)
    assert len(project.documents()) == 1
