"""Repository of the project's purposive-sampling targets (``sample_targets``).

Must not judge a target: reading and replacing the rows is all it does.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, insert, select

from cotheme.domain.sample import SampleTarget
from cotheme.storage.schema import sample_targets


def list_targets(conn: Connection) -> list[SampleTarget]:
    rows = conn.execute(select(sample_targets).order_by(sample_targets.c.position, sample_targets.c.id))
    return [SampleTarget(r.attribute, r.category, r.min_count, r.min_share) for r in rows]


def replace_targets(conn: Connection, targets: Sequence[SampleTarget]) -> None:
    """Make ``targets`` the project's targets, in this order."""
    conn.execute(delete(sample_targets))
    if targets:
        conn.execute(
            insert(sample_targets),
            [
                {"attribute": t.attribute, "category": t.category, "min_count": t.min_count,
                 "min_share": t.min_share, "position": i}
                for i, t in enumerate(targets)
            ],
        )
