"""Coding spans: offsets in code points, quotes with context, overlaps, extracts in context."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.domain.text import CONTEXT_CHARS
from cotheme.errors import Conflict, InvalidArgument, NotFound
from cotheme.services.project import Project


@pytest.fixture
def coded(project: Project, interview_file: Path) -> Project:
    project.add_case("P01")
    project.import_files([interview_file])
    project.add_member("Rowan", "expert by experience")
    return project


def test_code_by_quote_stores_exact_text_and_context(coded: Project) -> None:
    extract = coded.code("P01", "Feeling listened to", quote="she actually listened to me", coder="Lead", create=True)
    text = coded.document("P01").text
    assert text[extract.start : extract.end] == "she actually listened to me"
    assert extract.speaker == "P01" and extract.case_pid == "P01" and extract.coder == "Lead"
    assert extract.code_path == "Feeling listened to"
    raw = coded.codings()[0]
    assert raw.text == "she actually listened to me"


def test_offsets_are_code_points_with_emoji_and_accents(coded: Project) -> None:
    text = coded.document("P01").text
    start = text.index("Café")
    end = text.index("a lot.") + len("a lot.")
    extract = coded.code("P01", "Peer support", start=start, end=end, coder="Rowan", create=True)
    assert extract.text == "Café visits with the peer group helped 🙂 a lot."
    assert extract.text == text[start:end]


def test_context_is_kept_around_the_quote(coded: Project) -> None:
    extract = coded.code("P01", "Waiting", quote="waiting list", coder="Lead", create=True)
    store = coded._store  # noqa: SLF001 - the anchor columns are storage detail
    from sqlalchemy import select

    from cotheme.storage.schema import codings

    with store.read() as conn:
        row = conn.execute(select(codings).where(codings.c.id == extract.id)).one()
    text = coded.document("P01").text
    assert row.prefix == text[max(0, extract.start - CONTEXT_CHARS) : extract.start]
    assert row.suffix == text[extract.end : extract.end + CONTEXT_CHARS]
    assert len(row.prefix) == CONTEXT_CHARS


def test_overlapping_codings_by_two_coders(coded: Project) -> None:
    coded.code("P01", "Access/Waiting", quote="the waiting list was long. I waited four months.", coder="Lead", create=True)
    coded.code("P01", "Access/Waiting", quote="I waited four months", coder="Rowan")
    coded.code("P01", "Feeling listened to", quote="she actually listened", coder="Rowan", create=True)
    waiting = coded.codings(code="Waiting")
    assert [e.coder for e in waiting] == ["Lead", "Rowan"]
    assert waiting[0].start < waiting[1].start < waiting[1].end <= waiting[0].end
    assert [e.code_path for e in waiting] == ["Access/Waiting", "Access/Waiting"]
    assert len(coded.codings(coder="Rowan")) == 2
    assert len(coded.codings(document="P01")) == 3
    counts = {c.code.path_text: (c.extracts, c.participants) for c in coded.codes()}
    assert counts["Access/Waiting"] == (2, 1)
    assert counts["Access"] == (0, 0)


def test_bad_requests_are_refused(coded: Project) -> None:
    length = len(coded.document("P01").text)
    with pytest.raises(InvalidArgument, match="not inside the text"):
        coded.code("P01", "X", start=5, end=length + 1, coder="Lead", create=True)
    with pytest.raises(InvalidArgument, match="start must be before end"):
        coded.code("P01", "X", start=10, end=10, coder="Lead", create=True)
    with pytest.raises(InvalidArgument, match="either --start and --end, or --quote"):
        coded.code("P01", "X", start=1, end=5, quote="GP", coder="Lead", create=True)
    with pytest.raises(NotFound, match="does not occur"):
        coded.code("P01", "X", quote="never said this", coder="Lead", create=True)
    with pytest.raises(NotFound, match="no code 'Missing'"):
        coded.code("P01", "Missing", quote="GP", coder="Lead")
    with pytest.raises(NotFound, match="no document 'P99'"):
        coded.code("P99", "X", quote="GP", coder="Lead", create=True)
    with pytest.raises(NotFound, match="No member is called 'Zed'"):
        coded.code("P01", "X", quote="GP", coder="Zed", create=True)
    with pytest.raises(InvalidArgument, match="--coder"):
        coded.code("P01", "X", quote="GP", create=True)  # two members: say who
    assert coded.codings() == []


def test_ambiguous_code_name_needs_a_path(coded: Project) -> None:
    coded.create_code("Access/Barriers")
    coded.create_code("Crisis/Barriers")
    with pytest.raises(Conflict, match="Access/Barriers; Crisis/Barriers"):
        coded.code("P01", "Barriers", quote="GP", coder="Lead")
    extract = coded.code("P01", "Crisis/Barriers", quote="GP", coder="Lead")
    assert extract.code_path == "Crisis/Barriers"


def test_codings_frame(coded: Project) -> None:
    coded.code("P01", "Waiting", quote="waiting list", coder="Lead", create=True)
    frame = coded.codings_frame()
    assert list(frame.columns) == ["id", "document", "case", "speaker", "code", "coder", "start", "end", "text", "created_at"]
    assert frame.loc[0, "text"] == "waiting list"
    assert frame.loc[0, "case"] == "P01"


def _speakers_as_stored_and_as_defined(project: Project) -> list[tuple[str | None, str | None]]:
    """Each coding's stored speaker beside the definition: the label of the last turn of its revision
    that starts at or before the coding."""
    from sqlalchemy import select

    from cotheme.storage.codings import speaker_at
    from cotheme.storage.schema import codings

    with project._store.read() as conn:
        return [
            (stored, defined)
            for stored, defined in conn.execute(
                select(codings.c.speaker, speaker_at(codings.c.revision_id, codings.c.start_offset))
            )
        ]


def test_the_stored_speaker_follows_every_change(coded: Project) -> None:
    text = coded.document("P01").text
    first = coded.code("P01", "Waiting", quote="the waiting list was long", coder="Lead", create=True)
    asked = coded.code("P01", "Asked", quote="What was that like?", coder="Lead", create=True)
    across = coded.code("P01", "Asked", start=text.index("like?"), end=text.index("Honestly") + 8, coder="Lead")
    assert (first.speaker, asked.speaker, across.speaker) == ("P01", "Interviewer", "Interviewer")
    # Moving a coding into another turn changes its speaker.
    moved = coded.update_coding(asked.id, start=text.index("Honestly"), end=text.index("Honestly") + 8)
    assert moved.speaker == "P01"
    # Renaming a speaker renames the codings in its turns, and only those.
    coded.rename_speaker("P01", "P01", "Participant 1")
    assert {e.id: e.speaker for e in coded.codings()} == {
        first.id: "Participant 1", asked.id: "Participant 1", across.id: "Interviewer"}
    # An edit that moves every coding to a new revision keeps them on their turns.
    coded.edit_document("P01", replace="Thank you for joining. ", with_text="", author="Lead")
    pairs = _speakers_as_stored_and_as_defined(coded)
    assert len(pairs) == 3 and all(stored == defined for stored, defined in pairs)
    assert {e.speaker for e in coded.codings()} == {"Participant 1", "Interviewer"}


def test_bulk_inserted_codings_get_their_speaker(coded: Project) -> None:
    from cotheme.domain.text import anchor_in
    from cotheme.storage import codings as codings_repo
    from cotheme.storage.store import now

    doc = coded.document("P01")
    code = coded.create_code("Bulk")
    rows: list[dict[str, object]] = []
    for quote in ("How did you first", "My GP mentioned", "What was that", "Café visits"):
        a = anchor_in(doc.text, doc.text.index(quote), doc.text.index(quote) + len(quote))
        rows.append({"document_id": doc.id, "revision_id": doc.revision_id, "code_id": code.id,
                     "coder_id": None, "start_offset": a.start, "end_offset": a.end, "quote": a.quote,
                     "prefix": a.prefix, "suffix": a.suffix, "created_at": now(), "updated_at": now()})
    with coded._store.write() as conn:
        codings_repo.insert_many(conn, rows)
    assert [e.speaker for e in coded.codings(code="Bulk")] == ["Interviewer", "P01", "Interviewer", "P01"]
    assert all(stored == defined for stored, defined in _speakers_as_stored_and_as_defined(coded))
    # Loaded with COPY on PostgreSQL, under the statement hooks: each coding still has its audit record.
    import json

    from sqlalchemy import select

    from cotheme.storage.schema import audit_log, codings

    with coded._store.read() as conn:
        guids = set(conn.execute(select(codings.c.guid).where(codings.c.code_id == code.id)).scalars())
        recorded = [json.loads(a) for a in conn.execute(
            select(audit_log.c.after).where(audit_log.c.table_name == "codings", audit_log.c.action == "insert")
        ).scalars()]
    assert len(guids) == 4 and guids <= {r["guid"] for r in recorded}
