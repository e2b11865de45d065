"""Encryption at rest for project files: SQLCipher connections, recognising encrypted files, and
converting a project between plain SQLite and SQLCipher.

A plain SQLite file starts with the 16 bytes ``SQLite format 3\\0``; an SQLCipher file starts with its
random salt, so anything else that is not empty is treated as encrypted. The key is the passphrase,
stretched by SQLCipher 4's own key derivation (PBKDF2-HMAC-SHA512, 256,000 rounds) on every new
connection; ``PRAGMA key`` is always the first statement a connection runs. The passphrase is kept in
memory only, never written anywhere.

Must not know about tables, migrations or business rules; ``engine.py`` decides when to use it.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from cotheme.errors import PassphraseRequired, ProjectError
from cotheme.storage.private import create_private

SQLITE_HEADER = b"SQLite format 3\x00"
#: The environment variable a server or script gives the passphrase in (see docs/settings.md).
PASSPHRASE_ENV = "COTHEME_PASSPHRASE"


@functools.cache
def dbapi() -> ModuleType:
    """The SQLCipher DB-API module (``sqlcipher3``, installed with cotheme), its logging to stderr off
    (a wrong passphrase is reported by us in one sentence, not by SQLCipher's log lines)."""
    from sqlcipher3 import dbapi2

    quiet = dbapi2.connect(":memory:")
    quiet.execute("PRAGMA cipher_log_level = NONE")  # process-wide; reads no database
    quiet.close()
    return dbapi2


def is_encrypted(path: Path) -> bool:
    """True when ``path`` is a non-empty file that is not a plain SQLite database."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False
    return bool(head) and head != SQLITE_HEADER


def passphrase_for(path: Path, given: str | None) -> str:
    """The passphrase to open ``path`` with: ``given``, else ``COTHEME_PASSPHRASE``, else refuse."""
    passphrase = given if given is not None else os.environ.get(PASSPHRASE_ENV)
    if not passphrase:
        raise PassphraseRequired(
            f"{path} is not a cotheme project, or it is an encrypted one: give its passphrase in "
            f"{PASSPHRASE_ENV} (or type it when cotheme asks)."
        )
    return check_passphrase(passphrase)


def check_passphrase(passphrase: str) -> str:
    """Refuse a passphrase SQLCipher cannot take whole (empty, or holding a NUL character)."""
    if not passphrase or "\x00" in passphrase:
        raise ProjectError("A passphrase must be non-empty text without NUL characters.")
    return passphrase


def _literal(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def connect(path: Path, passphrase: str, *, raw_key: str | None = None) -> Any:
    """A raw SQLCipher connection to ``path`` with the key set (its first statement).

    ``raw_key`` (hex of the derived key and the file's salt) skips the key derivation."""
    connection = dbapi().connect(str(path), check_same_thread=False)
    key = f"\"x'{raw_key}'\"" if raw_key else _literal(passphrase)
    connection.execute(f"PRAGMA key = {key}")
    return connection


def open_verified(path: Path, passphrase: str) -> Any:
    """``connect`` and prove the key opens the file; a clear refusal when it does not."""
    connection = connect(path, passphrase)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except dbapi().DatabaseError:
        connection.close()
        raise ProjectError(
            f"The passphrase does not open {path}: it is wrong, or the file is not a cotheme project. "
            "Nothing was changed."
        ) from None
    return connection


def connector(path: Path, passphrase: str) -> Callable[[], Any]:
    """A ``creator`` for SQLAlchemy: the first connection is the verified one, later ones are keyed.

    Each passphrase connection costs SQLCipher's key derivation (~1 s here); a server opens several,
    so the second one derives the raw key once, exactly as SQLCipher does, and later ones reuse it."""
    first: list[Any] = [open_verified(path, passphrase)] if path.exists() else []
    raw: list[str] = []

    def create() -> Any:
        if first:
            return first.pop()
        if not raw:
            raw.append(_raw_key(path, passphrase))
        if raw[0]:
            return connect(path, passphrase, raw_key=raw[0])
        return connect(path, passphrase)

    return create


def _raw_key(path: Path, passphrase: str) -> str:
    """SQLCipher 4's key for ``path`` (PBKDF2-HMAC-SHA512, 256,000 rounds, the 16-byte salt the file
    starts with) as hex with the salt, or ``""`` when it does not open the file (other settings)."""
    try:
        with path.open("rb") as handle:
            salt = handle.read(16)
    except FileNotFoundError:
        return ""
    if len(salt) < 16:
        return ""
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, 256_000, 32)
    candidate = key.hex() + salt.hex()
    probe = connect(path, passphrase, raw_key=candidate)
    try:
        probe.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except dbapi().DatabaseError:
        return ""
    finally:
        probe.close()
    return candidate


def convert(path: Path, passphrase: str, *, encrypt: bool) -> None:
    """Rewrite the project file at ``path`` encrypted (``encrypt``) or plain, keeping it whole.

    The new file is written beside the old one with ``sqlcipher_export``, checked (integrity and the
    row count of every table), and only then moved over the original in one atomic rename.
    """
    temp = path.with_name(path.name + (".encrypting" if encrypt else ".decrypting"))
    _remove(temp)
    source = connect(path, passphrase) if not encrypt else dbapi().connect(str(path))
    source.isolation_level = None
    try:
        source.execute("SELECT count(*) FROM sqlite_master").fetchall()
        create_private(temp)  # ATTACH fills the empty file, which keeps its 0600
        key = _literal(passphrase) if encrypt else "''"
        source.execute(f"ATTACH DATABASE {_literal(str(temp))} AS converted KEY {key}")
        source.execute("BEGIN IMMEDIATE")  # no other writer may change the project meanwhile
        source.execute("SELECT sqlcipher_export('converted')")
        counts = _counts(source, "main")
        source.execute("COMMIT")
        source.execute("DETACH DATABASE converted")
        _verify(temp, passphrase if encrypt else None, counts)
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except dbapi().Error as exc:  # a full disk, a locked file: one sentence, the project untouched
        source.close()
        _remove(temp)
        raise ProjectError(f"Could not convert {path} ({exc}); nothing was changed.") from None
    except Exception:
        source.close()
        _remove(temp)
        raise
    source.close()
    wal = path.with_name(path.name + "-wal")
    if wal.exists():  # the last connection to close removes it: someone else has the project open
        _remove(temp)
        raise ProjectError(
            f"{path} is open in another program (such as 'cotheme serve'); close it and try again. "
            "Nothing was changed."
        )
    _remove(path.with_name(path.name + "-shm"))
    os.replace(temp, path)


def _counts(connection: Any, schema: str) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    return {name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0] for name in names}


def _verify(temp: Path, passphrase: str | None, expected: dict[str, int]) -> None:
    check = open_verified(temp, passphrase) if passphrase else dbapi().connect(str(temp))
    try:
        verdict = check.execute("PRAGMA integrity_check").fetchone()[0]
        counts = _counts(check, "main")
    finally:
        check.close()
    if verdict != "ok" or counts != expected:
        raise ProjectError(
            f"The converted copy of {temp.name} did not verify ({verdict}); the project was left as it was."
        )


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
