"""Recognising and probing media files (audio and video recordings of interviews).

Owns which bytes count as a recording: a known container signature first (WAV, MP3, MP4/M4A, Ogg,
FLAC, WebM/Matroska; a few bytes, no library), then, when PyAV is installed (``cotheme[media]``; its
wheel ships FFmpeg's codecs), opening the container to find its streams and its length. Reads only
from the stream it is given (seeking in it): never writes a copy anywhere, so the bytes of an
encrypted project's recording are not left in a temporary file. No database access.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from cotheme.domain.recordings import MEDIA_TYPES
from cotheme.errors import InputError

#: The first bytes read to recognise a container (an MP3 may start with an ID3 tag of any size, but
#: its header is in the first 10 bytes; MP4's ``ftyp`` box is at offset 4).
_HEAD = 64


@dataclass(frozen=True, slots=True)
class MediaFacts:
    """What a recording is: its media type, length (ms, when known) and whether it has pictures."""

    mime: str
    duration_ms: int | None
    video: bool


def sniff(head: bytes) -> str | None:
    """The media type the first bytes of a file show, or ``None`` when they are not a known recording."""
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06):
        return "audio/mpeg"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "audio/mp4" if brand in (b"M4A ", b"M4B ", b"mp4a") else "video/mp4"
    if head[:4] == b"OggS":
        return "audio/ogg"
    if head[:4] == b"fLaC":
        return "audio/flac"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "video/webm" if b"webm" in head[:_HEAD] else "video/x-matroska"
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0:
        return "audio/aac"  # ADTS
    return None


def _refuse(name: str) -> InputError:
    kinds = ", ".join(sorted(ext.lstrip(".") for ext in MEDIA_TYPES))
    return InputError(f"{name} is not an audio or video recording cotheme can play; give one of these kinds: {kinds}.")


def probe(stream: BinaryIO, name: str) -> MediaFacts:
    """What ``stream`` (seekable, positioned anywhere) holds; ``InputError`` in one sentence when it is
    not a recording. Without PyAV only the signature is checked and the length is unknown."""
    stream.seek(0)
    mime = sniff(stream.read(_HEAD))
    if mime is None:
        raise _refuse(name)
    stream.seek(0)
    try:
        import av
    except ImportError:  # the media extra is not installed: the signature is all we can check
        return MediaFacts(mime, None, mime.startswith("video/"))
    try:
        with av.open(stream, mode="r") as container:
            audio = len(container.streams.audio)
            video = len(container.streams.video)
            duration = container.duration  # microseconds (av.time_base), or None
    except (av.FFmpegError, ValueError, EOFError, OSError):
        raise _refuse(name) from None
    finally:
        stream.seek(0)
    if not audio and not video:
        raise _refuse(name)
    if video and mime.startswith("audio/mp4"):
        mime = "video/mp4"
    if not video and mime in ("video/mp4", "video/webm", "video/x-matroska"):
        mime = "audio/" + mime.split("/", 1)[1].replace("x-matroska", "webm")
    duration_ms = int(duration // 1000) if duration is not None and duration > 0 else None
    return MediaFacts(mime, duration_ms, bool(video))
