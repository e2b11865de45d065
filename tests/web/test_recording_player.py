"""The reader plays a transcript's recording in step with it, in headless Chromium: a turn's time
plays from that turn, the turn heard is marked, Space and the arrow keys work, the speed changes, a
coding shows its time span, and the page passes axe-core. The recording is spoken by espeak-ng (two
voices taking turns, like an interview) and linked to its WebVTT transcript by the cue times.

Also measures the time to first audio (click on a turn's time to the media element's ``playing``),
whose median must stay under 300 ms."""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from cotheme.services.importing import RecordingSource, SourceFile
from cotheme.services.project import Project
from tests.recording_media import spoken_wav
from tests.web.conftest import TOKEN, LiveServer, wcag_violations

LINES = [
    ("en-gb", "Thank you for joining me today. How did you first hear about the service?"),
    ("en-us", "My doctor mentioned it, but the waiting list was long. I waited four months."),
    ("en-gb", "What was that wait like for you?"),
    ("en-us", "Honestly it was hard. When I finally got in, she listened to me, which felt new."),
]
SPEAKERS = ["Interviewer", "P01"]
#: Budget for the time from a click on a turn's time to the first audio (the issue's figure).
FIRST_AUDIO_MS = 300
#: (server address, document id, each line's (start, end) ms, the project)
Served = tuple[str, int, list[tuple[int, int]], Project]


def _vtt(spans: list[tuple[int, int]]) -> bytes:
    def stamp(ms: int) -> str:
        return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"

    cues = [f"{stamp(a)} --> {stamp(b)}\n<v {SPEAKERS[i % 2]}>{LINES[i][1]}" for i, (a, b) in enumerate(spans)]
    return ("WEBVTT\n\n" + "\n\n".join(cues) + "\n").encode()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("player")
    wav = folder / "interview.wav"
    spans = spoken_wav(wav, LINES)
    project = Project.create(folder / "study.cotheme", title="Player", lead="Lead")
    doc = project.import_sources(
        [SourceFile("interview.vtt", _vtt(spans), recording=RecordingSource.from_path(wav))]
    )[0].id
    with LiveServer(project) as base:
        yield base, doc, spans, project
    project.close()


@pytest.fixture
def reader(browser: Browser, served: Served) -> Iterator[Page]:
    base, doc = served[0], served[1]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"/?token={TOKEN}")
    page.goto(f"/documents/{doc}")
    page.wait_for_load_state("networkidle")
    yield page
    context.close()
    assert errors == []


def _media(page: Page, what: str) -> object:
    return page.evaluate(f"() => document.getElementById('player-media').{what}")


def _wait(page: Page, what: str, timeout_ms: int = 8000) -> None:
    for _ in range(timeout_ms // 20):
        if page.evaluate(f"() => Boolean({what})"):
            return
        page.wait_for_timeout(20)
    raise AssertionError(f"still not true after {timeout_ms} ms: {what}")


def test_a_turns_time_plays_from_it_and_the_turn_heard_is_marked(
    reader: Page, served: Served
) -> None:
    spans = served[2]
    third = reader.locator("#turn-2 button.play-from")
    expect(third).to_have_accessible_name(f"Play from 00:{spans[2][0] // 1000:02d}")
    third.click()
    _wait(reader, "!document.getElementById('player-media').paused")
    assert _media(reader, "currentTime") * 1000 >= spans[2][0] - 50
    _wait(reader, "document.querySelector('#turn-2.playing')")
    expect(reader.locator("#turn-2")).to_have_attribute("aria-current", "time")
    _wait(reader, "document.querySelector('#turn-3.playing')", timeout_ms=15000)  # plays on into the next
    expect(reader.locator("#turn-2")).not_to_have_class("playing")


def test_keys_and_speed(reader: Page) -> None:
    reader.locator("h1").click()  # focus on the page, not in a field
    reader.keyboard.press("Space")
    _wait(reader, "!document.getElementById('player-media').paused")
    reader.keyboard.press("Space")
    _wait(reader, "document.getElementById('player-media').paused")
    reader.evaluate("() => { document.getElementById('player-media').currentTime = 8; }")
    reader.keyboard.press("ArrowRight")
    assert abs(_media(reader, "currentTime") - 13) < 0.3
    reader.keyboard.press("ArrowLeft")
    reader.keyboard.press("ArrowLeft")
    assert abs(_media(reader, "currentTime") - 3) < 0.3
    reader.select_option("#player-speed", "1.5")
    assert _media(reader, "playbackRate") == 1.5
    reader.locator("#player-speed").focus()
    reader.keyboard.press("Space")  # in a field: Space is the field's, the player stays paused
    assert _media(reader, "paused") is True


def test_a_coding_shows_where_it_was_said(reader: Page, served: Served) -> None:
    spans = served[2]
    project = served[3]
    made = project.code(served[1], "Waiting", quote="the waiting list was long", create=True)
    reader.reload()
    reader.wait_for_load_state("networkidle")
    reader.locator(f'.stripe[data-coding-id="{made.id}"]').click()
    clock = lambda ms: f"{ms // 60000}:{ms // 1000 % 60:02d}"  # noqa: E731
    expect(reader.locator("#cp-time")).to_have_text(
        f"Said at {clock(spans[1][0])}–{clock(spans[1][1])} in the recording."
    )


def test_the_reader_with_a_player_has_no_wcag_violation(reader: Page) -> None:
    assert wcag_violations(reader) == []


def test_time_to_first_audio(browser: Browser, served: Served) -> None:
    """Median over 7 fresh page loads: from the click on a turn's time to the ``playing`` event."""
    base, doc = served[0], served[1]
    context = browser.new_context(base_url=base)
    page = context.new_page()
    page.goto(f"/?token={TOKEN}")
    waits = []
    for _ in range(7):
        page.goto(f"/documents/{doc}")
        page.wait_for_load_state("networkidle")
        page.evaluate("""() => {
            const media = document.getElementById('player-media');
            window.firstAudio = null;
            document.addEventListener('click', (e) => { window.clickedAt = e.timeStamp; }, { capture: true, once: true });
            media.addEventListener('playing', () => { window.firstAudio = performance.now() - window.clickedAt; }, { once: true });
        }""")
        page.locator("#turn-1 button.play-from").click()
        _wait(page, "window.firstAudio !== null")
        waits.append(page.evaluate("() => window.firstAudio"))
    context.close()
    median = statistics.median(waits)
    print(f"time to first audio: median {median:.0f} ms over {len(waits)} loads: {[round(w) for w in waits]}")
    assert median < FIRST_AUDIO_MS


def test_the_import_page_takes_a_transcript_with_its_recording_and_the_reader_replaces_it(
    browser: Browser, served: Served, tmp_path: Path
) -> None:
    base, _, spans, project = served
    vtt = tmp_path / "second.vtt"
    vtt.write_bytes(_vtt(spans).replace(b"Thank you", b"Thanks again"))
    wav = tmp_path / "second.wav"
    spoken_wav(wav, LINES[:2])
    context = browser.new_context(base_url=base)
    page = context.new_page()
    page.goto(f"/?token={TOKEN}")
    page.goto("/import")
    page.set_input_files("#transcript-files", str(vtt))
    expect(page.locator("#transcript-preview")).to_be_visible()
    page.set_input_files("#import-recording", str(wav))
    page.locator("#import-transcripts").click()
    expect(page.locator("#transcript-status")).to_have_text("Imported 1 file.")
    doc = next(d for d in project.documents() if d.title == "second")
    assert project.recording(doc.id).sha256 == hashlib.sha256(wav.read_bytes()).hexdigest()
    page.locator("#imported-list a", has_text="second").click()
    expect(page.locator("#player-media")).to_have_count(1)
    page.locator("#interview-details summary").click()
    other = tmp_path / "other take.wav"
    spoken_wav(other, LINES[2:])
    page.set_input_files("#recording-file", str(other))
    page.locator("#recording-form button[type=submit]").click()
    expect(page.locator("#player-help")).to_contain_text("other take.wav")
    assert project.recording(doc.id).filename == "other take.wav"
    context.close()


def test_space_on_a_turns_time_plays_from_it_and_the_arrows_still_seek(reader: Page, served: Served) -> None:
    spans = served[2]
    button = reader.locator("#turn-1 button.play-from")
    button.focus()
    reader.keyboard.press("Space")  # the button's own Space: play from that turn
    _wait(reader, "!document.getElementById('player-media').paused")
    assert _media(reader, "currentTime") * 1000 >= spans[1][0] - 50
    reader.evaluate("() => document.getElementById('player-media').pause()")
    before = _media(reader, "currentTime")
    reader.keyboard.press("ArrowRight")
    assert abs(_media(reader, "currentTime") - min(before + 5, _media(reader, "duration"))) < 0.3
