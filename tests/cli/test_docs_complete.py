"""Every CLI command is documented in docs/ (cli.md and the topic pages) and its --help carries an
example; every setting is in docs/settings.md."""

from __future__ import annotations

from pathlib import Path

from typing import Any

import typer.main

from cotheme.cli.main import app

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _commands() -> dict[str, Any]:
    root = typer.main.get_command(app)
    found: dict[str, Any] = {}

    def walk(group: Any, prefix: str) -> None:
        if hasattr(group, "commands"):  # a group (typer may bring its own click)
            for name, sub in group.commands.items():
                walk(sub, f"{prefix} {name}".strip())
        else:
            found[prefix] = group

    walk(root, "")
    return found


def test_every_command_is_documented_with_an_example() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md")))
    commands = _commands()
    assert len(commands) >= 20
    missing = [name for name in commands if f"cotheme {name}" not in text]
    assert missing == []
    no_example = [name for name, cmd in commands.items() if "Example:" not in (cmd.help or "")]
    assert no_example == []


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    for name in ("COTHEME_MAX_IMPORT_MB", "COTHEME_TEST_PG_URL", "missing_label"):
        assert name in text
