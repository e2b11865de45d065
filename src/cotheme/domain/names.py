"""Single-line names: the one rule for what a title or a name may contain.

Owns ``single_line``, applied to every document title, code, theme, member, case and speaker name and the
project's title, whether typed (CLI, API, pages) or imported (a file name, a column, another program's
project). A name is shown on one line in tables, lists and the map, so control characters (line ends,
tabs, ESC...) become spaces, the bidirectional embedding, override and isolate controls
(U+202A-U+202E, U+2066-U+2069) are dropped (U+202E makes ``P01<RLO>txt.exe`` read ``P01exe.txt`` and
runs on into the text after the name), and spaces are collapsed and trimmed.

The left-to-right and right-to-left *marks* (U+200E, U+200F, U+061C) stay: they open nothing that could
run past the name, and Hebrew or Arabic names need them to place digits and punctuation.
Must not do I/O.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["single_line"]

#: Embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: C0 and C1 controls and DEL; they become spaces, as a line end inside a name would. NUL stays, so that
#: the one NUL rule (``domain.text.refuse_nul``) refuses it in a name as in any other text.
_CONTROLS = re.compile("[\x01-\x1f\x7f-\x9f]")


def single_line(text: str) -> str:
    """``text`` as a one-line name: NFC, controls as spaces, no bidi controls, spaces collapsed."""
    text = _BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", text))
    return " ".join(_CONTROLS.sub(" ", text).split())
