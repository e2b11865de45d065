"""Drafted code definitions against the hidden ones, on human-coded data; prints JSON.

Given an endpoint (``--endpoint``: the team's own language model, host allow-listed as in cotheme), each
code's definition is hidden, a definition is drafted from its extracts with cotheme's own prompt
(``cotheme/prompts/code_definition.v1.txt``, extracts as JSON data) and scored against the hidden one:
the cosine between the two, embedded by the assist model (all-MiniLM-L6-v2). Beside it:

* ``central extract`` (the baseline the issue names): the code's most central extract (nearest the
  centroid of the extracts given) taken as its "definition";
* ``code name``: the code's name alone (the model is given the name too, so a draft has to beat it to
  have added anything).

Data (read from ``../shared/data/coded-datasets``, never copied):

* ``nhs``: the v6 categories with at least 25 comments; the hidden definitions are the short ones
  ``assist_eval.py`` wrote from the category names (the framework file has no definitions).
* ``pdpilot``: the codes with at least ``--min`` segments; the hidden definition is the code's memo in the
  MAXQDA code system (``code-system.pdf``) where it has one, else its group's memo; codes with neither
  are left out.

``--stub`` starts a local stub server (``tests/llm_stub.py``) that answers every prompt with the same
text: it shows the plumbing (prompt, streaming, parsing, scoring) and nothing about quality.

    .venv/bin/python bench/drafts_eval.py --endpoint http://127.0.0.1:11434 --api ollama --model llama3.1:8b
    .venv/bin/python bench/drafts_eval.py --endpoint http://127.0.0.1:8089/v1 --model smollm2-135m --limit 15
    .venv/bin/python bench/drafts_eval.py --stub --out bench/out/drafts_eval_stub.json

The second runs against ``bench/local_llm_server.py`` (the small packaged model; see ``bench/README.md``).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path
from string import Template

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from assist_eval import NHS, PDPILOT, V6  # noqa: E402

from cotheme.domain.assist_drafts import DraftKind  # noqa: E402
from cotheme.services import assist_model, llm_endpoint  # noqa: E402
from cotheme.services.assist_drafts import EXTRACT_CHARS, fields_of, prompt_text  # noqa: E402
from cotheme.services.assist_rank import unit  # noqa: E402

from figures_out import emit

CODE_SYSTEM = PDPILOT.parent / "code-system.pdf"
PROMPT = "code_definition.v1"


def nhs_codes(per_code: int, seed: int) -> list[dict[str, object]]:
    with NHS.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if (r.get("FFT answer") or "").strip()]
    out = []
    for name, definition in V6.items():
        own = [r["FFT answer"] for r in rows if r.get(name) == "1"]
        if len(own) >= 25:
            out.append({"name": name, "path": name, "definition": definition,
                        "extracts": random.Random(f"{seed}{name}").sample(own, per_code)})
    return out


def _code_system_lines() -> list[str]:
    """The lines of the MAXQDA code system export (each: a code's name, its memo if any, its frequency)."""
    import pypdf

    text = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(CODE_SYSTEM)).pages)
    return text.splitlines()


def pdpilot_codes(min_segments: int) -> list[dict[str, object]]:
    with PDPILOT.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    segments: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        text = " ".join(r["segment"].split())
        if text not in segments[r["code_path"]]:
            segments[r["code_path"]].append(text)
    lines = _code_system_lines()
    out = []
    for path, texts in sorted(segments.items()):
        if len(texts) < min_segments:
            continue
        parts = path.split(" > ")
        memo = ""
        for name in (parts[-1], *reversed(parts[:-1])):  # the code's own memo, else its group's
            line = next((ln for ln in lines if ln.startswith(name + " ")), "")
            found = re.sub(r"\s*\d+\s*$", "", line[len(name):]).strip()
            if len(found.split()) >= 4:
                memo = found
                break
        if memo:
            out.append({"name": parts[-1], "path": " / ".join(parts), "definition": memo, "extracts": texts})
    return out


def draft(endpoint: llm_endpoint.Endpoint, code: dict[str, object], extracts: list[str], seed: int) -> tuple[str, str, float]:
    system, user = prompt_text(PROMPT)
    data = json.dumps([{"n": i + 1, "code": code["path"], "text": t[:EXTRACT_CHARS]} for i, t in enumerate(extracts)],
                      ensure_ascii=False, indent=0)
    filled = Template(user).safe_substitute(name=code["name"], path=code["path"], definition="", extracts=data)
    reply = llm_endpoint.Reply()
    started = time.perf_counter()
    text = "".join(llm_endpoint.stream(endpoint, system, filled, seed=seed, reply=reply))
    parsed = fields_of(DraftKind.CODE_DEFINITION, text)["DEFINITION"] or text
    return parsed, reply.model, time.perf_counter() - started


def evaluate(name: str, codes: list[dict[str, object]], endpoint: llm_endpoint.Endpoint,
             enc: assist_model.Encoder, args: argparse.Namespace) -> dict[str, object]:
    scores: dict[str, list[float]] = defaultdict(list)
    seconds, models, examples = [], set(), []
    for code in codes:
        extracts = list(code["extracts"])[: args.extracts]  # type: ignore[call-overload]
        vectors = enc.encode(extracts)
        central = extracts[int(np.argmax(vectors @ unit(vectors.mean(axis=0, keepdims=True))[0]))]
        drafted, model, took = draft(endpoint, code, extracts, args.seed)
        seconds.append(took)
        models.add(model)
        hidden, drafted_v, central_v, name_v = enc.encode([str(code["definition"]), drafted, central, str(code["name"])])
        scores["draft"].append(float(hidden @ drafted_v))
        scores["central extract"].append(float(hidden @ central_v))
        scores["code name"].append(float(hidden @ name_v))
        if len(examples) < 3:
            examples.append({"code": code["path"], "hidden": code["definition"], "drafted": drafted[:300]})
    return {
        "codes": len(codes),
        "cosine with the hidden definition (mean)": {k: round(float(np.mean(v)), 3) for k, v in scores.items()},
        "draft beats central extract (share of codes)": round(float(np.mean(
            np.array(scores["draft"]) > np.array(scores["central extract"]))), 3),
        "seconds per draft (median)": round(float(np.median(seconds)), 2),
        "models": sorted(models),
        "examples": examples,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", help="The team's model: e.g. http://127.0.0.1:11434 (Ollama) or http://127.0.0.1:8080/v1.")
    parser.add_argument("--api", choices=llm_endpoint.APIS, default="openai")
    parser.add_argument("--model", default="")
    parser.add_argument("--hosts", default="", help="Further allowed hosts (as COTHEME_LLM_HOSTS).")
    parser.add_argument("--stub", action="store_true", help="Use a local stub server (plumbing only).")
    parser.add_argument("--extracts", type=int, default=12)
    parser.add_argument("--per-code", type=int, default=12, help="NHS comments sampled per category.")
    parser.add_argument("--min", type=int, default=3, help="PDPilot codes with at least this many segments.")
    parser.add_argument("--limit", type=int, default=0, help="At most this many codes per data set (0: all).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", default="nhs,pdpilot")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if not args.stub and not args.endpoint:
        parser.error("give --endpoint URL (the team's own model) or --stub")
    started = time.perf_counter()
    with ExitStack() as stack:
        url = args.endpoint
        if args.stub:
            from tests.llm_stub import Behaviour, stub_server

            stub_text = ("DEFINITION: What participants say about this part of their care, good or bad.\n"
                         "INCLUDE: comments on it [1].\nEXCLUDE: other topics.")
            base, _ = stack.enter_context(stub_server(Behaviour(text=stub_text)))
            url, args.api = base + "/v1", "openai"
        endpoint = llm_endpoint.Endpoint(url.rstrip("/"), args.api, args.model,
                                         tuple(h.strip() for h in args.hosts.split(",") if h.strip()), 600.0)
        enc = assist_model.load()
        loaders = {"nhs": lambda: nhs_codes(args.per_code, args.seed), "pdpilot": lambda: pdpilot_codes(args.min)}
        report: dict[str, object] = {"endpoint": "stub (plumbing only)" if args.stub else url, "api": args.api,
                                     "prompt": PROMPT, "embedding": enc.name, "extracts": args.extracts}
        for name in args.data.split(","):
            codes = loaders[name]()
            if args.limit:
                codes = codes[: args.limit]
            report[name] = evaluate(name, codes, endpoint, enc, args)
            print(f"{name}: done", file=sys.stderr)
    report["seconds"] = round(time.perf_counter() - started, 1)
    emit(report, args.out)


if __name__ == "__main__":
    main()
