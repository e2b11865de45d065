"""The ``Project`` operations of the Study page and the figures: the fields that answer the COREQ
checklist, and the heatmaps and coverage strips as data or as SVG/PNG/PDF bytes.

Delegates to ``services/study_fields.py``, ``services/methods.py``, ``services/figures.py`` and the
renderer in ``formats/figure_render.py``; adds no rules. Must not touch storage itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from cotheme.lazy import lazy
from cotheme.domain.figures import DEFAULT_DPI
from cotheme.domain.study_fields import FIELDS
from cotheme.errors import InvalidArgument

if TYPE_CHECKING:
    from cotheme.storage.store import Store
    from cotheme.domain.figures import Coverage, Heatmap
    from cotheme.domain.study_fields import StudyEntry, StudyField
    from cotheme.services import figures
    from cotheme.services import methods
    from cotheme.services import study_fields
else:
    figures = lazy("cotheme.services.figures")
    methods = lazy("cotheme.services.methods")
    study_fields = lazy("cotheme.services.study_fields")


class StudyMixin:
    """Study page fields and figures, mixed into ``Project``."""

    _store: Store

    # -- the Study page -------------------------------------------------------------------------
    def study_fields(self) -> tuple[StudyField, ...]:
        """Every field of the Study page that answers a COREQ item (and ``attribution``), in order."""
        return FIELDS

    def study(self) -> tuple[StudyEntry, ...]:
        """Each Study page field with what the team stored and what the project would answer itself."""
        return methods.study_entries(self._store)

    def set_study(self, field: str, value: str) -> str:
        """Set one study field (metadata such as ``ethics_reference`` or a COREQ field such as
        ``sampling``); an empty value clears a COREQ field. Returns the value as stored."""
        return study_fields.set_field(self._store, field, value)

    def set_study_fields(self, values: Mapping[str, str]) -> dict[str, str]:
        """Set several study fields at once: all of them or, when one is refused, none."""
        return study_fields.set_fields(self._store, values)

    def attribution(self) -> str:
        """How reports identify quotations: "none", "id", "id-attributes", or "" while not chosen."""
        return study_fields.attribution(self._store)

    # -- figures ----------------------------------------------------------------------------------
    def code_heatmap(self, *, values: str = "counts", columns_by: str | None = None) -> Heatmap:
        """Codes (grouped by theme) x participants (grouped by the attribute ``columns_by``)."""
        return figures.code_participant_heatmap(self._store, values=values, columns_by=columns_by)

    def cooccurrence_heatmap(self, *, unit: str = "extract") -> Heatmap:
        """Codes x codes: how often two codes meet in one extract (or speaker ``turn``)."""
        return figures.cooccurrence_heatmap(self._store, unit=unit)

    def coverage(self, *, documents: Sequence[str] = ()) -> Coverage:
        """Where along each transcript each major theme is coded."""
        return figures.coverage(self._store, documents=documents)

    def figure(self, kind: str, fmt: str = "svg", *, dpi: int = DEFAULT_DPI, values: str = "counts",
               columns_by: str | None = None, unit: str = "extract", documents: Sequence[str] = ()) -> bytes:
        """A figure (``heatmap``, ``cooccurrence`` or ``coverage``) as SVG, PNG or PDF bytes."""
        from cotheme.formats.figure_render import check_figure_format, render_coverage, render_heatmap

        fmt = check_figure_format(fmt, dpi)
        if kind == "heatmap":
            return render_heatmap(self.code_heatmap(values=values, columns_by=columns_by), fmt, dpi=dpi)
        if kind == "cooccurrence":
            return render_heatmap(self.cooccurrence_heatmap(unit=unit), fmt, dpi=dpi)
        if kind == "coverage":
            return render_coverage(self.coverage(documents=documents), fmt, dpi=dpi)
        raise InvalidArgument(f"'{kind}' is not a figure; choose heatmap, cooccurrence or coverage.")
