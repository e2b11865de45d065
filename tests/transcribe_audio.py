"""A short spoken interview for the transcription tests: two espeak-ng voices taking turns, with the
text known, so what the transcript should say and who should say it is known too."""

from __future__ import annotations

import re
from pathlib import Path

from tests.recording_media import spoken_wav

INTERVIEW = [
    ("en-us", "Thank you for coming in today. How did you first hear about the support group?"),
    ("en-gb+m3", "My sister told me about it. She had been going every week for a year."),
    ("en-us", "What was the first meeting like for you?"),
    ("en-gb+m3", "I was nervous, but people listened to me and nobody rushed me."),
]


def interview_wav(folder: Path, name: str = "interview.wav") -> tuple[Path, list[tuple[int, int]]]:
    """The interview spoken into ``folder/name``, with each line's (start, end) in milliseconds."""
    path = folder / name
    return path, spoken_wav(path, INTERVIEW)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word-level edit distance over the reference's length."""
    ref, hyp = words(reference), words(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1] / max(1, len(ref))
