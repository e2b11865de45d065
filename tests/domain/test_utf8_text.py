"""Utf8Text: reading a UTF-8 text by code-point offsets gives what slicing the ``str`` gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cotheme.domain import utf8_text
from cotheme.domain.utf8_text import Utf8Text

TEXT = ("Café visits 🙂 helped; naïve “quotes” — Zoë.\n" * 200)


def test_every_span_reads_as_the_str_slice() -> None:
    body = Utf8Text(TEXT.encode("utf-8"))
    assert body.length == len(TEXT)
    for start in range(0, len(TEXT), 37):
        for end in (start, start + 1, start + 50, start + utf8_text.STEP * 2, len(TEXT)):
            end = min(end, len(TEXT))
            assert body.reads(start, end, TEXT[start:end])
            assert not body.reads(start, end, TEXT[start:end] + "x")
    assert not body.reads(0, len(TEXT) + 1, TEXT)
    assert not body.reads(5, 4, "")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000), st.data())
def test_any_text_any_span(text: str, data: st.DataObject) -> None:
    body = Utf8Text(text.encode("utf-8"))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert body.length == len(text)
    assert body.reads(start, end, text[start:end])
    assert body.byte_at(start) == len(text[:start].encode("utf-8"))
