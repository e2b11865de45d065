"""SetFit-style contrastive fine-tuning of the suggestion encoder, measured; prints JSON.

For each data set and k of ``bench/assist_eval.py`` (same draws, same tune/test split): a fresh copy of
all-MiniLM-L6-v2 (PyTorch, float32, from the installed model folder, offline) is fine-tuned on pairs of
the codes' own texts - each code's k examples and its card - labelled 1 (same code) or 0 (different
codes), with SetFit's loss (squared error between the pair's cosine and its label), one epoch, AdamW at
``--lr``, batches of 16. Then the tuned encoder embeds cards, examples, a sample of passages and the
background, and ``assist_heads.Ranker`` ranks on those vectors ("setfit+ranker"). Beside it, on the
same passages: (a) the plain baseline and (c) today's ranker on the untuned vectors (same PyTorch
runtime). CPU seconds of the fine-tuning and of the re-embedding are reported.

To keep the re-embedding affordable the NHS passages are sampled (``--sample`` per split); every figure
printed for one k is on the same passages.

    PYTHONPATH=src .venv/bin/python bench/assist_setfit_eval.py [--only nhs] [--ks 1,2] [--sample 600]
"""

from __future__ import annotations

import argparse
import copy
import csv
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import assist_eval as ev  # noqa: E402

from cotheme.services import assist_model  # noqa: E402
from cotheme.services.assist_heads import Ranker  # noqa: E402
from cotheme.services.assist_rank import unit  # noqa: E402


def nhs_texts(min_count: int, seed: int) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    with ev.NHS.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if (r.get("FFT answer") or "").strip()]
    names = [n for n in ev.V6 if sum(r.get(n) == "1" for r in rows) >= min_count]
    labels = np.array([[r.get(n) == "1" for n in names] for r in rows], dtype=np.int8)
    keep = np.flatnonzero(labels.sum(axis=1) > 0)
    tune = np.random.default_rng(seed).random(len(keep)) < 0.5
    return names, [rows[i]["FFT answer"] for i in keep], labels[keep], tune


def pdpilot_texts() -> tuple[list[str], list[str], list[str], np.ndarray, np.ndarray]:
    with ev.PDPILOT.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    paths = sorted({r["code_path"] for r in rows})
    index = {n: i for i, n in enumerate(paths)}
    by_text: dict[tuple[str, str], set[int]] = defaultdict(set)
    for r in rows:
        by_text[(r["document"], " ".join(r["segment"].split()))].add(index[r["code_path"]])
    keys = list(by_text)
    labels = np.zeros((len(keys), len(paths)), np.int8)
    for t, codes in enumerate(by_text.values()):
        labels[t, list(codes)] = 1
    tune = np.array([doc in ev.TUNE_INTERVIEWS for doc, _ in keys])
    return [p.split(" > ")[-1] for p in paths], [ev._card(p.split(" > ")) for p in paths], [t for _, t in keys], labels, tune


def pairs(groups: list[list[str]], count: int, seed: int) -> list[tuple[str, str, float]]:
    """SetFit's pair generation: alternately a positive (two texts of one code) and a negative pair."""
    rng = random.Random(seed)
    out: list[tuple[str, str, float]] = []
    usable = [g for g in groups if len(g) > 1]
    while len(out) < count:
        if len(out) % 2 == 0 and usable:
            g = rng.choice(usable)
            a, b = rng.sample(g, 2)
            out.append((a, b, 1.0))
        else:
            i, j = rng.sample(range(len(groups)), 2)
            out.append((rng.choice(groups[i]), rng.choice(groups[j]), 0.0))
    return out


def fine_tune(base, data: list[tuple[str, str, float]], lr: float, batch: int = 16):
    import torch

    model = copy.deepcopy(base)
    model.train()
    inner = model[0].auto_model
    tok = model.tokenizer
    opt = torch.optim.AdamW(inner.parameters(), lr=lr)
    steps = (len(data) + batch - 1) // batch
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / max(1, steps // 10)))

    def embed(texts: list[str]):
        enc = tok(texts, padding=True, truncation=True, max_length=assist_model.MAX_TOKENS, return_tensors="pt")
        hidden = inner(**enc).last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).float()
        return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

    for first in range(0, len(data), batch):
        chunk = data[first:first + batch]
        a = embed([x for x, _, _ in chunk])
        b = embed([y for _, y, _ in chunk])
        target = torch.tensor([t for _, _, t in chunk])
        loss = torch.nn.functional.mse_loss(torch.nn.functional.cosine_similarity(a, b), target)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    model.eval()
    return model


def encode(model, texts: list[str]) -> np.ndarray:
    return model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True).astype(np.float32)


def one(model, names, cards, texts, labels, tune, k, seed, sample, n_pairs, lr, bg_size):
    ds = ev.Dataset(names, cards, np.zeros((len(texts), 1), np.float32), labels, tune, np.zeros((1, 1)))
    in_play, chosen, test = ev._draw(ds, k, seed)
    rng = np.random.default_rng(seed + k)
    parts = []
    for mask in (tune[test], ~tune[test]):
        rows = test[mask]
        parts.append(rows if len(rows) <= sample else np.sort(rng.choice(rows, sample, replace=False)))
    test = np.concatenate(parts)
    split = tune[test]
    used = set(np.concatenate(chosen).tolist())
    pool = [i for i in range(len(texts)) if i not in used]
    background_rows = pool if len(pool) <= bg_size else sorted(rng.choice(pool, bg_size, replace=False).tolist())
    groups = [[cards[c]] + [texts[i] for i in rows] for c, rows in zip(in_play, chosen)]
    lab = labels[test][:, in_play]

    def rank(m) -> tuple[np.ndarray, float]:
        t0 = time.process_time()
        card_v = encode(m, [cards[c] for c in in_play])
        examples = [encode(m, [texts[i] for i in rows]) for rows in chosen]
        passages = encode(m, [texts[i] for i in test])
        background = encode(m, [texts[i] for i in background_rows])
        took = time.process_time() - t0
        return Ranker(card_v, examples, background=background).scores(passages), took, passages, examples

    plain, plain_s, pv, ex = rank(model)
    name_v = encode(model, [names[c] for c in in_play])
    means = unit(np.array([e.mean(axis=0) for e in ex], np.float32))
    baseline = 0.5 * (pv @ name_v.T) + 0.5 * (pv @ means.T)
    data = pairs(groups, n_pairs, seed + k)
    t0 = time.process_time()
    tuned = fine_tune(model, data, lr)
    train_s = time.process_time() - t0
    tuned_scores, tuned_s, _, _ = rank(tuned)
    methods = {"a_baseline": baseline, "c_cotheme": plain, "setfit+ranker": tuned_scores}
    out = {"codes": len(in_play), "training_texts": sum(len(g) for g in groups), "pairs": len(data),
           "train_cpu_s": round(train_s, 1), "embed_cpu_s": round(tuned_s, 1),
           "tune_passages": int(split.sum()), "test_passages": int((~split).sum())}
    for name, part in (("tune", split), ("test", ~split)):
        if part.any():
            out[name] = {m: ev._metrics(s[part], lab[part]) for m, s in methods.items()}
    return out


def demo_timing(base, n_pairs: int, seed: int) -> dict[str, object]:
    """CPU seconds to fine-tune on the demo study's codebook and codings and to embed its passages again."""
    import re

    from cotheme.services import demo

    book = demo._rows("codebook.csv")
    cards = {r["name"]: f"{r['name']}. {r['definition']}" for r in book}
    groups_by: dict[str, list[str]] = {name: [card] for name, card in cards.items()}
    for r in demo._rows("codings.csv"):
        groups_by.setdefault(r["code"], [cards.get(r["code"], r["code"])]).append(r["quote"])
    groups = list(groups_by.values())
    text = " ".join(demo._read(f"P0{i}.txt").decode("utf-8") for i in range(1, 6))
    passages = [s for s in re.split(r"(?<=[.?!])\s+|\n+", text) if len(s.split()) >= 4]
    data = pairs(groups, n_pairs, seed)
    started = time.process_time()
    tuned = fine_tune(base, data, 2e-5)
    trained = time.process_time() - started
    started = time.process_time()
    encode(tuned, passages)
    return {"codes": len(groups), "training_texts": sum(len(g) for g in groups), "pairs": len(data),
            "train_cpu_s": round(trained, 1), "passages": len(passages),
            "embed_cpu_s": round(time.process_time() - started, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["nhs", "pdpilot"], default=None)
    parser.add_argument("--ks", default="1,2,5,20")
    parser.add_argument("--sample", type=int, default=600, help="NHS passages per split and k")
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--background", type=int, default=600)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--demo-timing", action="store_true", help="Only time a fine-tune on the demo study.")
    args = parser.parse_args()
    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    assist_model.require()
    base = assist_model._sentence_transformer(assist_model.model_folder())
    result: dict[str, object] = {"pairs": args.pairs, "lr": args.lr, "sample": args.sample}
    if args.demo_timing:
        print(json.dumps(demo_timing(base, args.pairs, args.seed), indent=2))
        return
    ks = [int(k) for k in args.ks.split(",")]
    if args.only in (None, "nhs"):
        names, texts, labels, tune = nhs_texts(25, args.seed)
        cards = [f"{n}. {ev.V6[n]}" for n in names]
        result["nhs"] = {}
        for k in ks:  # each k printed as it ends: a run takes minutes per k
            result["nhs"][f"k={k}"] = one(base, names, cards, texts, labels, tune, k, args.seed, args.sample,
                                          args.pairs, args.lr, args.background)
            print(json.dumps({f"nhs k={k}": result["nhs"][f"k={k}"]}), file=sys.stderr, flush=True)
    if args.only in (None, "pdpilot"):
        names, cards, texts, labels, tune = pdpilot_texts()
        result["pdpilot"] = {}
        for k in [k for k in ks if k <= 5]:
            result["pdpilot"][f"k={k}"] = one(base, names, cards, texts, labels, tune, k, args.seed, 10**6,
                                              args.pairs, args.lr, args.background)
            print(json.dumps({f"pdpilot k={k}": result["pdpilot"][f"k={k}"]}), file=sys.stderr, flush=True)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
