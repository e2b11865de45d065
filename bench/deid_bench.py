"""De-identification figures, printed as JSON.

* ``synthetic``: interviews generated here with planted identifiers of every kind (names of
  participants and staff that the team's list holds, names of relatives and friends it does not, places,
  organisations and services, dates, ages, phone numbers, e-mails, web addresses, NHS numbers with valid
  check digits, UK postcodes). Recall per kind (a planted span counts as found when a candidate overlaps
  it), recall of person names with and without the team's list, and precision (candidates that overlap a
  planted identifier / all candidates).
* ``zoom``: the real Zoom transcript in ``../shared/data/captions-vtt`` (5 speakers whose real names
  label the cues; names also occur in the text, several misspelt by the transcription). Recall of the
  speaker labels and of the name mentions in the text (listed below by hand from reading the file),
  with the model alone and with the 5 speaker names on the team's list.
* ``speed``: scan time of one 10,000-word transcript (model already loaded), and the model's load time.

Nothing here is real data except the Zoom file, which is read from shared/, never copied.

    python bench/deid_bench.py [--interviews 10] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import cotheme
from cotheme.domain.deid import nhs_number_valid
from cotheme.services import deid_model

ROOT = Path(__file__).resolve().parents[1]
ZOOM = ROOT.parent / "shared" / "data" / "captions-vtt" / "GMT20240124-202901_Recording.transcript.vtt"
#: Name mentions inside the Zoom transcript's text, read off the file (transcription spellings kept).
ZOOM_MENTIONS = ["Connor", "Melissa Koh", "Shrihar", "Shujani", "Ryan", "Johnny"]

FIRST = ["Sarah", "Priya", "Tomasz", "Aisha", "Oluwaseun", "Mohammed", "Grace", "Liam", "Chloe", "Deepak",
         "Fatima", "Kwame", "Siobhan", "Rhys", "Mei", "Joanna", "Hamza", "Ewa", "Callum", "Nadia", "Imran",
         "Bethany", "Yusuf", "Anika", "Declan", "Zainab", "Marek", "Harriet", "Olumide", "Niamh"]
LAST = ["Jones", "Patel", "Kowalski", "Okafor", "Khan", "Murphy", "Williams", "Chen", "Begum", "Evans",
        "Nowak", "Mensah", "O'Brien", "Hughes", "Ahmed", "Taylor", "Davies", "Singh", "Campbell", "Adeyemi"]
PLACES = ["Leeds", "Bradford", "Sheffield", "Manchester", "Hull", "Wakefield", "Harrogate", "York",
          "Huddersfield", "Doncaster", "Halifax", "Bristol", "Cardiff", "Glasgow", "Norwich"]
ORGS = ["St James's University Hospital", "Leeds General Infirmary", "the Maudsley", "Oakwood Recovery College",
        "Mind in Bradford", "Tesco", "Barclays", "the Samaritans", "Harrogate District Hospital",
        "Northern Ballet"]
RELATIONS = ["sister", "brother", "friend", "husband", "wife", "son", "daughter", "neighbour", "cousin"]
FILLER = [
    "It was hard at first, to be honest.", "I didn't really know what to expect.",
    "The waiting list was long and nobody told me anything.", "Some days were better than others.",
    "I felt like nobody was listening to me.", "The group helped more than I thought it would.",
    "We talked a lot about what recovery means.", "I still struggle with that sometimes.",
    "You know, it's not something you can explain easily.", "That was a turning point for me.",
    "I think the peer support made the difference.", "I would say it changed how I see myself.",
    "The medication made me tired all the time.", "Going back to work was the scariest part.",
    "I stopped going out for a while.", "They were kind, but everything felt rushed.",
]
QUESTIONS = ["Can you tell me more about that?", "How did that feel?", "What happened next?",
             "Who else was involved?", "What would you change?", "How are things now?"]


def _nhs(rng: random.Random) -> str:
    while True:
        digits = "".join(str(rng.randint(0, 9)) for _ in range(9))
        digits = str(rng.choice([4, 6, 7, 9])) + digits[1:]
        for check in range(10):
            if nhs_number_valid(digits + str(check)):
                d = digits + str(check)
                return f"{d[:3]} {d[3:6]} {d[6:]}"


def _postcode(rng: random.Random) -> str:
    area = rng.choice(["LS", "BD", "S", "M", "HU", "YO", "SW", "E", "N", "CF"])
    return f"{area}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def planted_sentence(rng: random.Random, staff: str, participant: str) -> tuple[str, list[tuple[str, str]]]:
    """One sentence with identifiers in it and what they are (text, kind)."""
    other = f"{rng.choice(FIRST)}"
    full_other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place, org = rng.choice(PLACES), rng.choice(ORGS)
    day = f"{rng.randint(1, 28)} {rng.choice(['January', 'March', 'May', 'July', 'October', 'December'])} {rng.randint(2015, 2024)}"
    age = rng.choice([rng.randint(91, 99), rng.randint(8, 16), rng.randint(20, 80)])
    phone = f"07700 900{rng.randint(100, 999)}"
    email = f"{other.lower()}.{rng.choice(LAST).lower().replace(chr(39), '')}@example.org"
    options = [
        (f"My {rng.choice(RELATIONS)} {other} came with me to {place}.", [(other, "person"), (place, "place")]),
        (f"I saw {staff} at {org} on {day}.", [(staff, "person"), (org, "organisation"), (day, "date")]),
        (f"{full_other} from {place} rang me on {phone}.", [(full_other, "person"), (place, "place"), (phone, "phone")]),
        (f"You can email me at {email} if you need to.", [(email, "email")]),
        (f"My NHS number is {_nhs(rng)}, they kept asking for it.", [(None, "nhs_number")]),
        (f"We moved to {_postcode(rng)} last year.", [(None, "postcode")]),
        (f"My mum is {age} now and still sharp.", [(str(age), "age")]),
        (f"There is a page at www.{rng.choice(['peersupport', 'recoverytalk', 'mindwell'])}.org.uk about it.", [(None, "url")]),
        (f"{staff.split()[0]} was the one who really listened.", [(staff.split()[0], "person")]),
        (f"I told {participant.split()[0]} in the group about it.", [(participant.split()[0], "person")]),
        (f"Then Dr {rng.choice(LAST)} referred me to {org}.", [(None, "person"), (org, "organisation")]),
    ]
    sentence, marks = rng.choice(options)
    resolved = []
    for text, kind in marks:
        if text is None:  # the pattern-shaped part of the sentence
            match = {"nhs_number": r"\d{3} \d{3} \d{4}", "postcode": r"[A-Z]{1,2}\d{1,2} \d[A-Z]{2}",
                     "url": r"www\.\S+\.org\.uk", "person": r"Dr [A-Z][\w']+"}[kind]
            text = re.search(match, sentence).group()  # type: ignore[union-attr]
        resolved.append((text, kind))
    return sentence, resolved


def interview(rng: random.Random, n: int, words: int = 2000) -> tuple[str, list[tuple[str, str]], list[str]]:
    staff = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    participant = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    turns, planted, count = [], [], 0
    while count < words:
        turns.append(f"Interviewer: {rng.choice(QUESTIONS)}")
        body = []
        for _ in range(rng.randint(2, 6)):
            if rng.random() < 0.35:
                sentence, marks = planted_sentence(rng, staff, participant)
                planted.extend(marks)
                body.append(sentence)
            else:
                body.append(rng.choice(FILLER))
        text = " ".join(body)
        count += len(text.split())
        turns.append(f"P{n:02d}: {text}")
    return "\n\n".join(turns) + "\n", planted, [staff, participant]


def _spans(text: str, planted: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Planted identifiers located in the imported text, in order (each occurrence once)."""
    spans, at = [], {}
    for value, kind in planted:
        start = text.find(value, at.get(value, 0))
        if start < 0:
            continue
        at[value] = start + len(value)
        spans.append((start, start + len(value), kind))
    return spans


def _score(project: cotheme.Project, truth: dict[int, list[tuple[int, int, str]]]) -> dict[str, object]:
    cands = [c for c in project.deid.candidates() if c.field == "text"]
    by_doc: dict[int, list[tuple[int, int]]] = {}
    for c in cands:
        by_doc.setdefault(c.document_id, []).append((c.start or 0, c.end or 0))
    found: dict[str, list[int]] = {}
    for doc_id, spans in truth.items():
        for s, e, kind in spans:
            hit = any(a < e and s < b for a, b in by_doc.get(doc_id, []))
            found.setdefault(kind, []).append(int(hit))
    true_cands = sum(1 for c in cands if any(a < (c.end or 0) and (c.start or 0) < b for a, b, _ in truth.get(c.document_id, [])))
    recall = {k: round(sum(v) / len(v), 3) for k, v in sorted(found.items())}
    total = [x for v in found.values() for x in v]
    return {"recall_by_kind": recall, "planted": {k: len(v) for k, v in sorted(found.items())},
            "recall_all": round(sum(total) / len(total), 3), "candidates": len(cands),
            "precision": round(true_cands / len(cands), 3) if cands else None}


def synthetic(n: int, seed: int, folder: Path) -> dict[str, object]:
    rng = random.Random(seed)
    files, planted, listed = [], {}, []
    for i in range(1, n + 1):
        text, marks, names = interview(rng, i)
        path = folder / f"P{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        planted[path.stem] = marks
        listed.extend(names)
    out: dict[str, object] = {}
    for label, with_list in (("model_and_patterns", False), ("with_team_list", True)):
        with cotheme.create_project(folder / f"{label}.cotheme", lead="Bench") as p:
            p.documents.import_files(files)
            if with_list:
                for k, name in enumerate(dict.fromkeys(listed)):
                    p.deid.add_name(name, role="staff" if k % 2 == 0 else "participant")
            p.deid.scan()
            truth = {d.id: _spans(p.documents.get(d.id).text, planted[d.title]) for d in p.documents.list()}
            out[label] = _score(p, truth)
    out["interviews"] = n
    return out


def zoom(folder: Path) -> dict[str, object]:
    if not ZOOM.exists():
        return {"skipped": f"{ZOOM} not found"}
    out: dict[str, object] = {}
    for label, with_list in (("model_and_patterns", False), ("with_speaker_names_listed", True)):
        with cotheme.create_project(folder / f"zoom-{label}.cotheme", lead="Bench") as p:
            (doc,) = p.documents.import_files([ZOOM])
            speakers = list(doc.speakers)
            if with_list:
                for name in speakers:
                    p.deid.add_name(name.replace("Dr. ", ""), role="staff")
            p.deid.scan()
            text = p.documents.get(doc.id).text
            cands = p.deid.candidates()
            labels = {c.original for c in cands if c.field == "speaker"}
            spans = [(c.start or 0, c.end or 0) for c in cands if c.field == "text"]
            mentions = [(m.start(), m.end(), m.group()) for name in ZOOM_MENTIONS for m in re.finditer(rf"\b{name}\b", text)]
            hits = [(w, any(a < e and s < b for a, b in spans)) for s, e, w in mentions]
            found = sum(1 for _, h in hits if h) + sum(1 for s in speakers if s in labels)
            total = len(mentions) + len(speakers)
            out[label] = {
                "speaker_labels": f"{sum(1 for s in speakers if s in labels)}/{len(speakers)}",
                "mentions_in_text": f"{sum(1 for _, h in hits if h)}/{len(mentions)}",
                "missed": sorted({w for w, h in hits if not h}),
                "recall_names": round(found / total, 3),
                "candidates_in_text": len(spans),
            }
    return out


def speed(folder: Path) -> dict[str, object]:
    began = time.perf_counter()
    deid_model.load()
    load = time.perf_counter() - began
    rng = random.Random(11)
    text, _, _ = interview(rng, 1, words=10_000)
    (folder / "long.txt").write_text(text, encoding="utf-8")
    with cotheme.create_project(folder / "speed.cotheme", lead="Bench") as p:
        p.documents.import_files([folder / "long.txt"])
        report = p.deid.scan()
        plain = p.deid.scan(use_model=False)
    return {"words": report.words, "scan_seconds_with_model": report.seconds,
            "scan_seconds_patterns_only": plain.seconds, "model_load_seconds": round(load, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if deid_model.model_version() is None:
        sys.exit("the named-entity model is not installed; run 'make env'")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        result = {"model": deid_model.describe(), "speed": speed(folder), "zoom": zoom(folder),
                  "synthetic": synthetic(args.interviews, args.seed, folder)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
