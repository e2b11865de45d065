"""Drafts from the team's own language model: a code's definition (with inclusion and exclusion notes)
from its extracts, a candidate theme's name and definition from a group of codes, a theme's summary
citing the extracts it rests on - each shown with the extracts it was given, and saved only when a
person accepts it (as written or edited), with its provenance.

The prompts are files in ``cotheme/prompts`` (one per task and version); the extracts go into the prompt
as a JSON list (data, not instructions). What the model returns is untrusted text: cut to
``llm_endpoint.MAX_TEXT_CHARS``, split into the fields the prompt asks for by plain string matching, and
never executed, rendered as markup or used as a query. Accepting writes the fields (a code's definition
and notes; a new candidate theme) and the draft's provenance in one transaction.

Must not send anything but the prompt to the endpoint, nor save anything no person accepted.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import resources
from string import Template
from typing import Any

from sqlalchemy import Connection

from cotheme.domain.assist_drafts import AcceptedDraft, Draft, DraftExtract, DraftKind, Provenance
from cotheme.domain.themes import ThemeStatus, check_theme_name
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services import assist_setting, llm_endpoint
from cotheme.services.codebook import check_version, resolve_code
from cotheme.services.members import resolve_coder
from cotheme.services.themes import resolve_theme
from cotheme.storage import assist as assist_repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import drafts as repo
from cotheme.storage import history
from cotheme.storage import themes as themes_repo
from cotheme.storage.store import Store, now

PROMPTS = {DraftKind.CODE_DEFINITION: "code_definition.v1", DraftKind.CANDIDATE_THEME: "candidate_theme.v1",
           DraftKind.THEME_SUMMARY: "theme_summary.v1"}
FIELDS = {DraftKind.CODE_DEFINITION: ("DEFINITION", "INCLUDE", "EXCLUDE"),
          DraftKind.CANDIDATE_THEME: ("NAME", "DEFINITION"), DraftKind.THEME_SUMMARY: ("SUMMARY",)}
#: Characters of one extract given to the model: a long turn is cut (a few sentences carry its sense).
EXTRACT_CHARS = 600
MAX_EXTRACTS = 40
#: Drafts made in this process and not yet accepted, by id (the browser accepts by id, so the provenance
#: it saves is the one the server recorded, not what a page sends back).
_pending: OrderedDict[str, Draft] = OrderedDict()
_pending_lock = threading.Lock()
PENDING_KEPT = 200


def prompt_text(name: str) -> tuple[str, str]:
    """The (system, user) parts of the prompt file ``name`` (e.g. ``code_definition.v1``)."""
    text = resources.files("cotheme.prompts").joinpath(f"{name}.txt").read_text(encoding="utf-8")
    system, _, user = text.partition("---- user ----\n")
    return system.strip(), user.strip()


def _spread(spans: list[assist_repo.CodedSpan], limit: int, first: Sequence[int] = ()) -> list[assist_repo.CodedSpan]:
    """``limit`` extracts: those in ``first`` (exemplars), then one per document in turn, so that one
    long transcript does not speak for the whole code; each text once."""
    chosen: list[assist_repo.CodedSpan] = []
    seen: set[str] = set()

    def take(span: assist_repo.CodedSpan) -> bool:
        key = span.quote.strip()
        if not key or key in seen or len(chosen) >= limit:
            return False
        chosen.append(span)
        seen.add(key)
        return True

    by_id = {s.coding_id: s for s in spans}
    for coding_id in first:
        if coding_id in by_id:
            take(by_id[coding_id])
    queues: dict[int, list[assist_repo.CodedSpan]] = {}
    for span in spans:
        queues.setdefault(span.document_id, []).append(span)
    while len(chosen) < limit and any(queues.values()):
        for queue in queues.values():
            while queue and not take(queue.pop(0)):
                pass
    return chosen


def _numbered(spans: list[assist_repo.CodedSpan], paths: dict[int, str]) -> tuple[DraftExtract, ...]:
    return tuple(DraftExtract(i + 1, s.coding_id, paths.get(s.code_id, ""), " ".join(s.quote.split())[:EXTRACT_CHARS])
                 for i, s in enumerate(spans))


def _as_json(extracts: Sequence[DraftExtract]) -> str:
    """The extracts as data: JSON strings, so quotes, newlines and markup in them stay inside them."""
    return json.dumps([{"n": e.number, "code": e.code, "text": e.text} for e in extracts], ensure_ascii=False, indent=0)


class Prepared:
    """What a draft is of, the extracts chosen and the filled prompt (before any call)."""

    def __init__(self, kind: DraftKind, target: str, target_id: int | None, extracts: tuple[DraftExtract, ...],
                 fill: dict[str, str]) -> None:
        self.kind, self.target, self.target_id, self.extracts = kind, target, target_id, extracts
        self.prompt = PROMPTS[kind]
        system, user = prompt_text(self.prompt)
        self.system = system
        self.user = Template(user).safe_substitute({**fill, "extracts": _as_json(extracts)})


def check_request(*, code: str | None = None, code_id: int | None = None, theme: str | None = None,
                  theme_id: int | None = None, candidate: int | None = None, extracts: int = 12, **_: Any) -> None:
    """Refuse a request that names no target or several (before the endpoint is even looked at)."""
    if sum(x is not None for x in (code or code_id, theme or theme_id, candidate)) != 1:
        raise InvalidArgument("Name one code (--code NAME), one theme (--theme NAME) or one candidate theme.")
    if not 1 <= extracts <= MAX_EXTRACTS:
        raise InvalidArgument(f"Give between 1 and {MAX_EXTRACTS} extracts.")


def prepare(store: Store, *, code: str | None = None, code_id: int | None = None, theme: str | None = None,
            theme_id: int | None = None, candidate: int | None = None, groups: int | None = None,
            extracts: int = 12) -> Prepared:
    """Choose what the draft is of and the extracts it rests on; nothing is sent yet."""
    check_request(code=code, code_id=code_id, theme=theme, theme_id=theme_id, candidate=candidate, extracts=extracts)
    if candidate is not None:
        return _prepare_candidate(store, candidate, groups, extracts)
    with store.read() as conn:
        all_codes = codes_repo.all_codes(conn)
        paths = {c.id: c.path_text for c in all_codes}
        if code or code_id:
            wanted = code_id if code_id is not None else resolve_code(conn, str(code))
            found = next((c for c in all_codes if c.id == wanted), None)
            if found is None:
                raise NotFound(f"There is no code {wanted}; it may have been deleted.")
            spans = _spread(assist_repo.coded_spans(conn, [found.id]), extracts)
            fill = {"name": found.name, "path": found.path_text, "definition": found.definition}
            kind, target, target_id = DraftKind.CODE_DEFINITION, found.path_text, found.id
        else:
            wanted = theme_id if theme_id is not None else resolve_theme(conn, str(theme))
            found_theme = next((t for t in themes_repo.all_themes(conn) if t.id == wanted), None)
            if found_theme is None:
                raise NotFound(f"There is no theme {wanted}; it may have been deleted.")
            first = [e.coding_id for e in themes_repo.exemplars(conn, found_theme.id)]
            spans = _spread(assist_repo.coded_spans(conn, list(found_theme.code_ids)), extracts, first)
            fill = {"name": found_theme.name, "definition": found_theme.definition,
                    "codes": "; ".join(paths[c] for c in found_theme.code_ids if c in paths)}
            kind, target, target_id = DraftKind.THEME_SUMMARY, found_theme.name, found_theme.id
    if not spans:
        raise Conflict(f"'{target}' has no coded extracts yet; a draft needs extracts to rest on.")
    return Prepared(kind, target, target_id, _numbered(spans, paths), fill)


def _prepare_candidate(store: Store, number: int, groups: int | None, extracts: int) -> Prepared:
    """Candidate theme ``number`` as 'cotheme assist themes --groups N' numbers them."""
    from cotheme.services import assist_model

    assist_model.require()
    from cotheme.services import assist_themes

    found = next((g for g in assist_themes.candidate_themes(store, groups, extracts) if g.number == number), None)
    if found is None:
        raise NotFound(f"There is no candidate theme {number}; see 'cotheme assist themes PROJECT'.")
    with store.read() as conn:
        paths = codes_repo.all_codes(conn)
        by_path = {c.path_text: c.id for c in paths}
        ids = {by_path[p] for p in found.codes if p in by_path}
        pinned = [c for c, _p, _t in found.extracts]
        spans = _spread(assist_repo.coded_spans(conn, sorted(ids)), extracts, pinned)
    numbered = _numbered(spans, {c.id: c.path_text for c in paths})
    return Prepared(DraftKind.CANDIDATE_THEME, f"candidate theme {number}: " + "; ".join(found.codes), None,
                    numbered, {"codes": "; ".join(found.codes)})


_LABEL = re.compile(r"^[ \t]*[*#]*[ \t]*([A-Z]+)[ \t]*\**[ \t]*:[ \t]*\**[ \t]*", re.MULTILINE)


def fields_of(kind: DraftKind, text: str) -> dict[str, str]:
    """The labelled parts of the model's answer (``DEFINITION: ...``); unknown labels stay in the text."""
    wanted = FIELDS[kind]
    found: dict[str, str] = {}
    marks = [m for m in _LABEL.finditer(text) if m.group(1) in wanted]
    for mark, after in zip(marks, [*marks[1:], None]):
        found.setdefault(mark.group(1), text[mark.end(): after.start() if after else len(text)].strip())
    return {k: found.get(k, "") for k in wanted}


def cited(text: str, extracts: Sequence[DraftExtract]) -> tuple[int, ...]:
    """The extract numbers the text cites (``[2]``, ``[2, 5]``) that were given to it."""
    given = {e.number for e in extracts}
    numbers = {int(n) for group in re.findall(r"\[([\d,\s]{1,40})\]", text) for n in re.findall(r"\d{1,3}", group)}
    return tuple(sorted(numbers & given))


def draft_events(store: Store, *, seed: int = 0, **what: Any) -> Iterator[dict[str, Any]]:
    """The draft as events: ``extracts`` (what the model is given), ``text`` pieces, then ``draft`` (the
    whole draft, with its id for accepting). The extracts are chosen and the endpoint checked before the
    first event, so a refusal comes as an error, not as a broken stream."""
    check_request(**what)
    assist_setting.require_enabled(store)  # 'cotheme assist off' turns drafts off too
    endpoint = llm_endpoint.require()
    prepared = prepare(store, **what)
    llm_endpoint.check_host(endpoint.url, endpoint.hosts)  # refuse before the page shows anything
    return _events(endpoint, prepared, seed)


def _events(endpoint: llm_endpoint.Endpoint, prepared: Prepared, seed: int) -> Iterator[dict[str, Any]]:
    yield {"type": "extracts", "kind": prepared.kind.value, "target": prepared.target,
           "prompt": prepared.prompt, "extracts": [asdict(e) for e in prepared.extracts]}
    reply = llm_endpoint.Reply()
    created = datetime.now(UTC).isoformat(timespec="seconds")
    pieces: list[str] = []
    stream = llm_endpoint.stream(endpoint, prepared.system, prepared.user, seed=seed, reply=reply)
    try:
        for piece in stream:
            pieces.append(piece)
            yield {"type": "text", "text": piece}
    finally:
        stream.close()
    text = "".join(pieces).strip()
    provenance = Provenance(endpoint.url, endpoint.api, reply.model or endpoint.model, reply.digest,
                            prepared.prompt, seed, created)
    made = Draft(prepared.kind, prepared.target, prepared.target_id, text, fields_of(prepared.kind, text),
                 prepared.extracts, provenance, reply.truncated, cited(text, prepared.extracts))
    draft_id = _remember(made)
    yield {"type": "draft", "id": draft_id, "draft": as_dict(made)}


def draft(store: Store, *, seed: int = 0, cancel: Callable[[], bool] | None = None, **what: Any) -> Draft:
    """The whole draft (``cancel()`` true stops it and raises ``Conflict``)."""
    events = draft_events(store, seed=seed, **what)
    try:
        for event in events:
            if cancel is not None and cancel():
                raise Conflict("The draft was cancelled; nothing was saved.")
            if event["type"] == "draft":
                return pending(event["id"])
    finally:
        events.close()
    raise Conflict("The drafts endpoint stopped before the draft was complete; nothing was saved.")


def _remember(made: Draft) -> str:
    draft_id = secrets.token_urlsafe(12)
    with _pending_lock:
        _pending[draft_id] = made
        while len(_pending) > PENDING_KEPT:
            _pending.popitem(last=False)
    return draft_id


def pending(draft_id: str) -> Draft:
    with _pending_lock:
        found = _pending.get(draft_id)
    if found is None:
        raise NotFound("That draft is no longer held (the server restarted, or many drafts were made since); "
                       "draft again.")
    return found


def as_dict(made: Draft) -> dict[str, Any]:
    """A draft as stable JSON (what ``--json`` prints and ``accept-draft`` reads back)."""
    out = asdict(made)
    out["kind"] = made.kind.value
    return out


def from_dict(data: dict[str, Any]) -> Draft:
    """A draft read back from ``as_dict`` (a file a person kept to accept later); checked field by field."""
    try:
        prov = data["provenance"]
        return Draft(
            kind=DraftKind(data["kind"]), target=str(data["target"]),
            target_id=None if data.get("target_id") is None else int(data["target_id"]),
            text=str(data["text"])[: llm_endpoint.MAX_TEXT_CHARS], fields={str(k): str(v) for k, v in dict(data["fields"]).items()},
            extracts=tuple(DraftExtract(int(e["number"]), int(e["coding_id"]), str(e["code"]), str(e["text"]))
                           for e in data["extracts"]),
            provenance=Provenance(str(prov["endpoint"]), str(prov["api"]), str(prov["model"]), str(prov["digest"]),
                                  str(prov["prompt"]), int(prov["seed"]), str(prov["created"])),
            truncated=bool(data.get("truncated", False)),
        )
    except (KeyError, TypeError, ValueError):
        raise InvalidArgument("That is not a draft saved by 'cotheme assist draft --out FILE'.") from None


def accept(store: Store, made: Draft | dict[str, Any] | str, *, text: str | None = None,
           member: str | None = None) -> AcceptedDraft:
    """Save a draft a person accepted: as written, or as they edited it (``text``, in the same labelled
    form for a code definition or a candidate theme). One transaction: the fields and the provenance."""
    chosen = pending(made) if isinstance(made, str) else from_dict(made) if isinstance(made, dict) else made
    final = chosen.text if text is None else text.strip()
    if not final:
        raise InvalidArgument("The accepted text is empty; reject the draft instead.")
    if len(final) > llm_endpoint.MAX_TEXT_CHARS:
        raise InvalidArgument(f"The accepted text is longer than {llm_endpoint.MAX_TEXT_CHARS} characters.")
    parts = fields_of(chosen.kind, final)
    stamp = now()
    with store.write() as conn:
        who = resolve_coder(conn, member)
        code_id, theme_id = _apply(conn, chosen, parts, final, who.name)
        draft_id = repo.insert_draft(
            conn, kind=chosen.kind.value, target=chosen.target, code_id=code_id, theme_id=theme_id, text=final,
            edited=final != chosen.text, provenance=asdict(chosen.provenance),
            coding_ids=[e.coding_id for e in chosen.extracts],
            drafted_at=datetime.fromisoformat(chosen.provenance.created), member_id=who.id, accepted_at=stamp,
        )
    return AcceptedDraft(draft_id, chosen.kind, chosen.target, chosen.target_id if theme_id is None else theme_id,
                         final, final != chosen.text, chosen.provenance, who.name, stamp.isoformat(timespec="seconds"),
                         tuple(e.coding_id for e in chosen.extracts))


def _apply(conn: Connection, chosen: Draft, parts: dict[str, str], final: str, who: str) -> tuple[int | None, int | None]:
    """Write what the accepted draft changes; (code id, theme id) it belongs to."""
    rationale = f"Drafted by {chosen.provenance.model} ({chosen.provenance.prompt}); accepted by {who}."
    if chosen.kind is DraftKind.CODE_DEFINITION:
        if chosen.target_id is None or not parts["DEFINITION"]:
            raise InvalidArgument("A code definition draft needs a 'DEFINITION:' part to accept.")
        check_version(conn, chosen.target_id, None)
        history.intend(conn, None, rationale)
        codes_repo.update_code(conn, chosen.target_id, {
            "definition": parts["DEFINITION"], "inclusion": parts["INCLUDE"], "exclusion": parts["EXCLUDE"]})
        return chosen.target_id, None
    if chosen.kind is DraftKind.CANDIDATE_THEME:
        name = check_theme_name(" ".join(parts["NAME"].split())[:200])
        if themes_repo.find_child(conn, None, name) is not None:
            raise Conflict(f"There is already a theme '{name}'; edit the name before accepting.")
        theme_id = themes_repo.insert_theme(conn, name=name, parent_id=None, definition=parts["DEFINITION"],
                                            status=ThemeStatus.CANDIDATE,
                                            position=themes_repo.count_children(conn, None))
        codes = chosen.target.split(": ", 1)[-1].split("; ")
        themes_repo.link_codes(conn, theme_id, [resolve_code(conn, c) for c in codes if c])
        return None, theme_id
    if chosen.target_id is None or not themes_repo.exists(conn, chosen.target_id):
        raise NotFound("The theme this summary was drafted for no longer exists.")
    return None, chosen.target_id


def accepted(store: Store) -> list[AcceptedDraft]:
    """Every accepted draft, oldest first, with its provenance."""
    with store.read() as conn:
        rows = repo.accepted(conn)
    return [AcceptedDraft(r.id, DraftKind(r.kind), r.target, r.code_id or r.theme_id, r.text, r.edited,
                          Provenance(r.endpoint, r.api, r.model, r.digest, r.prompt, r.seed,
                                     r.drafted_at.isoformat(timespec="seconds")),
                          r.accepted_by or "", r.accepted_at.isoformat(timespec="seconds"), tuple(r.extracts))
            for r in rows]


def methods_lines(store: Store) -> tuple[str, ...]:
    """The "Use of AI" lines for accepted drafts: how many, of what, which model and prompt."""
    with store.read() as conn:
        rows = repo.counts(conn)
    labels = {"code-definition": "code definition", "candidate-theme": "candidate theme",
              "theme-summary": "theme summary"}
    out = []
    for kind, model, prompt, edited, n in rows:
        noun = labels.get(kind, kind) + ("s" if n != 1 else "")
        how = "edited by a team member before it was accepted" if edited else "accepted as drafted by a team member"
        out.append(f"{n} {noun} drafted by the language model {model} (prompt {prompt}) on the team's own "
                   f"server, {how}.")
    return tuple(out)

