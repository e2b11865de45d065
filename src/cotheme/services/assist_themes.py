"""Candidate themes: the codes grouped by what they mean and what was coded with them, for
a team to review in phases 3-5 - never themes themselves until people make them so.

Each code is one vector: its own name, definition and inclusion note (not its parents': the tree
already groups siblings) blended with the centroid of its extracts as in ``assist_rank`` (the extracts
weigh more as a code gathers them), minus the mean of all codes (what every code of a study shares). Codes are grouped by average
linkage on cosine similarity (merge the two closest groups until ``groups`` remain; default the square
root of the number of codes, a common starting point for a first look). Each group comes with its
cohesion (mean cosine between its codes) and the extracts nearest its centre, at most one per code
first: what ties the group together.

Must not create themes (``themes`` does, when people decide to).
"""

from __future__ import annotations

import math

import numpy as np

from cotheme.domain.assist import CandidateTheme
from cotheme.domain.codebook import Code
from cotheme.errors import InvalidArgument
from cotheme.services import assist
from cotheme.services.assist_rank import unit
from cotheme.storage import assist as repo
from cotheme.storage.store import Store


def _groups(vectors: np.ndarray, wanted: int) -> list[list[int]]:
    """Average-linkage agglomerative clustering on cosine similarity (deterministic)."""
    members: list[list[int]] = [[i] for i in range(len(vectors))]
    sim = vectors @ vectors.T
    np.fill_diagonal(sim, -np.inf)
    alive = np.ones(len(vectors), dtype=bool)
    while alive.sum() > wanted:
        masked = np.where(alive[:, None] & alive[None, :], sim, -np.inf)
        a, b = np.unravel_index(int(np.argmax(masked)), masked.shape)
        na, nb = len(members[a]), len(members[b])
        sim[a, :] = (na * sim[a, :] + nb * sim[b, :]) / (na + nb)  # Lance-Williams, average linkage
        sim[:, a] = sim[a, :]
        sim[a, a] = -np.inf
        members[a] = members[a] + members[b]
        members[b] = []
        alive[b] = False
    return sorted((sorted(m) for m in members if m), key=lambda m: (-len(m), m[0]))


def candidate_themes(store: Store, groups: int | None = None, extracts: int = 3) -> list[CandidateTheme]:
    """The codes in ``groups`` groups (default sqrt of the number of codes), largest first."""
    encoder = assist._encoder(store)  # noqa: SLF001 - same feature, one owner of the on/off rule
    made, index = assist._profiled(store, encoder)  # noqa: SLF001
    codes = made.codes
    if len(codes) < 2:
        raise InvalidArgument("Candidate themes need at least two codes.")
    wanted = groups if groups is not None else max(2, round(math.sqrt(len(codes))))
    if not 1 <= wanted <= len(codes):
        raise InvalidArgument(f"Ask for between 1 and {len(codes)} groups.")
    profiles = made.profiles
    share = (profiles.counts / (profiles.counts + profiles.weights.prior))[:, None]
    # Cards without the parent's name: the tree already groups siblings; themes may cut across it.
    own_cards = encoder.encode([". ".join(p for p in (c.name, c.definition, c.inclusion) if p) for c in codes])
    vectors = (1 - share) * own_cards + share * profiles.centroids
    # Minus what every code shares (the study's subject), else everything looks alike.
    vectors = unit(vectors - vectors.mean(axis=0, keepdims=True))
    with store.read() as conn:
        spans = repo.coded_spans(conn)
    example_vectors = assist._examples(store, encoder, index, spans)  # noqa: SLF001
    position = {c.id: i for i, c in enumerate(codes)}
    out = []
    for group in _groups(vectors, wanted):
        if len(group) < 2:
            continue
        centre = unit(vectors[group].mean(axis=0, keepdims=True))[0]
        pair = vectors[group] @ vectors[group].T
        cohesion = float((pair.sum() - len(group)) / (len(group) * (len(group) - 1)))
        out.append(CandidateTheme(
            number=len(out) + 1,
            codes=tuple(codes[i].path_text for i in group),
            extracts=_ties(spans, example_vectors, position, set(group), centre, codes, extracts),
            cohesion=round(cohesion, 3),
        ))
    return out


def _ties(spans: list[repo.CodedSpan], vectors: list[np.ndarray], position: dict[int, int], group: set[int],
          centre: np.ndarray, codes: list[Code], wanted: int) -> tuple[tuple[int, str, str], ...]:
    ranked = sorted(
        ((float(v @ centre), s) for s, v in zip(spans, vectors) if position[s.code_id] in group),
        key=lambda pair: -pair[0],
    )
    chosen: list[repo.CodedSpan] = []
    for first in (True, False):  # one per code first, then the next best; each text once
        for _score, span in ranked:
            if len(chosen) >= wanted or any(c.quote == span.quote for c in chosen):
                continue
            if not first or all(c.code_id != span.code_id for c in chosen):
                chosen.append(span)
    return tuple((s.coding_id, codes[position[s.code_id]].path_text, s.quote) for s in chosen)
