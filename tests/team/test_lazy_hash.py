"""The dummy password hash (argon2: ~64 MB and ~50 ms) is made at the first login of an unknown name,
never at import: a server or a command that checks no password does not pay for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cotheme.errors import InvalidArgument
from cotheme.services import accounts
from cotheme.services.project import Project

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import cotheme.web.app, cotheme.services.accounts as a
peak = int([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]) // 1024
print(a._dummy.cache_info().currsize, peak)
"""


def test_importing_the_server_hashes_nothing() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}).stdout.split()
    assert out[0] == "0"  # no dummy hash made
    assert int(out[1]) < 180, "peak memory of importing the server (MB): argon2's 64 MB would show here"


def test_an_unknown_name_is_still_checked_against_a_hash(project: Project) -> None:
    accounts._dummy.cache_clear()
    with pytest.raises(InvalidArgument, match="not right"):
        project.login("Nobody", "a password of some length")
    assert accounts._dummy.cache_info().currsize == 1 and accounts._dummy().startswith("$argon2id$")
