"""Quality of coding suggestions on human-coded data, labels hidden; prints JSON.

Data (read from ``../shared/data/coded-datasets``, never copied):

* ``nhs``: NHS Friends-and-Family-Test comments coded by people with the "v6" framework
  (multi-label); categories with fewer than ``--min-count`` comments are left out; the short
  definitions below were written here from the category names.
* ``pdpilot``: the MAXQDA coded segments of the PDPilot interviews (parsed CSV, 262 rows, 76 codes,
  most with 1-3 segments); cards are the code paths only (the export has no definitions).

Protocol, for k = 1, 2, 5 and 20 examples per code: every code with more than k passages is in play
with k of its passages (drawn at random) as its examples; every other passage carrying a code in play
is a test passage (a passage drawn as an example of any code is never tested). Top-1 / top-3: the
first suggestion, or one of the first three, is among the passage's human codes; kappa: Cohen's kappa
per code between "the first suggestion is this code" and "people coded it", averaged over codes.

Test passages are split in two: **tune** (NHS: a random half of the comments; PDPilot: interviews
P1, P3 and P5) and **test** (the rest). Methods and their weights were chosen on the tune split only;
the test split is what docs/assist.md reports.

Methods: (a) ``baseline`` - cosine with the code's name plus cosine with the mean of its examples, same
weights; (b) ``before`` - the ranking cotheme shipped before (card and examples blended, card calibrated
per code, ``assist_rank.Profiles``); (c) ``cotheme`` - ``assist_heads.Ranker`` (prototype of card and
examples with equal weights, plus ridge heads trained on the examples and cards). ``--grid`` adds the
variants tried while tuning. ``--distractors`` adds 5 codes per real code that cannot be suggested
(half folders marked not codable, half codes with neither definition nor example) and scores (b) and
(c) again with them in the codebook.

    .venv/bin/python bench/assist_eval.py --cache [--grid] [--distractors] [--out bench/out/assist_eval.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cotheme.services import assist_model
from cotheme.services.assist_heads import Candidate, Ranker, suggestible
from cotheme.services.assist_rank import Profiles, Weights, unit

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "coded-datasets"
NHS = DATA / "nhs-patient-experience" / "v6framework_230831.csv"
PDPILOT = DATA / "pdpilot-maxqda" / "pdpilot_coded_segments_parsed.csv"
KS = (1, 2, 5, 20)
TUNE_INTERVIEWS = {"P1", "P3", "P5"}

#: Short definitions of the v6 categories, written from their names for this evaluation.
V6 = {
    "Organisation & efficiency": "How well the service is organised and runs; delays, admin and mix-ups.",
    "Funding & use of financial resources": "Money, funding, cuts and how resources are spent.",
    "Staff manner & personal attributes": "Staff being kind, friendly, caring, polite, rude or unhelpful.",
    "Number & deployment of staff": "Enough staff or short staffed, staff overstretched and busy.",
    "Staff responsiveness": "Staff responding quickly to needs, calls and requests for help.",
    "Staff continuity": "Seeing the same staff member each time, or too many different people.",
    "Competence & training": "Staff skill, knowledge, professionalism and training.",
    "Unspecified communication": "Communication in general, good or poor, without saying what.",
    "Staff listening, understanding & involving patients": "Staff listening, understanding and involving the patient in decisions.",
    "Information directly from staff during care": "Staff explaining what they are doing and why during care.",
    "Information provision & guidance": "Leaflets, advice, guidance and information given about services or conditions.",
    "Being kept informed, clarity & consistency of information": "Being kept up to date, clear and consistent information, updates about waits.",
    "Contacting services": "Getting through on the phone, contacting the service, answering calls.",
    "Appointment arrangements": "Booking, cancelling, rescheduling and the timing of appointments.",
    "Appointment method": "Appointments by phone, video or in person.",
    "Timeliness of care": "Waiting times, arriving on time, quick or slow care and long waits.",
    "Pain management": "Pain relief and handling the patient's pain.",
    "Diagnosis & triage": "Assessment, diagnosis, triage and tests.",
    "Referals & continuity of care": "Referrals between services and care carrying on between them.",
    "Discharge": "Leaving hospital or the service, discharge planning.",
    "Care plans": "The patient's care plan, its review and being followed.",
    "Patient records": "Notes and records about the patient, errors in them, sharing them.",
    "Cleanliness, tidiness & infection control": "Clean, tidy or dirty places and vehicles, hygiene, infection control.",
    "Provision of medical equipment": "Medical equipment and aids provided.",
    "Service location": "Where the service is, how far away, convenient location.",
    "Transport to/ from services": "Patient transport, ambulance or car journeys to and from appointments, drivers and crew.",
    "Parking": "Car parking at the service.",
    "Electronic entertainment": "TV, radio, wifi and gadgets on the ward.",
    "Feeling safe": "Feeling safe or unsafe, security, violence on the ward.",
    "Mental Health Act": "Being detained or sectioned under the Mental Health Act, leave and rights.",
    "Equality, Diversity & Inclusion": "Fair treatment whatever a person's race, religion, gender, disability; discrimination.",
    "Admission": "Being admitted to hospital or a ward.",
    "Labelling not possible": "Too short or unclear to tell what it is about, e.g. 'nothing', 'n/a', 'no comment'.",
    "Environment & Facilities": "Buildings, wards, rooms, furniture, noise and comfort of the place.",
    "Supplying & understanding medication": "Medication supplied, explained, side effects and prescriptions.",
    "Activities & access to fresh air": "Activities, groups, things to do, going outside and fresh air.",
    "Food & drink provision & facilities": "Meals, food, drinks and kitchen facilities.",
    "Sensory experience": "Noise, light, smell and temperature.",
    "Impact of treatment/ care": "How the care helped or changed the patient's health, recovery and life.",
    "Interaction with family/ carers": "How staff involve, support or treat family members and carers.",
    "Negative experience & dissatisfaction": "A bad experience overall, complaints and dissatisfaction.",
    "Positive experience & gratitude": "A good experience overall, thanks and praise, excellent service.",
}




class Cached:
    """Vectors of texts already embedded by this model, kept in ``bench/out`` between runs (``--cache``)."""

    def __init__(self, enc: assist_model.Encoder, path: Path | None) -> None:
        self.enc, self.path, self.known = enc, path, {}
        if path is not None and path.is_file():
            with np.load(path) as data:
                self.known = dict(zip(data["texts"].tolist(), data["vectors"]))

    def encode(self, texts: list[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in self.known]
        if new:
            self.known.update(zip(new, self.enc.encode(new)))
        return np.array([self.known[t] for t in texts], np.float32).reshape(len(texts), -1)

    def save(self) -> None:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            np.savez(self.path, texts=np.array(list(self.known)), vectors=np.array(list(self.known.values())))


def _kappa(pred: np.ndarray, truth: np.ndarray) -> float | None:
    n = len(truth)
    if truth.sum() == 0:
        return None
    po = float((pred == truth).mean())
    pe = float(pred.mean() * truth.mean() + (1 - pred.mean()) * (1 - truth.mean()))
    return 0.0 if pe >= 1 else (po - pe) / (1 - pe) if n else None



def _metrics(scores: np.ndarray, labels: np.ndarray) -> dict[str, object]:
    order = np.argsort(-scores, axis=1)
    rows = np.arange(len(labels))
    top1 = labels[rows, order[:, 0]].astype(bool)
    top3 = labels[rows[:, None], order[:, :3]].any(axis=1)
    pred = np.zeros_like(labels)
    pred[rows, order[:, 0]] = 1
    kappas = [_kappa(pred[:, c], labels[:, c]) for c in range(labels.shape[1])]
    valid = [k for k in kappas if k is not None]
    return {"top1": round(float(top1.mean()), 3), "top3": round(float(top3.mean()), 3),
            "kappa": round(float(np.mean(valid)), 3) if valid else None}


@dataclass
class Dataset:
    names: list[str]  # what the baseline embeds: the code's own name
    cards: list[str]  # what cotheme embeds: name, parents, definition
    vecs: np.ndarray  # one row per distinct passage
    labels: np.ndarray  # passages x codes, 1 where people coded it
    tune: np.ndarray  # True for passages of the tuning split
    reference: np.ndarray  # passages "before" calibrates on


def nhs_data(enc: Cached, min_count: int, seed: int) -> Dataset:
    with NHS.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if (r.get("FFT answer") or "").strip()]
    names = [n for n in V6 if sum(r.get(n) == "1" for r in rows) >= min_count]
    labels = np.array([[r.get(n) == "1" for n in names] for r in rows], dtype=np.int8)
    keep = np.flatnonzero(labels.sum(axis=1) > 0)
    vecs = enc.encode([rows[i]["FFT answer"] for i in keep])
    tune = np.random.default_rng(seed).random(len(keep)) < 0.5
    reference = vecs[np.random.default_rng(seed + 1).choice(len(keep), 2000, replace=False)]
    return Dataset(names, [f"{n}. {V6[n]}" for n in names], vecs, labels[keep], tune, reference)


def pdpilot_data(enc: Cached) -> Dataset:
    with PDPILOT.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    paths = sorted({r["code_path"] for r in rows})
    index = {n: i for i, n in enumerate(paths)}
    by_text: dict[tuple[str, str], set[int]] = defaultdict(set)  # the same segment may carry several codes
    for r in rows:
        by_text[(r["document"], " ".join(r["segment"].split()))].add(index[r["code_path"]])
    keys = list(by_text)
    labels = np.zeros((len(keys), len(paths)), np.int8)
    for t, codes in enumerate(by_text.values()):
        labels[t, list(codes)] = 1
    vecs = enc.encode([text for _doc, text in keys])
    tune = np.array([doc in TUNE_INTERVIEWS for doc, _text in keys])
    cards = [_card(p.split(" > ")) for p in paths]
    return Dataset([p.split(" > ")[-1] for p in paths], cards, vecs, labels, tune, vecs)


def _draw(ds: Dataset, k: int, seed: int) -> tuple[np.ndarray, list[np.ndarray], np.ndarray]:
    """(codes in play, each one's example rows, test rows) for k examples per code."""
    in_play = np.flatnonzero(ds.labels.sum(axis=0) > k)
    chosen = [np.array(sorted(random.Random(seed + int(c)).sample(list(np.flatnonzero(ds.labels[:, c])), k)))
              for c in in_play]
    used = np.zeros(len(ds.labels), bool)
    for rows in chosen:
        used[rows] = True
    test = np.flatnonzero(~used & (ds.labels[:, in_play].sum(axis=1) > 0))
    return in_play, chosen, test


def _card(path: list[str]) -> str:
    """As cotheme writes a code's card when it has no definition: its name, then its parents'."""
    return path[-1] + (f" ({' / '.join(path[:-1])})" if len(path) > 1 else "")


def _distractors(names: list[str], dim: int, enc: Cached) -> tuple[list[str], list[Candidate]]:
    """Five codes per real code that must never be suggested: folders and codes with nothing to go by."""
    made, why = [], []
    for name in names:
        for i, pattern in enumerate(("{} (all)", "Theme: {}", "Other {}", "{} - general", "{} misc")):
            made.append(pattern.format(name))
            why.append(Candidate(codable=i % 2 == 1, parent_unused=i == 0, described=False, extracts=0))
    return made, why


def run(ds: Dataset, enc: Cached, k: int, seed: int, grid: bool, distractors: bool) -> dict[str, object]:
    in_play, chosen, test = _draw(ds, k, seed)
    name_vecs = enc.encode([ds.names[c] for c in in_play])
    card_vecs = enc.encode([ds.cards[c] for c in in_play])
    examples = [ds.vecs[rows] for rows in chosen]
    passages, labels = ds.vecs[test], ds.labels[test][:, in_play]
    means = unit(np.array([e.mean(axis=0) for e in examples], np.float32))
    methods: dict[str, np.ndarray] = {"a_baseline": 0.5 * (passages @ name_vecs.T) + 0.5 * (passages @ means.T)}
    before = Profiles(card_vecs, examples, Weights())
    before.calibrate(ds.reference)
    methods["b_before"] = before.scores(passages)
    methods["c_cotheme"] = Ranker(card_vecs, examples, background=ds.reference).scores(passages)
    if grid:
        methods["prototype(card+examples)"] = Ranker(card_vecs, examples, heads=0, refine=0).scores(passages)
        methods["prototype(name+examples)"] = Ranker(name_vecs, examples, heads=0, refine=0).scores(passages)
        methods["prototype+heads, no refinement"] = Ranker(card_vecs, examples, refine=0).scores(passages)
        bg = ds.reference
        for steps in (1, 3):
            for refine in (0.03, 0.1):
                methods[f"steps={steps},r={refine:g}"] = Ranker(card_vecs, examples, background=bg, steps=steps,
                                                               refine=refine).scores(passages)
        for card_z in (0.01, 0.03, 0.1):
            methods[f"card_z={card_z:g}"] = Ranker(card_vecs, examples, background=bg, card_z=card_z).scores(passages)
        for steps, card_z in ((3, 0.01), (3, 0.03)):
            methods[f"steps={steps},card_z={card_z:g}"] = Ranker(card_vecs, examples, background=bg, steps=steps,
                                                                card_z=card_z).scores(passages)
        for smooth in (0.25, 0.5, 1.0):
            methods[f"smooth={smooth:g}"] = Ranker(card_vecs, examples, background=bg, smooth=smooth).scores(passages)
    if distractors:
        extra, why = _distractors([ds.names[c] for c in in_play], passages.shape[1], enc)
        extra_vecs = enc.encode(extra)
        all_cards = np.vstack([card_vecs, extra_vecs])
        all_examples = examples + [np.zeros((0, passages.shape[1]), np.float32)] * len(extra)
        wide = np.hstack([labels, np.zeros((len(labels), len(extra)), labels.dtype)])
        before_d = Profiles(all_cards, all_examples, Weights())
        before_d.calibrate(ds.reference)
        methods["b_before+distractors"] = before_d.scores(passages)
        real = [Candidate(True, False, bool(ds.cards[c] != ds.names[c]), k) for c in in_play]
        keep = np.array([suggestible(c) for c in real + why])
        scores = np.full((len(passages), len(keep)), -np.inf, np.float32)
        scores[:, keep] = Ranker(all_cards[keep], [e for e, kept in zip(all_examples, keep) if kept],
                                 background=ds.reference).scores(passages)
        methods["c_cotheme+distractors"] = scores
        methods = {m: s for m, s in methods.items()}
        labels_for = {m: wide if s.shape[1] == wide.shape[1] else labels for m, s in methods.items()}
    else:
        labels_for = {m: labels for m in methods}
    split = ds.tune[test]
    out: dict[str, object] = {"codes": len(in_play), "tune_passages": int(split.sum()), "test_passages": int((~split).sum())}
    for name, part in (("tune", split), ("test", ~split)):
        out[name] = {m: _metrics(s[part], labels_for[m][part]) for m, s in methods.items()}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=25)
    parser.add_argument("--backend", choices=["onnx", "torch"], default=None)
    parser.add_argument("--only", choices=["nhs", "pdpilot"], default=None)
    parser.add_argument("--grid", action="store_true", help="Also the variants tried while tuning.")
    parser.add_argument("--distractors", action="store_true", help="Also with 5x codes that must not be suggested.")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--cache", action="store_true", help="Keep the vectors in bench/out between runs.")
    args = parser.parse_args()
    if args.backend:
        os.environ[assist_model.BACKEND_ENV] = args.backend
    started = time.perf_counter()
    model = assist_model.load()
    recipe = ""  # the ONNX graph can change under the same model name: its cache must not be reused then
    if assist_model.backend() == "onnx":
        from cotheme.services import assist_onnx

        recipe = f" {assist_onnx.RECIPE} batch {assist_onnx.BATCH}"
    slug = "".join(c if c.isalnum() else "-" for c in model.name + recipe)
    enc = Cached(model, Path(__file__).parent / "out" / f"assist-eval-{slug}.npz" if args.cache else None)
    result: dict[str, object] = {"model": model.name, "load_seconds": round(time.perf_counter() - started, 1)}
    sets = {"nhs": lambda: nhs_data(enc, args.min_count, args.seed), "pdpilot": lambda: pdpilot_data(enc)}
    for name, load in sets.items():
        if args.only not in (None, name):
            continue
        ds = load()
        result[name] = {"passages": len(ds.vecs), "codes": len(ds.names)}
        for k in KS:
            result[name][f"k={k}"] = run(ds, enc, k, args.seed, args.grid, args.distractors)
        enc.save()
    result["seconds"] = round(time.perf_counter() - started, 1)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
