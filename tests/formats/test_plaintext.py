"""plaintext.py and turns.py: the four plain-text layouts, merging, offsets in code points."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cotheme.domain.transcript import ParsedTranscript
from cotheme.errors import InputError
from cotheme.formats.plaintext import read_plaintext


def read(text: str, name: str = "interview.txt") -> ParsedTranscript:
    return read_plaintext(name, text.encode("utf-8"))


def turns_of(parsed: ParsedTranscript) -> list[tuple[str | None, str]]:
    return [(t.speaker, parsed.text[t.start:t.end]) for t in parsed.turns]


def assert_well_formed(parsed: ParsedTranscript) -> None:
    """Turns are non-empty, stripped, in order and together make up the whole text."""
    pieces = [parsed.text[t.start:t.end] for t in parsed.turns]
    assert all(piece and piece == piece.strip() for piece in pieces)
    assert "\n".join(pieces) == parsed.text
    assert unicodedata.is_normalized("NFC", parsed.text) and "\r" not in parsed.text
    for turn in parsed.turns:
        assert turn.speaker is None or (turn.speaker and turn.speaker == " ".join(turn.speaker.split()))


def test_speaker_prefix_lines_merge_and_continue() -> None:
    parsed = read(
        "Interviewer: Thanks for coming.\n"
        "Can you tell me about it?\n"
        "P07: Sure.\n"
        "P07:   It started in 2019: I was 30.\n"
        "\n"
        "Interviewer: Note: we keep going.\n"
        "P07: Yes\n"
        "Note: this line belongs to P07.\n"
    )
    assert parsed.metadata == {"variant": "speaker-prefix"}
    assert parsed.format == "txt"
    assert turns_of(parsed) == [
        ("Interviewer", "Thanks for coming.\nCan you tell me about it?"),
        ("P07", "Sure.\nIt started in 2019: I was 30."),
        ("Interviewer", "Note: we keep going."),
        ("P07", "Yes\nNote: this line belongs to P07."),
    ]
    assert parsed.speakers == ["Interviewer", "P07"]
    assert "Interviewer:" not in parsed.text  # labels are structure, not text
    assert_well_formed(parsed)


def test_bracketed_and_bold_labels_and_a_one_off_role() -> None:
    parsed = read(
        "[participant]: I think so.\n**Interviewer:** Why?\n[participant]: Because.\n"
        "**Interviewer**: Go on.\nInterpreter: She means yes.\n"
    )
    assert parsed.speakers == ["participant", "Interviewer", "Interpreter"]
    assert turns_of(parsed)[-1] == ("Interpreter", "She means yes.")


def test_prose_with_colons_is_not_speaker_labelled() -> None:
    parsed = read(
        "Note: the recording started late.\n\n"
        "Summary: the participant described three barriers to care.\n\n"
        "The first barrier: cost. It came up twice.\n\n"
        "Example: 'I could not pay for the bus.'\n"
    )
    assert parsed.metadata["variant"] == "paragraphs"
    assert all(t.speaker is None for t in parsed.turns)
    assert len(parsed.turns) == 4


def test_timestamped_lines() -> None:
    parsed = read(
        "[00:05] INTERVIEWER: Hello.\n"
        "[00:09] RESPONDENT: Hi there,\n"
        "still talking.\n"
        "[01:02:03] RESPONDENT: And more.\n"
        "[01:02:09.5] INTERVIEWER: Bye.\n"
    )
    assert parsed.metadata == {"variant": "timestamped"}
    assert turns_of(parsed) == [
        ("INTERVIEWER", "Hello."),
        ("RESPONDENT", "Hi there,\nstill talking.\nAnd more."),
        ("INTERVIEWER", "Bye."),
    ]
    assert [t.t_start_ms for t in parsed.turns] == [5_000, 9_000, 3_729_500]
    assert_well_formed(parsed)


def test_otter_export() -> None:
    parsed = read(
        "Unknown Speaker  0:00\nOkay, we're recording.\n\n"
        "Sam Lee  0:04\nGreat. Where do I start?\nAnywhere.\n\n"
        "Unknown Speaker 1:05\nAt the beginning.\n\n"
        "Sam Lee  1:01:10\nRight.\n"
    )
    assert parsed.metadata == {"variant": "otter"}
    assert parsed.format == "otter"
    assert parsed.speakers == ["Unknown Speaker", "Sam Lee"]
    assert [t.t_start_ms for t in parsed.turns] == [0, 4_000, 65_000, 3_670_000]
    assert turns_of(parsed)[1] == ("Sam Lee", "Great. Where do I start?\nAnywhere.")
    assert_well_formed(parsed)


def test_plain_paragraphs_and_markdown_title() -> None:
    parsed = read("# Interview 4\n\nFirst paragraph\nwraps here.\n\n\n  Second one.  \n", "notes.md")
    assert parsed.format == "md"
    assert parsed.metadata == {"variant": "paragraphs"}
    assert turns_of(parsed) == [
        (None, "# Interview 4"),
        (None, "First paragraph\nwraps here."),
        (None, "Second one."),
    ]
    assert parsed.text == "# Interview 4\nFirst paragraph\nwraps here.\nSecond one."


def test_emoji_and_accents_count_code_points() -> None:
    source = "Zoë: Ça va? 👍🏽\nJose\u0301: Sí 🇪🇸 très bien\nZoë: 😀😀\nJosé: Voilà."
    parsed = read(source)
    assert turns_of(parsed) == [
        ("Zoë", "Ça va? 👍🏽"),
        ("José", "Sí 🇪🇸 très bien"),
        ("Zoë", "😀😀"),
        ("José", "Voilà."),
    ]
    # "Ça va? 👍🏽" is 9 code points (the skin-tone modifier is its own code point), 11 UTF-16 units.
    assert parsed.turns[0].end == 9 and parsed.turns[1].start == 10
    assert_well_formed(parsed)


def test_file_of_labels_only_has_no_text() -> None:
    with pytest.raises(InputError, match=r"^x\.txt: contains no transcript text"):
        read_plaintext("x.txt", b"A:\nB:\nA:\nB:\n")


LAYOUT_ALPHABET = st.sampled_from(list("ab AB:[]()0123456789\n\n\t.,é😀\u0301\u00a0\r*_#"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.text(alphabet=LAYOUT_ALPHABET, max_size=300)))
def test_any_text_either_parses_cleanly_or_raises_input_error(text: str) -> None:
    try:
        parsed = read_plaintext("fuzz.txt", text.encode("utf-8"))
    except InputError as err:
        assert str(err).startswith("fuzz.txt")
        return
    assert_well_formed(parsed)
    assert parsed.metadata["variant"] in {"speaker-prefix", "timestamped", "otter", "paragraphs"}
