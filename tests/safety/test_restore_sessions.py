"""A restore drops the sessions the backup held: a token from before (stolen, or of someone removed
since) does not log anyone in to the restored project, on either engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher

import cotheme
from cotheme.services import accounts, safekeeping
from tests.conftest import PgSchemas

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def test_a_restored_project_has_no_live_sessions(target: str, tmp_path: Path, pg_schemas: PgSchemas) -> None:
    out = tmp_path / "backup.cotheme"
    with cotheme.create_project(target, lead="Lead") as project:
        project.set_password("Lead", PASSWORD)
        token = project.login("Lead", PASSWORD).token
        project.backup(out)
        assert project.session_member(token) is not None
    places = [target, str(tmp_path / "elsewhere.cotheme"), pg_schemas.new_url()]
    for place in places:
        assert safekeeping.restore(out, place, force=True).ok
        with cotheme.open_project(place) as restored:
            assert restored.session_member(token) is None, place
            assert restored.login("Lead", PASSWORD).member.name == "Lead"  # the account itself is kept
