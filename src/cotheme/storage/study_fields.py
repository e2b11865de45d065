"""Repository of the Study page's fields (``domain/study_fields.py``): each a settings row keyed
``study.<name>``, beside the study metadata, so no migration is needed. An emptied field has no row.

Must not check values (the service does) nor know what a field means.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select

from cotheme.domain.study_fields import KEY_PREFIX, setting_key
from cotheme.storage.schema import settings


def read_stored(conn: Connection) -> dict[str, str]:
    """Field name -> the value the team stored, for every field with a value."""
    rows = conn.execute(select(settings.c.key, settings.c.value).where(settings.c.key.startswith(KEY_PREFIX)))
    return {key[len(KEY_PREFIX):]: value for key, value in rows if value}


def write_field(conn: Connection, name: str, value: str) -> None:
    """Store ``value`` for the field ``name``; an empty value removes it."""
    conn.execute(delete(settings).where(settings.c.key == setting_key(name)))
    if value:
        conn.execute(insert(settings).values(key=setting_key(name), value=value))
