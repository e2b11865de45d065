"""registry.py: extension dispatch, unknown types and the size limit across readers."""

from __future__ import annotations

import pytest

from cotheme.domain.transcript import ParsedTranscript
from cotheme.errors import InputError, TooLarge, UnsupportedFormat
from cotheme.formats import registry
from cotheme.formats.registry import TRANSCRIPT_EXTENSIONS, read_transcript


def test_built_in_extensions() -> None:
    assert TRANSCRIPT_EXTENSIONS == (".txt", ".md", ".docx", ".pdf", ".vtt", ".srt")


@pytest.mark.parametrize(
    ("name", "data", "format"),
    [
        ("A.TXT", b"Some words.", "txt"),
        ("notes.Md", b"# Title\n\nWords.", "md"),
        ("call.VTT", b"WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "vtt"),
        ("film.srt", b"1\n00:00:01,000 --> 00:00:02,000\nHi\n", "srt"),
    ],
)
def test_dispatch_is_case_insensitive(name: str, data: bytes, format: str) -> None:
    assert read_transcript(name, data).format == format


@pytest.mark.parametrize("name", ["interview.xyz", "folder.v2/interview", "interview.doc"])
def test_unknown_extension(name: str) -> None:
    with pytest.raises(UnsupportedFormat) as err:
        read_transcript(name, b"hello")
    assert str(err.value).startswith(f"{name}: ")
    assert isinstance(err.value, InputError)


def test_doc_gets_specific_advice() -> None:
    with pytest.raises(UnsupportedFormat, match=r"^old\.doc: \.doc files cannot be imported as transcripts; save it as \.docx in Word"):
        read_transcript("old.doc", b"\xd0\xcf\x11\xe0")


@pytest.mark.parametrize("name", ["a.txt", "a.docx", "a.pdf", "a.vtt", "a.srt"])
def test_every_reader_honours_max_bytes(name: str) -> None:
    with pytest.raises(TooLarge, match=rf"^{name}: is 100 bytes, over the 50 bytes import limit"):
        read_transcript(name, b"x" * 100, max_bytes=50)


@pytest.mark.parametrize("name", ["a.txt", "a.docx", "a.pdf", "a.vtt", "a.srt"])
def test_every_reader_refuses_empty_files(name: str) -> None:
    with pytest.raises(InputError, match=rf"^{name}: is empty; nothing to import\.$"):
        read_transcript(name, b"")


def test_plugins_register_like_built_ins() -> None:
    def read_fake(filename: str, data: bytes, *, max_bytes: int) -> ParsedTranscript:
        return ParsedTranscript(data.decode(), (), "fake")

    registry.register_transcript_reader(".fake", read_fake)
    try:
        assert read_transcript("x.FAKE", b"ok").format == "fake"
        with pytest.raises(ValueError):
            registry.register_transcript_reader("fake", read_fake)
        assert ".fake" in registry.registered_extensions()
    finally:
        registry._READERS.pop(".fake")
    assert TRANSCRIPT_EXTENSIONS == (".txt", ".md", ".docx", ".pdf", ".vtt", ".srt")
