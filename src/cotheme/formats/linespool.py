"""A document's labelled lines, held as UTF-8 until its turns are built.

Whether a document is speaker-labelled is known only once every line has been seen
(``turns.choose_speaker_labels``), so a reader that streams its file (a Word document, paragraph by
paragraph) must keep its lines until then. Held as ``str`` objects they took one to four bytes a
character plus some 80 bytes a line; a ``LineSpool`` writes each line's text out as UTF-8 the moment it
is added and keeps only its label and where its rest starts, and hands the lines back one at a time.
``outline()`` gives what ``choose_speaker_labels`` reads of each line (its label, and whether it has
any text) without the text.

Owns only that holding. Must not decide about speakers or turns (``turns.py`` does) nor read files.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from io import BytesIO

from cotheme.formats.turns import LabelledLine

__all__ = ["LineSpool"]

#: What ``outline()`` gives as the text of a line with some text in it: only its emptiness is read.
_SOME_TEXT = "x"


class LineSpool:
    """Labelled lines in order: their texts as UTF-8 in one buffer, their labels once each."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self._out = BytesIO()
        self._ends = array("q")  # where each line's text ends in the buffer
        self._rests = array("q")  # where each line's rest starts in its text, in code points
        self._blank = array("b")  # 1 when the line is only whitespace
        self._who = array("l")  # the line's label, as an index into ``_names``
        self._names: dict[str | None, int] = {None: 0}
        self._odd: dict[int, LabelledLine] = {}  # a line whose rest is not the end of its text, kept whole

    def __len__(self) -> int:
        return len(self._ends)

    def append(self, line: LabelledLine) -> None:
        text, rest = line.text, line.rest
        if not text.endswith(rest):
            self._odd[len(self._ends)] = line
        self._out.write(text.encode("utf-8"))
        self._ends.append(self._out.tell())
        self._rests.append(len(text) - len(rest))
        self._blank.append(0 if text.strip() else 1)
        self._who.append(self._names.setdefault(line.label, len(self._names)))

    def outline(self) -> list[LabelledLine]:
        """Each line's label and emptiness (its text ``"x"`` or ``""``), in order."""
        names = list(self._names)
        return [LabelledLine.at("" if blank else _SOME_TEXT, names[who], 0)
                for blank, who in zip(self._blank, self._who, strict=True)]

    def drain(self) -> Iterator[LabelledLine]:
        """Each line as it was added, in order; the spool is empty afterwards (its buffer let go once
        the last line is handed out)."""
        out, self._out = self._out, BytesIO()
        ends, rests, who, odd = self._ends, self._rests, self._who, self._odd
        names = list(self._names)
        self._reset()
        data = out.getbuffer()
        try:
            start = 0
            for i, end in enumerate(ends):
                line = odd.get(i)
                if line is None:
                    text = str(data[start:end], "utf-8")
                    line = LabelledLine.at(text, names[who[i]], rests[i])
                start = end
                yield line
        finally:
            data.release()
