"""Recordings made for tests: a WAV written with the standard library (a tone whose samples make
every byte position recognisable), and a spoken one made with espeak-ng."""

from __future__ import annotations

import math
import shutil
import struct
import subprocess
import wave
from pathlib import Path


def tone_wav(path: Path, seconds: float, rate: int = 16000) -> Path:
    """A mono 16-bit WAV of ``seconds`` of a 440 Hz tone with a slow sweep (no two chunks alike)."""
    frames = int(seconds * rate)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        samples = (int(12000 * math.sin(2 * math.pi * (440 + i / rate) * i / rate)) for i in range(frames))
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return path


def spoken_wav(path: Path, lines: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """Speak each (voice, text) with espeak-ng into one WAV at ``path``; each line's (start, end) ms."""
    espeak, sox = shutil.which("espeak-ng"), shutil.which("sox")
    assert espeak and sox, "the tests need espeak-ng and sox (scripts/ensure-system-tools.sh installs them)"
    parts: list[Path] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for n, (voice, text) in enumerate(lines):
        part = path.with_name(f"{path.stem}-{n}.wav")
        subprocess.run([espeak, "-v", voice, "-w", str(part), text], check=True)
        with wave.open(str(part), "rb") as clip:
            ms = clip.getnframes() * 1000 // clip.getframerate()
        spans.append((at, at + ms))
        at += ms
        parts.append(part)
    subprocess.run([sox, *map(str, parts), str(path)], check=True)
    for part in parts:
        part.unlink()
    return spans
