"""The small rules of the exchange model: GUIDs, a code's description block, turns from paragraphs, the
order nested themes' sets are created in."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cotheme.domain.exchange import (
    ExCodeExtra, ExSet, compose_description, norm_guid, paragraph_turns, parents_first, split_description,
)


def test_guids_are_stored_lower_case_without_braces() -> None:
    assert norm_guid("{1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294}") == "1ff58b12-6f6f-4b0c-8be5-bbdc91f55294"
    assert norm_guid(" 1ff58b12-6f6f-4b0c-8be5-bbdc91f55294 ") == "1ff58b12-6f6f-4b0c-8be5-bbdc91f55294"
    assert norm_guid("{1ff58b12-6f6f-4b0c-8be5-bbdc91f55294") is None
    assert norm_guid("not-a-guid") is None
    assert norm_guid(None) is None


def test_a_description_block_reads_back_into_its_fields() -> None:
    text = compose_description("Help from peers.\nAny kind.", "Named peers", "Staff help", "'The group got me out'")
    assert text == (
        "Help from peers.\nAny kind.\n\nInclude when: Named peers\nExclude when: Staff help\n"
        "Example: 'The group got me out'"
    )
    assert split_description(text) == ExCodeExtra("Help from peers.\nAny kind.", "Named peers", "Staff help",
                                                   "'The group got me out'")
    assert split_description("Plain definition") == ExCodeExtra("Plain definition")
    assert compose_description("Only a definition") == "Only a definition"
    # A label inside the definition that is not a trailing block stays in the definition.
    odd = "Example: this is prose.\n\nMore prose."
    assert split_description(odd) == ExCodeExtra(odd)


LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters=":"),
               max_size=40).map(str.strip)


@given(st.lists(LINE, min_size=1, max_size=3).map("\n".join), LINE, LINE, LINE)
def test_compose_and_split_round_trip(definition: str, inclusion: str, exclusion: str, example: str) -> None:
    definition = definition.strip()
    text = compose_description(definition, inclusion, exclusion, example)
    assert split_description(text) == ExCodeExtra(definition, inclusion, exclusion, example)


def test_paragraph_turns_cover_the_text_in_readable_pieces() -> None:
    text = "First paragraph.\nStill first.\n\nSecond.\n\n\n" + "\n".join(f"line {i} " * 20 for i in range(40))
    turns = paragraph_turns(text)
    assert text[turns[0].start : turns[0].end] == "First paragraph.\nStill first."
    assert text[turns[1].start : turns[1].end] == "Second."
    assert all(t.speaker is None for t in turns)
    assert all(b.start >= a.end for a, b in zip(turns, turns[1:]))
    assert max(t.end - t.start for t in turns) <= 2000
    covered = "".join(text[t.start : t.end] for t in turns)
    assert covered.replace("\n", "") == text.replace("\n", "")


def test_sets_come_parents_first_and_a_cycle_is_broken() -> None:
    sets = tuple(ExSet(g, g.upper()) for g in "abcdef")
    parents: dict[str, str | None] = {"a": "b", "b": "c", "c": "a", "d": "d", "e": "outside", "f": "e"}
    ordered = [(s.guid, parent) for s, parent in parents_first(sets, parents)]
    assert ordered == [("c", None), ("b", "c"), ("a", "b"), ("d", None), ("e", "outside"), ("f", "e")]
    deep = tuple(ExSet(str(i), str(i)) for i in range(5000))  # thousands deep: no recursion to exhaust
    chain: dict[str, str | None] = {str(i): str(i + 1) for i in range(4999)}
    assert [s.guid for s, _ in parents_first(deep, chain)] == [str(i) for i in reversed(range(5000))]
