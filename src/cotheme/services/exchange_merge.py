"""Merging an exchange project (read from a QDPX or QDC) into a cotheme project, by GUID.

Owns the merge rules, all applied inside the caller's one transaction:

* an object whose GUID the project already holds is the same object: fields empty on our side are
  filled from the file, a field that differs is reported as a conflict and ours is kept (a code's
  colour is kept without a report, since every code has one; a document
  whose text differs keeps ours and the file's codings on it are not imported);
* an object with a new GUID is matched by name where names must be unique (a member's name, a code's
  name under its parent, a case id, an attribute name) and otherwise created with the file's GUID;
* a document with a new GUID but the text of one of ours (another program's export of this project;
  QualCoder makes new GUIDs on every export) is ours by text and title: the import refuses with a
  sentence unless told to ``merge`` it or import a ``copy``; on a document we held, a coding with a new
  GUID and the code, coder and span of one of ours is that coding;
* names cotheme cannot take are adapted and reported (a ``/`` in a code name, an empty name, a second
  code of one name under one parent); programs' placeholder users (ATLAS.ti's "ATLAS.ti", QualCoder's
  "default") get no member, and a document without a known creator is the importing member's;
* sets become themes (``exchange_themes``), after the codings so exemplars find theirs and before the
  memos (``exchange_memos``) so a note in a set becomes a memo on its theme;
* what cotheme cannot hold is reported, never dropped silently: case descriptions, selection
  references of cases, the sources ``refi_read`` skipped (and, from ``exchange_themes``, document sets
  and the sources in sets).

Must not parse files nor write them; it receives an ``ExchangeProject``.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from cotheme.domain.codebook import DEFAULT_COLOURS
from cotheme.domain.documents import SourceInfo
from cotheme.domain.exchange import ExchangeProject, ExCode, ExCodeExtra, ExSource, paragraph_turns, split_description
from cotheme.domain.project import Permission
from cotheme.domain.text import anchor_in
from cotheme.domain.transcript import ParsedTranscript
from cotheme.errors import Conflict, InvalidArgument
from cotheme.services.exchange_memos import merge_memos
from cotheme.services.exchange_names import clean_code_name, clean_name, is_pseudo_user, pseudo_user_note, unique
from cotheme.services.exchange_themes import merge_sets
from cotheme.storage import bulk
from cotheme.storage import cases as cases_repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage import exchange as repo
from cotheme.storage import study
from cotheme.storage.schema import attributes, cases, codes, members
from cotheme.storage.store import now
from cotheme.storage.tracking import ACTOR
from cotheme.domain.plural import counted

#: What an import does with a document of the file whose GUID is new here but whose text a document
#: of the project has (another program's export of this project: QualCoder makes new GUIDs each time).
SAME_TEXT = ("refuse", "merge", "copy")
_CODE_FIELDS = ("definition", "inclusion", "exclusion", "example")


@dataclass
class ExchangeImport:
    """What an import did: objects created and matched per kind, conflicts (ours kept), and notes on
    what was adapted or not imported."""

    file: str
    origin: str = ""
    positions: str = "code points"
    created: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Doc:
    id: int
    revision_id: int
    text: str
    case_id: int | None


class Merge:
    """One merge of ``project`` into the database behind ``conn``; call ``run`` once."""

    def __init__(self, conn: Connection, project: ExchangeProject, result: ExchangeImport, *, fresh: bool,
                 same_text: str = "refuse") -> None:
        if same_text not in SAME_TEXT:
            raise InvalidArgument(f"'{same_text}' is not a choice for documents with the same text; use refuse, merge or copy.")
        self.conn = conn
        self.project = project
        self.result = result
        self.fresh = fresh
        self.same_text = same_text
        self.extension = project.extension
        self.created: Counter[str] = Counter()
        self.matched: Counter[str] = Counter()
        self.users: dict[str, int | None] = {}
        self.codes: dict[str, int] = {}
        self.attributes: dict[str, int] = {}
        self.cases: dict[str, int] = {}
        self.docs: dict[str, _Doc | None] = {}
        self.coding_ids: dict[str, int] = {}  # a file coding's GUID -> the coding it matched here
        self.new_docs: set[int] = set()
        actor = ACTOR.get()
        self.importer: int | None = actor[0] if actor is not None else None
        self.themes: dict[str, int] = {}
        self.later = bulk.Deferred()  # new documents' turns and search units (see _codings)

    def run(self) -> ExchangeImport:
        if self.fresh:
            self._study()
        self._members()
        self._codes()
        self._attributes()
        self._cases()
        self._documents()
        self._link_cases()
        self._codings()
        self.themes = merge_sets(self)
        merge_memos(self)
        self._report_unheld()
        self.result.created = {k: v for k, v in self.created.items() if v}
        self.result.matched = {k: v for k, v in self.matched.items() if v}
        return self.result

    def conflict(self, text: str) -> None:
        self.result.conflicts.append(text)

    def note(self, text: str) -> None:
        self.result.notes.append(text)

    # -- study and members ------------------------------------------------------------------------
    def _study(self) -> None:
        values = {"description": self.project.description} if self.project.description else {}
        if self.extension is not None:
            values |= self.extension.study
        if values:
            study.write_settings(self.conn, values)

    def _members(self) -> None:
        known = repo.by_guid(self.conn, members)
        by_name = repo.members_by_name(self.conn)
        file_guids = {u.guid for u in self.project.users}
        for user in self.project.users:
            if is_pseudo_user(user.name, self.project.origin):
                self.users[user.guid] = None
                self.note(pseudo_user_note(user.name))
                continue
            name = clean_name(user.name, 200) or f"User {user.guid[:8]}"
            row = known.get(user.guid)
            if row is not None:
                self.users[user.guid] = row.id
                self.matched["members"] += 1
                if row.name != name:
                    self.conflict(f"Member {user.guid} is '{row.name}' here and '{name}' in the file; kept '{row.name}'.")
                continue
            row = by_name.get(name.lower())
            if row is not None:
                self.users[user.guid] = row.id
                self.matched["members"] += 1
                if self.fresh and row.guid not in file_guids and user.guid not in known:
                    repo.update_row(self.conn, members, row.id, guid=user.guid)
                    known[user.guid] = row
                continue
            extra = self.extension.members.get(user.guid) if self.extension else None
            permission = Permission(extra.permission) if extra else Permission.CODER
            new_id = repo.insert_member(self.conn, user.guid, name, extra.role_label if extra else "", permission)
            self.users[user.guid] = new_id
            by_name[name.lower()] = _Row(id=new_id, guid=user.guid, name=name)
            known[user.guid] = by_name[name.lower()]
            self.created["members"] += 1

    def user(self, guid: str | None) -> int | None:
        return self.users.get(guid) if guid else None

    # -- codes ------------------------------------------------------------------------------------
    def _codes(self) -> None:
        known = repo.by_guid(self.conn, codes)
        by_id = {row.id: row for row in known.values()}
        siblings = {(row.parent_id, row.name.lower()): row.id for row in known.values()}
        uncodable = repo.uncodable(self.conn)
        before = set(uncodable)
        made_here: set[int] = set()
        position = len(known)
        mirrors = _mirror_codes(self.project.codes)
        for code in self.project.codes:
            folder = mirrors.get(code.guid)
            if folder is not None and folder in self.codes:
                self.codes[code.guid] = self.codes[folder]
                self.matched["codes"] += 1
                continue
            parent_id = self.codes.get(code.parent) if code.parent else None
            name, why = clean_code_name(code.name)
            if why:
                self.note(f"The code '{code.name}' was imported as '{name}': {why}.")
            fields = self._code_fields(code)
            row = known.get(code.guid)
            if row is None:
                sibling = siblings.get((parent_id, name.lower()))
                if sibling is not None and sibling in made_here:
                    name = _free_name(siblings, parent_id, name)
                    self.note(f"The file has two codes called '{code.name}' under one parent; the second is '{name}'.")
                elif sibling is not None:
                    row = by_id[sibling]
            if row is None:
                fields.setdefault("colour", DEFAULT_COLOURS[position % len(DEFAULT_COLOURS)])
                code_id = repo.insert_code(self.conn, code.guid, parent_id, name, fields, position)
                siblings[(parent_id, name.lower())] = code_id
                position += 1
                made_here.add(code_id)
                self.created["codes"] += 1
            else:
                code_id = row.id
                self.matched["codes"] += 1
                self._compare_code(row, code, name, parent_id, fields)
            self.codes[code.guid] = code_id
            if not code.codable and code.guid not in mirrors.values():
                uncodable.add(row.guid if row is not None else code.guid)
        if uncodable != before:
            repo.set_uncodable(self.conn, uncodable)
        if mirrors:
            names = sorted({c.name for c in self.project.codes if c.guid in mirrors})
            self.note(f"{counted(len(names), 'folder')} of the file hold a code of their own name, the way QualCoder and "
                      f"MAXQDA write a code that has sub-codes; each pair is one code here: {', '.join(names)}.")

    def _code_fields(self, code: ExCode) -> dict[str, str]:
        extra = self.extension.codes.get(code.guid) if self.extension else None
        if extra is None:
            extra = split_description(code.description.strip()) if code.description.strip() else ExCodeExtra()
        fields = {f: getattr(extra, f) for f in _CODE_FIELDS if getattr(extra, f)}
        if code.colour:
            fields["colour"] = code.colour
        return fields

    def _compare_code(self, row: Any, code: ExCode, name: str, parent_id: int | None, fields: dict[str, str]) -> None:
        if row.name != name or row.parent_id != parent_id:
            self.conflict(f"The code '{row.name}' ({row.guid}) is named or placed differently in the file "
                          f"('{name}'); kept ours.")
        fill = {}
        for key, theirs in fields.items():
            ours = getattr(row, key)
            if not theirs or ours == theirs or key == "colour":  # every code has a colour: ours stays, unreported
                continue
            if not ours:
                fill[key] = theirs
            else:
                self.conflict(f"The code '{row.name}' has a different {key} in the file; kept ours.")
        codes_repo.update_code(self.conn, row.id, fill)

    # -- variables, cases -------------------------------------------------------------------------
    def _attributes(self) -> None:
        known = repo.by_guid(self.conn, attributes)
        names = cases_repo.attribute_ids(self.conn)
        typed = []
        for variable in self.project.variables:
            name = clean_name(variable.name, 200) or f"Variable {variable.guid[:8]}"
            row = known.get(variable.guid)
            if row is not None:
                self.attributes[variable.guid] = row.id
                self.matched["attributes"] += 1
                if row.name != name:
                    self.conflict(f"The attribute '{row.name}' is called '{name}' in the file; kept '{row.name}'.")
            elif name in names:
                self.attributes[variable.guid] = names[name]
                self.matched["attributes"] += 1
            else:
                self.attributes[variable.guid] = names[name] = repo.insert_attribute(self.conn, variable.guid, name)
                self.created["attributes"] += 1
            if variable.type != "Text":
                typed.append(f"{name} ({variable.type})")
        if typed:
            self.note(f"cotheme keeps attribute values as text; these were typed in the file: {', '.join(typed)}.")

    def _cases(self) -> None:
        known = repo.by_guid(self.conn, cases)
        by_pid = {pid.lower(): cid for pid, cid in cases_repo.case_ids_by_pid(self.conn).items()}
        values = repo.case_values_by_case(self.conn)
        described = []
        for case in self.project.cases:
            pid = clean_name(case.name, 100) or f"Case {case.guid[:8]}"
            row = known.get(case.guid)
            if row is not None:
                case_id = row.id
                self.matched["cases"] += 1
                if row.pid != pid:
                    self.conflict(f"The case '{row.pid}' is called '{pid}' in the file; kept '{row.pid}'.")
            elif pid.lower() in by_pid:
                case_id = by_pid[pid.lower()]
                self.matched["cases"] += 1
            else:
                case_id = by_pid[pid.lower()] = repo.insert_case(self.conn, case.guid, pid)
                self.created["cases"] += 1
            self.cases[case.guid] = case_id
            self._case_values(case_id, pid, case.values, values.get(case_id, {}))
            if case.description.strip():
                described.append(pid)
        if described:
            self.note(f"Case descriptions were not imported (cotheme cases have none): {', '.join(described)}.")

    def _case_values(self, case_id: int, pid: str, given: tuple[tuple[str, str | None], ...], ours: dict[int, str | None]) -> None:
        updates: dict[int, str | None] = {}
        for variable, value in given:
            attribute_id = self.attributes.get(variable)
            if attribute_id is None or value is None:
                continue
            current = ours.get(attribute_id)
            if current is None:
                updates[attribute_id] = value
            elif current != value:
                self.conflict(f"The case '{pid}' has a different value of an attribute in the file ('{value}'); kept '{current}'.")
        cases_repo.set_values(self.conn, case_id, updates)

    # -- documents and codings --------------------------------------------------------------------
    def _documents(self) -> None:
        known = repo.documents_by_guid(self.conn, with_text=False)
        titles = repo.titles(self.conn)
        by_text: dict[str, list[repo.StoredDocument]] = defaultdict(list)
        for stored in known.values():
            by_text[stored.sha256].append(stored)
        claimed = {s.guid for s in self.project.sources if s.guid in known}
        same: list[tuple[ExSource, repo.StoredDocument]] = []
        for source in self.project.sources:
            sha = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
            row = known.get(source.guid)
            if row is None:
                row = _same_text(source, by_text.get(sha, []), claimed)
                if row is None or self.same_text == "copy":
                    self.docs[source.guid] = self._new_document(source, sha, titles)
                    continue
                claimed.add(row.guid)
                same.append((source, row))
            if row.sha256 != sha:
                count = sum(len(s.codings) for s in source.selections) + len(source.codings)
                self.conflict(f"The document '{row.title}' has different text in the file; kept ours, and the "
                              f"file's {counted(count, 'coding')} on it were not imported.")
                self.docs[source.guid] = None
                continue
            self.matched["documents"] += 1
            self.docs[source.guid] = _Doc(row.id, row.revision_id, source.text, row.case_id)
            if row.title != source.name and not (self.extension and source.guid in self.extension.documents):
                self.conflict(f"The document '{row.title}' is called '{source.name}' in the file; kept '{row.title}'.")
        if same and self.same_text == "refuse":
            raise Conflict(_same_text_sentence(self.result.file, [row.title for _, row in same]))

    def _new_document(self, source: ExSource, sha: str, titles: set[str]) -> _Doc:
        extra = self.extension.documents.get(source.guid) if self.extension else None
        title = unique(titles, clean_name(extra.title if extra else source.name, 300) or f"Source {source.guid[:8]}")
        turns = extra.turns if extra and extra.turns else paragraph_turns(source.text)
        info = extra.source if extra else SourceInfo(file_name=source.name, format="qdpx")
        parsed = ParsedTranscript(text=source.text, turns=turns, format=info.format or "qdpx")
        doc_id, revision_id = repo.insert_document(
            self.conn, guid=source.guid, title=title, case_id=None, source=info, sha256=sha, parsed=parsed,
            created_at=source.created, author_id=self.user(source.creating_user) or self.importer, later=self.later,
        )
        self.created["documents"] += 1
        self.new_docs.add(doc_id)
        return _Doc(doc_id, revision_id, source.text, None)

    def _link_cases(self) -> None:
        linked_here: dict[str, str] = {}
        selection_refs = 0
        for case in self.project.cases:
            selection_refs += len(case.selections)
            for source_guid in case.sources:
                doc = self.docs.get(source_guid)
                if doc is None:
                    continue
                case_id = self.cases[case.guid]
                if doc.case_id == case_id:
                    continue
                if doc.case_id is None:
                    docs_repo.set_case(self.conn, doc.id, case_id)
                    doc.case_id = case_id
                    linked_here[source_guid] = case.name
                elif source_guid in linked_here:
                    self.note(f"A document is in several cases in the file ({linked_here[source_guid]}, {case.name}); "
                              "cotheme links a document to one case, the first.")
                else:
                    self.conflict(f"A document is linked to another case here than in the file ('{case.name}'); kept ours.")
        if selection_refs:
            self.note(f"{counted(selection_refs, 'selection reference')} of cases {'was' if selection_refs == 1 else 'were'} not imported (cotheme links whole documents to cases).")

    def _codings(self) -> None:
        known: dict[str, Any] = {}
        self.held: dict[tuple[Any, ...], int] = {}
        if repo.has_codings(self.conn):  # a new project has none: skip 100,000 look-ups
            guids = [c.guid for s in self.project.sources for sel in s.selections for c in sel.codings]
            guids += [c.guid for s in self.project.sources for c in s.codings]
            known = repo.codings_by_guid(self.conn, guids)
            # On a document that was here already, a coding with a new GUID may still be one we hold:
            # another program's export gives every coding a new GUID.
            self.held = repo.codings_of_documents(self.conn, self._held_documents_with_new_codings(known))
        # The new documents' turns and search units are written now, while a thread builds the coding
        # rows (quotes and context, pure Python): PostgreSQL indexing 300 transcripts' text and this
        # process cutting 100,000 quotes then run at the same time, on the two cores.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cotheme-codings") as pool:
            job = pool.submit(self._coding_rows, known)
            self.later.flush(self.conn)
            rows = job.result()
        repo.insert_codings(self.conn, rows)
        self.created["codings"] += len(rows)

    def _held_documents_with_new_codings(self, known: dict[str, Any]) -> set[int]:
        """Documents held before this import on which the file has codings with GUIDs we do not hold."""
        found = set()
        for source in self.project.sources:
            doc = self.docs.get(source.guid)
            if doc is None or doc.id in self.new_docs:
                continue
            guids = [c.guid for c in source.codings] + [c.guid for sel in source.selections for c in sel.codings]
            if any(g not in known for g in guids):
                found.add(doc.id)
        return found

    def _coding_rows(self, known: dict[str, Any]) -> list[dict[str, object]]:
        """The rows of the file's codings this project does not hold yet (no database access)."""
        rows: list[dict[str, object]] = []
        stamp = now()
        for source in self.project.sources:
            doc = self.docs.get(source.guid)
            if doc is None:
                continue
            spans = [(sel, sel.start, sel.end, c) for sel in source.selections for c in sel.codings]
            if source.text:
                spans += [(None, 0, len(source.text), c) for c in source.codings]
            for selection, start, end, coding in spans:
                code_id = self.codes[coding.code]
                row = known.get(coding.guid)
                if row is not None:
                    self.matched["codings"] += 1
                    self.coding_ids[coding.guid] = row.id
                    if (row.document_id, row.code_id, row.start_offset, row.end_offset) != (doc.id, code_id, start, end):
                        self.conflict(f"The coding {coding.guid} differs in the file (document, code or span); kept ours.")
                    continue
                coder = self.user(coding.creating_user or (selection.creating_user if selection else None))
                same = self.held.get((doc.id, code_id, coder, start, end))
                if same is not None:
                    self.matched["codings"] += 1
                    self.coding_ids[coding.guid] = same
                    continue
                anchor = anchor_in(doc.text, start, end)
                created = coding.created or (selection.created if selection else None) or stamp
                updated = (selection.modified if selection else None) or created
                rows.append({
                    "guid": coding.guid, "document_id": doc.id, "revision_id": doc.revision_id, "code_id": code_id,
                    "coder_id": coder,
                    "start_offset": start, "end_offset": end, "quote": anchor.quote, "prefix": anchor.prefix,
                    "suffix": anchor.suffix, "created_at": created, "updated_at": max(updated, created),
                })
        return rows

    def _report_unheld(self) -> None:
        if self.project.skipped:
            self.note(f"Not imported (cotheme holds text transcripts only): {', '.join(self.project.skipped)}.")


@dataclass
class _Row:
    id: int
    guid: str
    name: str


def _free_name(siblings: dict[tuple[int | None, str], int], parent_id: int | None, name: str) -> str:
    """``name (2)``, ``name (3)``... the first not taken under ``parent_id``."""
    n = 2
    while (parent_id, f"{name} ({n})".lower()) in siblings:
        n += 1
    return f"{name} ({n})"


def _mirror_codes(codes: tuple[ExCode, ...]) -> dict[str, str]:
    """Codable codes that stand for the folder holding them, each with that folder's GUID: the first
    child of a not-codable code that has the folder's name."""
    by_guid = {c.guid: c for c in codes}
    found: dict[str, str] = {}
    for code in codes:
        folder = by_guid.get(code.parent or "")
        if (folder is not None and not folder.codable and code.codable and folder.guid not in found.values()
                and clean_code_name(code.name)[0].casefold() == clean_code_name(folder.name)[0].casefold()):
            found[code.guid] = folder.guid
    return found


def _same_text(source: ExSource, candidates: list[repo.StoredDocument], claimed: set[str]) -> repo.StoredDocument | None:
    """The project's document that ``source`` (a new GUID) is, going by its text: the one with the same
    text and title, else the only one with the same text; none when that is ambiguous or taken."""
    free = [c for c in candidates if c.guid not in claimed]
    titled = [c for c in free if c.title == clean_name(source.name, 300)]
    if titled:
        return titled[0]
    return free[0] if len(free) == 1 and len(candidates) == 1 else None


def _same_text_sentence(file: str, titles: list[str]) -> str:
    shown = ", ".join(titles[:10]) + (f" and {len(titles) - 10} more" if len(titles) > 10 else "")
    return (f"{file}: {counted(len(titles), 'document')} of the file have the same text as documents already in this "
            f"project under other identifiers ({shown}); programs such as QualCoder give everything new "
            "identifiers when they export. Nothing was imported. Import with --merge to add the file's work to "
            "those documents (nothing already here is doubled), or with --allow-duplicate to import them as copies.")

