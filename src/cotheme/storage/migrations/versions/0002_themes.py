"""Themes: the theme hierarchy with saved map positions, the codes each theme draws on, exemplar
extracts, purposive-sampling targets, and memos on themes.

Memos gain a ``theme_id`` column and their ``target`` CHECK widens to 'theme'. SQLite cannot alter a
CHECK constraint, so Alembic's batch mode rebuilds the memos table there; ``migrate.upgrade`` turns
foreign keys off around the migration so dropping the old table does not cascade into the memos'
search units (and checks the keys before committing).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)

OLD_TARGET = (
    "(target = 'project' AND document_id IS NULL AND code_id IS NULL AND coding_id IS NULL)"
    " OR (target = 'document' AND document_id IS NOT NULL)"
    " OR (target = 'code' AND code_id IS NOT NULL)"
    " OR (target = 'coding' AND coding_id IS NOT NULL)"
)
NEW_TARGET = (
    "(target = 'project' AND document_id IS NULL AND code_id IS NULL AND coding_id IS NULL"
    " AND theme_id IS NULL)"
    " OR (target = 'document' AND document_id IS NOT NULL)"
    " OR (target = 'code' AND code_id IS NOT NULL)"
    " OR (target = 'coding' AND coding_id IS NOT NULL)"
    " OR (target = 'theme' AND theme_id IS NOT NULL)"
)


def GUID() -> sa.Column:  # type: ignore[type-arg]  # noqa: N802 - reads like a column type
    return sa.Column("guid", sa.String(36), nullable=False, unique=True)


def _fk(column: str, target: str, ondelete: str, nullable: bool = True, **kw: object) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(column, sa.Integer, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, **kw)


def upgrade() -> None:
    op.create_table(
        "themes",
        sa.Column("id", sa.Integer, primary_key=True),
        GUID(),
        _fk("parent_id", "themes.id", "RESTRICT"),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("definition", sa.Text, nullable=False, server_default=""),
        sa.Column("status", sa.String(20), nullable=False, server_default="candidate"),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("map_x", sa.Float, nullable=True),
        sa.Column("map_y", sa.Float, nullable=True),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.UniqueConstraint("parent_id", "name", name="uq_themes_parent_name"),
        sa.CheckConstraint("status IN ('candidate', 'reviewed', 'defined')", name="status"),
    )
    op.create_index(
        "uq_themes_root_name",
        "themes",
        ["name"],
        unique=True,
        sqlite_where=sa.text("parent_id IS NULL"),
        postgresql_where=sa.text("parent_id IS NULL"),
    )
    op.create_table(
        "theme_codes",
        _fk("theme_id", "themes.id", "CASCADE", nullable=False, primary_key=True),
        _fk("code_id", "codes.id", "CASCADE", nullable=False, primary_key=True),
        GUID(),
    )
    op.create_index("ix_theme_codes_code_id", "theme_codes", ["code_id"])
    op.create_table(
        "theme_exemplars",
        sa.Column("id", sa.Integer, primary_key=True),
        GUID(),
        _fk("theme_id", "themes.id", "CASCADE", nullable=False),
        _fk("coding_id", "codings.id", "CASCADE", nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        _fk("chosen_by", "members.id", "SET NULL"),
        sa.Column("created_at", STAMP, nullable=False),
        sa.UniqueConstraint("theme_id", "coding_id", name="uq_theme_exemplars_theme_coding"),
    )
    op.create_index("ix_theme_exemplars_coding_id", "theme_exemplars", ["coding_id"])
    op.create_table(
        "sample_targets",
        sa.Column("id", sa.Integer, primary_key=True),
        GUID(),
        sa.Column("attribute", sa.String(200), nullable=False),
        sa.Column("category", sa.String(200), nullable=False),
        sa.Column("min_count", sa.Integer, nullable=True),
        sa.Column("min_share", sa.Float, nullable=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.UniqueConstraint("attribute", "category", name="uq_sample_targets_attribute_category"),
        sa.CheckConstraint(
            "(min_count IS NULL OR min_count >= 0) AND (min_share IS NULL OR (min_share >= 0 AND min_share <= 1))",
            name="bounds",
        ),
    )
    with op.batch_alter_table("memos") as batch:
        batch.add_column(_fk("theme_id", "themes.id", "CASCADE"))
        batch.drop_constraint(op.f("ck_memos_target"), type_="check")
        batch.create_check_constraint(op.f("ck_memos_target"), sa.text(NEW_TARGET))
        batch.create_index("ix_memos_theme_id", ["theme_id"])


def downgrade() -> None:
    op.execute("DELETE FROM memos WHERE target = 'theme'")
    with op.batch_alter_table("memos") as batch:
        batch.drop_index("ix_memos_theme_id")
        batch.drop_constraint(op.f("ck_memos_target"), type_="check")
        batch.drop_constraint(op.f("fk_memos_theme_id_themes"), type_="foreignkey")
        batch.drop_column("theme_id")
        batch.create_check_constraint(op.f("ck_memos_target"), sa.text(OLD_TARGET))
    for table in ("sample_targets", "theme_exemplars", "theme_codes", "themes"):
        op.drop_table(table)
