"""Bytes <-> domain objects. No database access; only ``cotheme.domain`` and ``cotheme.errors``."""
