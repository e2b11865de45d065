"""Codings an edit left behind go to the review queue.

Before this version, an edit of a blind document by a coder carried only the codings that coder could
see: the other coders' codings stayed on the earlier revision with status ``ok`` and offsets that no
longer pointed at their text in the current one (``cotheme check`` now reports such a coding). Each of
them still sits on the revision where its quote is, which is exactly what a coding waiting for review
is, so it is marked ``review``: its coder or a lead places it (the queue suggests where its text is now)
or removes it. Nothing is moved or deleted here. Data only; no table changes.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE codings SET anchor_status = 'review', anchor_score = NULL WHERE anchor_status <> 'review' "
        "AND revision_id <> (SELECT d.current_revision_id FROM documents d WHERE d.id = codings.document_id)"
    )


def downgrade() -> None:
    """Nothing to undo: a coding in the review queue is valid at the earlier version too."""
