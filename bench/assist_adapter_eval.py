"""Light alternatives to fine-tuning the encoder, on the frozen vectors of ``bench/assist_eval.py``;
prints JSON (top-3 per method, tune and test split, the plain baseline (a) and today's ranking (c)
beside).

Same data, draws and tune/test split as ``bench/assist_eval.py`` (its vector cache is reused: run it
once with ``--cache`` first). Methods on top of ``assist_heads.Ranker`` (c):

* ``c+knn{m}*w``: plus ``w`` x the mean cosine with the code's ``m`` nearest examples;
* ``adapter-{loss}-d{decay}``: a residual linear map of the frozen vectors, ``unit(x + x W)``, trained
  on the codes' own examples and cards (100 Adam steps, learning rate 0.01, L2 ``decay`` on ``W``),
  then the Ranker on the mapped vectors. ``pair``: SetFit's loss on every pair of rows (squared error
  between their cosine and 1 for the same code, 0 for different codes, positives and negatives weighing
  half each); ``ce``: each row's softmax over the codes' mean mapped vectors (temperature 0.05);
* ``proto+logistic C{C} w{w}``: the Ranker's prototype cosine plus ``w`` x the log-probability of a
  logistic-regression head (SetFit's head; scikit-learn, balanced classes) on the examples and cards.

Training seconds are CPU (``time.process_time``) per fit.

    PYTHONPATH=src .venv/bin/python bench/assist_adapter_eval.py [--out bench/out/assist_adapter.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import assist_eval as ev  # noqa: E402

from cotheme.services.assist_heads import Ranker  # noqa: E402
from cotheme.services.assist_rank import unit  # noqa: E402

ADAPTERS = (("pair", 0.001), ("pair", 0.01), ("pair", 0.03), ("pair", 0.1), ("pair", 0.3),
            ("ce", 0.001), ("ce", 0.01), ("ce", 0.03), ("ce", 0.1))


def knn(passages: np.ndarray, examples: list[np.ndarray], m: int) -> np.ndarray:
    out = np.zeros((len(passages), len(examples)), np.float32)
    for i, own in enumerate(examples):
        sims = passages @ own.T
        out[:, i] = np.sort(sims, axis=1)[:, -min(m, own.shape[0]):].mean(axis=1)
    return out


def _rows(cards: np.ndarray, examples: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    x = np.vstack([unit(cards), *examples]).astype(np.float32)
    y = np.concatenate([np.arange(len(cards))] + [np.full(len(e), i) for i, e in enumerate(examples)])
    return x, y


def adapter(cards: np.ndarray, examples: list[np.ndarray], loss: str, decay: float,
            steps: int = 100, seed: int = 0) -> Callable[[np.ndarray], np.ndarray]:
    import torch

    torch.manual_seed(seed)
    x_np, y_np = _rows(cards, examples)
    x, y = torch.tensor(x_np), torch.tensor(y_np)
    w = torch.zeros(x.shape[1], x.shape[1], requires_grad=True)
    opt = torch.optim.Adam([w], lr=1e-2)
    row_weight = 1.0 / torch.bincount(y).float()[y]
    same = (y[:, None] == y[None, :]).float()
    off = 1 - torch.eye(len(y))
    pair_weight = same * off / max(1.0, float((same * off).sum())) + (1 - same) / max(1.0, float((1 - same).sum()))
    for _ in range(steps):
        z = torch.nn.functional.normalize(x + x @ w, dim=1)
        if loss == "pair":
            value = (((z @ z.T - same) ** 2) * pair_weight).sum()
        else:
            means = torch.nn.functional.normalize(torch.zeros(len(cards), x.shape[1]).index_add_(0, y, z), dim=1)
            ce = torch.nn.functional.cross_entropy(z @ means.T / 0.05, y, reduction="none")
            value = (ce * row_weight).sum() / row_weight.sum()
        value = value + decay * (w ** 2).sum()
        opt.zero_grad()
        value.backward()
        opt.step()
    mapped = w.detach().numpy()
    return lambda v: unit((v + v @ mapped).astype(np.float32))


def run(ds: ev.Dataset, enc: ev.Cached, k: int, seed: int, seconds: dict[str, list[float]]) -> dict[str, object]:
    from sklearn.linear_model import LogisticRegression

    in_play, chosen, test = ev._draw(ds, k, seed)
    names, cards = enc.encode([ds.names[c] for c in in_play]), enc.encode([ds.cards[c] for c in in_play])
    examples = [ds.vecs[rows] for rows in chosen]
    passages, labels = ds.vecs[test], ds.labels[test][:, in_play]
    means = unit(np.array([e.mean(axis=0) for e in examples], np.float32))
    methods = {"a_baseline": 0.5 * (passages @ names.T) + 0.5 * (passages @ means.T)}
    ranker = Ranker(cards, examples, background=ds.reference)
    methods["c_cotheme"] = c = ranker.scores(passages)
    for m, w in ((1, 0.25), (1, 0.5), (1, 1.0), (3, 0.5)):
        methods[f"c+knn{m}*{w:g}"] = c + w * knn(passages, examples, m)
    for loss, decay in ADAPTERS:
        name = f"adapter-{loss}-d{decay:g}"
        started = time.process_time()
        f = adapter(cards, examples, loss, decay)
        seconds.setdefault(name, []).append(round(time.process_time() - started, 2))
        methods[name] = Ranker(f(cards), [f(e) for e in examples], background=f(ds.reference)).scores(f(passages))
    x, y = _rows(cards, examples)
    proto = passages @ ranker.prototypes.T
    for big_c in (1.0, 10.0, 100.0):
        log_p = LogisticRegression(C=big_c, max_iter=300, class_weight="balanced").fit(x, y).predict_log_proba(passages)
        for w in (0.05, 0.1, 0.3):
            methods[f"proto+logistic C{big_c:g} w{w:g}"] = proto + w * log_p
    split = ds.tune[test]
    out: dict[str, object] = {"codes": len(in_play), "tune_passages": int(split.sum()), "test_passages": int((~split).sum())}
    for name, part in (("tune", split), ("test", ~split)):
        if part.any():
            out[name] = {m: ev._metrics(s[part], labels[part])["top3"] for m, s in methods.items()}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(1)
    caches = sorted((Path(__file__).parent / "out").glob("assist-eval-*.npz"))
    if not caches:
        sys.exit("Run bench/assist_eval.py --cache first: this bench reads its vectors.")
    enc = ev.Cached(None, caches[-1])  # type: ignore[arg-type]  # every text is in the cache
    seconds: dict[str, list[float]] = {}
    result: dict[str, object] = {"vectors": caches[-1].name}
    for name, load, ks in (("nhs", lambda: ev.nhs_data(enc, 25, args.seed), (1, 2, 5, 20)),
                           ("pdpilot", lambda: ev.pdpilot_data(enc), (1, 2, 5))):
        ds = load()
        result[name] = {f"k={k}": run(ds, enc, k, args.seed, seconds) for k in ks}
    result["adapter_train_cpu_seconds_median"] = {m: float(np.median(s)) for m, s in seconds.items()}
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
