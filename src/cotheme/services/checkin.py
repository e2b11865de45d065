"""Bringing an offline working copy back (``cotheme checkin``): one transaction, nothing overwritten.

Each thing is merged three-way (``domain.checkout.three_way``) against the copy's base:

- **codings** (the member's own): new ones are added (on the project's text: where the transcript's text
  differs from the copy's, carried through the difference, or put in the review queue when unsure);
  changed or deleted ones are applied when the project's row is as the copy found it, else queued as
  a conflict;
- **memos** (the member's own): new ones are added;
- **transcripts**: a text corrected only in the copy becomes a new revision (codings carried as for any
  edit); corrected on both sides, a conflict keeps the project's text and queues the copy's;
- **the codebook**: a code added offline is created (so its codings have a home) and queued as a
  proposal; a rename, move or new definition made offline is only proposed; one made differently on
  both sides is a conflict.

Every change is made as the member (so the audit trail says who), GUIDs are kept, and the queue holds
one item per copy and subject: checking the same copy in twice changes nothing the second time. The
copy's base then becomes what was merged, so work can go on in it.

Must not decide queued items (``services/merge_queue.py`` does).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select, update

from cotheme.domain.memos import MemoTarget
from cotheme.domain.checkout import (
    Baseline, CheckinSummary, CodeState, CodingState, Side, WorkState, key_of, three_way,
)
from cotheme.domain.reanchor import Status, carry, diff
from cotheme.domain.text import Anchor
from cotheme.errors import InputError, InvalidArgument, NotFound, PassphraseRequired
from cotheme.services import revisions as revision_service
from cotheme.storage import checkout as repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import codings as codings_repo
from cotheme.storage import history
from cotheme.storage import memos as memos_repo
from cotheme.storage import revisions as revisions_repo
from cotheme.storage.schema import codes, codings, documents, members, memos, revisions, themes
from cotheme.storage.store import Store, now
from cotheme.storage.tracking import ACTOR


def read_copy(path: Path, passphrase: str | None = None, shown_as: str | None = None) -> tuple[Store, Baseline]:
    """Open a working copy and read what it says about itself (``shown_as``: its name in sentences)."""
    name = shown_as or str(path)
    if not path.exists():
        raise NotFound(f"{name} does not exist.")
    try:
        copy = Store.open(str(path), passphrase)
    except PassphraseRequired:
        raise InputError(f"{name} is not a working copy made by 'cotheme checkout' (or it is encrypted and "
                         "needs its passphrase); nothing was merged.") from None
    with copy.read() as conn:
        baseline = repo.read_baseline(conn)
    if baseline is None:
        copy.close()
        raise InvalidArgument(f"{name} is not a working copy made by 'cotheme checkout'; nothing was merged.")
    return copy, baseline


def checkin(origin: Store, copy_path: Path, passphrase: str | None = None, shown_as: str | None = None) -> CheckinSummary:
    copy, baseline = read_copy(copy_path, passphrase, shown_as)
    try:
        with copy.read() as conn:
            member_id = conn.execute(select(members.c.id).where(members.c.guid == baseline.member_guid)).scalar_one()
            theirs = repo.state_of(conn, member_id)
            texts = _texts(conn)
        with origin.write() as conn:
            summary = _Merge(conn, baseline, theirs, texts).run()
        with copy.write() as conn:
            repo.write_baseline(conn, Baseline(baseline.guid, baseline.origin, baseline.member,
                                               baseline.member_guid, baseline.made_at, theirs))
    finally:
        copy.close()
    return summary


def _texts(conn: Connection) -> dict[str, str]:
    rows = conn.execute(select(documents.c.guid, revisions.c.text)
                        .select_from(documents.join(revisions, revisions.c.id == documents.c.current_revision_id)))
    return {r.guid: r.text for r in rows}


class _Merge:
    def __init__(self, conn: Connection, baseline: Baseline, theirs: WorkState, texts: dict[str, str]) -> None:
        self.conn, self.base, self.theirs, self.texts = conn, baseline.base, theirs, texts
        self.baseline = baseline
        row = conn.execute(select(members.c.id, members.c.name).where(members.c.guid == baseline.member_guid)).first()
        if row is None:
            raise NotFound(f"The member '{baseline.member}' of this working copy is not in the project any more; "
                           "nothing was merged.")
        self.member_id, self.member = row.id, row.name
        self.ours = repo.state_of(conn, self.member_id)
        self.summary = CheckinSummary(self.member)
        self.code_ids = dict(conn.execute(select(codes.c.guid, codes.c.id)).all())
        self.doc_ids = dict(conn.execute(select(documents.c.guid, documents.c.id)).all())
        self.coding_ids = dict(conn.execute(select(codings.c.guid, codings.c.id)).all())

    def run(self) -> CheckinSummary:
        token = ACTOR.set((self.member_id, self.member))
        try:
            self._codes()
            self._documents()
            self._codings()
            self._memos()
            repo.mark_checked_in(self.conn, self.baseline.guid)
        finally:
            ACTOR.reset(token)
        return self.summary

    def queue(self, kind: str, subject: str, guid: str, sentence: str, *, field: str = "",
              ours: Any = None, theirs: Any = None) -> None:
        if repo.add_item(self.conn, checkout=self.baseline.guid, member=self.member, kind=kind, subject=subject,
                         subject_guid=guid, field=field, sentence=sentence, ours=ours, theirs=theirs):
            self.summary.queued.append(sentence)

    # -- the codebook -----------------------------------------------------------------------------
    def _codes(self) -> None:
        for guid, code in self.theirs.codes.items():
            if guid not in self.code_ids:
                self._add_code(guid, code)
                continue
            base, ours = self.base.codes.get(guid), self.ours.codes.get(guid)
            if base is None or ours is None:
                continue
            for group in ("name", "parent", "definition"):
                side = three_way(base.fields(group), ours.fields(group), code.fields(group))
                if side is Side.THEIRS:
                    self.queue("proposal", "code", guid, self._proposal(ours, code, group), field=group,
                               ours=ours.fields(group), theirs=code.fields(group))
                elif side is Side.CONFLICT:
                    self.queue("conflict", "code", guid,
                               f"The code “{ours.name}” had its {group} changed both here and in {self.member}'s "
                               "copy; choose which stands.", field=group, ours=ours.fields(group), theirs=code.fields(group))
        for guid, code in self.base.codes.items():
            if guid not in self.theirs.codes and guid in self.ours.codes:
                self.queue("proposal", "code", guid, f"{self.member} deleted the code “{code.name}” in their copy; "
                           "delete it here too?", field="delete", ours=self.ours.codes[guid].name, theirs=None)

    def _proposal(self, ours: CodeState, theirs: CodeState, group: str) -> str:
        if group == "name":
            return f"{self.member} proposes renaming the code “{ours.name}” to “{theirs.name}”."
        if group == "parent":
            return f"{self.member} proposes moving the code “{ours.name}” in the codebook."
        return f"{self.member} proposes a new definition for the code “{ours.name}”."

    def _add_code(self, guid: str, code: CodeState) -> None:
        parent_id = self.code_ids.get(code.parent) if code.parent else None
        name = code.name
        while codes_repo.find_child(self.conn, parent_id, name) is not None:
            name = f"{code.name} (from {self.member}'s copy)" if name == code.name else f"{name}'"
        history.intend(self.conn, "create", f"added in {self.member}'s offline copy")
        fields = {"definition": code.definition, "inclusion": code.inclusion, "exclusion": code.exclusion,
                  "example": code.example}
        code_id = codes_repo.insert_code(self.conn, parent_id, name, fields, position=0)
        self.conn.execute(update(codes).where(codes.c.id == code_id).values(guid=guid))
        self.code_ids[guid] = code_id
        self.summary.count(self.summary.added, "codes")
        self.queue("proposal", "code", guid, f"{self.member} added the code “{name}” in their copy; keep it, or "
                   "merge it into another code.", field="add", ours=None, theirs=name)

    # -- transcripts ------------------------------------------------------------------------------
    def _documents(self) -> None:
        for guid, theirs in self.theirs.documents.items():
            base, ours = self.base.documents.get(guid), self.ours.documents.get(guid)
            if base is None or ours is None:
                continue
            side = three_way(base.sha, ours.sha, theirs.sha)
            if side is Side.THEIRS:
                self._edit(guid, self.texts[guid])
            elif side is Side.CONFLICT:
                self.queue("conflict", "document", guid,
                           f"The transcript “{ours.title}” was corrected both here (revision {ours.revision}) and in "
                           f"{self.member}'s copy; the text here stands until you choose.",
                           ours={"revision": ours.revision}, theirs={"text": self.texts[guid]})

    def _edit(self, guid: str, text: str) -> None:
        doc_id = self.doc_ids[guid]
        rev_id, number, old = revisions_repo.lock_current(self.conn, doc_id)
        title = self.conn.execute(select(documents.c.title).where(documents.c.id == doc_id)).scalar_one()
        revision_service.apply_change(self.conn, doc_id, title, rev_id, number, diff(old, text),
                                      author_id=self.member_id, reason=f"corrected in {self.member}'s offline copy",
                                      replacements=1)
        self.summary.count(self.summary.changed, "transcripts")

    # -- codings ----------------------------------------------------------------------------------
    def _codings(self) -> None:
        current = _current_texts(self.conn)
        for guid, coding in self.theirs.codings.items():
            base, ours = self.base.codings.get(guid), self._ours_coding(guid)
            if base is None and guid not in self.coding_ids:
                self._add_coding(guid, coding, current)
            elif base is not None:
                self._changed_coding(guid, base, ours, coding, current)
        for guid, base in self.base.codings.items():
            if guid in self.theirs.codings:
                continue
            ours = self._ours_coding(guid)
            side = three_way(key_of(base), key_of(ours), None)
            if side is Side.THEIRS and guid in self.coding_ids:
                codings_repo.delete_coding(self.conn, self.coding_ids[guid])
                self.summary.count(self.summary.deleted, "codings")
            elif side is Side.CONFLICT:
                self.queue("conflict", "coding", guid, f"A coding {self.member} deleted in their copy was changed "
                           "here since; it stays until you choose.", ours=_json(ours), theirs=None)

    def _ours_coding(self, guid: str) -> CodingState | None:
        return self.ours.codings.get(guid)

    def _changed_coding(self, guid: str, base: CodingState, ours: CodingState | None, theirs: CodingState,
                        current: dict[str, tuple[int, str]]) -> None:
        side = three_way(key_of(base), key_of(ours), key_of(theirs))
        if side is Side.THEIRS and guid in self.coding_ids and ours is not None:
            # The same passage keeps the project's anchor (it may have moved with a correction here).
            anchor = None if theirs.quote == ours.quote else self._place(theirs, current)[0]
            codings_repo.update_coding(self.conn, self.coding_ids[guid], code_id=self.code_ids[theirs.code],
                                       anchor=anchor, stamp=now())
            self.summary.count(self.summary.changed, "codings")
        elif side is Side.CONFLICT or (side is Side.THEIRS and guid not in self.coding_ids):
            what = "deleted" if ours is None else "changed"
            self.queue("conflict", "coding", guid, f"A coding {self.member} changed in their copy was {what} here "
                       "since; the project's stands until you choose.", ours=_json(ours), theirs=_json(theirs))

    def _add_coding(self, guid: str, coding: CodingState, current: dict[str, tuple[int, str]]) -> None:
        if coding.document not in self.doc_ids or coding.code not in self.code_ids:
            return  # a transcript deleted here since: nothing to put it on (the copy still has it)
        anchor, status = self._place(coding, current)
        rev_id = current[coding.document][0]
        coding_id = codings_repo.insert_coding(self.conn, document_id=self.doc_ids[coding.document], revision_id=rev_id,
                                               code_id=self.code_ids[coding.code], coder_id=self.member_id,
                                               anchor=anchor, stamp=now())
        values: dict[str, Any] = {"guid": guid}
        if status is not Status.OK:
            values |= {"anchor_status": status.value, "old_quote": coding.quote}
            self.summary.to_review += status is Status.REVIEW
        self.conn.execute(update(codings).where(codings.c.id == coding_id).values(**values))
        self.coding_ids[guid] = coding_id
        self.summary.count(self.summary.added, "codings")

    def _place(self, coding: CodingState, current: dict[str, tuple[int, str]]) -> tuple[Anchor, Status]:
        """Where the copy's coding lies on the project's text now."""
        anchor = Anchor(coding.start, coding.end, coding.quote, coding.prefix, coding.suffix)
        text = current[coding.document][1]
        copy_text = self.texts.get(coding.document, "")
        if copy_text == text:
            return anchor, Status.OK
        carried = carry(diff(copy_text, text), anchor)
        if carried.anchor is not None:
            return carried.anchor, carried.status
        start = min(coding.start, max(len(text) - 1, 0))  # kept near where it was, for a person to place
        return Anchor(start, min(max(coding.end, start + 1), len(text)), text[start:coding.end] or text[start:start + 1],
                      "", ""), Status.REVIEW

    # -- memos ------------------------------------------------------------------------------------
    def _memos(self) -> None:
        known = {guid for guid in self.ours.memos} | _all_memo_guids(self.conn)
        theme_ids = dict(self.conn.execute(select(themes.c.guid, themes.c.id)).all())
        ids = {"document": self.doc_ids, "code": self.code_ids, "coding": self.coding_ids, "theme": theme_ids}
        for guid, memo in self.theirs.memos.items():
            if guid in known or guid in self.base.memos:
                continue
            target = MemoTarget(memo.target)
            target_id = ids[memo.target].get(memo.target_guid) if memo.target != "project" else None
            if memo.target != "project" and target_id is None:
                continue  # its transcript, code or coding is gone here
            memo_id = memos_repo.insert_memo(self.conn, memo.text, self.member_id, target, target_id)
            self.conn.execute(update(memos).where(memos.c.id == memo_id).values(guid=guid))
            self.summary.count(self.summary.added, "memos")


def _all_memo_guids(conn: Connection) -> set[str]:
    return set(conn.execute(select(memos.c.guid)).scalars())


def _current_texts(conn: Connection) -> dict[str, tuple[int, str]]:
    rows = conn.execute(select(documents.c.guid, revisions.c.id, revisions.c.text)
                        .select_from(documents.join(revisions, revisions.c.id == documents.c.current_revision_id)))
    return {r.guid: (r.id, r.text) for r in rows}


def _json(state: CodingState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {"document": state.document, "code": state.code, "start": state.start, "end": state.end,
            "quote": state.quote, "prefix": state.prefix, "suffix": state.suffix}

