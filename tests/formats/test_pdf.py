"""pdf.py: the seven real PDPilot interview PDFs, and PDFs that cannot be read."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter

from cotheme.domain.transcript import ParsedTranscript
from cotheme.errors import InputError
from cotheme.formats.pdf import join_lines, read_pdf

# Real files from DanielKerrigan/PDPilotUserStudy (BSD-3-Clause), see shared/data/README.md.
DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PDPILOT = DATA / "transcripts-open" / "pdpilot-user-study"
NAMES = [f"P{n}.pdf" for n in range(1, 8)]


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedTranscript]:
    """Each PDF parsed once per module: pypdf needs ~1 s per interview on this machine (not timed
    here: a benchmark is not a test)."""
    return {name: read_pdf(name, (PDPILOT / name).read_bytes()) for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_pdpilot_turns_alternate_between_dan_and_the_participant(parsed: dict[str, ParsedTranscript], name: str) -> None:
    transcript = parsed[name]
    assert transcript.format == "pdf"
    assert transcript.metadata["variant"] == "speaker-prefix"
    assert transcript.speakers == ["Dan", "Participant"]
    labelled = [t.speaker for t in transcript.turns if t.speaker is not None]
    assert labelled[0] == "Dan"
    assert all(a != b for a, b in zip(labelled, labelled[1:]))
    assert len(labelled) > 80
    # Only the title before Dan's first turn has no speaker.
    unlabelled = [transcript.text[t.start:t.end] for t in transcript.turns if t.speaker is None]
    assert unlabelled == ["Interview"]


@pytest.mark.parametrize("name", NAMES)
def test_pdpilot_text_is_clean(parsed: dict[str, ParsedTranscript], name: str) -> None:
    transcript = parsed[name]
    text = transcript.text
    assert "\t" not in text and "  " not in text
    assert "Dan:" not in text and "Participant:" not in text
    # The page furniture is gone: no "2/5" page numbers and no column of line numbers.
    lines = text.split("\n")
    assert not any(line.strip().isdigit() or "/" in line and line.replace("/", "").isdigit() for line in lines)
    # README counts 3.3k-6.0k words including ~100 line numbers per page; the transcript text itself
    # (labels and numbers removed) is 2.9k-5.5k words.
    assert 2_500 <= len(text.split()) <= 6_000
    pieces = [text[t.start:t.end] for t in transcript.turns]
    assert "\n".join(pieces) == text


def test_pdpilot_line_straddling_a_page_break_appears_once(parsed: dict[str, ParsedTranscript]) -> None:
    text = parsed["P1.pdf"].text
    assert "highlighting those and seeing what was happening." in text
    assert text.count("by highlighting those and seeing what") == 1


def test_pdpilot_wrapped_lines_rejoin_into_one_paragraph(parsed: dict[str, ParsedTranscript]) -> None:
    text = parsed["P1.pdf"].text
    assert "we tend to use ICE plots." in text  # "... we tend to use\nICE plots." in the PDF
    assert "non-linear dependence on the interactions." in text


def test_join_lines_rules() -> None:
    lines = ["Dan:\t", "\tOkay.\tSo\tnow", "we\tgo on", "Participant:\t", "\tA non-", "linear thing.", "", "Next."]
    assert join_lines(lines) == ["Dan: Okay.\tSo\tnow we\tgo on", "Participant: A non-linear thing.", "Next."]


def blank_pdf(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_without_text_layer() -> None:
    with pytest.raises(InputError) as err:
        read_pdf("scan.pdf", blank_pdf(2))
    assert str(err.value) == (
        "scan.pdf: has no text layer (a scanned PDF?); run OCR first or import a text export."
    )


def test_encrypted_pdf() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(InputError, match=r"^locked\.pdf: is password-protected; save an unprotected copy"):
        read_pdf("locked.pdf", buffer.getvalue())


def test_not_a_pdf() -> None:
    with pytest.raises(InputError, match=r"^fake\.pdf: is not a PDF file"):
        read_pdf("fake.pdf", b"Dan: hello\nParticipant: hi\n")


def test_truncated_pdf_is_an_input_error() -> None:
    data = (PDPILOT / "P1.pdf").read_bytes()[:3000]
    with pytest.raises(InputError, match=r"^cut\.pdf: "):
        read_pdf("cut.pdf", data)


def test_a_broken_pdf_gives_only_the_sentence_on_the_command_line(tmp_path: Path) -> None:
    """pypdf logs recoverable damage ("EOF marker not found") through ``logging``; with no handler
    configured Python prints it to standard error ahead of cotheme's own sentence. A real process is
    needed: under pytest the root logger has pytest's handlers, which hide the stray line."""
    import subprocess
    import sys

    project = tmp_path / "t.cotheme"
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\nthis is broken")
    run = [sys.executable, "-m", "cotheme"]
    subprocess.run([*run, "init", str(project), "--lead", "Lead"], capture_output=True, check=True)
    result = subprocess.run([*run, "import", str(project), str(tmp_path / "broken.pdf")], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Error: broken.pdf: could not be read as a PDF (PdfStreamError); open it in a PDF viewer, "
        "save or print it to a new PDF and import that."
    ]
