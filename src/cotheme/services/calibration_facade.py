"""``CalibrationMixin``: calibration sessions for ``Project`` (see ``services/calibration.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cotheme.lazy import lazy

if TYPE_CHECKING:
    from cotheme.storage.store import Store
    from cotheme.services import calibration
else:
    calibration = lazy("cotheme.services.calibration")


class CalibrationMixin:
    _store: Store

    def calibrations(self) -> list[calibration.CalibrationSession]:
        """Calibration sessions, newest first, with each coder's codings on the transcript (as the
        acting member may see them: a coder, only their own while it is blind)."""
        return calibration.sessions(self._store)

    def start_calibration(self, document: str | int, coders: Sequence[str] = ()) -> calibration.CalibrationSession:
        """Open a session: the transcript assigned to ``coders`` (default: every coder) and made blind."""
        return calibration.start(self._store, document, coders)

    def reveal_calibration(self, document: str | int) -> calibration.CalibrationSession:
        """Reveal everyone's codings on the session's transcript, side by side."""
        return calibration.reveal(self._store, document)

    def close_calibration(self, document: str | int, decisions: str) -> calibration.CalibrationSession:
        """Close the session with the decisions made (also a memo on the transcript)."""
        return calibration.close(self._store, document, decisions)
