"""Recordings as sound: which files are recordings, and decoding one to 16 kHz mono samples.

Owns the recording file types transcribed (``.wav .mp3 .m4a .ogg .flac .mp4 .webm``), and
decoding with PyAV (FFmpeg's decoders and resampler shipped inside its wheel: no system ffmpeg, no
temporary file) to the 16 kHz mono float32 samples Whisper and the speaker encoder read. A file that
does not decode is refused with one sentence naming it. PyAV and numpy are imported only when a
recording is decoded.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import PurePath
from typing import Any

from cotheme.errors import Cancelled, InputError

RATE = 16_000
EXTENSIONS = (".wav", ".mp3", ".m4a", ".ogg", ".flac", ".mp4", ".webm")


def is_recording(name: str) -> bool:
    return PurePath(name).suffix.lower() in EXTENSIONS


def decode(name: str, data: bytes, cancelled: Callable[[], bool] = lambda: False) -> Any:
    """The recording's first audio stream as 16 kHz mono float32 samples (a numpy array)."""
    import av
    import numpy as np

    chunks: list[Any] = []
    try:
        with av.open(BytesIO(data), mode="r", metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise InputError(f"{name}: has no sound to transcribe; check that it is the interview's recording.")
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
                if cancelled():
                    break
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except av.error.FFmpegError as exc:
        raise InputError(
            f"{name}: could not be read as a recording ({exc.strerror or 'unknown format'}); "
            "save it as .wav, .mp3, .m4a, .ogg, .flac, .mp4 or .webm and import again."
        ) from None
    if cancelled():
        raise Cancelled("The transcription was stopped; nothing was imported.")
    samples = np.concatenate(chunks).astype(np.float32, copy=False) if chunks else np.zeros(0, np.float32)
    if samples.size < RATE // 2:
        raise InputError(f"{name}: holds less than half a second of sound; there is nothing to transcribe.")
    return samples
