"""The data version: one number that every committed change to the project raises.

Pages that sum up the whole project (the home page's counts) cache what they computed under this
number, so every server process knows, with one primary-key read, whether its copy still holds. The
row is made by the first write (an empty table copies into a backup or a restore like any other).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("n", sa.BigInteger, nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("data_version")
