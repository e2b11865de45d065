"""Keeping a project safe: integrity checks, backups and restores, encrypting and decrypting a file.

Owns the rules around them: a backup never overwrites a file, a restore refuses to replace a project
unless forced and only replaces it with a copy that opened and passed the checks, a conversion never
touches a PostgreSQL database (encrypt the server's disk instead; see docs/security.md). The byte-level
work is in ``cotheme.storage.backup``, ``cipher`` and ``integrity``.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from cotheme.domain.integrity import BackupInfo, CheckReport
from cotheme.errors import Conflict, InvalidArgument, NotFound, ProjectError
from cotheme.storage import backup as backups
from cotheme.storage import cipher, integrity
from cotheme.storage.engine import describe, is_url, make_engine
from cotheme.storage.private import copy_private
from cotheme.storage.store import Store


def check(store: Store) -> CheckReport:
    """Run every integrity check on the project (read-only: the transaction is rolled back, and a
    damaged file's errors become problems in the report)."""
    with store.engine.connect() as conn:
        conn = conn.execution_options(cotheme_readonly=True)
        transaction = conn.begin()
        try:
            found = integrity.run_checks(conn, store.dialect)
        finally:
            try:
                transaction.rollback()
            except DBAPIError:
                pass
    return CheckReport(
        describe(store.target), store.dialect, tuple((name, tuple(problems)) for name, problems in found.items())
    )


def backup(store: Store, out: Path, *, passphrase: str | None = None) -> BackupInfo:
    """Write a backup of the open project to the new file ``out``.

    A project file's backup keeps its encryption; a PostgreSQL backup is encrypted with ``passphrase``
    when one is given."""
    if out.exists():
        raise Conflict(f"{out} already exists; choose a new name for the backup.")
    if not out.parent.is_dir():
        raise NotFound(f"The folder {out.parent} does not exist; create it first.")
    if store.dialect == "sqlite":
        if passphrase is not None:
            raise InvalidArgument("A project file's backup keeps the file's own encryption; drop --encrypt.")
        backups.backup_file(store, out)
    else:
        backups.snapshot(store, out, passphrase)
    return BackupInfo(str(out), describe(store.target), store.dialect, cipher.is_encrypted(out), out.stat().st_size)


def restore(source: Path, target: str, *, force: bool = False, passphrase: str | None = None) -> CheckReport:
    """Make ``target`` (a project file or PostgreSQL URL) hold the project in the backup ``source``."""
    if not source.is_file():
        raise NotFound(f"{source}: no such backup file; check the path.")
    if not is_url(target):
        return _restore_file(source, Path(target), force=force, passphrase=passphrase)
    with tempfile.TemporaryDirectory(prefix="cotheme-restore-") as folder:
        work = Path(folder) / source.name
        copy_private(source, work)
        store = _open_checked(work, passphrase)
        engine = make_engine(target)
        try:
            backups.restore_database(store, engine, force=force, where=describe(target))
        finally:
            store.close()
            engine.dispose()
    restored = Store.open(target)
    try:
        return check(restored)
    finally:
        restored.close()


def _restore_file(source: Path, target: Path, *, force: bool, passphrase: str | None) -> CheckReport:
    if target.exists() and not force:
        raise Conflict(f"{target} already exists; add --force to replace it with the backup.")
    if not target.parent.is_dir():
        raise NotFound(f"The folder {target.parent} does not exist; create it first.")
    temp = backups.sidecar(target, ".restoring")
    backups.remove(temp)
    copy_private(source, temp)
    try:
        store = _open_checked(temp, passphrase)
        with store.write() as conn:
            backups.forget_sessions(conn)
        report = check(store)
        store.close()
        backups.place(temp, target)
    except Exception:
        backups.remove(temp)
        raise
    return replace(report, location=str(target))


def _open_checked(path: Path, passphrase: str | None) -> Store:
    """Open a backup (upgrading its copy's schema if it is older) and refuse one that fails a check."""
    store = Store.open(str(path), passphrase)
    report = check(store)
    if not report.ok:
        store.close()
        raise ProjectError(
            f"The backup does not pass the integrity checks ({report.problems[0]}); nothing was restored."
        )
    return store


def encrypt(path: Path, passphrase: str) -> None:
    """Encrypt the plain project file at ``path`` in place (see ``cipher.convert``)."""
    _convertible(path, want_encrypted=False)
    cipher.convert(path, cipher.check_passphrase(passphrase), encrypt=True)


def decrypt(path: Path, passphrase: str) -> None:
    """Turn the encrypted project file at ``path`` back into a plain SQLite file."""
    _convertible(path, want_encrypted=True)
    cipher.open_verified(path, passphrase).close()
    cipher.convert(path, passphrase, encrypt=False)


def _convertible(path: Path, *, want_encrypted: bool) -> None:
    if is_url(str(path)):
        raise InvalidArgument(
            "A PostgreSQL database is not encrypted by cotheme; encrypt the server's disk and connect "
            "with sslmode=require (see docs/security.md)."
        )
    if not path.is_file():
        raise NotFound(f"There is no project at {path}; check the path.")
    if cipher.is_encrypted(path) != want_encrypted:
        state = "already encrypted" if not want_encrypted else "not encrypted"
        raise Conflict(f"{path} is {state}; nothing was changed.")
    if not want_encrypted:
        Store.open(str(path)).close()  # a plain file must be a cotheme project (and at this schema)
