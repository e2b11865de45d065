"""``cotheme import --recording`` and ``cotheme docs recording`` (attach, show, save, remove), through
the CLI runner: one sentence and exit code 2 for what is refused, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cotheme.services.project import Project
from tests.cli_runner import cli
from tests.recording_media import tone_wav

VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<v Ann>Hello there.\n\n00:00:02.500 --> 00:00:04.000\n<v Bob>Hi Ann.\n"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.cotheme"
    assert cli("init", str(path), "--lead", "Sam")[0] == 0
    (tmp_path / "P01.vtt").write_text(VTT, encoding="utf-8")
    return path


def test_import_with_a_recording_then_show_save_replace_remove(study: Path, tmp_path: Path) -> None:
    wav = tone_wav(tmp_path / "P01.wav", 4)
    code, out, err = cli("import", str(study), str(tmp_path / "P01.vtt"), "--recording", str(wav), "--json")
    assert code == 0, err
    code, out, err = cli("docs", "recording", str(study), "P01", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert (shown["filename"], shown["mime"], shown["size_bytes"], shown["duration_ms"]) == (
        "P01.wav", "audio/wav", wav.stat().st_size, 4000)
    saved = tmp_path / "copy.wav"
    code, out, _ = cli("docs", "recording", str(study), "P01", "--out", str(saved))
    assert code == 0 and saved.read_bytes() == wav.read_bytes() and "Saved the recording of 'P01'" in out
    code, _, err = cli("docs", "recording", str(study), "P01", "--out", str(saved))
    assert code == 2 and "already exists" in err
    other = tone_wav(tmp_path / "second take.wav", 1)
    code, out, err = cli("docs", "recording", str(study), "P01", str(other))
    assert code == 0 and "second take.wav" in out, err
    code, out, _ = cli("docs", "recording", str(study), "P01", "--remove")
    assert code == 0 and out.strip() == "Removed the recording of 'P01'."
    code, out, _ = cli("docs", "recording", str(study), "P01")
    assert code == 0 and "has no recording" in out


def test_a_file_that_is_not_a_recording_imports_nothing(study: Path, tmp_path: Path) -> None:
    fake = tmp_path / "P01.m4a"
    fake.write_text("not a recording at all\n" * 20, encoding="utf-8")
    code, _, err = cli("import", str(study), str(tmp_path / "P01.vtt"), "--recording", str(fake))
    assert code == 2
    assert "P01.m4a is not an audio or video recording cotheme can play" in err and "Traceback" not in err
    with Project.open(study) as project:
        assert project.documents() == []
    code, _, err = cli("import", str(study), str(tmp_path / "P01.vtt"), str(tmp_path / "P01.vtt"),
                       "--recording", str(fake))
    assert code == 2 and "--recording goes with one transcript" in err
