"""The command groups whose commands come from several modules, put together when first used.

``cotheme docs`` holds the documents commands, the revision commands (``edit``, ``revisions``,
``text``) and the blind-coding ones (``blind``, ``reveal``); ``cotheme codebook`` holds the codebook
commands and its history (``history``, ``as-of``, ``diff``, ``undo``, ``merge``, ``split``, ``delete``).
The root command calls these only when the group is invoked (``cli/catalog.py``).
"""

from __future__ import annotations

import typer


def docs() -> typer.Typer:
    from cotheme.cli import assign, documents, revisions  # noqa: F401 - revisions adds its commands

    names = {info.name for info in documents.app.registered_commands}
    if "blind" not in names:
        documents.app.command("blind")(assign.blind)
        documents.app.command("reveal")(assign.reveal)
    return documents.app


def codebook() -> typer.Typer:
    from cotheme.cli import codebook as codebook_commands
    from cotheme.cli import history

    names = {info.name for info in codebook_commands.app.registered_commands}
    if "history" not in names:
        for name, command in (("history", history.history), ("as-of", history.as_of), ("diff", history.diff),
                              ("undo", history.undo), ("merge", history.merge), ("split", history.split),
                              ("delete", history.delete)):
            codebook_commands.app.command(name)(command)
    return codebook_commands.app
