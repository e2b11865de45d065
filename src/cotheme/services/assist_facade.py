"""The suggestion assistant's evaluation on ``Project``, as a mixin so ``project.py`` stays one screenful
of delegations.

Delegates to ``assist_evaluate`` and adds no rules; permissions are checked by ``acting.ActingProject``
(running an evaluation reads every coding and records the figures: a lead's work).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from cotheme.lazy import lazy
from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.domain.assist import AssistEvaluation
    from cotheme.services import assist_model
else:
    assist_model = lazy("cotheme.services.assist_model")


class AssistEvaluateMixin:
    """``assist_evaluate``; ``Project`` provides ``_store``."""

    _store: Store

    def assist_evaluate(self) -> AssistEvaluation:
        """The assistant as a coder on this project's codings: each coded passage hidden in turn, top-1,
        top-3 and Cohen's kappa per code against the people's codes, with each code's number of codings."""
        assist_model.require()
        from cotheme.services import assist_evaluate

        return assist_evaluate.evaluate(self._store)
