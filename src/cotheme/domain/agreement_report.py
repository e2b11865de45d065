"""What an agreement run reports: scores per code and overall, and the differences behind them.

In reflexive mode (a project setting) the report carries no score at all (``overall``,
``overall_alpha_u`` and every code's ``scores``/``alpha_u`` are ``None``): only the differences, for
the team to talk through. Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from cotheme.domain.agreement_scores import Estimate, Reliability
from cotheme.domain.agreement_units import UnitKind

#: Characters of a unit's text a difference carries (a long turn is cut with an ellipsis).
EXCERPT_CHARS = 400


@dataclass(frozen=True, slots=True)
class Difference:
    """A unit where some of the coders applied a code and others did not."""

    document_id: int
    document: str
    start: int
    end: int
    speaker: str | None
    code_id: int
    code: str
    coded_by: tuple[str, ...]
    not_coded_by: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class CodeAgreement:
    """One code: how many units each coder coded with it, the differences, and (unless reflexive)
    the nominal measures over units and alpha_u over character spans."""

    code_id: int
    code: str
    units_coded: tuple[int, ...]  # per coder, in the order of ``AgreementReport.coders``
    differences: int
    scores: Reliability | None
    alpha_u: Estimate | None


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Agreement between ``coders`` on ``documents``; ``units`` is the number of units each code was
    judged on; ``left_out`` counts codings waiting in the review queue, which are not compared."""

    coders: tuple[str, ...]
    documents: tuple[str, ...]
    unit: UnitKind
    units: int
    bootstrap: int
    reflexive: bool
    overall: Reliability | None
    overall_alpha_u: Estimate | None
    codes: tuple[CodeAgreement, ...]
    differences: tuple[Difference, ...]
    left_out: int = 0


def excerpt(text: str) -> str:
    """``text`` cut to ``EXCERPT_CHARS`` characters (with an ellipsis when cut)."""
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "…"
