"""Make the recordings the transcription bench reads, into build/transcribe/ (never into the repository).

1. ``espeak-interview.wav``: a two-minute interview spoken by espeak-ng, two different voices taking
   turns (an American interviewer, a British participant), with the text of every turn known, so the
   word error rate and who-spoke-when are known exactly. ``espeak-interview.json`` holds the turns.
2. ``librivox/``: the real recorded speech the pocketsphinx source package ships (five LibriVox clips of
   *Sense and Sensibility* read by one reader, with their transcriptions, under test/data/librivox),
   fetched with ``pip download pocketsphinx --no-binary pocketsphinx --no-deps`` (bench time only:
   cotheme itself never downloads anything).
3. ``two-voices.wav``: those five clips alternating with a second real voice from the same package (the
   CMU recordings of playing cards, ``test/data/cards``), 0.7 s of silence between turns, as an interview
   would alternate; ``two-voices.json`` says who speaks when.

Usage: python bench/make_interview_audio.py [--out build/transcribe]
Needs espeak-ng and sox (scripts/ensure-system-tools.sh) and PyAV (cotheme[transcribe]).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import wave
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cotheme.services.transcribe_audio import RATE, decode  # noqa: E402

POCKETSPHINX = "pocketsphinx==5.1.1"
GAP_S = 0.7
INTERVIEWER, PARTICIPANT = "en-us", "en-gb+m3"
INTERVIEW = [
    "Thank you for agreeing to talk with me today. Could you start by telling me a little about yourself?",
    "Of course. I am forty two, I live with my partner and our two children, and I work part time in a library.",
    "When did you first notice that things were getting difficult for you?",
    "It was about three years ago. I stopped sleeping properly and I found it hard to get through a day at work.",
    "What did you do when you noticed that?",
    "At first nothing. I told myself it would pass. My partner was the one who said I should see somebody.",
    "How did that first appointment with your doctor go?",
    "Better than I expected. She listened to me and she did not rush me, which made a real difference.",
    "You mentioned that she listened. What did listening look like to you?",
    "She looked at me rather than the screen, and she asked what I thought would help, not just what was wrong.",
    "Were you offered any support after that appointment?",
    "I was put on a waiting list for talking therapy. The wait was nearly five months, which felt very long.",
    "How did you manage during those months?",
    "My sister helped a lot. She phoned every evening, and a friend told me about a peer support group in town.",
    "Tell me about the peer support group. What was the first meeting like?",
    "I was nervous walking in. But everyone had been through something similar, so I did not have to explain.",
    "What has changed for you since you started going?",
    "I feel less alone. I still have bad weeks, but I know there is a place where people understand.",
    "Is there anything that services could do better, in your view?",
    "Shorter waits, and fewer forms. Every time I saw someone new I had to tell my whole story again.",
    "Thank you. Is there anything else you would like to add before we finish?",
    "Only that being listened to matters more than people think. That is what kept me going.",
]


def say(text: str, voice: str, target: Path) -> None:
    subprocess.run(["espeak-ng", "-v", voice, "-s", "155", "-w", str(target), text], check=True)


def read_samples(path: Path) -> np.ndarray:
    return decode(path.name, path.read_bytes())


def write_wav(path: Path, samples: np.ndarray) -> None:
    pcm = np.clip(samples * 32767, -32768, 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm.tobytes())


def join(pieces: list[tuple[str, str, np.ndarray]], wav: Path) -> list[dict[str, object]]:
    """Write the pieces one after another with a gap; return each turn's speaker, text and times (ms)."""
    gap = np.zeros(int(GAP_S * RATE), np.float32)
    out, turns, at = [], [], 0
    for speaker, text, samples in pieces:
        turns.append({"speaker": speaker, "text": text, "start_ms": at * 1000 // RATE,
                      "end_ms": (at + len(samples)) * 1000 // RATE})
        out += [samples, gap]
        at += len(samples) + len(gap)
    write_wav(wav, np.concatenate(out))
    return turns


def make_espeak(out: Path) -> None:
    pieces = []
    for n, text in enumerate(INTERVIEW):
        voice = INTERVIEWER if n % 2 == 0 else PARTICIPANT
        part = out / f"turn-{n}.wav"
        say(text, voice, part)
        pieces.append(("interviewer" if n % 2 == 0 else "participant", text, read_samples(part)))
        part.unlink()
    turns = join(pieces, out / "espeak-interview.wav")
    (out / "espeak-interview.json").write_text(json.dumps(turns, indent=1))


def fetch_pocketsphinx(out: Path) -> Path:
    """The pocketsphinx source package's test data folder, downloaded once into ``out``."""
    data = out / "pocketsphinx-data"
    if data.is_dir():
        return data
    subprocess.run([sys.executable, "-m", "pip", "download", POCKETSPHINX, "--no-binary", "pocketsphinx",
                    "--no-deps", "--quiet", "-d", str(out)], check=True)
    sdist = next(out.glob("pocketsphinx-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        members = [m for m in archive.getmembers() if "/test/data/librivox/" in m.name or "/test/data/cards/" in m.name]
        archive.extractall(out / "unpacked", members=members, filter="data")
    found = next((out / "unpacked").glob("pocketsphinx-*/test/data"))
    found.rename(data)
    return data


def make_real(out: Path) -> None:
    data = fetch_pocketsphinx(out)
    clips = sorted((data / "librivox").glob("*.wav"))
    reference = {c.name: (c.with_suffix(".txt")).read_text().strip() for c in clips}
    (out / "librivox.json").write_text(json.dumps({str(c): reference[c.name] for c in clips}, indent=1))
    cards = sorted((data / "cards").glob("*.wav"))
    said = {}
    for line in (data / "cards" / "cards.transcription").read_text().splitlines():
        text, _, ident = line.rpartition("(")
        said[ident.strip(") ")] = text.replace("<s>", "").replace("</s>", "").strip()
    pieces = []
    for clip, card in zip(clips, cards, strict=False):
        pieces.append(("reader", reference[clip.name], read_samples(clip)))
        pieces.append(("cards", said[card.stem], read_samples(card)))
    turns = join(pieces, out / "two-voices.wav")
    (out / "two-voices.json").write_text(json.dumps(turns, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="build/transcribe")
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    make_espeak(out)
    make_real(out)
    print(json.dumps({"made": sorted(p.name for p in out.glob("*.wav"))}))


if __name__ == "__main__":
    main()
