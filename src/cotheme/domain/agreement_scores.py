"""What an agreement coefficient is reported as: an estimate with its interval, and every nominal
measure of one table (``cotheme.domain.agreement`` computes them with numpy).

Kept apart from the computation so that a report, a page or the JSON API can name these types
without importing numpy. Must not do I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The measures every ``Reliability`` reports, in report order.
MEASURES = ("percent_agreement", "cohen_kappa", "fleiss_kappa", "gwet_ac1", "krippendorff_alpha")


@dataclass(frozen=True, slots=True)
class Estimate:
    """A coefficient with its bootstrap 95% interval (``None`` where undefined or not resampled)."""

    value: float | None
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Reliability:
    """Every nominal measure for one table of reliability data."""

    units: int  # units with at least two values (the ones that can show agreement)
    percent_agreement: Estimate
    cohen_kappa: Estimate | None  # two coders only
    fleiss_kappa: Estimate
    gwet_ac1: Estimate
    krippendorff_alpha: Estimate
