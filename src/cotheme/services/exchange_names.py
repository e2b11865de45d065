"""Names from other programs made fit for cotheme: code names, titles, member names, case ids.

Owns the adaptations an import reports: whitespace collapsed, a ``/`` inside a code name (our path
separator) replaced by the look-alike U+2215 DIVISION SLASH, an empty code name, a name cut to the
column's length, a title made unique with `` (2)``; and which users are programs' placeholders (ATLAS.ti's "ATLAS.ti", QualCoder's "default").
Must not touch storage.
"""

from __future__ import annotations

from cotheme.domain.codebook import check_name
from cotheme.domain.names import single_line
from cotheme.errors import InvalidArgument

#: ATLAS.ti lists itself as a user of the project; it is not a person on the team.
PSEUDO_USERS = frozenset({"atlas.ti"})
#: QualCoder keeps users as names only and calls an owner it cannot name "default" (also its coder
#: name until one is set in its settings): a placeholder, not a person, in a file QualCoder wrote.
QUALCODER_PLACEHOLDER = "default"
_SLASH = "\u2215"


def is_pseudo_user(name: str, origin: str = "") -> bool:
    """Whether the user ``name`` of a file written by ``origin`` is a program's placeholder."""
    plain = name.strip().lower()
    return plain in PSEUDO_USERS or (plain == QUALCODER_PLACEHOLDER and "qualcoder" in origin.lower())


def pseudo_user_note(name: str) -> str:
    """The sentence an import reports for a placeholder user."""
    if name.strip().lower() == QUALCODER_PLACEHOLDER:
        return (f"The user '{name}' is QualCoder's placeholder for an owner it has no name for, not a person: no "
                "member was created for it; documents it added are the importing member's, and its codings and "
                "memos are imported without a coder.")
    return (f"The user '{name}' is a placeholder ATLAS.ti adds, not a person: no member was created for it, and "
            "what it made is imported without a coder.")


def clean_name(name: str, limit: int) -> str:
    """``name`` with whitespace collapsed, cut to ``limit`` characters (``""`` when nothing is left)."""
    return single_line(name)[:limit]


def clean_code_name(name: str) -> tuple[str, str | None]:
    """A code name cotheme accepts, and why it differs from ``name`` (``None`` when only spacing did)."""
    collapsed = single_line(name)
    if not collapsed:
        return "Unnamed code", "a code needs a name"
    why = None
    if "/" in collapsed:
        collapsed = collapsed.replace("/", _SLASH)
        why = "'/' separates the levels of a code path in cotheme"
    if len(collapsed) > 200:
        collapsed = collapsed[:200].rstrip()
        why = "code names are at most 200 characters"
    try:
        return check_name(collapsed), why
    except InvalidArgument as exc:  # pragma: no cover - the rules above cover check_name's
        return "Unnamed code", str(exc)


def unique(taken: set[str], name: str) -> str:
    """``name``, or ``name (2)``, ``name (3)``... whichever is not taken yet; the result is taken."""
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name} ({n})", n + 1
    taken.add(candidate)
    return candidate
