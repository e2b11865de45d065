"""Recordings of interviews: what one is (``RecordingInfo``), the media types cotheme keeps, and the
time span a stretch of transcript covers, read from its turns' start and end times.

Pure: no I/O, no SQL. The bytes themselves live in the project store (``storage/recordings.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from cotheme.domain.documents import Turn

#: The file types a recording may be, by extension, with the media type it is served as.
MEDIA_TYPES: dict[str, str] = {
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".flac": "audio/flac",
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".mkv": "video/x-matroska",
}


@dataclass(frozen=True, slots=True)
class RecordingInfo:
    """The recording linked to a document: its name, media type, size, length and content hash."""

    id: int
    document_id: int
    filename: str
    mime: str
    size_bytes: int
    duration_ms: int | None
    sha256: str
    created_at: datetime

    @property
    def is_video(self) -> bool:
        return self.mime.startswith("video/")


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """Where in the recording a stretch of text was said (milliseconds from the start)."""

    start_ms: int
    end_ms: int


def span_of(turns: Iterable[Turn], start: int, end: int) -> TimeSpan | None:
    """The time span of the text ``[start, end)``: from the start of the first timed turn it touches to
    the end of the last; ``None`` when no turn it touches has times."""
    first: int | None = None
    last: int | None = None
    for turn in turns:
        touches = turn.start < end and start < turn.end or (start == end and turn.start <= start <= turn.end)
        if not touches or turn.t_start_ms is None:
            continue
        first = turn.t_start_ms if first is None else min(first, turn.t_start_ms)
        stop = turn.t_end_ms if turn.t_end_ms is not None else turn.t_start_ms
        last = stop if last is None else max(last, stop)
    if first is None or last is None:
        return None
    return TimeSpan(first, max(first, last))


def format_ms(ms: int) -> str:
    """``ms`` as ``H:MM:SS`` (or ``M:SS`` under an hour), as players show times."""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
