"""Where the team commands of issue #4 join the ``cotheme`` command: ``user``, ``assign``,
``progress``, ``audit``, ``docs blind|reveal`` and ``codebook history|as-of|diff|undo|merge|split|delete``."""

from __future__ import annotations

import typer

from cotheme.cli import assign, codebook, documents, history, users


def register(app: typer.Typer) -> None:
    app.add_typer(users.app, name="user")
    app.command("assign")(assign.assign)
    app.command("progress")(assign.progress)
    app.command("audit")(history.audit)
    documents.app.command("blind")(assign.blind)
    documents.app.command("reveal")(assign.reveal)
    for name, command in (("history", history.history), ("as-of", history.as_of), ("diff", history.diff),
                          ("undo", history.undo), ("merge", history.merge), ("split", history.split),
                          ("delete", history.delete)):
        codebook.app.command(name)(command)
