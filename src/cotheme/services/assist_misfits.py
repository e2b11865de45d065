"""Misfit flags: per code, the coded passages least like the code's other passages and definition,
each with the reason (the nearest other code) - a second reader's list for the team to review, never a
change to any coding.

A code's *profile* is its card (name, parents, definition, inclusion note, example: as ``assist`` writes
it) blended with the centroid of its extracts, the extracts weighing ``n / (n + 3)`` as in
``assist_rank``. A coded passage is compared with its own code's profile made *without it* (leave one
out: else every passage partly matches itself) and with every other code's profile (without it too,
when the same span is coded with that code). Its misfit score is the margin ``nearest other - own``:
above 0 it lies closer to another code than to its own. ``bench/misfits_eval.py`` measures the margin
against the own fit alone and a random order.

Reads codings through the ordinary repositories, so the acting member's view of blind documents holds
(a coder is shown only the codings they may see). Needs the optional extra and the project's index, as
"similar" does; must not import the model before it is called, nor change anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from cotheme.domain.assist_drafts import Misfit
from cotheme.errors import InvalidArgument
from cotheme.services import assist
from cotheme.services.assist_rank import unit
from cotheme.storage import assist as repo
from cotheme.storage.store import Store

#: The extracts' weight against the card, n / (n + PRIOR): the prior ``assist_rank`` uses (3).
PRIOR = 3.0
#: A code needs this many codings for "least like the others" to mean anything.
MIN_CODINGS = 2


def fits(cards: np.ndarray, vectors: np.ndarray, owners: Sequence[int], spans: Sequence[object] | None = None,
         prior: float = PRIOR) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each coded passage (``vectors[i]`` coded with code ``owners[i]``): its cosine with its own
    code's profile left without it, the nearest other code and its cosine with that code's profile.

    ``spans`` (one hashable per passage, e.g. (revision, start, end)) marks the same passage coded with
    several codes: it is left out of every profile it belongs to, and those codes are not offered as the
    nearest other code (coded with both is not a reason to doubt either)."""
    owners_a = np.asarray(owners, dtype=np.int64)
    n_codes, dim = cards.shape
    cards = unit(cards.astype(np.float32))
    vectors = unit(vectors.astype(np.float32)) if len(vectors) else np.zeros((0, dim), np.float32)
    sums = np.zeros((n_codes, dim), np.float32)
    np.add.at(sums, owners_a, vectors)
    counts = np.bincount(owners_a, minlength=n_codes).astype(np.float32)
    all_fits = vectors @ _profiles(cards, sums, counts, prior).T  # (passages, codes)
    rows = np.arange(len(vectors))
    # Leave one out, for every passage at once: its own code's profile from the other passages.
    own_profiles = _profiles(cards[owners_a], sums[owners_a] - vectors, counts[owners_a] - 1, prior)
    own = np.einsum("ij,ij->i", vectors, own_profiles)
    all_fits[rows, owners_a] = -np.inf
    if spans is not None:
        shared: dict[object, list[int]] = defaultdict(list)
        for i, key in enumerate(spans):
            shared[key].append(i)
        for members in (m for m in shared.values() if len(m) > 1):
            codes = owners_a[members]
            all_fits[np.ix_(members, codes)] = -np.inf
    nearest = np.argmax(all_fits, axis=1) if len(vectors) else np.zeros(0, np.int64)
    nearest_fit = all_fits[rows, nearest] if len(vectors) else np.zeros(0, np.float32)
    return own, nearest, nearest_fit


def _profiles(cards: np.ndarray, sums: np.ndarray, counts: np.ndarray, prior: float) -> np.ndarray:
    share = (counts / (counts + prior))[:, None]
    centroids = unit(np.where(counts[:, None] > 0, sums, cards))
    return unit((1 - share) * cards + share * centroids)


def margins(own: np.ndarray, nearest_fit: np.ndarray) -> np.ndarray:
    """The misfit score: how much closer to the nearest other code than to its own (higher: less fit)."""
    return np.where(np.isfinite(nearest_fit), nearest_fit - own, -own)


def misfits(store: Store, code: str | None = None, *, code_id: int | None = None, top: int = 5) -> list[Misfit]:
    """The ``top`` least fitting codings of each code (or of one code), least fitting first."""
    if top < 1:
        raise InvalidArgument("--top must be 1 or more.")
    encoder = assist._encoder(store)  # noqa: SLF001 - one owner of the on/off rule and the model
    wanted = assist._code_of(store, code, code_id) if code is not None or code_id is not None else None  # noqa: SLF001
    made, index = assist._profiled(store, encoder)  # noqa: SLF001 - the cards and index, cached
    codes = made.codes
    with store.read() as conn:
        spans = repo.coded_spans(conn)
        titles = {d: t for d, t, _ in repo.current_revisions(conn)}
    if not spans:
        return []
    position = {c.id: i for i, c in enumerate(codes)}
    vectors = np.vstack(assist._examples(store, encoder, index, spans))  # noqa: SLF001
    owners = [position[s.code_id] for s in spans]
    own, nearest, nearest_fit = fits(made.cards, vectors, owners,
                                     [(s.revision_id, s.start, s.end) for s in spans])
    score = margins(own, nearest_fit)
    counts = np.bincount(owners, minlength=len(codes))
    out: list[Misfit] = []
    by_code: dict[int, list[int]] = defaultdict(list)
    for i in np.argsort(-score, kind="stable"):
        c = owners[i]
        if counts[c] >= MIN_CODINGS and (wanted is None or codes[c].id == wanted) and len(by_code[c]) < top:
            by_code[c].append(int(i))
    for c in sorted(by_code, key=lambda c: codes[c].path_text.lower()):
        for i in by_code[c]:
            s, other, found = spans[i], int(nearest[i]), bool(np.isfinite(nearest_fit[i]))
            out.append(Misfit(
                coding_id=s.coding_id, code_id=s.code_id, code=codes[c].path_text, document_id=s.document_id,
                document=titles.get(s.document_id, str(s.document_id)), start=s.start, end=s.end,
                text=s.quote, score=round(float(score[i]), 3), own_fit=round(float(own[i]), 3),
                nearest_code=codes[other].path_text if found and other >= 0 else "",
                nearest_fit=round(float(nearest_fit[i]), 3) if found else 0.0,
            ))
    return out
