"""De-identification probe: hand-written sentences with the real-world forms of the kinds the detector
was weakest at (postcodes, NHS and hospital numbers, workplaces, streets, dates, e-mail addresses,
health organisations), said the way UK interview transcripts say them, and look-alikes that must not
be flagged. Written from how people write and speak, not from any evaluation part's files.

A probe sentence marks its identifier with [[...]]; it is found when candidates cover 80 % of it
(as ``deid_eval`` scores). A negative sentence has ``!!`` spans that no candidate may touch.

    PYTHONPATH=src python bench/deid_probe.py [--no-model] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deid_probe_later import NEGATIVE_B, NEGATIVE_C, NEGATIVE_D, POSITIVE_B, POSITIVE_C, POSITIVE_D  # noqa: E402
from deid_probe_fifth import NEGATIVE_E, NEGATIVE_F, NEGATIVE_G, POSITIVE_E, POSITIVE_F, POSITIVE_G  # noqa: E402
from deid_probe_sets import NEGATIVE, POSITIVE  # noqa: E402

from cotheme.services.deid_detect import detect  # noqa: E402


def _spans(marked: str, open_: str, close: str) -> tuple[str, list[tuple[int, int]]]:
    text, spans, at = "", [], 0
    pattern = re.compile(re.escape(open_) + r"(.*?)" + re.escape(close))
    for m in pattern.finditer(marked):
        text += marked[at:m.start()]
        spans.append((len(text), len(text) + len(m.group(1))))
        text += m.group(1)
        at = m.end()
    return text + marked[at:], spans


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    hit = {i for a, b in spans for i in range(max(a, start), min(b, end))}
    return len(hit) / max(1, end - start)


def run(use_model: bool, which: str = "a") -> dict[str, object]:
    positive, negative = {"a": (POSITIVE, NEGATIVE), "b": (POSITIVE_B, NEGATIVE_B), "c": (POSITIVE_C, NEGATIVE_C),
                          "d": (POSITIVE_D, NEGATIVE_D), "e": (POSITIVE_E, NEGATIVE_E),
                          "f": (POSITIVE_F, NEGATIVE_F), "g": (POSITIVE_G, NEGATIVE_G)}[which]
    per_kind: dict[str, list[int]] = defaultdict(list)
    misses: list[str] = []
    for kind, cases in positive.items():
        for marked in cases:
            text, gold = _spans(marked, "[[", "]]")
            cands = [(c.start, c.end) for c in detect(text, [(0, len(text))], [], use_model=use_model)]
            for start, end in gold:
                ok = _covered(start, end, cands) >= 0.8
                per_kind[kind].append(int(ok))
                if not ok:
                    misses.append(f"{kind}: {text[start:end]!r} in {text!r}")
    false_positives = []
    for marked in negative:
        text, bad = _negative(marked)
        for c in detect(text, [(0, len(text))], [], use_model=use_model):
            if any(a < c.end and c.start < b for a, b in bad):
                false_positives.append(f"{c.kind.value}/{c.source}: {c.text!r} in {text!r}")
    recall = {k: round(sum(v) / len(v), 3) for k, v in per_kind.items()}
    hits = [x for v in per_kind.values() for x in v]
    return {"recall": recall, "overall_recall": round(sum(hits) / len(hits), 3), "gold": len(hits),
            "negatives": len(negative), "false_positives": false_positives, "misses": misses}


def _negative(marked: str) -> tuple[str, list[tuple[int, int]]]:
    parts = marked.split("!!")
    text, spans = "", []
    for i, part in enumerate(parts):
        if i % 2:
            spans.append((len(text), len(text) + len(part)))
        text += part
    return text, spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--set", choices=["a", "b", "c", "d", "e", "f", "g"], default="a",
                        help="a: the forms the rules were written on; b, c, d: written after the first, third and last batch; e: the fifth round's ages, links, places, names and services; f, g: written after them, as checks")
    parser.add_argument("--show", action="store_true", help="print the misses and false positives")
    args = parser.parse_args()
    result = run(not args.no_model, args.set)
    print(json.dumps({k: v for k, v in result.items() if k not in ("misses", "false_positives")}))
    print("false positives:", len(result["false_positives"]))  # type: ignore[arg-type]
    if args.show:
        print("\n".join(["misses:", *result["misses"], "false positives:", *result["false_positives"]]))  # type: ignore[list-item]


if __name__ == "__main__":
    main()
