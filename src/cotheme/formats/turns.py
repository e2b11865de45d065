"""Speaker turns: building a ``ParsedTranscript`` from turns, and recognising ``Name:`` speaker labels.

Owns ``TurnBuilder`` (turn texts joined by ``\\n``, consecutive turns of one known speaker merged,
code-point offsets into the final text, speaker labels kept out of the text), the ``Name:`` label
grammar shared by the plain-text, Word and PDF readers, the rule deciding whether a document really is
speaker-labelled, and clock-time parsing (``mm:ss``, ``hh:mm:ss.mmm``) for timestamps on turns.

Must not decode bytes or know any file format; readers hand it text they have already decoded.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO

from cotheme.domain.names import single_line
from cotheme.domain.transcript import ParsedTranscript, TurnDraft
from cotheme.errors import InputError

__all__ = [
    "LabelledLine",
    "TurnBuilder",
    "add_labelled_lines",
    "add_paragraphs",
    "choose_speaker_labels",
    "clean_speaker",
    "find_label",
    "is_prose_lead_in",
    "join_lines",
    "parse_clock",
]

# A label is 1-5 words starting with a letter ("P07", "Dr. Melissa Ko", "Speaker 2") or a bracketed
# label ("[participant]"), optionally in Markdown bold, at the start of a line and followed by ':'.
_FIRST_WORD = r"[^\W\d_][\w.'’&-]*"
_WORD = r"[\w.'’()&/-]+"
_LABEL_LINE = re.compile(
    rf"^[ \t]*(?:\*\*|__)?(?P<label>\[[^\[\]\n:]{{1,40}}\]|{_FIRST_WORD}(?:[ \t]+{_WORD}){{0,4}})"
    r"[ \t]*(?:(?:\*\*|__):|:(?:\*\*|__)?)(?!//)(?P<rest>.*)$",
    re.DOTALL,
)
_MAX_LABEL_CHARS = 40
_LEADING_SPACE = re.compile(r"\s*")

# Ordinary prose that starts with "Word:" - never taken as a speaker, however often it recurs.
_PROSE_LEAD_INS = frozenset(
    "note notes nb n.b. ps p.s. example examples e.g. eg i.e. ie warning caution tip important update "
    "edit summary source sources see re subject date time location place duration title topic theme "
    "themes code codes memo comment comments keywords tags todo total result results aim aims "
    "background method methods conclusion conclusions url http https mailto email e-mail tel phone fax "
    "file page step transcript recording audio video attendees present".split()
)
# Labels that name a role or an id read as speakers even when they occur once in a document.
_ROLE = re.compile(
    r"(?i:interviewer|interviewee|participant|respondent|moderator|facilitator|interpreter|translator|"
    r"researcher|observer|speaker|person|unknown|unknown speaker|parent|mother|father|carer|caregiver|"
    r"partner|nurse|doctor|clinician|staff|student|teacher|group|all|both|everyone)"
    r"(?:[ \t]*[0-9]{1,3}[a-z]?)?"
    r"|[A-Z]{1,4}(?:[ -]?[0-9]{1,3})?"
)
_CLOCK = re.compile(r"^(?:([0-9]{1,3}):)?([0-9]{1,2}):([0-9]{2})(?:[.,]([0-9]{1,3}))?$")


class LabelledLine:
    """One line (or paragraph) of a document and the speaker label it may start with.

    ``rest`` is the text after the label; for a line without a label it is the whole line. When the
    rest is the end of the line (always, from ``find_label``) only where it starts is kept, and ``rest``
    is cut from the line when it is read: held as a string of its own, every labelled line of a long
    transcript was in memory twice. Immutable.
    """

    __slots__ = ("text", "label", "_rest")

    text: str
    label: str | None

    def __init__(self, text: str, label: str | None = None, rest: str = "") -> None:
        kept: str | int = len(text) - len(rest) if text.endswith(rest) else rest
        self._set(text, label, kept)

    @classmethod
    def at(cls, text: str, label: str | None, rest_start: int) -> LabelledLine:
        """The line whose rest is ``text[rest_start:]``."""
        made = cls.__new__(cls)
        made._set(text, label, rest_start)
        return made

    def _set(self, text: str, label: str | None, rest: str | int) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "_rest", rest)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a LabelledLine cannot be changed ({name})")

    @property
    def rest(self) -> str:
        return self.text[self._rest :] if isinstance(self._rest, int) else self._rest

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LabelledLine):
            return NotImplemented
        return (self.text, self.label, self.rest) == (other.text, other.label, other.rest)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LabelledLine(text={self.text!r}, label={self.label!r}, rest={self.rest!r})"


def clean_speaker(label: str | None) -> str | None:
    """A speaker label as one line (``names.single_line``); ``None`` when nothing is left."""
    if label is None:
        return None
    return single_line(label) or None


def find_label(line: str) -> LabelledLine:
    """Split ``"Name: text"`` into label and rest; a line without a label keeps ``label=None``."""
    match = _LABEL_LINE.match(line)
    if match is None:
        return LabelledLine.at(line, None, 0)
    label = match.group("label").strip()
    if label.startswith("["):
        label = label[1:-1]
    label = " ".join(label.split())
    if not label or len(label) > _MAX_LABEL_CHARS:
        return LabelledLine.at(line, None, 0)
    # Where the rest starts past its leading space (``\s`` is ``str.isspace``, as ``lstrip`` strips).
    return LabelledLine.at(line, label, _LEADING_SPACE.match(line, match.start("rest")).end())  # type: ignore[union-attr]


def is_prose_lead_in(label: str) -> bool:
    """True for words like ``Note`` or ``Example`` that start prose rather than name a speaker."""
    return label.lower() in _PROSE_LEAD_INS


def choose_speaker_labels(lines: Sequence[LabelledLine]) -> frozenset[str] | None:
    """The labels to read as speakers, or ``None`` when the document is not speaker-labelled.

    A document is speaker-labelled when at least two labels recur and labelled lines dominate: half the
    non-empty lines, or 60% of blank-line-separated paragraphs, or (hard-wrapped text) at least six
    lines from a handful of recurring labels. A label seen once counts only if it looks like a role or
    an id ("Interpreter", "P07", "[participant]"), so "Note: ..." in the middle of a turn stays text.
    """
    nonempty = [line for line in lines if line.text.strip()]
    counts = Counter(line.label for line in nonempty if line.label is not None)
    recurring = {lab for lab, n in counts.items() if n >= 2 and not is_prose_lead_in(lab)}
    if len(recurring) < 2:
        return None
    one_off = {
        lab for lab, n in counts.items()
        if n == 1 and not is_prose_lead_in(lab) and (_ROLE.fullmatch(lab) or lab.startswith("["))
    }
    accepted = frozenset(recurring | one_off)
    labelled = sum(1 for line in nonempty if line.label in accepted)
    starts = [
        line for i, line in enumerate(lines)
        if line.text.strip() and (i == 0 or not lines[i - 1].text.strip())
    ]
    labelled_starts = sum(1 for line in starts if line.label in accepted)
    if labelled >= 0.5 * len(nonempty):
        return accepted
    if len(starts) >= 3 and labelled_starts >= 0.6 * len(starts):
        return accepted
    if labelled >= 6 and labelled >= 0.15 * len(nonempty) and len(recurring) <= 8:
        return accepted
    return None


def parse_clock(text: str) -> int | None:
    """``"mm:ss"``, ``"h:mm:ss"`` or either with ``.mmm``/``,mmm`` as milliseconds, else ``None``."""
    match = _CLOCK.match(text.strip())
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    millis = int(fraction.ljust(3, "0")) if fraction else 0
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis


@dataclass(slots=True)
class _Pending:
    """A turn being built: its speaker, times, and where it lies in the text written so far (code
    points and UTF-8 bytes)."""

    speaker: str | None
    start: int
    end: int
    byte_start: int
    byte_end: int
    t_start_ms: int | None = None
    t_end_ms: int | None = None


class TurnBuilder:
    """Collects turns in document order and produces a ``ParsedTranscript``.

    Consecutive turns of the same known speaker merge (texts joined by ``\\n``, first start time, last
    end time). Turns with speaker ``None`` never merge: an unknown speaker is not known to be the same
    person twice, and paragraph-only documents keep one turn per paragraph. ``merge=False`` keeps every
    turn as the file has it (a verbatim import places each one over the file's own text).

    Each turn's text is written out as UTF-8 as soon as it is added (only the last turn can grow, and
    only at the end), so the builder holds the text once, as bytes, never as one ``str``: joined, a
    transcript with one emoji took 4 bytes a character, four times its file.
    """

    def __init__(self, *, merge: bool = True) -> None:
        self._turns: list[_Pending] = []
        self._merge = merge
        self._out = BytesIO()
        self._length = 0

    def _write(self, text: str) -> int:
        """Write ``text`` (after a line end unless it is the first) and return its length in bytes."""
        if self._turns:
            self._out.write(b"\n")
            self._length += 1
        self._length += len(text)
        return self._out.write(text.encode("utf-8"))

    def add(
        self,
        speaker: str | None,
        text: str,
        t_start_ms: int | None = None,
        t_end_ms: int | None = None,
    ) -> None:
        """Append a turn; an empty text is dropped (it does not separate two turns of one speaker)."""
        clean = _clean_text(text)
        if not clean:
            return
        who = clean_speaker(speaker)
        last = self._turns[-1] if self._turns else None
        written = self._write(clean)
        if self._merge and last is not None and who is not None and last.speaker == who:
            last.end, last.byte_end = self._length, self._out.tell()
            last.t_start_ms = last.t_start_ms if last.t_start_ms is not None else t_start_ms
            last.t_end_ms = t_end_ms if t_end_ms is not None else last.t_end_ms
            return
        start, byte_start = self._length - len(clean), self._out.tell() - written
        self._turns.append(_Pending(who, start, self._length, byte_start, self._out.tell(), t_start_ms, t_end_ms))

    def build(self, filename: str, *, format: str, metadata: dict[str, str]) -> ParsedTranscript:
        """The canonical text and its turns; ``InputError`` when no turn has any text."""
        if not self._turns:
            raise InputError(
                f"{filename}: contains no transcript text; check that it is the right file and import again."
            )
        turns, self._turns = self._turns, []
        drafts = (TurnDraft(p.speaker, p.start, p.end, p.t_start_ms, p.t_end_ms) for p in turns)
        spans = array("q", (b for p in turns for b in (p.byte_start, p.byte_end)))
        out, self._out = self._out, BytesIO()
        length, self._length = self._length, 0
        return ParsedTranscript.from_utf8(out.getvalue(), length, drafts, spans, format, dict(metadata))


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def join_lines(lines: list[str]) -> str:
    """``lines`` joined by ``\n`` without the empty lines at the end (which ``TurnBuilder.add`` strips
    anyway): a turn of one line is then that line itself, not two more copies of it (joined, stripped)."""
    if not lines:
        return ""
    end = len(lines)
    while end > 1 and not lines[end - 1]:
        end -= 1
    return lines[0] if end == 1 else "\n".join(lines[:end])


def add_labelled_lines(builder: TurnBuilder, lines: Iterable[LabelledLine], labels: frozenset[str]) -> None:
    """Turns from labelled lines: a line with an accepted label starts a turn, other lines continue it.

    Text before the first label becomes a turn with speaker ``None``.
    """
    speaker: str | None = None
    buffer: list[str] = []
    for line in lines:
        if line.label is not None and line.label in labels:
            builder.add(speaker, join_lines(buffer))
            speaker, buffer = line.label, [line.rest]
        else:
            buffer.append(line.text)
    builder.add(speaker, join_lines(buffer))


def add_paragraphs(builder: TurnBuilder, lines: Iterable[str]) -> None:
    """One turn with speaker ``None`` per blank-line-separated paragraph."""
    buffer: list[str] = []
    for line in lines:
        if line.strip():
            buffer.append(line)
        elif buffer:
            builder.add(None, join_lines(buffer))
            buffer = []
    builder.add(None, join_lines(buffer))
