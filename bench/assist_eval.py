"""Quality of coding suggestions on human-coded data, labels hidden; prints JSON.

Data (read from ``../shared/data/coded-datasets``, never copied):

* ``nhs``: NHS Friends-and-Family-Test comments coded by people with the 49-category "v6" framework
  (multi-label). The "Not assigned" column and categories with fewer than 25 comments are left out
  (``--min-count``); the short definitions below were written here from the category names. A fixed
  sample of comments (``--sample``, default 3000) is the test set; each code's examples are drawn
  from the other comments.
* ``pdpilot``: the MAXQDA coded segments of the PDPilot interviews (best-effort parse, 262 rows,
  75 codes, most with 1-3 segments), evaluated leave one interview out: each interview's segments get
  suggestions with the other six interviews' segments as examples (as when a team codes a new
  transcript). Cards are the code paths only (the export has no definitions).

For k = 0 (cards only), 5 and 20 examples per code, and each method, it reports top-1 and top-3
accuracy (the top code, or one of the top three, is among the human codes of the passage) and Cohen's
kappa per code between "the top suggestion is this code" and "people coded it with this code" (mean
over codes with at least one test passage; per code with ``--per-code``).

Methods: ``name`` (baseline: cosine between the passage and the code's name), ``card`` (name and
definition), ``+center`` / ``+z`` (per-code calibration over reference passages: minus the code's mean,
or its z-score), ``examples`` (centroid and nearest examples, no card), ``blend(prior=p)`` (card and
examples, the examples weighing n / (n + p)), ``blend+center`` / ``blend+z`` (prior 3, calibrated),
``blend+center+lr`` (the top 10 re-ranked by a logistic regression trained on the examples and cards:
the re-ranker that can be built offline; no cross-encoder model is packaged on the registry).

    .venv/bin/python bench/assist_eval.py [--sample 3000] [--backend onnx|torch] [--out bench/out/assist_eval.json]
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
from pathlib import Path

import numpy as np

from cotheme.services import assist_model
from cotheme.services.assist_rank import Profiles, Weights, unit

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "coded-datasets"
NHS = DATA / "nhs-patient-experience" / "v6framework_230831.csv"
PDPILOT = DATA / "pdpilot-maxqda" / "pdpilot_coded_segments_parsed.csv"
KS = (0, 5, 20)

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


def _metrics(scores: np.ndarray, labels: np.ndarray, names: list[str], per_code: bool) -> dict[str, object]:
    order = np.argsort(-scores, axis=1)
    rows = np.arange(len(labels))
    top1 = labels[rows, order[:, 0]].astype(bool)
    top3 = labels[rows[:, None], order[:, :3]].any(axis=1)
    pred = np.zeros_like(labels)
    pred[rows, order[:, 0]] = 1
    kappas = {names[c]: _kappa(pred[:, c], labels[:, c]) for c in range(len(names))}
    valid = [k for k in kappas.values() if k is not None]
    out: dict[str, object] = {"top1": round(float(top1.mean()), 3), "top3": round(float(top3.mean()), 3),
                              "kappa_mean": round(float(np.mean(valid)), 3), "codes": len(valid)}
    if per_code:
        out["kappa_per_code"] = {n: round(k, 3) for n, k in kappas.items() if k is not None}
    return out


def _lr_rerank(base: np.ndarray, train_x: np.ndarray, train_y: np.ndarray, test: np.ndarray, n_codes: int) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=4.0, max_iter=500)
    model.fit(train_x, train_y)
    proba = np.full((len(test), n_codes), 0.0)
    proba[:, model.classes_] = model.predict_proba(test)
    top = np.argsort(-base, axis=1)[:, :10]
    out = np.full_like(base, -1e9)
    rows = np.arange(len(test))[:, None]
    out[rows, top] = proba[rows, top] + 1e-3 * base[rows, top]  # ties: keep the calibrated order
    return out


def _methods(name_vecs: np.ndarray, card_vecs: np.ndarray, examples: list[np.ndarray],
             test: np.ndarray, reference: np.ndarray, k: int) -> dict[str, np.ndarray]:
    names = list(range(len(name_vecs)))
    out: dict[str, np.ndarray] = {}
    empty = [np.zeros((0, test.shape[1]), np.float32)] * len(names)
    if k == 0:
        out["name"] = test @ name_vecs.T
        out["card"] = test @ card_vecs.T
        for mode in ("center", "z"):  # without examples "card" is "z"
            cal = Profiles(card_vecs, empty, Weights(calibrate=mode))
            cal.calibrate(reference)
            out[f"card+{mode}"] = cal.scores(test)
        return out
    only = Profiles(card_vecs, examples, Weights(card=0.0, calibrate="none"))
    out["examples"] = only.raw(test)
    for prior in (1.0, 3.0, 10.0):
        out[f"blend(prior={prior:g})"] = Profiles(card_vecs, examples, Weights(prior=prior, calibrate="none")).raw(test)
    for mode in ("center", "z", "card"):
        full = Profiles(card_vecs, examples, Weights(calibrate=mode))
        full.calibrate(reference)
        out[f"blend+{mode}"] = full.scores(test)
    train_x = np.vstack([card_vecs, *[e for e in examples if len(e)]])
    train_y = np.concatenate([np.arange(len(names)), *[[i] * len(e) for i, e in enumerate(examples) if len(e)]])
    for prior in (1.0, 10.0):
        other = Profiles(card_vecs, examples, Weights(prior=prior, calibrate="card"))
        other.calibrate(reference)
        out[f"blend(prior={prior:g})+card"] = other.scores(test)
    out["blend+card+lr"] = _lr_rerank(out["blend+card"], train_x, train_y, test, len(names))
    return out


def nhs(enc: Cached, sample: int, min_count: int, per_code: bool, seed: int) -> dict[str, object]:
    with NHS.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if (r.get("FFT answer") or "").strip()]
    names = [n for n in V6 if sum(r.get(n) == "1" for r in rows) >= min_count]
    labels = np.array([[r.get(n) == "1" for n in names] for r in rows], dtype=np.int8)
    keep = np.flatnonzero(labels.sum(axis=1) > 0)
    rng = random.Random(seed)
    test_idx = sorted(rng.sample(list(keep), min(sample, len(keep))))
    pool = [i for i in keep if i not in set(test_idx)]
    texts = [rows[i]["FFT answer"] for i in test_idx]
    test = enc.encode(texts)
    pool_vecs = {i: v for i, v in zip(pool[:4000], enc.encode([rows[i]["FFT answer"] for i in pool[:4000]]))}
    reference = np.array(list(pool_vecs.values())[:2000])
    name_vecs, card_vecs = enc.encode(names), enc.encode([f"{n}: {V6[n]}" for n in names])
    result: dict[str, object] = {"comments": len(rows), "codes": len(names), "test": len(test_idx)}
    for k in KS:
        examples = []
        for c in range(len(names)):
            own = [i for i in pool_vecs if labels[i, c]]
            chosen = random.Random(seed + c).sample(own, min(k, len(own)))
            examples.append(np.array([pool_vecs[i] for i in chosen], np.float32).reshape(-1, test.shape[1]))
        methods = _methods(name_vecs, card_vecs, examples, test, reference, k)
        result[f"k={k}"] = {m: _metrics(s, labels[test_idx], names, per_code) for m, s in methods.items()}
    return result


def _card(path: list[str]) -> str:
    """As cotheme writes a code's card when it has no definition: its name, then its parents'."""
    return path[-1] + (f" ({' / '.join(path[:-1])})" if len(path) > 1 else "")


def pdpilot(enc: Cached, per_code: bool, seed: int) -> dict[str, object]:
    """Leave one interview out: each interview's segments get suggestions from the other six's."""
    with PDPILOT.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = sorted({r["code_path"] for r in rows})
    index = {n: i for i, n in enumerate(names)}
    # The same segment can carry several codes: group identical texts.
    by_text: dict[tuple[str, str], set[int]] = defaultdict(set)
    for r in rows:
        by_text[(r["document"], " ".join(r["segment"].split()))].add(index[r["code_path"]])
    keys = list(by_text)
    labels = np.zeros((len(keys), len(names)), np.int8)
    for t, codes in enumerate(by_text.values()):
        labels[t, list(codes)] = 1
    vecs = enc.encode([text for _doc, text in keys])
    documents = np.array([doc for doc, _text in keys])
    name_vecs = enc.encode([n.split(" > ")[-1] for n in names])
    card_vecs = enc.encode([_card(n.split(" > ")) for n in names])
    result: dict[str, object] = {"segments": len(keys), "codes": len(names), "interviews": len(set(documents))}
    for k in KS:
        scores: dict[str, list[np.ndarray]] = defaultdict(list)
        order: list[np.ndarray] = []
        for doc in sorted(set(documents)):
            test = np.flatnonzero(documents == doc)
            others = np.flatnonzero(documents != doc)
            examples = []
            for c in range(len(names)):
                own = [int(o) for o in others if labels[o, c]]
                chosen = random.Random(seed + c).sample(own, min(k, len(own)))
                examples.append(vecs[chosen].reshape(-1, vecs.shape[1]))
            for m, s in _methods(name_vecs, card_vecs, examples, vecs[test], vecs[others], k).items():
                scores[m].append(s)
            order.append(test)
        ordered = labels[np.concatenate(order)]
        result[f"k={k}"] = {m: _metrics(np.vstack(s), ordered, names, per_code) for m, s in scores.items()}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=3000)
    parser.add_argument("--min-count", type=int, default=25)
    parser.add_argument("--backend", choices=["onnx", "torch"], default=None)
    parser.add_argument("--only", choices=["nhs", "pdpilot"], default=None)
    parser.add_argument("--per-code", action="store_true")
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
    if args.only in (None, "nhs"):
        result["nhs"] = nhs(enc, args.sample, args.min_count, args.per_code, args.seed)
        enc.save()
    if args.only in (None, "pdpilot"):
        result["pdpilot"] = pdpilot(enc, args.per_code, args.seed)
    result["seconds"] = round(time.perf_counter() - started, 1)
    enc.save()
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
