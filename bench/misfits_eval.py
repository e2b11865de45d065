"""Misfit flags on human-coded data: plant passages of other codes into each code and count how many of
them the list puts in its top 5, beside a random order; prints JSON.

Data (read from ``../shared/data/coded-datasets`` and the demo study, never copied):

* ``demo``: the fictional demo study's codings (code definitions as the demo writes them).
* ``nhs``: NHS Friends-and-Family-Test comments with the v6 categories (multi-label), the definitions of
  ``assist_eval.py``; categories with at least 25 comments, a sample of comments per category.
* ``pdpilot``: the parsed MAXQDA segments of the PDPilot interviews; cards are the code paths.

For each code with at least ``--min`` passages: ``--keep`` of its own passages (at most), plus
``--plant`` passages drawn from other codes (never labelled with it) and taken out of their own code, as
if a coder had filed them under the wrong code. Every code's profile is rebuilt from that, and the code's
passages are ranked least-fitting first by each method:

* ``random``: a random order (the baseline; its precision and recall are expectations, exact).
* ``own``: the own code's leave-one-out fit alone (lowest first).
* ``margin`` (**cotheme**): nearest other code's fit minus the own fit (``assist_misfits``).

Precision@5 = planted passages in the top 5 / 5; recall@5 = planted in the top 5 / planted. Codes are
split in two halves by a fixed seed: choices (method, prior) are made on ``tune`` only and ``report`` is
the held-out half.

    .venv/bin/python bench/misfits_eval.py [--plant 2] [--keep 20] [--trials 3] [--out bench/out/misfits_eval.json]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from assist_eval import NHS, PDPILOT, V6, Cached, _card  # noqa: E402 - the bench's own loaders

from cotheme.services import assist_model  # noqa: E402
from cotheme.services.assist_misfits import fits, margins  # noqa: E402

from figures_out import emit

TOP = 5
PRIORS = (1.0, 3.0, 10.0)


def demo_data(enc: Cached) -> tuple[list[str], np.ndarray, list[np.ndarray], list[set[int]]]:
    """Codes (cards), passage vectors and each passage's codes, from the demo study."""
    from cotheme.services.demo import build_demo

    with tempfile.TemporaryDirectory() as folder:
        project = build_demo(Path(folder) / "demo.cotheme")
        codes = [c.code for c in project.codes.list()]
        extracts = project.codings.list()
        project.close()
    index = {c.path_text: i for i, c in enumerate(codes)}
    cards = [". ".join(p for p in (c.name + (f" ({' / '.join(c.path[:-1])})" if len(c.path) > 1 else ""),
                                    c.definition, c.inclusion, c.example) if p) for c in codes]
    labels: dict[str, set[int]] = defaultdict(set)
    for e in extracts:
        labels[" ".join(e.text.split())].add(index[e.code_path])
    texts = list(labels)
    return cards, enc.encode(cards), [enc.encode(texts)], [labels[t] for t in texts]


def nhs_data(enc: Cached, per_code: int, seed: int) -> tuple[list[str], np.ndarray, list[np.ndarray], list[set[int]]]:
    with NHS.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if (r.get("FFT answer") or "").strip()]
    names = [n for n in V6 if sum(r.get(n) == "1" for r in rows) >= 25]
    rng = random.Random(seed)
    chosen: set[int] = set()
    for n in names:  # a sample per category: up to per_code comments of each
        own = [i for i, r in enumerate(rows) if r.get(n) == "1"]
        chosen.update(rng.sample(own, min(per_code, len(own))))
    kept = sorted(chosen)
    texts = [rows[i]["FFT answer"] for i in kept]
    labels = [{c for c, n in enumerate(names) if rows[i].get(n) == "1"} for i in kept]
    cards = [f"{n}: {V6[n]}" for n in names]
    return cards, enc.encode(cards), [enc.encode(texts)], labels


def pdpilot_data(enc: Cached) -> tuple[list[str], np.ndarray, list[np.ndarray], list[set[int]]]:
    with PDPILOT.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = sorted({r["code_path"] for r in rows})
    index = {n: i for i, n in enumerate(names)}
    labels: dict[str, set[int]] = defaultdict(set)
    for r in rows:
        labels[" ".join(r["segment"].split())].add(index[r["code_path"]])
    texts = list(labels)
    cards = [_card(n.split(" > ")) for n in names]
    return cards, enc.encode(cards), [enc.encode(texts)], [labels[t] for t in texts]


def trial(card_vecs: np.ndarray, vecs: np.ndarray, labels: list[set[int]], code: int, keep: int, plant: int,
          rng: random.Random, prior: float) -> dict[str, tuple[float, float]] | None:
    """One code, one draw: (precision@5, recall@5) per method."""
    own = [i for i, l in enumerate(labels) if code in l]
    others = [i for i, l in enumerate(labels) if code not in l]
    if len(others) < plant:
        return None
    kept = rng.sample(own, min(keep, len(own)))
    planted = rng.sample(others, plant)
    # Every passage once, with one code: the planted ones filed under ``code`` only (miscoded), the rest
    # under each of their codes (``spans`` marks a passage coded with several).
    owners, rows, spans = [], [], []
    for i, l in enumerate(labels):
        if i in planted:
            owners.append(code), rows.append(i), spans.append(i)
        elif code in l and i not in kept:
            continue  # the code's passages not drawn are left out: the code has ``keep`` plus the planted
        else:
            for c in sorted(l):
                owners.append(c), rows.append(i), spans.append(i)
    own_fit, _nearest, nearest_fit = fits(card_vecs, vecs[rows], owners, spans, prior=prior)
    mine = np.flatnonzero(np.array(owners) == code)
    truth = np.array([rows[m] in planted for m in mine])
    out = {}
    for method, score in (("own", -own_fit[mine]), ("margin", margins(own_fit, nearest_fit)[mine])):
        top = np.argsort(-score, kind="stable")[:TOP]
        hits = int(truth[top].sum())
        out[method] = (hits / min(TOP, len(mine)), hits / plant)
    n = len(mine)
    expected = min(TOP, n) * plant / n  # planted among a random top 5, on average
    out["random"] = (expected / min(TOP, n), expected / plant)
    return out


def evaluate(name: str, cards: list[str], card_vecs: np.ndarray, vecs: np.ndarray, labels: list[set[int]],
             args: argparse.Namespace) -> dict[str, object]:
    eligible = [c for c in range(len(cards)) if sum(c in l for l in labels) >= args.min]
    order = eligible[:]
    random.Random(args.seed).shuffle(order)
    halves = {"tune": sorted(order[: len(order) // 2]), "report": sorted(order[len(order) // 2:])}
    result: dict[str, object] = {"passages": len(labels), "codes": len(cards), "codes_evaluated": len(eligible),
                                 "split": {k: len(v) for k, v in halves.items()}}
    for half, codes in halves.items():
        per_prior: dict[str, object] = {}
        for prior in PRIORS:
            sums: dict[str, list[tuple[float, float]]] = defaultdict(list)
            for t in range(args.trials):
                for code in codes:
                    got = trial(card_vecs, vecs, labels, code, args.keep, args.plant,
                                random.Random(args.seed * 1000 + t * 100 + code), prior)
                    for method, pr in (got or {}).items():
                        sums[method].append(pr)
            per_prior[f"prior={prior:g}"] = {
                m: {"precision@5": round(float(np.mean([p for p, _ in v])), 3),
                    "recall@5": round(float(np.mean([r for _, r in v])), 3), "draws": len(v)}
                for m, v in sorted(sums.items())}
        result[half] = per_prior
    print(f"{name}: done", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plant", type=int, default=2, help="Passages of other codes planted per code.")
    parser.add_argument("--keep", type=int, default=20, help="At most this many of the code's own passages.")
    parser.add_argument("--min", type=int, default=4, help="Codes with at least this many passages are evaluated.")
    parser.add_argument("--trials", type=int, default=3, help="Draws per code.")
    parser.add_argument("--nhs-per-code", type=int, default=60, help="NHS comments sampled per category.")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--data", default="demo,nhs,pdpilot")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    enc = Cached(assist_model.load(), None)
    loaders = {"demo": lambda: demo_data(enc), "nhs": lambda: nhs_data(enc, args.nhs_per_code, args.seed),
               "pdpilot": lambda: pdpilot_data(enc)}
    report: dict[str, object] = {"model": enc.enc.name, "plant": args.plant, "keep": args.keep, "top": TOP,
                                 "trials": args.trials, "min": args.min}
    for name in args.data.split(","):
        cards, card_vecs, (vecs,), labels = loaders[name]()
        report[name] = evaluate(name, cards, card_vecs, vecs, labels, args)
    report["seconds"] = round(time.perf_counter() - started, 1)
    emit(report, args.out)


if __name__ == "__main__":
    main()
