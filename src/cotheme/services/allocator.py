"""Handing freed memory back to the operating system after a large, short-lived piece of work.

Owns two calls. ``give_back``: glibc's ``malloc_trim(0)``, which returns the free pages of every
allocator arena. ``settle_for_serving``: the allocator settings a long-lived server runs with (below). Parsing a long transcript makes and drops many strings (its lines, then its turns);
the allocator keeps the pages they were in, so the resident size stays at the parse's peak while
storing the text then needs memory of its own on top (SQLite copies the text twice while it writes the
row). Measured on an 8 MB transcript, the import's peak resident growth is 3.8 times the file with
it and 4.7 without on SQLite (3.4 and 3.8 on PostgreSQL).

A server builds its large answers (9,000 extracts as JSON, CSV or a spreadsheet) on worker threads.
glibc gives each thread an arena of its own (up to eight per core) and, after a large block is freed,
raises its mmap threshold to that block's size, so the next large answers are carved from the arenas
and their pages stay resident. On the 9,000-coding bench project a served process sat at 122 MB after
the extracts, their CSV and their spreadsheet (Taguette 1.5.2: ~110 MB). ``settle_for_serving`` caps
the arenas at ``ARENAS`` and fixes the mmap threshold at ``MMAP_FROM`` (a fixed threshold is not
raised), so blocks of a quarter megabyte or more go straight back to the system when freed: 110 MB
after the same requests (the serve part of bench/page_weight_bench.py).

Must not be needed for correctness: where there is no glibc (macOS, Windows, musl) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from functools import cache


#: Allocator arenas a serving process keeps (glibc's default: eight per core).
ARENAS = 2
#: Blocks from this size (bytes) are mapped on their own and unmapped when freed.
MMAP_FROM = 256 * 1024
_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter numbers (malloc.h)
_M_ARENA_MAX = -8


@cache
def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def settle_for_serving() -> bool:
    """Cap the arenas and fix the mmap threshold for a long-lived server; call before its threads
    start. Whether the allocator took the settings (``False`` where it is not glibc's)."""
    mallopt = getattr(_libc(), "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_ARENA_MAX, ARENAS)) and bool(mallopt(_M_MMAP_THRESHOLD, MMAP_FROM))


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is None:  # not Linux, or not glibc
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim  # type: ignore[no-any-return]


def give_back() -> None:
    """Return the allocator's free pages to the operating system (glibc; elsewhere nothing)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
