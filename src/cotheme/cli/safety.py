"""``cotheme check``, ``backup``, ``restore``, ``encrypt`` and ``decrypt``: keeping a project safe.

Passphrases come from ``COTHEME_PASSPHRASE`` or are asked for, never from an option (it would stay in
the shell history). See docs/security.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cotheme.cli.context import JsonOpt, ProjectArg, ask_passphrase, interactive, opened
from cotheme.cli.output import print_json, say
from cotheme.domain.integrity import CheckReport
from cotheme.errors import PassphraseRequired
from cotheme.services import safekeeping
from cotheme.domain.plural import counted

ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing project with the backup.")]


def check(project: ProjectArg, as_json: JsonOpt = False) -> None:
    """Check a project's integrity: the database file, references, every coding's quote, the search index.

    Prints every problem found and exits with code 2 when there is any.

    Example: cotheme check study.cotheme
    """
    with opened(project) as p:
        report = p.safety.check()
    _print_report(report, as_json)
    if not report.ok:
        raise typer.Exit(2)


def _print_report(report: CheckReport, as_json: bool) -> None:
    if as_json:
        print_json({"location": report.location, "engine": report.engine, "ok": report.ok,
                    "checks": {name: list(found) for name, found in report.checks}})
        return
    for name, found in report.checks:
        say(f"{'ok     ' if not found else 'PROBLEM'} {name.replace('_', ' ')}")
        for problem in found:
            say(f"        {problem}")
    total = len(report.problems)
    say(f"{report.location}: " + ("every check passed." if not total else f"{counted(total, 'problem')} found."))


def backup(
    project: ProjectArg,
    out: Annotated[str, typer.Argument(help="The backup file to write (it must not exist yet).", show_default=False)],
    encrypt: Annotated[bool, typer.Option("--encrypt", help="PostgreSQL only: encrypt the backup file with a passphrase.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Back a project up while it stays in use: a project file keeps its encryption; a PostgreSQL
    database is written as a cotheme project file from one consistent snapshot.

    Example: cotheme backup study.cotheme backups/study-2025-05-01.cotheme
    """
    with opened(project) as p:
        passphrase = ask_passphrase(out, confirm=True) if encrypt else None
        info = p.safety.backup(out, passphrase=passphrase)
    if as_json:
        print_json(info)
        return
    say(f"Backed up {info.source} to {info.path} ({info.bytes:,} bytes{', encrypted' if info.encrypted else ''}).")


def restore(
    backup_file: Annotated[str, typer.Argument(metavar="BACKUP", help="A backup made by 'cotheme backup'.", show_default=False)],
    project: ProjectArg,
    force: ForceOpt = False,
) -> None:
    """Restore a backup into a project file or an empty PostgreSQL database (--force replaces a project).

    Example: cotheme restore backups/study-2025-05-01.cotheme study.cotheme --force
    """
    source = Path(backup_file)
    try:
        report = safekeeping.restore(source, project, force=force)
    except PassphraseRequired:
        if not interactive():
            raise
        report = safekeeping.restore(source, project, force=force, passphrase=ask_passphrase(backup_file))
    say(f"Restored {backup_file} into {report.location}; every check passed.")


def encrypt(project: ProjectArg) -> None:
    """Encrypt a project file in place (SQLCipher); the passphrase is asked for twice, or read from
    COTHEME_PASSPHRASE. Without the passphrase nobody, you included, can open the project again.

    Example: cotheme encrypt study.cotheme
    """
    safekeeping.encrypt(Path(project), ask_passphrase(project, confirm=True))
    say(f"Encrypted {project}. Keep the passphrase safe: it is stored nowhere and cannot be recovered.")


def decrypt(project: ProjectArg) -> None:
    """Turn an encrypted project file back into a plain one.

    Example: cotheme decrypt study.cotheme
    """
    safekeeping.decrypt(Path(project), ask_passphrase(project))
    say(f"Decrypted {project}; it is now a plain SQLite file that anyone with the file can read.")
