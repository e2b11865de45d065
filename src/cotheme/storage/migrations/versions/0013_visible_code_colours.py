"""Code colours that a reader could not see on white are darkened to 3:1 contrast, keeping their hue.

Earlier default colours (and the demo's) included light tints such as #F0E442 at 1.3:1 against white;
a coding stripe or swatch needs at least 3:1 (WCAG 2.2, 1.4.11). Each code whose colour falls short
gets the same hue scaled towards black just far enough; every other colour is left as chosen. Data
only; no table changes. The arithmetic is copied here, not imported, so this step stays the same
whatever later versions of the code do.

Revision ID: 0013
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0009"
branch_labels = None
depends_on = None

TARGET = 3.05


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _contrast_on_white(r: int, g: int, b: int) -> float:
    luminance = 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)
    return 1.05 / (luminance + 0.05)


def visible(colour: str) -> str | None:
    """The darkened ``#RRGGBB`` for a colour under 3:1 on white, or None to leave it as it is."""
    value = colour.strip().lstrip("#")
    try:
        r, g, b = int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return None
    if len(value) != 6 or _contrast_on_white(r, g, b) >= 3.0:
        return None
    for step in range(100, -1, -1):
        scaled = (round(r * step / 100), round(g * step / 100), round(b * step / 100))
        if _contrast_on_white(*scaled) >= TARGET:
            return "#{:02X}{:02X}{:02X}".format(*scaled)
    return "#000000"


def upgrade() -> None:
    conn = op.get_bind()
    codes = sa.table("codes", sa.column("id", sa.Integer), sa.column("colour", sa.String))
    for code_id, colour in conn.execute(sa.select(codes.c.id, codes.c.colour)).all():
        darker = visible(colour or "")
        if darker:
            conn.execute(codes.update().where(codes.c.id == code_id).values(colour=darker))


def downgrade() -> None:
    """Nothing to undo: a darker colour is as valid at the earlier version."""
