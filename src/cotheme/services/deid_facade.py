"""The de-identification operations of ``Project`` for review by string and the residual risk report,
as a mixin so ``project.py`` stays one screenful of delegations.

Each method delegates to the service that owns it and adds no rules; permissions are checked by
``acting.ActingProject`` (de-identification is a lead's work).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cotheme.lazy import lazy
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.domain.deid import Term
    from cotheme.domain.deid_groups import CandidateGroup, GroupDecision, RiskReport
    from cotheme.services import deid_groups
    from cotheme.services import deid_risk
else:
    deid_groups = lazy("cotheme.services.deid_groups")
    deid_risk = lazy("cotheme.services.deid_risk")


class DeidReviewMixin:
    """Review by string, the reject list and the residual risk report; ``Project`` provides ``_store``."""

    _store: Store

    def deid_groups(self, *, kind: str | None = None, min_confidence: float | None = None,
                    status: str | None = None) -> list[CandidateGroup]:
        """Candidates grouped by string across all transcripts (count, kind, confidence, contexts)."""
        return deid_groups.groups(self._store, kind=kind, min_confidence=min_confidence, status=status)

    def deid_decide_string(self, string: str, decision: str, *, placeholder: str | None = None,
                           member: str | None = None) -> GroupDecision:
        """``accept`` (optionally as ``placeholder``), ``reject`` or ``undo`` a string everywhere."""
        return deid_groups.decide_string(self._store, string, decision, placeholder=placeholder, member=member)

    def deid_rejected(self) -> list[Term]:
        """The reject list: strings later scans leave out."""
        return deid_groups.rejected(self._store)

    def deid_unreject(self, string: str) -> None:
        deid_groups.unreject(self._store, string)

    def deid_risk(self, documents: Sequence[str | int] | None = None, *, use_model: bool = True) -> RiskReport:
        """What each transcript still holds that looks like an identifier, and what kinds were replaced."""
        return deid_risk.report(self._store, documents, use_model=use_model)
