"""A long transcript read a slice at a time and held as UTF-8 is the text read whole: the same lines,
the same code-point offsets, the same turn texts, across slice boundaries, emoji, accents, combining
marks, CRLF and a byte-order mark."""

from __future__ import annotations

import random

import pytest

from cotheme.formats import decode
from cotheme.formats.registry import read_transcript
from cotheme.formats.turns import TurnBuilder

WORDS = ("café", "🙂", "e\u0301", "Zoë", "naïve", "“nice”", "the", "a\tb", "São", "\u2028", "x")


def _text(seed: int, turns: int, line_end: str = "\n") -> str:
    rng = random.Random(seed)
    paragraphs = [
        f"{'Interviewer' if i % 2 == 0 else 'P01'}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 400)))
        for i in range(turns)
    ]
    return (line_end * 2).join(paragraphs) + line_end + "  " + line_end


@pytest.mark.parametrize(("line_end", "bom"), [("\n", b""), ("\r\n", b"\xef\xbb\xbf"), ("\r", b"")])
def test_lines_read_a_slice_at_a_time_are_the_lines_of_the_whole_text(line_end: str, bom: bytes) -> None:
    data = bom + _text(1, 800, line_end).encode("utf-8")
    assert len(data) > 4 * decode._CHUNK_BYTES  # several slices, cut wherever a line end falls
    assert decode.decode_lines("t.txt", data) == decode.decode_text("t.txt", data).split("\n")


def test_a_transcript_held_as_utf8_gives_the_offsets_and_texts_of_its_str() -> None:
    parsed = read_transcript("t.txt", _text(2, 600).encode("utf-8"))
    text = parsed.text
    assert parsed.length == len(text)
    assert parsed.utf8 == text.encode("utf-8")
    assert "".join(parsed.text_pieces()) == text
    assert list(parsed.turn_texts()) == [text[t.start : t.end] for t in parsed.turns]
    assert [t.speaker for t in parsed.turns[:2]] == ["Interviewer", "P01"]
    assert "🙂" in text and "é" in text  # the combining mark was composed (NFC)


def test_merged_turns_keep_their_byte_spans() -> None:
    builder = TurnBuilder()
    for speaker, text in (("A", "café 🙂"), ("A", "naïve"), (None, "x"), ("B", "Zoë")):
        builder.add(speaker, text)
    parsed = builder.build("t.txt", format="txt", metadata={})
    assert parsed.text == "café 🙂\nnaïve\nx\nZoë"
    assert list(parsed.turn_texts()) == ["café 🙂\nnaïve", "x", "Zoë"]
    assert [(t.speaker, t.start, t.end) for t in parsed.turns] == [("A", 0, 12), (None, 13, 14), ("B", 15, 18)]
