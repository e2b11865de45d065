"""The second-reader operations of ``Project``: misfit flags (no language model) and drafts from a
language model the team runs itself, accepted (or edited) by a person before anything is saved.

Each method delegates to the service that owns it and adds no rules; permissions are checked by
``acting.ActingProject``. The embedding model and the HTTP client are imported only when used.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from cotheme.storage.store import Store

if TYPE_CHECKING:
    from cotheme.domain.assist_drafts import AcceptedDraft, Draft, Misfit


class DraftsMixin:
    """Misfits and drafts; ``Project`` provides ``_store``."""

    _store: Store

    def misfits(self, code: str | None = None, *, code_id: int | None = None, top: int = 5) -> list[Misfit]:
        """Per code (or one code), the ``top`` coded passages least like its other passages and card."""
        from cotheme.services import assist_model

        assist_model.require()
        from cotheme.services import assist_misfits

        return assist_misfits.misfits(self._store, code, code_id=code_id, top=top)

    def draft_endpoint(self) -> dict[str, Any]:
        """The drafts endpoint as set up (``COTHEME_LLM_*``), or how to set one up."""
        from cotheme.services import llm_endpoint

        return llm_endpoint.describe()

    def draft(self, *, code: str | None = None, code_id: int | None = None, theme: str | None = None,
              theme_id: int | None = None, candidate: int | None = None, groups: int | None = None,
              extracts: int = 12,
              seed: int = 0, cancel: Any = None) -> Draft:
        """A draft from the team's language model: a code's definition, a theme's summary, or a
        candidate theme's name and definition (``candidate`` numbered as ``candidate_themes(groups)``).
        Nothing is saved (see ``accept_draft``)."""
        from cotheme.services import assist_drafts

        return assist_drafts.draft(self._store, code=code, code_id=code_id, theme=theme, theme_id=theme_id,
                                   candidate=candidate, groups=groups, extracts=extracts, seed=seed,
                                   cancel=cancel)

    def draft_stream(self, *, code: str | None = None, code_id: int | None = None, theme: str | None = None,
                     theme_id: int | None = None, candidate: int | None = None, groups: int | None = None,
              extracts: int = 12,
                     seed: int = 0) -> Iterator[dict[str, Any]]:
        """The same draft as events: the extracts given, then pieces of text, then the draft."""
        from cotheme.services import assist_drafts

        return assist_drafts.draft_events(self._store, code=code, code_id=code_id, theme=theme, theme_id=theme_id,
                                          candidate=candidate, groups=groups, extracts=extracts, seed=seed)

    def accept_draft(self, draft: Draft | dict[str, Any], *, text: str | None = None,
                     member: str | None = None) -> AcceptedDraft:
        """Save a draft a person accepted, as written or edited (``text``), with its provenance."""
        from cotheme.services import assist_drafts

        return assist_drafts.accept(self._store, draft, text=text, member=member)

    def drafts(self) -> list[AcceptedDraft]:
        """Every accepted draft, oldest first, with its provenance."""
        from cotheme.services import assist_drafts

        return assist_drafts.accepted(self._store)
