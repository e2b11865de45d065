"""Passwords are judged by zxcvbn (score 3 or more, its advice in the sentence) wherever one is set,
and zxcvbn is imported only then, so ``cotheme --version`` does not pay for its dictionaries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import cotheme
from cotheme.errors import InvalidArgument
from cotheme.services.project import Project
from tests.cli_runner import cli
from tests.team.conftest import PASSWORD


@pytest.fixture
def study(tmp_path: Path) -> Project:
    return cotheme.create_project(tmp_path / "pw.cotheme", lead="Lead")


@pytest.mark.parametrize(
    ("weak", "advice"),
    [
        ("aaaaaaaaaa", 'Repeats like "aaa" are easy to guess'),
        ("password12", "This is a very common password"),
        ("qwertyuiop", "common password"),
        ("Rowan Pike 2024", None),  # the member's own name and a year
    ],
)
def test_weak_passwords_are_refused_with_zxcvbns_advice(study: Project, weak: str, advice: str | None) -> None:
    with pytest.raises(InvalidArgument) as err:
        study.add_user("Rowan Pike", weak)
    sentence = str(err.value)
    assert sentence.startswith("That password is too easy to guess")
    assert advice is None or advice.casefold() in sentence.casefold()
    assert "\n" not in sentence and sentence.endswith(".")
    study.add_user("Rowan Pike", None)
    with pytest.raises(InvalidArgument, match="too easy to guess"):
        study.set_password("Rowan Pike", weak)
    study.close()


def test_a_strong_password_is_accepted(study: Project) -> None:
    assert study.add_user("Rowan Pike", PASSWORD).name == "Rowan Pike"
    study.close()


def test_the_cli_gives_the_same_sentence(study: Project, tmp_path: Path) -> None:
    study.close()
    code, _, err = cli("user", "add", str(tmp_path / "pw.cotheme"), "Cas", env={"COTHEME_PASSWORD": "password12"})
    assert code == 2 and "too easy to guess" in err and len(err.strip().splitlines()) == 1


def test_version_does_not_import_zxcvbn() -> None:
    shown = subprocess.run([sys.executable, "-X", "importtime", "-m", "cotheme", "--version"],
                           capture_output=True, text=True, check=True)
    assert "cotheme" in shown.stdout
    assert "zxcvbn" not in shown.stderr
    served = subprocess.run([sys.executable, "-X", "importtime", "-c", "import cotheme.web.app"],
                            capture_output=True, text=True, check=True)
    assert "zxcvbn" not in served.stderr  # not even the server, until a password is set
