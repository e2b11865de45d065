"""A team study with a blind transcript full of marker strings, for the tests that walk every read path
(web routes and CLI commands) as each member and look for what they must not receive.

B01 is blind and assigned to Ann and Bea. Ann, Bea and the lead each code one span of it holding their
own marker word, write a memo on that coding and one on the document; P01 (not blind) is coded too and a
project memo is for everyone. A theme links both codes and holds blind codings as exemplars; cases carry
an attribute; a correction of B01 sends Bea's coding to the review queue; assistance is on and indexed.

The oracle (``hidden`` / ``trim``): what a restricted member receives must not change when every row
hidden from them is deleted. A coding's quote is also transcript text, which everyone may read, so its
marker may appear, but only as often as it does once the coding is gone; a hidden memo's marker must
never appear at all.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import delete

import cotheme
from cotheme.services.project import Project
from cotheme.storage import search
from cotheme.storage.schema import memos
from tests.team.conftest import populate

#: The members whose view of a blind document is restricted (everyone but the lead).
RESTRICTED = ("Ann", "Bea", "Vic")
ROLES = ("Lead", *RESTRICTED)
CODERS = ("Ann", "Bea", "Lead")
#: The marker word inside each coder's coded span of B01.
QUOTE = {name: f"quotemarker{name.lower()}" for name in CODERS}
BLIND_TEXT = (
    "Interviewer: How was the ward at night?\n\n"
    f"B01: The {QUOTE['Ann']} nurse came late every night. Later on the {QUOTE['Bea']} porter was kind "
    f"to me. At dawn the {QUOTE['Lead']} doctor sat down and listened.\n"
)
SPAN = {"Ann": f"{QUOTE['Ann']} nurse came late", "Bea": f"{QUOTE['Bea']} porter was kind",
        "Lead": f"{QUOTE['Lead']} doctor sat down"}
SHARED_MEMO = "sharedmemoforeveryone"


def coding_memo(name: str) -> str:
    return f"codingmemo{name.lower()}"


def document_memo(name: str) -> str:
    return f"documentmemo{name.lower()}"


#: The lead's memo on Ann's coding: in a blind document, so for the lead's eyes only.
LEAD_ON_ANN = "leadmemoonanncoding"
MEMO_MARKERS = {marker: name for name in CODERS for marker in (coding_memo(name), document_memo(name))}
MEMO_MARKERS[LEAD_ON_ANN] = "Lead"
#: Searches that find every marker (a trailing * finds words starting so). None is a whole marker: a
#: page or command that repeats the query would show it without leaking anything.
SEARCHES = ("quotemarker*", "codingmemo*", "documentmemo*", "leadmemo*", "sharedmemo*", "night")


@dataclass(frozen=True)
class Ids:
    """Real ids of the study, to fill path and query parameters with."""

    documents: tuple[int, ...]
    codings: tuple[int, ...]
    codes: tuple[int, ...]
    themes: tuple[int, ...]
    blind: int


def build(folder: Path) -> Project:
    """The study in ``folder/study.cotheme`` (left open; the caller closes it)."""
    folder.mkdir(parents=True, exist_ok=True)
    project = cotheme.create_project(folder / "study.cotheme", title="Night ward study", lead="Lead")
    populate(project, folder)
    (folder / "B01.txt").write_text(BLIND_TEXT, encoding="utf-8")
    project.import_files([folder / "B01.txt"])
    (folder / "cases.csv").write_text("id,setting\nP01,clinic\nB01,ward\n", encoding="utf-8")
    project.import_cases(folder / "cases.csv")
    project.assign("B01", ["Ann", "Bea"], blind=True)
    lead = project.acting_as("Lead")
    for name, code in (("Ann", "Waiting"), ("Bea", "Listening"), ("Lead", "Listening")):
        member = project.acting_as(name)
        coding = member.code("B01", code, quote=SPAN[name], coder=name)
        member.add_memo(f"Why I coded this: {coding_memo(name)}", target="coding", target_id=coding.id, author=name)
        member.add_memo(f"On first reading: {document_memo(name)}", target="document",
                        target_id=coding.document_id, author=name)
    lead.add_memo(f"For the whole team: {SHARED_MEMO}", author="Lead")
    on_ann = next(e for e in lead.codings(document="B01") if e.coder == "Ann")
    lead.add_memo(f"A lead's note on Ann's coding: {LEAD_ON_ANN}", target="coding", target_id=on_ann.id, author="Lead")
    theme = lead.create_theme("Care at night", definition="How staff met people at night.")
    lead.link_codes(theme.id, ["Waiting", "Listening"])
    for coding in lead.codings(document="B01"):
        lead.add_exemplar(theme.id, coding.id, member="Lead")
    # An edit that Bea's coding cannot follow: it waits in the review queue with its old quote.
    lead.edit_document("B01", replace=f"{QUOTE['Bea']} porter was kind to me", with_text="someone helped",
                       reason="correction")
    lead.set_assist(True)
    lead.index()
    return project


def ids(project: Project) -> Ids:
    lead = project.acting_as("Lead")
    blind = next(d.id for d in lead.documents() if d.title == "B01")
    return Ids(
        documents=tuple(d.id for d in lead.documents()),
        codings=tuple(e.id for e in lead.codings()),
        codes=tuple(c.code.id for c in lead.codes()),
        themes=tuple(t.theme.id for t in lead.themes()),
        blind=blind,
    )


def hidden(project: Project, name: str) -> tuple[list[int], list[int]]:
    """(coding ids, memo ids) of B01 that ``name`` may not see: codings by anyone else, and memos anyone
    else wrote there or that are on those codings."""
    lead = project.acting_as("Lead")
    blind = ids(project).blind
    in_blind = {e.id: e.coder for e in lead.codings(document=blind)}
    codings = [i for i, coder in in_blind.items() if coder != name]
    notes = [m.id for m in lead.memos()
             if (m.target.value == "coding" and m.target_id in codings)
             or (m.author != name and ((m.target.value == "document" and m.target_id == blind)
                                       or (m.target.value == "coding" and m.target_id in in_blind)))]
    return codings, notes


def trim(project: Project, name: str) -> None:
    """Delete every row of B01 hidden from ``name``: what they see must not change."""
    codings, notes = hidden(project, name)
    with project._store.write() as conn:  # noqa: SLF001 - memos have no delete operation to call
        for memo_id in notes:
            search.drop_memo_units(conn, memo_id)
        conn.execute(delete(memos).where(memos.c.id.in_(notes)))
    for coding_id in codings:
        project.acting_as("Lead").delete_coding(coding_id)


def hidden_markers(name: str) -> tuple[set[str], set[str]]:
    """(quote markers, memo markers) of what ``name`` may not see."""
    others = {c for c in CODERS if c != name}
    return {QUOTE[c] for c in others}, {m for m, author in MEMO_MARKERS.items() if author in others}


def readable(data: bytes) -> str:
    """The text a person would read in a response or file: zip members (docx, xlsx, qdpx) unpacked and
    their markup dropped, PDF pages extracted, anything else decoded."""
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(readable(archive.read(name)) for name in archive.namelist())
    if data.startswith(b"%PDF"):
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    text = data.decode("utf-8", errors="replace")
    return re.sub(r"<[^>]+>", "", text) if text.lstrip().startswith("<?xml") else text


def counts(text: str, markers: set[str]) -> dict[str, int]:
    return {m: text.count(m) for m in sorted(markers)}
