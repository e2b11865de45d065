"""The allocator settings a server runs with: on glibc, a large block freed no longer raises the mmap
threshold, so the next large answer is mapped on its own (and unmapped when freed) instead of staying
in an arena; each case runs in a fresh interpreter, so the settings never reach the test process."""

from __future__ import annotations

import subprocess
import sys

CHILD = r"""
import ctypes, sys
from cotheme.services import allocator

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

settled = allocator.settle_for_serving() if sys.argv[1] == "settle" else None
libc = ctypes.CDLL("libc.so.6")
libc.mallinfo2.restype = MallInfo2
big = bytearray(4_000_000)  # mapped on its own, as any block past the threshold
del big  # by default glibc now raises its threshold to 4 MB
mapped_before = libc.mallinfo2().hblks
answer = bytearray(600_000)  # a large answer, such as a page of extracts as JSON
print(settled, libc.mallinfo2().hblks - mapped_before)
"""


def _child(mode: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", CHILD, mode], check=True, capture_output=True, text=True)
    return out.stdout.split()


def test_a_large_answer_is_mapped_on_its_own_once_settled() -> None:
    assert _child("plain") == ["None", "0"]  # the raised threshold: the answer came from an arena
    assert _child("settle") == ["True", "1"]  # fixed threshold: mapped, and unmapped when freed
