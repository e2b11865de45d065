"""What a team looks at when it reviews one theme (phase 4): its extracts grouped by code and by
participant, its passages (each shown once with all its coders) grouped the way the reviewer chose,
how many participants it and each subtheme draw on, and the codes no theme holds yet.

Plain data for the review page and ``Project.theme_review``; must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from cotheme.domain.codebook import Code
from cotheme.domain.codings import Extract
from cotheme.domain.memos import Memo
from cotheme.domain.passages import Grouping
from cotheme.domain.themes import Theme


@dataclass(frozen=True, slots=True)
class ExtractGroup:
    """Extracts under one heading: a code's path, or a participant id (``None`` = no participant)."""

    key: str | None
    extracts: tuple[Extract, ...]


@dataclass(frozen=True, slots=True)
class SubthemeCount:
    theme: Theme
    extracts: int
    participants: int


@dataclass(frozen=True, slots=True)
class UnthemedCode:
    code: Code
    extracts: int
    participants: int


@dataclass(frozen=True, slots=True)
class ThemeReview:
    """One theme under review. ``exemplar_ids`` are coding ids in the team's order; ``passages`` the
    theme's passages grouped by subtheme, participant or code (``passages.by``)."""

    theme: Theme
    codes: tuple[Code, ...]
    extracts: int
    participants: int
    by_code: tuple[ExtractGroup, ...]
    by_participant: tuple[ExtractGroup, ...]
    subthemes: tuple[SubthemeCount, ...]
    unthemed_codes: tuple[UnthemedCode, ...]
    exemplar_ids: tuple[int, ...]
    memos: tuple[Memo, ...] = ()
    passages: Grouping = Grouping("subtheme")
    passage_count: int = 0
