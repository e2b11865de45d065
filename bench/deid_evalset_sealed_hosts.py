"""Host texts and documents of the SEALED de-identification part (``deid_evalset_sealed``): which real
comments it reads from ``../shared/data`` (none another part reads), how they become interviews, and
where the planted sentences and speaker labels go. Nothing is copied: the files are read on each run.
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

_URGENT = ("111", "See and Convey", "PTS", "Unknown")
_MENTAL = ("Local partnerships- MH", "Forensic", "Community health services")
#: A number in a host comment is kept only as a duration, a count or a score ("4-5 weeks", "10/10"):
#: those identify nobody, while a date, an age or a phone number would be an unmarked identifier.
_QUANTITY = re.compile(r"\d+(?:\.\d+)?\s*(?:-\s*\d+\s*)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|"
                       r"times?|x|%|stars?|calls?|people|staff|patients|nurses|miles?)\b|\b24/7\b|\b\d+/10\b", re.I)
_AGE_WORDS = re.compile(r"years? old|\baged?\b", re.I)
CHAT = Path(__file__).resolve().parents[2] / "shared" / "data" / "captions-vtt" / "GMT20240124-202901_RecordingnewChat.txt"
#: Real names in the chosen host texts (read off them): gold wherever they occur.
HOST_NAMES = ["Calvin", "Eileen", "Emma", "Heidi", "Jess", "Julie", "Lynda", "Michelle", "Patrick", "Ryan", "Tina", "Tom",
              "RRLP", "Srijani"]  # RRLP: a staff member's initials ("I thank RRLP so much ... amazing person")
HOST_ORGS = ["RVI", "NSEC", "CINSS"]  # the Royal Victoria Infirmary, a specialist emergency care hospital, a local service
HOST_PLACES = ["cramlington"]
#: Name-list entries that are also ordinary words ("Young", "Ray"): never used as speaker labels, whose
#: every mention in the text is gold.
_WORDLIKE = {"Ray", "Sky", "Jo", "Prince", "Green", "Young", "Hall", "Le", "Lee", "Cox", "Payne", "Islam", "Faye", "Le"}
DOCS_PER_SOURCE = {"mh": 4, "urgent": 40, "phase1": 44}


def _numbers_ok(text: str) -> bool:
    return not re.search(r"\d", _QUANTITY.sub("", text)) and not (re.search(r"\d", text) and _AGE_WORDS.search(text))


def taken_by_other_parts() -> set[str]:
    """Every host comment the TUNE, TEST, FRESH, HOLDOUT and UNSEEN parts read."""
    import deid_evalset as ev
    import deid_evalset_unseen as unseen

    taken = unseen.taken_by_other_parts()
    taken |= {c for _, turns in unseen.hosts(ev.NHS, ev.PHASE1, taken) for _, c in turns}
    return taken


def _comments(path_v6: Path, path_phase1: Path, taken: set[str]) -> dict[str, list[str]]:
    """Host comments no other part takes, by source: v6 mental-health/forensic/community, v6 urgent
    care (111, ambulance, patient transport), phase1."""
    from deid_evalset_fresh import _clean, _english

    known = _english()

    def ok(text: str) -> bool:
        return len(text.split()) >= 15 and text not in taken and _numbers_ok(text) and _clean(text, known)

    with path_v6.open(encoding="utf-8", newline="") as handle:
        v6_rows = list(csv.DictReader(handle))
    v6_all = {" ".join((r.get("FFT answer") or "").split()) for r in v6_rows}
    out: dict[str, list[str]] = {}
    for source, prefixes in (("mh", _MENTAL), ("urgent", _URGENT)):
        texts = [" ".join((r.get("FFT answer") or "").split()) for r in v6_rows
                 if (r.get("Service type 1") or "").startswith(prefixes) or (source == "urgent" and not r.get("Service type 1"))]
        out[source] = [t for t in dict.fromkeys(texts) if ok(t)]
    with path_phase1.open(encoding="utf-8", newline="") as handle:
        p1 = [" ".join((r.get("feedback") or "").split()) for r in csv.DictReader(handle)]
    out["phase1"] = [t for t in dict.fromkeys(p1) if ok(t) and t not in v6_all]
    shuffle = random.Random("sealed-hosts")
    for texts in out.values():
        shuffle.shuffle(texts)
    return out


def hosts(path_v6: Path, path_phase1: Path, taken: set[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Host interviews with placeholder speakers "Interviewer", "Participant" and "Second": one in four
    is a pair (two participants taking turns), the others one participant with the interviewer's
    questions and backchannels between comments; then the Zoom chat, its speakers as they are."""
    from deid_evalset_sealed_lists import OPENERS, PROMPTS

    by_source = _comments(path_v6, path_phase1, taken)
    rng = random.Random("sealed-prompts")
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for source, count in DOCS_PER_SOURCE.items():
        texts = by_source[source]
        at = 0
        for i in range(count):
            pair = len(out) % 4 == 3
            per = rng.choice([5, 6]) if not pair else 6
            if at + per > len(texts):
                break
            turns = [("Interviewer", OPENERS[len(out) % len(OPENERS)])]
            for j, comment in enumerate(texts[at:at + per]):
                turns.append(("Second" if pair and j % 2 else "Participant", comment))
                if rng.random() < (0.35 if pair else 0.6) and j < per - 1:
                    turns.append(("Interviewer", rng.choice(PROMPTS)))
            at += per
            out.append((f"sealed{source}-{i}", turns))
    out.append(("sealedchat-0", _chat()))
    return out


def _chat() -> list[tuple[str, str]]:
    """The Zoom chat export: "time<TAB>Name:<TAB>message" lines."""
    turns = []
    for line in CHAT.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            turns.append((parts[1].rstrip(":").strip(), " ".join("\t".join(parts[2:]).split())))
    return turns


def _label(rng: random.Random, staff: bool) -> str:
    from deid_evalset_sealed_lists import FIRST, LAST, TITLE

    first = rng.choice([f for f in FIRST if f not in _WORDLIKE])
    last = rng.choice([n for n in LAST if n not in _WORDLIKE])
    forms = [f"{first} {last}", first, f"{first} {last}", first] + ([f"{rng.choice(TITLE[:6])} {last}"] if staff else [])
    return rng.choice(forms)


def _mentions(text: str, gold: list, labels: set[str]) -> list:  # type: ignore[type-arg]
    """Every mention of a name a speaker label holds (its given name or surname, not its title)."""
    import deid_evalset as ev
    from deid_evalset_sealed_lists import FIRST, LAST

    names = {n for n in FIRST + LAST for label in labels if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", label)}
    return ev._host_names(text, gold, sorted(names))


def build(*, seed: int | None = None, per_doc: int = 8, max_docs: int | None = None) -> list:  # type: ignore[type-arg]
    """The documents of this part (``deid_evalset.Doc``): each host interview with up to ``per_doc``
    planted sentences (kinds in ``SHARE`` proportions), a third labelled with names instead of roles."""
    import deid_evalset as ev
    from deid_evalset_sealed import SEED, deal_forms, kind_plan, plant
    from deid_evalset_sealed_lists import FIRST, OPEN_GREETINGS, ROLE_SETS

    rng = random.Random(f"{SEED if seed is None else seed}-sealed")
    host_docs = hosts(ev.NHS, ev.PHASE1, taken_by_other_parts())
    if max_docs is not None:
        host_docs = host_docs[:max_docs]
    targets = [set(rng.sample(range(1, len(turns)), min(per_doc, len(turns) - 1))) if not name.startswith("sealedchat")
               else set() for name, turns in host_docs]
    plan = kind_plan(sum(len(t) for t in targets), rng)
    deal_forms(random.Random(f"{SEED if seed is None else seed}-forms"))
    docs, roles_used = [], {2: 0, 3: 0}
    for index, (name, turns) in enumerate(host_docs):
        doc = ev.Doc(name=name, source=name.split("-")[0])
        speakers = list(dict.fromkeys(s for s, _ in turns))
        named = index % 3 == 2 or name.startswith("sealedchat")
        if name.startswith("sealedchat"):
            label_for = {s: s for s in speakers}
        elif named:
            label_for = {}
            for s in speakers:
                label = _label(rng, staff=s != "Interviewer")
                while any(label.split()[-1] in other or other.split()[-1] in label for other in label_for.values()):
                    label = _label(rng, staff=s != "Interviewer")
                label_for[s] = label
            said = label_for["Participant"]  # the first name, or a title and surname as the label has them
            said = max((f for f in FIRST if said.startswith(f + " ") or said == f), key=len, default=said)
            greeting = rng.choice(OPEN_GREETINGS).format(who=said)
            turns = [(turns[0][0], f"{greeting} {turns[0][1]}"), *turns[1:]]
        else:
            fitting = [r for r in ROLE_SETS if len(r) == len(speakers)]  # pairs take the three-role sets
            roles = fitting[roles_used[len(speakers)] % len(fitting)]
            roles_used[len(speakers)] += 1
            label_for = dict(zip(["Interviewer", "Participant", "Second"], roles, strict=False))
        offset, pieces = 0, []
        for t_index, (speaker, text) in enumerate(turns):
            body, gold_here = text, []
            if t_index in targets[index]:
                kind = plan.pop()
                sentence, spans = plant(kind, rng, "interviewer" if speaker == "Interviewer" else "participant")
                cut = ev._cut_point(body, rng)
                # After a comment with no closing stop the planted sentence still starts a sentence.
                glue = "" if not cut or body[cut - 1].isspace() else (" " if body[cut - 1] in ".!?" else ". ")
                pad = len(glue)
                body = body[:cut] + glue + sentence + " " + body[cut:].lstrip()
                body = body.rstrip()
                gold_here = [(cut + pad + s, cut + pad + e, k, v) for s, e, k, v in spans]
            pieces.append(body)
            doc.turns.append((label_for[speaker], offset, offset + len(body)))
            doc.gold.extend(ev.Span(offset + s, offset + e, k, v) for s, e, k, v in gold_here)
            offset += len(body) + 1
        doc.text = "\n".join(pieces)
        doc.gold.extend(ev._host_names(doc.text, doc.gold, HOST_NAMES))
        doc.gold.extend(ev._host_names(doc.text, doc.gold, HOST_ORGS, kind="health_org"))
        doc.gold.extend(ev._host_names(doc.text, doc.gold, HOST_PLACES, kind="place"))
        if named:
            doc.gold.extend(_mentions(doc.text, doc.gold, set(label_for.values())))
        doc.gold.sort(key=lambda g: g.start)
        doc.speakers = [(label, named) for label in dict.fromkeys(label_for.values())]
        docs.append(doc)
    deal_forms(None)
    return docs
