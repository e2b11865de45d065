"""names.py: titles and names stay on one line and cannot turn the text around them."""

from __future__ import annotations

import pytest

from cotheme.domain.names import single_line


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("P01\ninjected", "P01 injected"),
        ("P01\r\nsecond\rthird", "P01 second third"),
        ("P01\u202etxt.exe", "P01txt.exe"),
        ("\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069Anna", "Anna"),
        ("tab\there\x01soh\x1b[31mred\x7f\x85end", "tab here soh [31mred end"),
        ("keeps\x00nul", "keeps\x00nul"),
        ("  Zoë   Ng  ", "Zoë Ng"),
        ("Zoe\u0301", "Zoé"),
        ("שרה\u200f 2", "שרה\u200f 2"),  # a right-to-left mark places the digit; it stays
        ("👩🏽‍⚕️ nurse", "👩🏽‍⚕️ nurse"),  # the zero-width joiner inside an emoji stays
    ],
)
def test_single_line(given: str, kept: str) -> None:
    assert single_line(given) == kept
