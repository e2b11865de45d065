"""Full-text search gives the same hits, offsets and snippets on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from cotheme.errors import InvalidArgument
from cotheme.services.project import Project


@pytest.fixture
def searchable(project: Project, interview_file: Path) -> Project:
    project.import_files([interview_file])
    project.add_memo("The waiting list keeps coming up; ask about referral routes.", author="Lead")
    return project


def test_word_hits_carry_document_offsets_and_snippet(searchable: Project) -> None:
    text = searchable.document("P01").text
    hits = searchable.search("waiting")
    assert [h.kind for h in hits] == ["document", "memo"]
    doc_hit = hits[0]
    assert doc_hit.document == "P01" and doc_hit.speaker == "P01"
    assert text[doc_hit.start : doc_hit.end].lower() == "waiting"
    s, e = doc_hit.snippet_marks[0]
    assert doc_hit.snippet[s:e] == "waiting"
    assert hits[1].memo_id is not None and hits[1].document is None


def test_all_words_must_occur_in_one_turn(searchable: Project) -> None:
    assert [h.document for h in searchable.search("GP months")] == ["P01"]
    assert searchable.search("GP listened") == []  # in different turns


def test_phrase_prefix_accents_and_emoji_text(searchable: Project) -> None:
    text = searchable.document("P01").text
    (hit,) = searchable.search('"actually listened"')
    assert text[hit.start : hit.end] == "actually listened"
    assert searchable.search('"listened actually"') == []
    (hit,) = searchable.search("café")
    assert text[hit.start : hit.end] == "Café"
    assert text[hit.offsets[0][0] : hit.offsets[0][1]] == "Café"
    prefix = searchable.search("wait*")
    assert {text[s:e] for s, e in prefix[0].offsets} == {"waiting", "waited"}


def test_query_syntax_is_not_injected(searchable: Project) -> None:
    # FTS5 and tsquery operators in user input are treated as words, never as syntax
    for query in ['waiting OR NOT', "waiting & !list", 'NEAR(waiting list)', "waiting:*", "a'b"]:
        searchable.search(query)
    with pytest.raises(InvalidArgument, match="no words"):
        searchable.search('"" *** ...')


def test_limit(searchable: Project) -> None:
    assert len(searchable.search("the", limit=1)) == 1
