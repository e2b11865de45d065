"""Merging a file's notes and comments as memos: part of the REFI-QDA merge (``exchange_merge``).

Owns where each memo goes and that none arrives twice:

* a note attached to a source, a code, a set's theme or a coding (or its selection) becomes a memo on
  what cotheme holds of it; a note with several targets goes to the first one held (reported), one with
  none to the project;
* comments other programs keep in a ``Description`` become memos too: of a source (on the document) and
  of a selection (on its first coding). cotheme writes every memo on a document or a coding there as
  well (QualCoder reads them only there), several joined by ``domain.exchange.MEMO_SEPARATOR``, so a
  description is split back into its memos;
* an annotation, a note about a passage (QualCoder's note holding a ``PlainTextSelection``, MAXQDA's
  selection without a coding), goes on the coding with exactly that span when the document has one;
  otherwise on the document, its text led by the passage quoted with its characters, so the place is
  not lost (cotheme memos are attached to objects, not to positions); an annotation no source refers to
  (QualCoder refers to the first annotation of each document only) goes on the project, its characters
  named;
* a memo whose GUID the project holds is the same memo; any other whose text the same target already
  holds, from the project or from earlier in the file, is not added again (a note and a description
  of one memo, or a file that came back from another program with new GUIDs).

Must not parse files; it works inside the ``Merge``'s transaction.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import TYPE_CHECKING

from cotheme.domain.exchange import ExNote, NoteTarget, split_memos
from cotheme.domain.memos import MemoTarget
from cotheme.storage import exchange as repo
from cotheme.storage.schema import memos

if TYPE_CHECKING:
    from cotheme.services.exchange_merge import Merge

__all__ = ["DERIVED", "merge_memos"]

#: Derived GUIDs (a description as a memo) are stable, so importing twice matches them.
DERIVED = uuid.UUID("6b1c3c5e-2f7a-4f0e-9a53-1d1f0c0ffee6")
#: A quoted passage that leads an annotation's memo is cut to this many characters (a long one would
#: bury the comment; the characters named after it locate the whole passage).
QUOTE_CHARS = 120
_COLUMN = {MemoTarget.DOCUMENT: "document_id", MemoTarget.CODE: "code_id", MemoTarget.CODING: "coding_id",
           MemoTarget.THEME: "theme_id"}


def merge_memos(merge: Merge) -> None:
    """Add the file's notes and described comments as memos (see the module docstring)."""
    _MemoMerge(merge).run()


class _MemoMerge:
    def __init__(self, merge: Merge) -> None:
        self.merge = merge
        self.conn = merge.conn
        self.known = repo.by_guid(self.conn, memos)
        self.held: dict[tuple[MemoTarget, int | None], set[str]] = defaultdict(set)
        for row in self.known.values():
            target = MemoTarget(row.target)
            column = _COLUMN.get(target)
            self.held[(target, getattr(row, column) if column else None)].add(row.text.strip())
        sources = merge.project.sources
        self.first_coding = {sel.guid: sel.codings[0].guid for s in sources for sel in s.selections if sel.codings}

    def run(self) -> None:
        notes = list(self.merge.project.notes) + self._derived_notes()
        wanted = {t.guid for n in notes for t in n.targets if t.kind in ("coding", "selection") and t.guid}
        wanted = {self.first_coding.get(g, g) for g in wanted}
        found = repo.codings_by_guid(self.conn, {g for g in wanted if g not in self.merge.coding_ids})
        self.coding_ids = {**{g: row.id for g, row in found.items()}, **self.merge.coding_ids}
        annotated = {t.guid for n in notes if n.span is not None for t in n.targets if t.kind == "source"}
        doc_ids = {doc.id for guid, doc in self.merge.docs.items() if guid in annotated and doc is not None}
        self.spans = repo.coding_spans(self.conn, doc_ids)
        for note in notes:
            self._one(note)

    def _one(self, note: ExNote) -> None:
        text = _note_text(note)
        if not text.strip():
            return
        row = self.known.get(note.guid)
        if row is not None:
            self.merge.matched["memos"] += 1
            if row.text != text:
                self.merge.conflict(f"The memo {note.guid} has different text in the file; kept ours.")
            return
        target, target_id, text = self._target(note, text)
        held = self.held[(target, target_id)]
        if text.strip() in held:
            self.merge.matched["memos"] += 1
            return
        repo.insert_memo(self.conn, guid=note.guid, text=text, author_id=self.merge.user(note.creating_user),
                         target=target, target_id=target_id, created_at=note.created, updated_at=note.modified)
        held.add(text.strip())
        self.merge.created["memos"] += 1

    def _derived_notes(self) -> list[ExNote]:
        """Comments other programs keep in a ``Description`` (of a source, of a selection) as memos; a
        selection without a coding that carries one is an annotation of its passage (MAXQDA)."""
        found = []
        for source in self.merge.project.sources:
            for at, text in enumerate(split_memos(source.description)):
                found.append(ExNote(guid=_derived(source.guid, at), text=text, targets=(NoteTarget("source", source.guid),)))
            for sel in source.selections:
                target = NoteTarget("selection", sel.guid) if sel.codings else NoteTarget("source", source.guid)
                span = None if sel.codings else (sel.start, sel.end)
                for at, text in enumerate(split_memos(sel.description)):
                    found.append(ExNote(guid=_derived(sel.guid, at), text=text, creating_user=sel.creating_user,
                                        created=sel.created, targets=(target,), span=span))
        return found

    def _target(self, note: ExNote, text: str) -> tuple[MemoTarget, int | None, str]:
        """Where ``note`` goes, and its text (an annotation off any coding gets its passage in front)."""
        if len(note.targets) > 1:
            self.merge.note(f"The note '{note.name or note.guid}' is attached to {len(note.targets)} objects in the "
                            "file; cotheme attached it to the first it holds.")
        for target in note.targets:
            guid = target.guid or ""
            doc = self.merge.docs.get(guid) if target.kind == "source" else None
            if doc is not None and note.span is not None:
                start, end = note.span
                coding = self.spans.get((doc.id, start, end))
                if coding is not None:
                    return MemoTarget.CODING, coding, text
                return MemoTarget.DOCUMENT, doc.id, _on_passage(doc.text, start, end, text)
            if doc is not None:
                return MemoTarget.DOCUMENT, doc.id, text
            if target.kind == "code" and guid in self.merge.codes:
                return MemoTarget.CODE, self.merge.codes[guid], text
            if target.kind == "set" and guid in self.merge.themes:
                return MemoTarget.THEME, self.merge.themes[guid], text
            coding = self.coding_ids.get(self.first_coding.get(guid, guid)) if target.kind in ("coding", "selection") else None
            if coding is not None:
                return MemoTarget.CODING, coding, text
        if note.span is not None and not any(t.kind == "source" for t in note.targets):
            start, end = note.span
            text = f"On characters {start}\u2013{end} of a document the file does not name: {text}"
        return MemoTarget.PROJECT, None, text


def _on_passage(document: str, start: int, end: int, text: str) -> str:
    passage = " ".join(document[start:end].split())
    if len(passage) > QUOTE_CHARS:
        passage = passage[: QUOTE_CHARS - 1].rstrip() + "\u2026"
    return f"On \u201c{passage}\u201d (characters {start}\u2013{end}): {text}"


def _derived(guid: str, at: int) -> str:
    """The GUID of the ``at``-th memo in an object's description (the first keeps the GUID earlier
    versions gave the whole description, so their imports still match)."""
    return str(uuid.uuid5(DERIVED, guid if at == 0 else f"{guid}#{at}"))


def _note_text(note: ExNote) -> str:
    """A note's memo text: its name as a first line when the text does not already start with it."""
    text = note.text.strip()
    name = note.name.strip()
    if name and not text.startswith(name):
        text = f"{name}\n\n{text}" if text else name
    if note.description.strip() and note.description.strip() not in text:
        text = f"{text}\n\n{note.description.strip()}"
    return text
