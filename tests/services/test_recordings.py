"""Recordings stored inside the project: attached with a transcript or later, read back by range,
replaced, removed, refused when not media, kept under encryption, carried by backups (both engines)."""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

import pytest

import cotheme
from cotheme.errors import Forbidden, InputError, NotFound
from cotheme.services import recordings, safekeeping
from cotheme.services.importing import RecordingSource, SourceFile
from cotheme.services.project import Project
from cotheme.storage.recordings import CHUNK_SIZE
from tests.recording_media import tone_wav

VTT = (
    b"WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Interviewer>How did you first hear about the service?\n\n"
    b"00:00:04.000 --> 00:00:09.500\n<v P01>My GP mentioned it, but the waiting list was long.\n\n"
    b"00:00:09.500 --> 00:00:12.000\n<v Interviewer>What was that like?\n"
)


@pytest.fixture(scope="module")
def long_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A WAV of 40 s at 16 kHz (1.28 MB): more than one chunk, so ranges cross chunk boundaries."""
    return tone_wav(tmp_path_factory.mktemp("media") / "talk.wav", 40)


def _import(project: Project, wav: Path) -> int:
    done = project.import_sources([SourceFile("talk.vtt", VTT, recording=RecordingSource.from_path(wav))])
    return done[0].id


def test_import_with_recording_links_turn_times_and_keeps_every_byte(project: Project, long_wav: Path) -> None:
    data = long_wav.read_bytes()
    doc = _import(project, long_wav)
    info = project.recording(doc)
    assert info is not None and info.document_id == doc
    assert (info.filename, info.mime, info.size_bytes) == ("talk.wav", "audio/wav", len(data))
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.duration_ms is not None and abs(info.duration_ms - 40_000) < 50
    turns = project.document(doc).turns
    assert [(t.t_start_ms, t.t_end_ms) for t in turns] == [(0, 4000), (4000, 9500), (9500, 12000)]
    assert len(data) > CHUNK_SIZE
    for start, end in [(0, 12), (CHUNK_SIZE - 5, CHUNK_SIZE + 7), (len(data) - 3, len(data) + 100), (100, 100)]:
        assert project.read_recording(doc, start, end) == data[start:end]
    assert b"".join(project.recording_bytes(doc)) == data


def test_not_media_is_refused_and_the_import_stores_nothing(project: Project, tmp_path: Path) -> None:
    fake = tmp_path / "talk.m4a"
    fake.write_bytes(b"this is a text file pretending to be audio\n" * 100)
    with pytest.raises(InputError, match=r"^talk\.m4a is not an audio or video recording cotheme can play"):
        project.import_sources([SourceFile("talk.vtt", VTT, recording=RecordingSource.from_path(fake))])
    assert project.documents() == []


def test_truncated_media_with_a_right_signature_is_refused(project: Project, long_wav: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 500)
    doc = _import(project, long_wav)
    with pytest.raises(InputError, match="broken.mp4 is not an audio or video recording"):
        project.attach_recording(doc, broken)
    assert project.recording(doc) is not None and project.recording(doc).filename == "talk.wav"


def test_attach_replaces_and_detach_removes(project: Project, long_wav: Path, tmp_path: Path) -> None:
    doc = _import(project, long_wav)
    short = tone_wav(tmp_path / "short.wav", 1.5)
    first = project.recording(doc)
    second = project.attach_recording(doc, short)
    assert second.filename == "short.wav" and second.size_bytes == short.stat().st_size
    assert project.recording(doc) == second and first is not None and first.filename == "talk.wav"
    assert project.read_recording(doc, 0, 10_000_000) == short.read_bytes()
    assert project.detach_recording(doc) is True
    assert project.recording(doc) is None and project.detach_recording(doc) is False
    with pytest.raises(NotFound, match="has no recording"):
        project.read_recording(doc, 0, 10)


def test_attach_inside_a_callers_transaction_rolls_back_with_it(project: Project, long_wav: Path) -> None:
    doc = _import(project, long_wav)
    project.detach_recording(doc)
    store = project._store
    with pytest.raises(RuntimeError), store.write() as conn:
        with long_wav.open("rb") as media:
            recordings.attach_recording(conn, doc, media, filename="talk.wav", mime="audio/wav", duration_ms=40_000)
        assert recordings.recording_for(conn, doc) is not None
        raise RuntimeError("the rest of the import failed")
    assert project.recording(doc) is None


def test_coding_keeps_the_time_span_of_the_turns_it_covers(project: Project, long_wav: Path) -> None:
    doc = _import(project, long_wav)
    text = project.document(doc).text
    start = text.index("the waiting list")
    coding = project.code(doc, "Waiting", start=start, end=start + len("the waiting list"), create=True)
    span = project.coding_time_span(coding.id)
    assert span is not None and (span.start_ms, span.end_ms) == (4000, 9500)
    across = project.code(doc, "Waiting", start=start, end=text.index("like?"))
    wide = project.coding_time_span(across.id)
    assert wide is not None and (wide.start_ms, wide.end_ms) == (4000, 12000)


def test_a_viewer_listens_but_may_not_attach(project: Project, long_wav: Path, tmp_path: Path) -> None:
    doc = _import(project, long_wav)
    viewer = project.acting_as(project.add_member("Vee", permission="viewer"))
    assert viewer.read_recording(doc, 0, 4) == b"RIFF"
    with pytest.raises(Forbidden):
        viewer.attach_recording(doc, tone_wav(tmp_path / "other.wav", 1))
    with pytest.raises(Forbidden):
        viewer.detach_recording(doc)


def test_too_large_is_refused_in_one_sentence(project: Project, long_wav: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = _import(project, long_wav)
    monkeypatch.setenv("COTHEME_MAX_RECORDING_MB", "0.5")
    with pytest.raises(InputError, match=r"talk.wav is larger than the .* a recording may be"):
        project.attach_recording(doc, long_wav)
    assert project.recording(doc) is not None  # the old one stays


def test_backup_and_restore_carry_the_recording(project: Project, long_wav: Path, tmp_path: Path, target: str) -> None:
    doc = _import(project, long_wav)
    out = tmp_path / "backup.cotheme"
    project.backup(out)
    with cotheme.open_project(out) as copy:
        assert b"".join(copy.recording_bytes(doc)) == long_wav.read_bytes()
    restored = str(tmp_path / "restored.cotheme")
    safekeeping.restore(out, restored)
    with cotheme.open_project(restored) as again:
        info = again.recording(doc)
        assert info is not None and info.sha256 == hashlib.sha256(long_wav.read_bytes()).hexdigest()


def test_an_encrypted_project_holds_its_recording_encrypted_and_leaves_no_plain_copy(
    tmp_path: Path, long_wav: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setenv("SQLITE_TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    data = long_wav.read_bytes()
    marker = data[CHUNK_SIZE + 1000 : CHUNK_SIZE + 1064]  # 64 bytes from the middle of the second chunk
    path = tmp_path / "secret.cotheme"
    with Project.create(path, title="Secret", lead="Lead", passphrase="correct horse") as project:
        doc = _import(project, long_wav)
        assert project.read_recording(doc, CHUNK_SIZE + 1000, CHUNK_SIZE + 1064) == marker
        project.backup(tmp_path / "secret-backup.cotheme")
    for stored in [path, tmp_path / "secret-backup.cotheme"]:
        raw = stored.read_bytes()
        assert marker not in raw and data[44:108] not in raw
    leftovers = [p for p in scratch.rglob("*") if p.is_file()]
    assert all(marker not in p.read_bytes() for p in leftovers), leftovers
    assert not any(name for name in os.listdir(tmp_path) if name.endswith((".wav", ".m4a")) and name != "talk.wav")
    with Project.open(path, passphrase="correct horse") as again:
        assert again.read_recording(doc, CHUNK_SIZE + 1000, CHUNK_SIZE + 1064) == marker


def test_stored_reader_seeks_like_a_file(project: Project, long_wav: Path) -> None:
    doc = _import(project, long_wav)
    data = long_wav.read_bytes()
    info = project.recording(doc)
    with project._store.read() as conn:
        reader = io.BufferedReader(recordings.StoredReader(conn, info.id, info.size_bytes))
        reader.seek(CHUNK_SIZE - 2)
        assert reader.read(4) == data[CHUNK_SIZE - 2 : CHUNK_SIZE + 2]
        reader.seek(-5, io.SEEK_END)
        assert reader.read() == data[-5:]


def test_encrypting_and_decrypting_a_project_carries_its_recording(tmp_path: Path, long_wav: Path) -> None:
    from cotheme.storage import cipher

    path = tmp_path / "study.cotheme"
    with Project.create(path, lead="Lead") as project:
        doc = _import(project, long_wav)
    cipher.convert(path, "a passphrase", encrypt=True)
    assert cipher.is_encrypted(path) and long_wav.read_bytes()[5000:5064] not in path.read_bytes()
    with Project.open(path, passphrase="a passphrase") as project:
        assert b"".join(project.recording_bytes(doc)) == long_wav.read_bytes()
    cipher.convert(path, "a passphrase", encrypt=False)
    with Project.open(path) as project:
        assert project.recording(doc).sha256 == hashlib.sha256(long_wav.read_bytes()).hexdigest()


def test_check_finds_a_damaged_recording(project: Project, long_wav: Path) -> None:
    from sqlalchemy import delete, update

    from cotheme.storage.schema import recording_chunks

    doc = _import(project, long_wav)
    assert project.check().ok
    with project._store.write() as conn:
        conn.execute(update(recording_chunks).where(recording_chunks.c.seq == 0).values(data=b"\x00" * CHUNK_SIZE))
    found = dict(project.check().checks)["recordings"]
    assert found == (f"The recording talk.wav of document {doc} is damaged: its bytes no longer have the SHA-256 "
                     "recorded when it was stored; attach it again ('cotheme docs recording').",)
    with project._store.write() as conn:
        conn.execute(delete(recording_chunks).where(recording_chunks.c.seq == 1))
    found = dict(project.check().checks)["recordings"]
    assert found == (f"The recording talk.wav of document {doc} is damaged: it holds {CHUNK_SIZE} bytes of the "
                     f"{long_wav.stat().st_size} stored; attach it again ('cotheme docs recording').",)


class _Upload(io.RawIOBase):
    """A slow upload: while its second megabyte is awaited, someone else changes the project."""

    def __init__(self, data: bytes, meanwhile: object) -> None:
        super().__init__()
        self._data, self._at, self._meanwhile, self.changed = data, 0, meanwhile, False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._at >= CHUNK_SIZE and not self.changed:
            self._meanwhile()  # type: ignore[operator]
            self.changed = True
        n = min(len(buffer), len(self._data) - self._at, 65536)
        buffer[:n] = self._data[self._at : self._at + n]
        self._at += n
        return n


def _all_rows(project: Project) -> int:
    from sqlalchemy import func, select

    from cotheme.storage.schema import recording_chunks, recordings as table

    with project._store.read() as conn:
        return int(conn.scalar(select(func.count()).select_from(table))) + int(
            conn.scalar(select(func.count()).select_from(recording_chunks)))


def test_an_upload_lets_other_writers_go_on_and_a_refused_one_leaves_nothing(
    project: Project, long_wav: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = _import(project, long_wav)
    project.detach_recording(doc)
    monkeypatch.setenv("COTHEME_BUSY_WAIT", "2")  # a writer kept waiting fails fast
    upload = _Upload(long_wav.read_bytes(), lambda: project.code(doc, "Meanwhile", quote="waiting list", create=True))
    info = project.attach_recording_data(doc, io.BufferedReader(upload), filename="talk.wav")
    assert upload.changed and [e.code for e in project.codings(document=doc)] == ["Meanwhile"]
    assert info.sha256 == hashlib.sha256(long_wav.read_bytes()).hexdigest() and project.recording(doc) == info
    before = _all_rows(project)
    with pytest.raises(InputError, match="notes.wav is not an audio or video recording"):
        project.attach_recording_data(doc, io.BytesIO(b"not audio" * 300_000), filename="notes.wav")
    assert _all_rows(project) == before and project.recording(doc) == info
