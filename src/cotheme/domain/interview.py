"""Interview details: how, when, where and by whom each transcript's interview was held.

Owns the details' fields and their rules: the four interview modes (with the words people write for
them), a date as ``yyyy-mm-dd``, a duration in whole minutes, and the participants-sheet columns that
carry them. Turns what a person typed into checked values, or ``InvalidArgument`` with a sentence.
Must not do I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from cotheme.errors import InvalidArgument

#: The modes COREQ item 14 (setting of data collection) asks about, as the pages offer them.
MODES = ("in person", "video", "telephone", "other")
_MODE_WORDS = {
    "in person": "in person", "in-person": "in person", "face to face": "in person",
    "face-to-face": "in person", "f2f": "in person", "video": "video", "video call": "video",
    "online": "video", "zoom": "video", "teams": "video", "telephone": "telephone", "phone": "telephone",
    "telephone call": "telephone", "phone call": "telephone", "other": "other",
}
#: Longer than a working day is a typing mistake (minutes given as seconds), not an interview.
MAX_MINUTES = 24 * 60
#: detail -> the column of the ``documents`` table that holds it.
COLUMNS = {
    "date": "interview_date", "mode": "mode", "duration": "duration_minutes", "interviewer": "interviewer",
    "setting": "setting", "notes": "field_notes",
}
#: participants-sheet column -> detail of the case's transcripts. They stay attributes too (a sample
#: table may report the interview mode), except the field notes, which describe no participant.
SHEET_COLUMNS = {
    "interview_date": "date", "interview_mode": "mode", "interview_duration": "duration",
    "interviewer": "interviewer", "interview_setting": "setting", "field_notes": "notes",
}
_MAX_TEXT = {"interviewer": 200, "setting": 500, "notes": 100_000}


def mode_of(value: str) -> str:
    """One of ``MODES`` for what a person wrote ("Zoom", "phone", "face-to-face"), else a sentence."""
    found = _MODE_WORDS.get(" ".join(value.strip().casefold().split()))
    if found is None:
        raise InvalidArgument(f"'{value}' is not an interview mode; use one of: {', '.join(MODES)}.")
    return found


def date_of(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidArgument(f"'{value}' is not a date; write it as yyyy-mm-dd, e.g. 2025-03-12.") from None


def minutes_of(value: str) -> int:
    text = value.strip().casefold()
    for unit in ("minutes", "mins", "min"):
        text = text.removesuffix(unit)
    text = text.strip()
    try:
        minutes = float(text)
    except ValueError:
        raise InvalidArgument(f"'{value}' is not a duration; give whole minutes, e.g. 45.") from None
    if not 0 < minutes <= MAX_MINUTES or minutes != int(minutes):
        raise InvalidArgument(f"'{value}' is not a duration; give whole minutes between 1 and {MAX_MINUTES}.")
    return int(minutes)


def checked(values: Mapping[str, str | None]) -> dict[str, object]:
    """Column -> value for the details given: ``None`` leaves a detail as it is, ``""`` clears it."""
    unknown = set(values) - set(COLUMNS)
    if unknown:
        raise InvalidArgument(f"Unknown interview details: {', '.join(sorted(unknown))}; "
                              f"use {', '.join(COLUMNS)}.")
    out: dict[str, object] = {}
    for name, raw in values.items():
        if raw is None:
            continue
        text = raw.strip()
        if "\x00" in text:
            raise InvalidArgument(f"The {name} contains a NUL character; remove it.")
        if name == "date":
            out[COLUMNS[name]] = date_of(text) if text else None
        elif name == "duration":
            out[COLUMNS[name]] = minutes_of(text) if text else None
        elif name == "mode":
            out[COLUMNS[name]] = mode_of(text) if text else ""
        else:
            if len(text) > _MAX_TEXT[name]:
                raise InvalidArgument(f"The {name} is longer than {_MAX_TEXT[name]:,} characters; shorten it.")
            out[COLUMNS[name]] = text if name == "notes" else " ".join(text.split())
    return out


def sheet_details(row: Mapping[str, str | None]) -> dict[str, str | None]:
    """The interview details a participants-sheet row carries (its detail columns; empty cells left out).

    A mode the sheet words its own way ("walking interview") is "other" here; the attribute keeps the
    words."""
    found: dict[str, str | None] = {}
    for column, value in row.items():
        detail = SHEET_COLUMNS.get(column.strip().casefold())
        if detail is None or value is None or not value.strip():
            continue
        if detail == "mode" and " ".join(value.strip().casefold().split()) not in _MODE_WORDS:
            value = "other"
        found[detail] = value
    return found


def is_detail_column(column: str) -> bool:
    return column.strip().casefold() in SHEET_COLUMNS


def is_attribute_column(column: str) -> bool:
    """False for the field notes: free text about an interview, not a characteristic of a participant."""
    return column.strip().casefold() != "field_notes"
