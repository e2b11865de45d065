"""Command groups that report cotheme's errors as one sentence, and a root group that loads a command's
module only when that command runs.

``LazyGroup`` knows every command from ``cli/catalog.py`` (name, one-line help, where it lives) without
importing it: ``cotheme --help`` lists them from the catalog, ``cotheme --version`` loads none, and
``cotheme docs list`` imports the documents commands (and the services they use) alone. Its
``commands`` mapping loads an entry when it is looked up by name, so code that walks every command
(the docs check, the blind-rules check) still sees each one whole.

Must not import typer's rich help, rich, the services or any command module at import time.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, MutableMapping
from difflib import get_close_matches
from typing import Any

import typer
from typer import _click as click  # typer's own click: its Context, Command and HelpFormatter
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

from cotheme.cli.catalog import Entry
from cotheme.errors import CothemeError

#: Set in ``ctx.meta`` while a group's help lists its commands: their one-line help is enough.
_LISTING = "cotheme.listing"


class Group(TyperGroup):
    """A command group that reports cotheme's own errors as one sentence and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CothemeError as exc:
            from cotheme.cli.output import err

            err.print(f"Error: {exc}", style="red", markup=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None


def load(entry: Entry) -> click.Command:
    """The click command of a catalog entry, importing its module now."""
    module_name, _, attribute = entry.target.partition(":")
    found = getattr(importlib.import_module(module_name), attribute)
    if entry.group:
        sub_app = found if isinstance(found, typer.Typer) else found()
        command = typer.main.get_group(sub_app)
    else:
        single = typer.Typer(add_completion=False)
        single.command(entry.name)(found)
        command = typer.main.get_command(single)
    command.name = entry.name
    return command


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's commands: those given, and the catalog's, each loaded when first looked up."""

    def __init__(self, eager: Mapping[str, click.Command], catalog: tuple[Entry, ...]) -> None:
        self._loaded: dict[str, click.Command] = dict(eager)
        self._entries = {entry.name: entry for entry in catalog}
        self._order = [e.name for e in catalog] + [name for name in eager if name not in self._entries]

    def entry(self, name: str) -> Entry | None:
        return self._entries.get(name)

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            entry = self._entries.get(name)
            if entry is None:
                raise KeyError(name)
            self._loaded[name] = load(entry)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        if name not in self._order:
            self._order.append(name)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        self._loaded.pop(name, None)
        self._entries.pop(name)
        self._order.remove(name)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, name: object) -> bool:
        return name in self._order


class _Listed(TyperCommand):
    """A stand-in that carries a catalog entry's name and one-line help into a help listing."""

    def __init__(self, entry: Entry) -> None:
        super().__init__(entry.name, help=entry.help, short_help=entry.help)


class LazyGroup(Group):
    """The root group: commands from ``catalog`` (set by a subclass), loaded one at a time."""

    catalog: tuple[Entry, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(self.commands, self.catalog)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # the names alone: typer's own version loads every command

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        commands = self.commands
        assert isinstance(commands, LazyCommands)
        entry = commands.entry(cmd_name)
        if entry is not None and ctx.meta.get(_LISTING) and cmd_name not in commands._loaded:
            return _Listed(entry)
        return commands.get(cmd_name)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        ctx.meta[_LISTING] = True
        try:
            super().format_help(ctx, formatter)
        finally:
            ctx.meta.pop(_LISTING, None)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            close = get_close_matches(args[0], list(self.commands)) if args else []
            if close and "Did you mean" not in exc.message:
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {', '.join(repr(c) for c in close)}?"
            raise
