"""Migration 0013 on SQLite and PostgreSQL: a code colour under 3:1 on white is darkened, same hue; a
visible one is left exactly as chosen."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa

from cotheme.domain.palette import contrast_ratio, darkened
from cotheme.storage import migrate


def _url(target: str) -> str:
    return target if "://" in target else f"sqlite:///{target}"


def test_light_code_colours_are_darkened_and_others_kept(target: str) -> None:
    engine = sa.create_engine(_url(target))
    try:
        migrate.upgrade(engine, "0008")
        now = dt.datetime.now(dt.UTC)
        colours = {"Yellow": "#F0E442", "Grey": "#999999", "Blue": "#0072B2", "Lowercase": "#fccde5"}
        with engine.begin() as conn:
            for position, (name, colour) in enumerate(colours.items()):
                conn.execute(sa.text(
                    "INSERT INTO codes (guid, name, colour, position, created_at, version) "
                    "VALUES (:guid, :name, :colour, :position, :now, 1)"),
                    {"guid": str(uuid.uuid4()), "name": name, "colour": colour, "position": position, "now": now})
        migrate.upgrade(engine)
        assert migrate.current(engine) == migrate.head()
        with engine.connect() as conn:
            stored = dict(conn.execute(sa.text("SELECT name, colour FROM codes")).all())
        assert stored["Blue"] == "#0072B2"
        for name in ("Yellow", "Grey", "Lowercase"):
            assert stored[name] == darkened(colours[name], 3.05), name
            assert contrast_ratio(stored[name]) >= 3.0
    finally:
        engine.dispose()
