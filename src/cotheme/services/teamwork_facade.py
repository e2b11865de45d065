"""``TeamworkMixin``: working together for ``Project`` — the live feed and presence, offline working copies
and the queue of what came back, and calibration sessions (each in its own facade module)."""

from __future__ import annotations

from cotheme.services.calibration_facade import CalibrationMixin
from cotheme.services.checkout_facade import CheckoutMixin
from cotheme.services.live import LiveMixin


class TeamworkMixin(LiveMixin, CheckoutMixin, CalibrationMixin):
    pass
