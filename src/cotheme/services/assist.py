"""Private coding suggestions: suggest codes for a passage, find passages like a code's
extracts, accept one as a coding with its provenance, and the project's on/off setting.

Everything runs on the local model (``assist_model``) over vectors cached in the project
(``assist_index``). The assistant proposes and never decides: nothing is coded until a person accepts,
and then the coding is a normal one plus a provenance row (model, score, time, member).

Owns the code profiles (cards and examples, cached per process while codes and codings are unchanged),
which codes may be suggested (``assist_heads.suggestible``: never folders, unused parents or codes with
nothing to go by; "similar" refuses them with the reason) and the rules of "similar" (passages already
coded with the code are left out, and so are the interviewer's turns unless asked for; overlapping
passages are shown once). Must not import the model before it is needed, so the rest of cotheme runs without the
extra.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cotheme.domain.assist import IndexReport, SimilarPassage, SimilarResult, Suggestion, is_interviewer
from cotheme.domain.codebook import Code
from cotheme.domain.codings import Extract
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services import assist_index, assist_model, assist_setting
from cotheme.services.assist_heads import Candidate, Ranker, suggestible, why_not
from cotheme.services.assist_index import IndexProgress
from cotheme.services.assist_rank import Profiles, reference_sample, to_bytes, unit
from cotheme.services.codebook import resolve_code
from cotheme.services.coding import get_extract, resolve_document
from cotheme.services.members import resolve_coder
from cotheme.storage import assist as repo
from cotheme.storage import codes as codes_repo
from cotheme.storage import codings as codings_repo
from cotheme.storage import documents as docs_repo
from cotheme.storage.store import Store, now

def _encoder(store: Store) -> assist_model.Encoder:
    """The model, once the project allows assistance and the extra is installed."""
    assist_setting.require_enabled(store)
    return assist_model.load()


def index(store: Store, progress: IndexProgress | None = None) -> IndexReport:
    return assist_index.index(store, _encoder(store), progress)


@dataclass
class _Profiled:
    key: tuple[Any, ...]
    codes: list[Code]
    coded: dict[int, list[tuple[int, int, int]]]  # code id -> (revision, start, end) of its codings
    candidates: list[Candidate]  # what decides whether each code may be suggested
    cards: np.ndarray
    examples: list[np.ndarray]  # each code's extracts' vectors
    spans: list[repo.CodedSpan]
    vectors: list[np.ndarray]  # one per span
    background: np.ndarray  # the sample of the project's passages the ranking refines on
    ranked: np.ndarray  # positions in ``codes`` of the codes that may be suggested
    ranker: Ranker | None
    _similar: Profiles | None = None

    @property
    def profiles(self) -> Profiles:
        """The calibrated profiles "similar" and candidate themes rank with, made on first use: "suggest"
        does not need them, and calibrating is a third of a fresh process's work before its first answer."""
        if self._similar is None:
            profiles = Profiles(self.cards, self.examples)
            reference = self.background
            if len(reference) < 20:  # nothing indexed yet: the codes' own cards and examples stand in
                reference = np.vstack([self.cards, *self.examples])
            profiles.calibrate(reference)
            self._similar = profiles
        return self._similar


_lock = threading.Lock()
_profiles: dict[tuple[str, str], _Profiled] = {}


def _card(code: Code) -> str:
    """The text a code is known by: its name, its parents' in brackets (name first measured better than
    the path on the PDPilot codes: top-1 0.35 against 0.28 with calibration), then its notes."""
    head = code.name + (f" ({' / '.join(code.path[:-1])})" if len(code.path) > 1 else "")
    parts = [head, code.definition, code.inclusion, code.example]
    return ". ".join(p.strip() for p in parts if p and p.strip())


def embed_texts(store: Store, encoder: assist_model.Encoder, texts: Sequence[str]) -> np.ndarray:
    """Vectors of short texts (cards, quotes), from the project's cache of them when it has them: a fresh
    process then embeds only what changed rather than a whole codebook (0.3 s for 24 cards)."""
    if not texts:
        return np.zeros((0, encoder.dim), dtype=np.float32)
    digests = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
    with store.read() as conn:
        known = repo.text_vectors(conn, encoder.name, digests)
    new = {d: t for d, t in zip(digests, texts) if d not in known}
    if new:
        made = {d: to_bytes(v) for d, v in zip(new, encoder.encode(list(new.values())))}
        with store.write() as conn:
            repo.add_text_vectors(conn, encoder.name, made)
        known.update(made)
    return np.array([np.frombuffer(known[d], dtype="<f4") for d in digests], dtype=np.float32)


def _examples(store: Store, encoder: assist_model.Encoder, index: assist_index.Cached,
              spans: list[repo.CodedSpan]) -> list[np.ndarray]:
    """One vector per coding: the mean of the cached sentences it covers, else its quote embedded."""
    out: list[np.ndarray | None] = []
    missing: list[int] = []
    for i, span in enumerate(spans):
        own = index.slice_of(span.revision_id)
        starts, ends, turn = index.starts[own], index.ends[own], index.kinds[own]
        inside = np.flatnonzero((starts < span.end) & (ends > span.start))
        if len(inside):
            covered = np.minimum(ends[inside], span.end) - np.maximum(starts[inside], span.start)
            share = covered / np.maximum(ends[inside] - starts[inside], 1)
            best = inside[(share >= 0.5) & ~turn[inside]]  # the sentences it mostly covers
            best = best if len(best) else inside[np.argmax(share)][None]
            out.append(unit(index.vectors[own][best].mean(axis=0, keepdims=True))[0])
        else:
            out.append(None)
            missing.append(i)
    for i, vector in zip(missing, embed_texts(store, encoder, [spans[i].quote for i in missing])):
        out[i] = vector
    return [v for v in out if v is not None]


def _profiled(store: Store, encoder: assist_model.Encoder) -> tuple[_Profiled, assist_index.Cached]:
    index = assist_index.cached(store, encoder.name, encoder.dim)
    with store.read() as conn:
        codes = codes_repo.all_codes(conn)
        key = (index.stamp, repo.codings_stamp(conn), tuple((c.id, _card(c)) for c in codes))
        with _lock:
            found = _profiles.get((store.target, encoder.name))
        if found is not None and found.key == key:
            return found, index
        spans = repo.coded_spans(conn)
        uncodable, parents = repo.uncodable_codes(conn), repo.parent_codes(conn)
    if not codes:
        raise NotFound("The codebook is empty; import or create codes first (cotheme codebook import PROJECT FILE).")
    vectors = _examples(store, encoder, index, spans)
    position = {c.id: i for i, c in enumerate(codes)}
    examples: list[list[np.ndarray]] = [[] for _ in codes]
    coded: dict[int, list[tuple[int, int, int]]] = {c.id: [] for c in codes}
    for span, vector in zip(spans, vectors):
        examples[position[span.code_id]].append(vector)
        coded[span.code_id].append((span.revision_id, span.start, span.end))
    cards = embed_texts(store, encoder, [_card(c) for c in codes])
    candidates = [Candidate(codable=c.id not in uncodable, parent_unused=c.id in parents and not coded[c.id],
                            described=_described_code(c), extracts=len(coded[c.id])) for c in codes]
    ranked = np.array([i for i, c in enumerate(candidates) if suggestible(c)], dtype=np.int64)
    background = index.vectors[reference_sample(len(index.vectors))]
    own = [np.array(e, np.float32).reshape(-1, encoder.dim) for e in examples]
    ranker = Ranker(cards[ranked], [own[i] for i in ranked], background=background) if len(ranked) else None
    made = _Profiled(key, codes, coded, candidates, cards, own, spans, vectors, background, ranked, ranker)
    with _lock:
        _profiles[(store.target, encoder.name)] = made
    return made, index


def _described_code(code: Code) -> bool:
    return any(part.strip() for part in (code.definition, code.inclusion, code.example))


def _span_text(store: Store, document: str | int, start: int, end: int) -> str:
    with store.read() as conn:
        doc_id = docs_repo.resolve(conn, str(document))
        if doc_id is None:
            raise NotFound(f"There is no document '{document}'; see 'cotheme docs list'.")
        return docs_repo.anchor(conn, docs_repo.current_revision(conn, doc_id), start, end).quote


def suggest(store: Store, text: str | None = None, *, document: str | int | None = None,
            start: int | None = None, end: int | None = None, top: int = 5) -> list[Suggestion]:
    """The ``top`` codes for a passage (``text``, or ``start``-``end`` of a document), best first."""
    if text is None:
        if document is None or start is None or end is None:
            raise InvalidArgument("Give the passage as text, or as a document with start and end.")
        text = _span_text(store, document, start, end)
    if not text.strip():
        raise InvalidArgument("The passage to suggest codes for is empty.")
    encoder = _encoder(store)
    made, _ = _profiled(store, encoder)
    if made.ranker is None:
        raise Conflict(NOTHING_TO_SUGGEST)
    scores = made.ranker.scores(encoder.encode([text]))[0]
    best = np.argsort(-scores)[: max(1, top)]
    return [Suggestion(made.codes[made.ranked[i]].id, made.codes[made.ranked[i]].name,
                       made.codes[made.ranked[i]].path_text, round(float(scores[i]), 3)) for i in best]


NOTHING_TO_SUGGEST = ("No code can be suggested yet: give codes a definition or code a passage with them "
                      "(folders and parents never used themselves are not suggested).")


def _suggestible_column(made: _Profiled, code_id: int) -> int:
    """The code's position in ``made.codes``; refuses a code that cannot be suggested, saying why."""
    column = next(i for i, c in enumerate(made.codes) if c.id == code_id)
    reason = why_not(made.candidates[column])
    if reason:
        raise InvalidArgument(f"The code '{made.codes[column].path_text}' {reason}, so the assistant does not use it.")
    return column


def _code_of(store: Store, code: str | None, code_id: int | None) -> int:
    with store.read() as conn:
        if code_id is not None:
            if codes_repo.get_row(conn, code_id) is None:
                raise NotFound(f"There is no code {code_id}; it may have been deleted.")
            return code_id
        if not code:
            raise InvalidArgument("Name the code (--code NAME).")
        return resolve_code(conn, code)


#: Passages of each kind rescored in full (with the nearest examples) after a cheap first pass over all
#: of them (card and centroid: two products). 300 interviews hold ~290,000 passages; scoring all of them
#: in full took 0.9 s against the 0.3 s allowed.
CANDIDATES = 2000


def similar(store: Store, code: str | None = None, *, code_id: int | None = None, top: int = 10,
            kinds: Sequence[str] = ("turn", "sentence"), include_interviewer: bool = False) -> SimilarResult:
    """Passages not yet coded with the code, most like its extracts and card first (one per overlap);
    the interviewer's turns and their sentences are left out unless ``include_interviewer``."""
    encoder = _encoder(store)
    wanted = _code_of(store, code, code_id)
    made, index = _profiled(store, encoder)
    if not len(index.ids):
        raise Conflict("Nothing is indexed yet; run 'cotheme index PROJECT' first.")
    column = _suggestible_column(made, wanted)
    allowed = np.isin(index.kinds, [k == "turn" for k in kinds])
    for revision, start, end in made.coded[wanted]:
        own = index.slice_of(revision)
        allowed[own] &= ~((index.starts[own] < end) & (index.ends[own] > start))
    left_out = 0
    if not include_interviewer:
        asked = _interviewer_passages(store, index)
        left_out = int((allowed & asked).sum())
        allowed &= ~asked
    scores = np.full(len(index.ids), -np.inf, dtype=np.float32)
    cheap = _cheap(made.profiles, column, index.vectors)  # whole matrix: selecting rows first copies it
    for kind in (True, False):
        members = np.flatnonzero(allowed & (index.kinds == kind))
        if len(members):
            count = min(CANDIDATES, len(members))
            candidates = members[np.argpartition(-cheap[members], count - 1)[:count]]
            scores[candidates] = _standardised(made, index, column, kind, candidates)
    chosen: list[int] = []
    for i in np.argsort(-scores):
        if not np.isfinite(scores[i]) or len(chosen) >= top:
            break
        if any(index.revisions[j] == index.revisions[i] and index.starts[j] < index.ends[i]
               and index.ends[j] > index.starts[i] for j in chosen):
            continue
        chosen.append(int(i))
    return SimilarResult(tuple(_described(store, index, chosen, scores)), int(allowed.sum()), left_out)


def _interviewer_passages(store: Store, index: assist_index.Cached) -> np.ndarray:
    """Passages (turns and their sentences) spoken by the interviewer (``domain.assist.is_interviewer``)."""
    out = np.zeros(len(index.ids), dtype=bool)
    with store.read() as conn:
        turns = repo.speaker_turns(conn)
    for revision, start, end, speaker, interviewer in turns:
        if is_interviewer(speaker, interviewer):
            own = index.slice_of(revision)
            out[own] |= (index.starts[own] >= start) & (index.ends[own] <= end)
    return out


def _cheap(profiles: Profiles, column: int, vectors: np.ndarray) -> np.ndarray:
    """The first pass: card and centroid only, folded into one vector so the matrix (0.45 GB at 300
    interviews; reading it is what costs) is read once."""
    n = profiles.counts[column]
    share = n / (n + profiles.weights.prior)
    return vectors @ ((1 - share) * profiles.cards[column] + share * profiles.centroids[column]).astype(np.float32)


def _standardised(made: _Profiled, index: assist_index.Cached, column: int, kind: bool,
                  positions: np.ndarray) -> np.ndarray:
    """The code's full score for the passages at ``positions``, standardised among passages of their kind
    (mean and spread over a fixed sample of them): a turn's vector is the mean of its sentences', and
    means lie closer to any centroid, so unadjusted turns would crowd out the sentence that fits best."""
    members = np.flatnonzero(index.kinds == kind)
    sample = members[reference_sample(len(members))]
    reference = made.profiles.raw(index.vectors[sample], [column])[:, 0]
    raw = made.profiles.raw(index.vectors[positions], [column])[:, 0]
    return ((raw - reference.mean()) / max(float(reference.std()), 1e-3)).astype(np.float32)


def _described(store: Store, index: assist_index.Cached, chosen: list[int], scores: np.ndarray) -> list[SimilarPassage]:
    out = []
    with store.read() as conn:
        titles = {d: t for d, t, _ in repo.current_revisions(conn)}
        for i in chosen:
            anchor = docs_repo.anchor(conn, int(index.revisions[i]), int(index.starts[i]), int(index.ends[i]))
            out.append(SimilarPassage(int(index.ids[i]), int(index.documents[i]), titles[int(index.documents[i])],
                                      "turn" if index.kinds[i] else "sentence", anchor.start, anchor.end,
                                      anchor.quote, round(float(scores[i]), 3)))
    return out


def _score(store: Store, encoder: assist_model.Encoder, code_id: int, vector: np.ndarray) -> float:
    made, _ = _profiled(store, encoder)
    column = _suggestible_column(made, code_id)
    assert made.ranker is not None  # a suggestible code exists
    place = int(np.flatnonzero(made.ranked == column)[0])
    return round(float(made.ranker.scores(vector[None, :])[0, place]), 3)


def accept_similar(store: Store, passage_id: int, *, code: str | None = None, code_id: int | None = None,
                   member: str | None = None) -> Extract:
    """Code a similar passage with the code: a normal coding plus its provenance (model, score, who, when)."""
    encoder = _encoder(store)
    wanted = _code_of(store, code, code_id)
    with store.read() as conn:
        row = repo.passage(conn, passage_id)
        if row is None or docs_repo.current_revision(conn, row.document_id) != row.revision_id:
            raise NotFound(f"There is no passage {passage_id} in the current transcripts; run 'cotheme similar' again.")
    made, index = _profiled(store, encoder)
    position = index.position(passage_id)
    if position is None:
        raise NotFound(f"Passage {passage_id} was indexed again meanwhile; run 'cotheme similar' again.")
    column = _suggestible_column(made, wanted)
    score = float(_standardised(made, index, column, bool(index.kinds[position]), np.array([position]))[0])
    return _accept(store, encoder, "similar", wanted, row.document_id, row.start, row.end, score, member)


def accept_suggestion(store: Store, document: str | int, start: int, end: int, *, code: str | None = None,
                      code_id: int | None = None, member: str | None = None) -> Extract:
    """Code ``start``-``end`` with a suggested code, recording the suggestion's provenance."""
    encoder = _encoder(store)
    wanted = _code_of(store, code, code_id)
    vector = encoder.encode([_span_text(store, document, start, end)])[0]
    return _accept(store, encoder, "suggest", wanted, document, start, end, _score(store, encoder, wanted, vector),
                   member)


def _accept(store: Store, encoder: assist_model.Encoder, source: str, code_id: int, document: str | int,
            start: int, end: int, score: float, member: str | None) -> Extract:
    """The coding and its provenance in one transaction: both are stored, or neither."""
    with store.write() as conn:
        doc_id = resolve_document(conn, str(document))
        revision_id = docs_repo.current_revision(conn, doc_id)
        who = resolve_coder(conn, member)
        stamp = now()
        coding_id = codings_repo.insert_coding(
            conn, document_id=doc_id, revision_id=revision_id, code_id=code_id, coder_id=who.id,
            anchor=docs_repo.anchor(conn, revision_id, start, end), stamp=stamp,
        )
        repo.add_provenance(conn, coding_id=coding_id, source=source, model=encoder.name, score=round(score, 3),
                            member_id=who.id, stamp=stamp)
    return get_extract(store, coding_id)

