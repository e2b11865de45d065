"""Re-anchoring speed, printed as JSON: the diff of a 20,000-word transcript against a corrected
copy (1 to 1,000 scattered edits, and a whole-text rewrite of one turn), carrying 500 codings through it,
and a full ``docs edit`` (new revision, turns, search units, codings) through the project.

    python bench/reanchor_bench.py
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cotheme  # noqa: E402
from cotheme.domain.reanchor import carry, diff  # noqa: E402
from cotheme.domain.text import anchor_in  # noqa: E402
from deid_bench import interview  # noqa: E402


def _edited(text: str, n: int, rng: random.Random) -> str:
    for _ in range(n):
        at = rng.randrange(len(text) - 10)
        text = text[:at] + rng.choice(["X", "a new word", ""]) + text[at + rng.randint(0, 6):]
    return text


def main() -> None:
    rng = random.Random(3)
    source, _, _ = interview(rng, 1, words=20_000)
    text = "\n".join(line.split(": ", 1)[1] for line in source.split("\n") if ": " in line)
    spans = sorted(rng.sample(range(len(text) - 80), 500))
    anchors = [anchor_in(text, s, s + rng.randint(10, 80)) for s in spans]
    out: dict[str, object] = {"words": len(text.split()), "chars": len(text), "codings": len(anchors)}
    for n in (1, 10, 100, 1000):
        new = _edited(text, n, rng)
        began = time.perf_counter()
        change = diff(text, new)
        mid = time.perf_counter()
        statuses: dict[str, int] = {}
        for a in anchors:
            status = carry(change, a).status.value
            statuses[status] = statuses.get(status, 0) + 1
        out[f"{n}_edits"] = {"diff_s": round(mid - began, 3), "carry_500_s": round(time.perf_counter() - mid, 3),
                             "regions": len(change.regions), "codings": statuses}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "P01.txt"
        path.write_text(source, encoding="utf-8")
        with cotheme.create_project(Path(tmp) / "b.cotheme", lead="Bench") as p:
            p.documents.import_files([path])
            doc = p.documents.get("P01")
            for s in spans[:200]:
                p.codings.add("P01", "Bench", start=s, end=s + 30, create=True)
            began = time.perf_counter()
            p.documents.edit("P01", new_text=_edited(doc.text, 20, rng))
            out["docs_edit_from_file_200_codings_s"] = round(time.perf_counter() - began, 3)
            began = time.perf_counter()
            p.documents.edit("P01", replace="the", with_text="teh", all=True)
            out["docs_edit_replace_all_s"] = round(time.perf_counter() - began, 3)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
