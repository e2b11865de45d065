"""Counts in words: "1 extract", "2 extracts", "0 participants".

Owns the one rule every page, command and report uses to print a count with its noun (its twin for
pages that count in the browser is ``counted`` in ``web/static/js/common.js``). Must not do I/O.
"""

from __future__ import annotations

#: Nouns whose plural is not the singular plus "s".
_IRREGULAR = {"child": "children", "person": "people", "analysis": "analyses"}


def plural(noun: str, n: int) -> str:
    """``noun`` as it reads after the number ``n``."""
    if n == 1:
        return noun
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"  # category, entry
    return noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")  # match, box


def counted(n: int, noun: str) -> str:
    """``"1 extract"``, ``"2 extracts"``, ``"0 extracts"``."""
    return f"{n} {plural(noun, n)}"
