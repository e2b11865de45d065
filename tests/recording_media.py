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


def encoded(path: Path, codec: str, seconds: float = 2.0, *, video: bool = False, rate: int = 16000) -> Path:
    """A recording encoded with PyAV (FFmpeg from its wheel): ``codec`` audio (``aac`` in .m4a/.mp4,
    ``libopus`` in .ogg/.webm, ``libmp3lame`` in .mp3, ``flac``), with a small ``mpeg4`` picture when
    ``video``. Samples are a quiet tone, built without numpy."""
    import av

    with av.open(str(path), "w") as out:
        audio = out.add_stream(codec, rate=48000 if codec == "libopus" else rate, layout="mono")
        picture = None
        if video:
            picture = out.add_stream("mpeg4", rate=10)
            picture.width, picture.height, picture.pix_fmt = 64, 48, "yuv420p"
        per = audio.codec_context.frame_size or 1024
        total = int(seconds * audio.rate)
        fmt = audio.codec_context.format.name
        for start in range(0, total, per):
            frame = av.AudioFrame(format=fmt, layout="mono", samples=per)
            frame.rate = audio.rate
            frame.pts = start
            width = frame.format.bytes
            samples = [int(3000 * math.sin(2 * math.pi * 440 * (start + i) / audio.rate)) for i in range(per)]
            if fmt.startswith("flt"):
                raw = b"".join(struct.pack("<f", s / 32768) for s in samples)
            elif fmt.startswith("s32"):
                raw = b"".join(struct.pack("<i", s << 16) for s in samples)
            else:
                raw = b"".join(struct.pack("<h", s) for s in samples)
            frame.planes[0].update(raw[: per * width])
            for packet in audio.encode(frame):
                out.mux(packet)
        for packet in audio.encode(None):
            out.mux(packet)
        if picture is not None:
            for n in range(int(seconds * 10)):
                frame = av.VideoFrame(64, 48, "yuv420p")
                for plane in frame.planes:
                    plane.update(bytes([128]) * plane.buffer_size)
                frame.pts = n
                for packet in picture.encode(frame):
                    out.mux(packet)
            for packet in picture.encode(None):
                out.mux(packet)
    return path
