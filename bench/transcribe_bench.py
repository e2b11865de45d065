"""Transcription figures, printed as JSON: real-time factor, word error rate, peak memory and speaker-turn
accuracy for each Whisper model cotheme ships (tiny.en and base), on data nothing was tuned on.

Reads what bench/make_interview_audio.py made in build/transcribe (run it first):
- the espeak-ng interview (two synthetic voices, text known): WER and speaker-turn accuracy;
- the five LibriVox clips from the pocketsphinx source package (real read speech): WER;
- the real two-voice mix (LibriVox reader alternating with the CMU playing-cards speaker): speaker-turn
  accuracy.

Each (model, recording) runs in a fresh child process, so its peak memory (ru_maxrss) is its own and
includes loading the model. RTF = seconds spent transcribing (Whisper + telling speakers apart, model
already loaded) / seconds of sound; cpu_s_per_s = CPU seconds the process used per second of sound
(on a shared machine the wall clock waits for other work; on an idle one RTF is about this over the
number of threads). Baselines printed beside: WER of an empty transcript is 1.0; the
speaker-turn accuracy of labelling every turn "Speaker 1" is the share of the commonest speaker.

Usage: python bench/transcribe_bench.py [--data build/transcribe] [--models tiny.en,base]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

BUDGET_RTF = {"tiny.en": 0.15, "base": 0.3}
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _number(match: re.Match[str]) -> str:
    n = int(match.group())
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    return match.group()


def normalise(text: str) -> list[str]:
    """Lower case, numbers under 100 as words, hyphens as spaces, punctuation dropped."""
    text = re.sub(r"\d+", _number, text.lower().replace("-", " "))
    return re.findall(r"[a-z']+", text)


def wer(reference: str, hypothesis: str) -> float:
    ref, hyp = normalise(reference), normalise(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1] / max(1, len(ref))


def turn_accuracy(reference: list[dict], turns: list[tuple[str, int, int]]) -> dict[str, float]:
    """Per reference turn, the hypothesis speaker overlapping it most; share right under the best
    mapping of hypothesis labels to true speakers. Also the same weighted by time overlapped."""
    truth = sorted({t["speaker"] for t in reference})
    labels = sorted({s for s, _, _ in turns})
    best_turns, best_time = 0.0, 0.0
    total_time = sum(t["end_ms"] - t["start_ms"] for t in reference)
    for perm in itertools.permutations(truth, min(len(truth), len(labels))) if labels else [()]:
        mapping = dict(zip(labels, perm))
        right_turns, right_time = 0, 0
        for ref in reference:
            overlap: dict[str, int] = {}
            for label, start, end in turns:
                shared = min(end, ref["end_ms"]) - max(start, ref["start_ms"])
                if shared > 0:
                    overlap[label] = overlap.get(label, 0) + shared
            if overlap and mapping.get(max(overlap, key=overlap.get)) == ref["speaker"]:
                right_turns += 1
            right_time += sum(v for k, v in overlap.items() if mapping.get(k) == ref["speaker"])
        best_turns = max(best_turns, right_turns / len(reference))
        best_time = max(best_time, right_time / total_time)
    commonest = max(sum(1 for t in reference if t["speaker"] == s) for s in truth) / len(reference)
    return {"speaker_turn_accuracy": round(best_turns, 3), "speaker_time_accuracy": round(best_time, 3),
            "baseline_one_speaker": round(commonest, 3)}


def run_one(model: str, wav: str, speakers: int) -> dict:
    """In the child: load, transcribe, report (times, text, turns, own peak memory)."""
    import numpy as np

    from cotheme.services import transcribe_audio, transcription

    paths = wav.split(",")
    pieces = [transcribe_audio.decode(Path(p).name, Path(p).read_bytes()) for p in paths]
    gap = np.zeros(int(0.7 * transcribe_audio.RATE), np.float32)
    samples = np.concatenate([x for piece in pieces for x in (piece, gap)]) if len(pieces) > 1 else pieces[0]
    began = time.perf_counter()
    transcription._whisper(transcription.transcribe_model.locate(model))
    loaded, cpu = time.perf_counter(), time.process_time()
    marks: dict[str, float] = {}

    def mark(step: transcription.Step) -> None:
        marks.setdefault(step.stage, time.perf_counter())

    parsed = transcription.transcribe_samples(samples, "bench.wav", speakers=speakers, model=model, progress=mark)
    done, cpu = time.perf_counter(), time.process_time() - cpu
    texts = list(parsed.turn_texts())
    return {
        "seconds": round(len(samples) / transcribe_audio.RATE, 2),
        "load_s": round(loaded - began, 2), "transcribe_s": round(done - loaded, 2), "cpu_s": round(cpu, 2),
        "speakers_s": round(done - marks.get("speakers", done), 2),
        "text": " ".join(texts),
        "turns": [(t.speaker, t.t_start_ms, t.t_end_ms) for t in parsed.iter_turns()],
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def child(model: str, wav: str, speakers: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", model, wav, str(speakers)], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="build/transcribe")
    parser.add_argument("--models", default="tiny.en,base")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child[0], args.child[1], int(args.child[2]))))
        return
    data = Path(args.data)
    interview = json.loads((data / "espeak-interview.json").read_text())
    mix = json.loads((data / "two-voices.json").read_text())
    librivox = json.loads((data / "librivox.json").read_text())
    results: dict[str, object] = {
        "machine": f"{os.cpu_count()} cores; load average (1 min) at start {os.getloadavg()[0]:.2f}",
        "threads": min(os.cpu_count() or 1, 8),
    }
    for model in args.models.split(","):
        one = child(model, str(data / "espeak-interview.wav"), 2)
        real = child(model, ",".join(librivox), 1)
        two = child(model, str(data / "two-voices.wav"), 2)
        spoken = one["seconds"] + real["seconds"] + two["seconds"]
        spent = one["transcribe_s"] + real["transcribe_s"] + two["transcribe_s"]
        results[model] = {
            "rtf": round(spent / spoken, 3), "rtf_budget": BUDGET_RTF.get(model),
            "rtf_each": {"espeak": round(one["transcribe_s"] / one["seconds"], 3),
                         "librivox": round(real["transcribe_s"] / real["seconds"], 3),
                         "two_voices": round(two["transcribe_s"] / two["seconds"], 3)},
            "cpu_s_per_s": round((one["cpu_s"] + real["cpu_s"] + two["cpu_s"]) / spoken, 3),
            "speakers_s": {"espeak": one["speakers_s"], "two_voices": two["speakers_s"]},
            "load_s": one["load_s"],
            "wer_espeak_interview": round(wer(" ".join(t["text"] for t in interview), one["text"]), 3),
            "wer_librivox": round(wer(" ".join(librivox.values()), real["text"]), 3),
            "wer_baseline_empty": 1.0,
            "espeak_speakers": turn_accuracy(interview, [tuple(t) for t in one["turns"]]),
            "two_voices_speakers": turn_accuracy(mix, [tuple(t) for t in two["turns"]]),
            "peak_mb": max(one["peak_mb"], real["peak_mb"], two["peak_mb"]),
            "seconds_of_sound": round(spoken, 1),
        }
    results["load_at_end"] = round(os.getloadavg()[0], 2)  # above about 1 on 2 cores, RTF waits for other work
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
