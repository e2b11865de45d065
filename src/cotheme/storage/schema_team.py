"""The tables of working together: who has which transcript open (presence), the working copies made for
offline work and what their check-ins left for a lead, and calibration sessions.

Defined on ``schema.metadata`` (imported at the end of ``schema.py``, which names them), so migrations,
backups and copies see them like every other table. Must hold table definitions only.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from cotheme.storage.schema import metadata

#: Who has which transcript open on the team server now, one row per open page (``token``), with a
#: heartbeat (``storage/live.py``); not audited and not a change to the data.
presence = Table(
    "presence",
    metadata,
    Column("token", String(64), primary_key=True),
    Column("member_id", ForeignKey("members.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=True, index=True),
    Column("seen_at", DateTime(timezone=True), nullable=False, index=True),
)

#: What came back from offline copies and waits for a lead (``services/checkin.py``): a proposal (a
#: change to the codebook made offline) or a conflict (the same thing changed on both sides), with
#: both sides as JSON; one row per copy, subject and field, so checking a copy in again adds nothing twice.
merge_items = Table(
    "merge_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("checkout_guid", String(36), nullable=False, index=True),
    Column("member", String(200), nullable=False),
    Column("kind", String(10), nullable=False),  # proposal | conflict
    Column("subject", String(10), nullable=False),  # code | document | coding | memo
    Column("subject_guid", String(36), nullable=False),
    Column("field", String(20), nullable=False, server_default=""),
    Column("sentence", Text, nullable=False),
    Column("ours", Text, nullable=True),
    Column("theirs", Text, nullable=True),
    Column("status", String(10), nullable=False, server_default="open", index=True),
    Column("decided_by", String(200), nullable=False, server_default=""),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("checkout_guid", "subject", "subject_guid", "field", name="uq_merge_items_subject"),
)

#: Each working copy made for offline work: whose, when, which transcripts, when last checked in.
checkouts = Table(
    "checkouts",
    metadata,
    Column("guid", String(36), primary_key=True),
    Column("member", String(200), nullable=False),
    Column("documents", Text, nullable=False),  # JSON list of the transcripts' titles
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("checked_in_at", DateTime(timezone=True), nullable=True),
)

#: Calibration sessions: one transcript coded blind by everyone, then revealed side by side to agree
#: the coding frame; the decisions recorded when the lead closes it (also as a memo on the transcript).
calibrations = Table(
    "calibrations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("coders", Text, nullable=False),  # JSON list of the coders' names
    Column("started_by", String(200), nullable=False, server_default=""),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("revealed_at", DateTime(timezone=True), nullable=True),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("decisions", Text, nullable=False, server_default=""),
)
