"""Recognising recordings: container signatures, and probing with PyAV for streams and length; bytes
that are not a recording refused in one sentence naming the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cotheme.errors import InputError
from cotheme.formats.media import probe, sniff
from tests.recording_media import encoded, tone_wav


@pytest.mark.parametrize(
    ("name", "codec", "video", "mime"),
    [
        ("talk.m4a", "aac", False, "audio/mp4"),
        ("call.mp4", "aac", True, "video/mp4"),
        ("talk.mp3", "libmp3lame", False, "audio/mpeg"),
        ("talk.ogg", "libopus", False, "audio/ogg"),
        ("talk.flac", "flac", False, "audio/flac"),
        ("talk.webm", "libopus", False, "audio/webm"),
    ],
)
def test_real_recordings_are_probed(tmp_path: Path, name: str, codec: str, video: bool, mime: str) -> None:
    path = encoded(tmp_path / name, codec, 2.0, video=video)
    with path.open("rb") as stream:
        facts = probe(stream, name)
    assert facts.mime == mime and facts.video == video
    assert facts.duration_ms is not None and abs(facts.duration_ms - 2000) < 150


def test_wav_and_signatures(tmp_path: Path) -> None:
    wav = tone_wav(tmp_path / "talk.wav", 1.25)
    facts = probe(io.BytesIO(wav.read_bytes()), "talk.wav")
    assert (facts.mime, facts.duration_ms, facts.video) == ("audio/wav", 1250, False)
    assert sniff(b"\x00\x00\x00\x20ftypM4A \x00\x00") == "audio/mp4"
    assert sniff(b"ID3\x04\x00") == "audio/mpeg"
    assert sniff(b"%PDF-1.7\n") is None and sniff(b"") is None


@pytest.mark.parametrize("data", [b"", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", b"RIFF\x00\x00\x00\x00WAVE" + b"\x00" * 30])
def test_not_a_recording_is_refused_in_one_sentence(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^notes\.m4a is not an audio or video recording cotheme can play; give one of these kinds: .*wav"):
        probe(io.BytesIO(data), "notes.m4a")
