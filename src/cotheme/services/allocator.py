"""Handing freed memory back to the operating system after a large, short-lived piece of work.

Owns one call, ``give_back``: glibc's ``malloc_trim(0)``, which returns the free pages of every
allocator arena. Parsing a long transcript makes and drops many strings (its lines, then its turns);
the allocator keeps the pages they were in, so the resident size stays at the parse's peak while
storing the text then needs memory of its own on top. Measured on an 8 MB transcript: resident memory
after parsing fell from 3.7 to 2.3 times the file, and the import's peak from 5.7 to 4.5 times.

Must not be needed for correctness: where there is no glibc (macOS, Windows, musl) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim  # type: ignore[no-any-return]


def give_back() -> None:
    """Return the allocator's free pages to the operating system (glibc; elsewhere nothing)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
