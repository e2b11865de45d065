"""Position mapping: raw text -> canonical text, UTF-16 units -> code points, and back for NVivo."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cotheme.domain.positions import canonical_map, nvivo_offsets, utf16_length, utf16_map
from cotheme.domain.text import canonical

# Plain letters, line ends of every kind, combining marks, NFC-changing singletons, Hangul jamo that
# compose, a precomposed syllable and astral characters.
PIECES = st.sampled_from(
    ["a", "b", " ", "\n", "\r", "\r\n", "e\u0301", "\u0301", "\u212b", "\u1100\u1161", "\u11a8", "가",
     "🙂", "𝄞", "é", "o\u0308\u0304"]
)
RAW = st.builds(lambda bom, parts: ("\ufeff" if bom else "") + "".join(parts), st.booleans(), st.lists(PIECES, max_size=30))


@given(RAW)
@settings(max_examples=150, deadline=None)
def test_canonical_map_gives_the_canonical_text_and_a_monotonic_map(raw: str) -> None:
    text, mapping = canonical_map(raw)
    assert text == canonical(raw)
    images = [mapping.map(i) for i in range(len(raw) + 1)]
    assert images == sorted(images)
    assert images[0] == 0 and images[-1] == len(text)
    ends = [mapping.map(i, end=True) for i in range(len(raw) + 1)]
    assert all(s <= e for s, e in zip(images, ends, strict=True))


@given(st.lists(PIECES, max_size=20), st.lists(PIECES, max_size=20), st.lists(PIECES, max_size=20))
@settings(max_examples=150, deadline=None)
def test_a_span_between_plain_letters_maps_onto_its_own_canonical_text(a: list[str], b: list[str], c: list[str]) -> None:
    # "z" after the span keeps a following combining mark from joining the span's last letter (then
    # no exact end exists and the map rounds outward, see test_examples_of_each_change).
    left, middle, right = "".join(a) + "X", "".join(b), "Yz" + "".join(c)
    raw = left + middle + right
    start, stop = len(left) - 1, len(left) + len(middle) + 1  # the span "X...Y"
    text, mapping = canonical_map(raw)
    begin, end = mapping.span(start, stop)
    assert text[begin:end] == unicodedata.normalize("NFC", raw[start:stop].replace("\r\n", "\n").replace("\r", "\n"))


def test_examples_of_each_change() -> None:
    text, mapping = canonical_map("\ufeffa\r\nb")
    assert text == "a\nb"
    assert [mapping.map(i) for i in range(5)] == [0, 0, 1, 1, 2]  # BOM and CR vanish where they stood
    text, mapping = canonical_map("xe\u0301y")
    assert text == "xéy"
    assert mapping.span(1, 3) == (1, 2)  # the decomposed é is one character now
    assert (mapping.map(2), mapping.map(2, end=True)) == (1, 2)  # inside it: start down, end up
    assert mapping.map(4) == 3


@given(st.lists(PIECES, max_size=30))
@settings(max_examples=100, deadline=None)
def test_utf16_units_map_to_code_points(parts: list[str]) -> None:
    text = "".join(parts)
    mapping = utf16_map(text)
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2
    for k in range(len(text) + 1):
        unit = len(text[:k].encode("utf-16-le")) // 2
        assert mapping.map(unit) == k


def test_inside_a_surrogate_pair_rounds_outward() -> None:
    mapping = utf16_map("a🙂b")
    assert (mapping.map(2), mapping.map(2, end=True)) == (1, 2)


@given(st.lists(PIECES, max_size=30))
@settings(max_examples=100, deadline=None)
def test_nvivo_offsets_are_utf16_units_over_crlf_text_and_read_back(parts: list[str]) -> None:
    text = canonical("".join(parts))
    raw = text.replace("\n", "\r\n")
    forward = nvivo_offsets(text)
    back = utf16_map(raw).then(canonical_map(raw)[1])
    for k in range(len(text) + 1):
        assert forward(k) == len(raw[: k + text[:k].count("\n")].encode("utf-16-le")) // 2
        assert back.map(forward(k)) == k
