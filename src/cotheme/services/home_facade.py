"""``HomeMixin``: the project home's first screen and its later pages, for ``Project``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cotheme.lazy import lazy

if TYPE_CHECKING:
    from cotheme.storage.store import Store
    from cotheme.services import home
else:
    home = lazy("cotheme.services.home")


class HomeMixin:
    _store: Store

    def home_summary(self) -> home.HomeSummary:
        """Counts, codebook, sample, recent memos and the first transcripts and participants, computed
        once per data version (every committed change, by any process, raises it)."""
        return home.home_summary(self._store)

    def documents_page(self, offset: int = 0, limit: int | None = None, title: str = "") -> home.DocumentsPage:
        """Transcript summaries ``offset`` to ``offset + limit`` in id order, optionally only those whose
        title or case id contains ``title`` (``limit`` by default the home page's page size)."""
        return home.documents_page(self._store, offset, home.PAGE if limit is None else limit, title)
