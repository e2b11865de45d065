"""The tables of a cotheme project, as SQLAlchemy Core metadata.

This is the *model* the repositories query; the database schema itself is created only by the Alembic
migrations in ``migrations/versions`` (a test checks the two agree). Engine-specific search objects
(the FTS5 table on SQLite, the tsvector column on PostgreSQL) live in the migrations and ``search.py``.

``documents.current_revision_id`` carries no foreign key on purpose: documents and revisions point at
each other, and SQLite cannot add a constraint after both exist. ``cotheme check`` verifies it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


def _stamp(name: str) -> Column:  # type: ignore[type-arg]
    return Column(name, DateTime(timezone=True), nullable=False)


def new_guid() -> str:
    """A fresh identity for an exported object (REFI-QDA GUIDs; merging imports by GUID)."""
    return str(uuid.uuid4())


def _guid() -> Column:  # type: ignore[type-arg]
    return Column("guid", String(36), nullable=False, unique=True, default=new_guid)


settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

members = Table(
    "members",
    metadata,
    Column("id", Integer, primary_key=True),
    _guid(),
    Column("name", String(200), nullable=False, unique=True),
    Column("role_label", String(200), nullable=False, server_default=""),
    Column("permission", String(20), nullable=False, server_default="coder"),
    _stamp("created_at"),
    CheckConstraint("permission IN ('lead', 'coder', 'viewer')", name="permission"),
    # 0005 (team): a member with a password hash (argon2) is an account that can log in to a team server.
    Column("password_hash", String(200), nullable=True),
    Column("active", Boolean, nullable=False, server_default=true()),
)

cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True),
    _guid(),
    Column("pid", String(100), nullable=False, unique=True),
    _stamp("created_at"),
)

attributes = Table(
    "attributes",
    metadata,
    Column("id", Integer, primary_key=True),
    _guid(),
    Column("name", String(200), nullable=False, unique=True),
    Column("position", Integer, nullable=False),
    # How the write-up shows it (migration 0009): display label ("" = the name), category order (a
    # JSON list), a description for Table 1's notes, and whether Table 1 shows it.
    Column("label", String(200), nullable=False, server_default=""),
    Column("category_order", Text, nullable=False, server_default="[]"),
    Column("description", Text, nullable=False, server_default=""),
    Column("shown", Boolean, nullable=False, server_default=true()),
)

case_values = Table(
    "case_values",
    metadata,
    Column("case_id", ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    Column("attribute_id", ForeignKey("attributes.id", ondelete="CASCADE"), primary_key=True),
    Column("value", Text, nullable=True),  # NULL = explicitly "not available"
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    _guid(),
    Column("title", String(300), nullable=False, unique=True),
    Column("case_id", ForeignKey("cases.id", ondelete="SET NULL"), nullable=True, index=True),
    Column("current_revision_id", Integer, nullable=True),
    Column("file_name", String(500), nullable=False, server_default=""),
    Column("format", String(20), nullable=False, server_default=""),
    Column("content_sha256", String(64), nullable=False, index=True),
    Column("interview_date", Date, nullable=True),
    Column("mode", String(100), nullable=False, server_default=""),
    Column("duration_minutes", Integer, nullable=True),
    Column("interviewer", String(200), nullable=False, server_default=""),
    _stamp("created_at"),
    # 0005 (team): a blind document shows each coder only their own codings until a lead reveals it.
    Column("blind", Boolean, nullable=False, server_default=false()),
    # 0007 (interview details): where the interview was held, and the interviewer's field notes.
    Column("setting", String(500), nullable=False, server_default=""),
    Column("field_notes", Text, nullable=False, server_default=""),
)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("char_length", Integer, nullable=False),
    Column("words", Integer, nullable=False),
    Column("author_id", ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    Column("reason", Text, nullable=False, server_default=""),
    _stamp("created_at"),
    # 0003: set by 'cotheme deid apply' when every candidate identifier of the revision was decided.
    Column("deidentified", Boolean, nullable=False, server_default=false()),
    UniqueConstraint("document_id", "number", name="uq_revisions_document_number"),
)

turns = Table(
    "turns",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("revision_id", ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("speaker", String(200), nullable=True),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("t_start_ms", Integer, nullable=True),
    Column("t_end_ms", Integer, nullable=True),
    Index("ix_turns_revision_start", "revision_id", "start_offset"),
)

codes = Table(
    "codes",
    metadata,
    Column("id", Integer, primary_key=True),
    _guid(),
    Column("parent_id", ForeignKey("codes.id", ondelete="RESTRICT"), nullable=True),
    Column("name", String(200), nullable=False),
    Column("definition", Text, nullable=False, server_default=""),
    Column("inclusion", Text, nullable=False, server_default=""),
    Column("exclusion", Text, nullable=False, server_default=""),
    Column("example", Text, nullable=False, server_default=""),
    Column("colour", String(7), nullable=False, server_default="#999999"),
    Column("position", Integer, nullable=False, server_default="0"),
    _stamp("created_at"),
    # 0005 (team): bumped by every change, so a save made on a stale page is refused (optimistic lock).
    Column("version", Integer, nullable=False, server_default="1"),
    UniqueConstraint("parent_id", "name", name="uq_codes_parent_name"),
    Index(
        "uq_codes_root_name",
        "name",
        unique=True,
        sqlite_where=text("parent_id IS NULL"),
    ),
)

codings = Table(
    "codings",
    metadata,
    Column("id", Integer, primary_key=True),
    _guid(),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("revision_id", ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False),
    Column("code_id", ForeignKey("codes.id", ondelete="CASCADE"), nullable=False),
    Column("coder_id", ForeignKey("members.id", ondelete="SET NULL"), nullable=True, index=True),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("quote", Text, nullable=False),
    Column("prefix", Text, nullable=False),
    Column("suffix", Text, nullable=False),
    _stamp("created_at"),
    _stamp("updated_at"),
    CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="span"),
    Index("ix_codings_document_start", "document_id", "start_offset"),
    # 0006: a code's extracts in reading order straight from the index (and code_id for cascades).
    Index("ix_codings_code_document_start", "code_id", "document_id", "start_offset", "id"),
    # 0003: how the coding came through the last transcript edit (cotheme.domain.reanchor.Status):
    # ok | moved | edited | fuzzy | review; its score (0-1) and the quote it had before that edit.
    Column("anchor_status", String(10), nullable=False, server_default="ok", index=True),
    Column("anchor_score", Float, nullable=True),
    Column("old_quote", Text, nullable=True),
    # 0006: the speaker of the turn the coding starts in (the last turn of its revision starting at or
    # before it), kept by storage.codings and documents.rename_speaker so extracts need no lookup.
    Column("speaker", String(200), nullable=True),
)

#: Which column a memo's ``target`` needs (0002 added themes; SQLite had to rebuild the table).
MEMO_TARGET_CHECK = (
    "(target = 'project' AND document_id IS NULL AND code_id IS NULL AND coding_id IS NULL"
    " AND theme_id IS NULL)"
    " OR (target = 'document' AND document_id IS NOT NULL)"
    " OR (target = 'code' AND code_id IS NOT NULL)"
    " OR (target = 'coding' AND coding_id IS NOT NULL)"
    " OR (target = 'theme' AND theme_id IS NOT NULL)"
)

themes = Table(
    "themes",
    metadata,
    Column("id", Integer, primary_key=True),
    _guid(),
    Column("parent_id", ForeignKey("themes.id", ondelete="RESTRICT"), nullable=True),
    Column("name", String(200), nullable=False),
    Column("definition", Text, nullable=False, server_default=""),
    Column("status", String(20), nullable=False, server_default="candidate"),
    Column("position", Integer, nullable=False, server_default="0"),
    Column("map_x", Float, nullable=True),  # NULL = laid out automatically
    Column("map_y", Float, nullable=True),
    _stamp("created_at"),
    _stamp("updated_at"),
    UniqueConstraint("parent_id", "name", name="uq_themes_parent_name"),
    CheckConstraint("status IN ('candidate', 'reviewed', 'defined')", name="status"),
    Index(
        "uq_themes_root_name",
        "name",
        unique=True,
        sqlite_where=text("parent_id IS NULL"),
    ),
)

theme_codes = Table(
    "theme_codes",
    metadata,
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
    Column("code_id", ForeignKey("codes.id", ondelete="CASCADE"), primary_key=True, index=True),
    _guid(),
)

theme_exemplars = Table(
    "theme_exemplars",
    metadata,
    Column("id", Integer, primary_key=True),
    _guid(),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), nullable=False),
    Column("coding_id", ForeignKey("codings.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False, server_default="0"),
    Column("chosen_by", ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    _stamp("created_at"),
    UniqueConstraint("theme_id", "coding_id", name="uq_theme_exemplars_theme_coding"),
)

#: Purposive-sampling targets: a minimum count and/or share of participants in one category of an
#: attribute. The attribute is kept by name so targets can be set before anyone is recruited.
sample_targets = Table(
    "sample_targets",
    metadata,
    Column("id", Integer, primary_key=True),
    _guid(),
    Column("attribute", String(200), nullable=False),
    Column("category", String(200), nullable=False),
    Column("min_count", Integer, nullable=True),
    Column("min_share", Float, nullable=True),
    Column("position", Integer, nullable=False, server_default="0"),
    UniqueConstraint("attribute", "category", name="uq_sample_targets_attribute_category"),
    CheckConstraint(
        "(min_count IS NULL OR min_count >= 0) AND (min_share IS NULL OR (min_share >= 0 AND min_share <= 1))",
        name="bounds",
    ),
)

memos = Table(
    "memos",
    metadata,
    Column("id", Integer, primary_key=True),
    _guid(),
    Column("text", Text, nullable=False),
    Column("author_id", ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    Column("target", String(20), nullable=False),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=True, index=True),
    Column("code_id", ForeignKey("codes.id", ondelete="CASCADE"), nullable=True, index=True),
    Column("coding_id", ForeignKey("codings.id", ondelete="CASCADE"), nullable=True, index=True),
    _stamp("created_at"),
    _stamp("updated_at"),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), nullable=True, index=True),
    CheckConstraint(MEMO_TARGET_CHECK, name="target"),
)

#: One row per searchable unit: a speaker turn of a document's current revision, or a memo.
search_units = Table(
    "search_units",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=True, index=True),
    Column("memo_id", ForeignKey("memos.id", ondelete="CASCADE"), nullable=True, index=True),
    Column("start_offset", Integer, nullable=False, server_default="0"),
    Column("speaker", String(200), nullable=True),
    Column("body", Text, nullable=False),
)

#: 0003 -- de-identification. The team's own list of terms: names of participants and staff to find
#: (``decision`` 'identify', with an optional fixed replacement) and strings never to propose ('ignore').
#: ``term_key`` is the term case-folded with single spaces, so 'Sarah  JONES' and 'Sarah Jones' are one.
deid_terms = Table(
    "deid_terms",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("term", String(300), nullable=False),
    Column("term_key", String(300), nullable=False, unique=True),
    Column("decision", String(10), nullable=False, server_default="identify"),
    Column("role", String(50), nullable=False, server_default=""),
    Column("replacement", String(300), nullable=False, server_default=""),
    _stamp("created_at"),
    CheckConstraint("decision IN ('identify', 'ignore')", name="decision"),
)

#: Candidate identifiers found by a scan of one revision: a span of its text (``field`` 'text') or a
#: speaker label of its turns (``field`` 'speaker', no offsets). Removed once applied: what they were
#: then lives only in the encrypted key file, apart from the project.
deid_candidates = Table(
    "deid_candidates",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("revision_id", ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("field", String(10), nullable=False, server_default="text"),
    Column("start_offset", Integer, nullable=True),
    Column("end_offset", Integer, nullable=True),
    Column("original", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("source", String(10), nullable=False),
    Column("score", Float, nullable=False),
    Column("status", String(10), nullable=False, server_default="open"),
    Column("replacement", String(300), nullable=True),
    Column("decided_by", ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    CheckConstraint("status IN ('open', 'proposed', 'accepted', 'rejected')", name="status"),
    CheckConstraint("field IN ('text', 'speaker')", name="field"),
)

#: When a revision was last scanned and with which detectors (a revision never scanned cannot be
#: marked de-identified).
deid_scans = Table(
    "deid_scans",
    metadata,
    Column("revision_id", ForeignKey("revisions.id", ondelete="CASCADE"), primary_key=True),
    Column("detectors", String(200), nullable=False),
    _stamp("scanned_at"),
)

#: 0015 -- what each de-identifying revision replaced: kind -> how many, with the replacement written
#: (a placeholder such as "[Person A]", never the original), for the residual risk report.
deid_replaced = Table(
    "deid_replaced",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("revision_id", ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("replacement", String(300), nullable=False),
    Column("count", Integer, nullable=False),
)

#: 0004 -- private coding suggestions. The passages of each document's current revision (its
#: turns and their sentences) with their embedding: ``vector`` holds float32 numbers, little-endian.
#: ``model`` names the model, its version and the runtime that made the vector; vectors of another model
#: are never compared with these (indexing again replaces them).
assist_passages = Table(
    "assist_passages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("revision_id", ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(10), nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("model", String(200), nullable=False),
    Column("vector", LargeBinary, nullable=False),
    CheckConstraint("kind IN ('turn', 'sentence')", name="kind"),
)

#: 0019 -- the embeddings of codes' cards and of quotes no passage covers, per model, keyed by the text's
#: SHA-256: a cache (always rebuildable) so a fresh process does not embed a whole codebook again.
assist_texts = Table(
    "assist_texts",
    metadata,
    Column("model", String(200), primary_key=True),
    Column("text_sha256", String(64), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

#: 0004 -- where a coding came from when a person accepted a suggestion: the model (name, version and
#: runtime), its score, when and by whom. The coding itself is a normal coding.
assist_provenance = Table(
    "assist_provenance",
    metadata,
    Column("coding_id", ForeignKey("codings.id", ondelete="CASCADE"), primary_key=True),
    Column("source", String(20), nullable=False),
    Column("model", String(200), nullable=False),
    Column("score", Float, nullable=False),
    Column("accepted_by", ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    _stamp("accepted_at"),
    CheckConstraint("source IN ('similar', 'suggest')", name="source"),
)


# -- 0005 (team): accounts, assignments, codebook history and the audit trail -------------

#: A logged-in browser or script: the SHA-256 of its random token (the token itself is never stored).
login_sessions = Table(
    "login_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("member_id", ForeignKey("members.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("address", String(100), nullable=False, server_default=""),
    _stamp("created_at"),
    _stamp("expires_at"),
)

#: Failed logins, for the rate limit per account and per address (old rows are pruned).
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("account", String(200), nullable=False, index=True),
    Column("address", String(100), nullable=False, index=True),
    _stamp("at"),
)

#: Which coder is to code which document (a document may go to several coders).
assignments = Table(
    "assignments",
    metadata,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("members.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("assigned_by", ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    _stamp("assigned_at"),
)

#: One versioned change of the codebook (the id is the version): who, when, what kind, why.
codebook_changes = Table(
    "codebook_changes",
    metadata,
    Column("id", Integer, primary_key=True),
    _stamp("at"),
    Column("author_id", ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    Column("author", String(200), nullable=False, server_default=""),
    Column("kind", String(20), nullable=False),
    Column("rationale", Text, nullable=False, server_default=""),
    Column("undo_of", ForeignKey("codebook_changes.id", ondelete="SET NULL"), nullable=True),
)

#: The codes a change touched: each code's row (JSON) before and after (NULL: did not exist).
codebook_states = Table(
    "codebook_states",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("change_id", ForeignKey("codebook_changes.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("code_id", Integer, nullable=False),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
)

#: What a merge, split or delete moved from one code to another (codings, memos, theme links), so
#: undo can move it back.
codebook_moves = Table(
    "codebook_moves",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("change_id", ForeignKey("codebook_changes.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("row_id", Integer, nullable=False),
    Column("old_code", Integer, nullable=False),
    Column("new_code", Integer, nullable=True),
)

#: Every change to codings, documents, cases, members and codes: who, when, what, before and after.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("member_id", ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    Column("actor", String(200), nullable=False, server_default=""),
    Column("action", String(10), nullable=False),
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(64), nullable=False, server_default=""),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Index("ix_audit_log_table_row", "table_name", "row_id"),
)

#: One counter per slot; their sum rises with every committed write transaction (``storage/data_version.py``).
data_version = Table(
    "data_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("n", BigInteger, nullable=False, server_default="0"),
)

#: One counter per (table, slot); a table's sum rises with every committed write transaction that changed
#: it (``storage/table_versions.py``).
table_versions = Table(
    "table_versions",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("slot", Integer, primary_key=True, autoincrement=False),
    Column("n", BigInteger, nullable=False, server_default="0"),
)

# -- 0018 (drafts): drafts from the team's own language model that a person accepted ---------

#: A draft (code definition, candidate theme, theme summary) as a person accepted or edited it, with
#: where it came from: endpoint, model and digest as the server reported them, prompt file, seed, times.
assist_drafts = Table(
    "assist_drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("target", String(500), nullable=False),
    Column("code_id", ForeignKey("codes.id", ondelete="SET NULL"), nullable=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="SET NULL"), nullable=True),
    Column("text", Text, nullable=False),
    Column("edited", Boolean, nullable=False),
    Column("endpoint", String(500), nullable=False),
    Column("api", String(10), nullable=False),
    Column("model", String(200), nullable=False),
    Column("digest", String(200), nullable=False),
    Column("prompt", String(100), nullable=False),
    Column("seed", Integer, nullable=False),
    Column("extracts", Text, nullable=False),  # JSON list of the coding ids the model was given
    _stamp("drafted_at"),
    Column("accepted_by", ForeignKey("members.id", ondelete="SET NULL"), nullable=True),
    _stamp("accepted_at"),
    CheckConstraint("kind IN ('code-definition', 'candidate-theme', 'theme-summary')", name="kind"),
)

# Working together (0023-0025): presence, offline copies, calibration sessions; defined beside, on the
# same metadata, and named here like every other table.
from cotheme.storage.schema_team import calibrations, checkouts, merge_items, presence  # noqa: E402, F401

# Recordings (0017): defined beside, on the same metadata, and named here like every other table.
from cotheme.storage.schema_recordings import recording_chunks, recordings  # noqa: E402, F401


#: Indexes that are partial on both engines. Their PostgreSQL condition is added by
#: ``with_postgresql_options`` when a PostgreSQL engine is made: naming it here would load SQLAlchemy's
#: PostgreSQL dialect in every command, on SQLite files too.
PARTIAL_ROOT_INDEXES = ("uq_codes_root_name", "uq_themes_root_name")


def with_postgresql_options() -> None:
    """Give the partial indexes their PostgreSQL condition (the same as SQLite's). Idempotent."""
    for table in (codes, themes):
        for index in table.indexes:
            if index.name in PARTIAL_ROOT_INDEXES:
                index.dialect_options["postgresql"]["where"] = index.dialect_options["sqlite"]["where"]
