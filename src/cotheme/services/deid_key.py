"""The de-identification key: what each applied replacement stood for (original -> replacement), kept
apart from the project in one file encrypted with a passphrase.

Owns the file format (a header line, the scrypt salt, then a Fernet token over JSON), deriving the key
from the passphrase (scrypt, n=2**15, r=8, p=1: ~0.1 s and 32 MiB per try, which makes guessing a
passphrase slow), atomic writing (a temporary file renamed into place) and the clear refusal of a wrong
passphrase. The key is never written into the project and no export reads it. Must not touch the
database.
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cotheme.domain.deid import key_of
from cotheme.domain.deid_groups import base_form, group_key
from cotheme.errors import InputError, InvalidArgument

if TYPE_CHECKING:  # cryptography (~10 MB resident) is imported when a key is opened, not with the services
    from cryptography.fernet import Fernet
from cotheme.storage.engine import is_url

MAGIC = b"cotheme-deid-key 1\n"
PASSPHRASE_ENV = "COTHEME_DEID_PASSPHRASE"
#: Shortest passphrase accepted for a new key (a key protects real names).
MIN_PASSPHRASE = 8
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


@dataclass
class Key:
    """Original (as ``group_key``: "Priya's" and "PRIYA" are Priya's entry) -> entry {original,
    replacement, kind, documents}; one entry per person is what keeps their pseudonym the same in
    every transcript. Keys written before possessives were folded are still found."""

    entries: dict[str, dict[str, object]] = field(default_factory=dict)

    def replacement(self, original: str) -> str | None:
        entry = self.entries.get(group_key(original)) or self.entries.get(key_of(original))
        return None if entry is None else str(entry["replacement"])

    def labels(self) -> set[str]:
        return {str(e["replacement"]) for e in self.entries.values()}

    def add(self, original: str, replacement: str, kind: str, document: str) -> None:
        entry = self.entries.setdefault(
            group_key(original), {"original": base_form(original), "replacement": replacement, "kind": kind,
                                  "documents": []}
        )
        entry["replacement"] = replacement
        docs = entry["documents"]
        assert isinstance(docs, list)
        if document not in docs:
            docs.append(document)


def default_path(target: str) -> Path:
    """Beside a project file: ``study.cotheme`` -> ``study.cotheme.deidkey``; a server project needs one."""
    if is_url(target):
        raise InvalidArgument(
            "A project on a database server has no folder for its de-identification key; give one with --key PATH."
        )
    return Path(target).with_name(Path(target).name + ".deidkey")


def passphrase_from_env() -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


def _fernet(passphrase: str, salt: bytes) -> Fernet:
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return Fernet(base64.urlsafe_b64encode(kdf.derive(passphrase.encode("utf-8"))))


def load(path: Path, passphrase: str) -> Key:
    """The key in ``path`` (an empty key when the file does not exist yet)."""
    if not path.exists():
        if len(passphrase) < MIN_PASSPHRASE:
            raise InvalidArgument(
                f"A new de-identification key needs a passphrase of at least {MIN_PASSPHRASE} characters."
            )
        return Key()
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise InputError(f"{path}: is not a cotheme de-identification key.")
    salt_line, _, token = data[len(MAGIC):].partition(b"\n")
    from cryptography.fernet import InvalidToken

    try:
        plain = _fernet(passphrase, base64.b64decode(salt_line)).decrypt(token.strip())
    except InvalidToken:
        raise InvalidArgument(
            f"The passphrase does not open the de-identification key {path}; nothing was changed. "
            "Check the passphrase (or COTHEME_DEID_PASSPHRASE)."
        ) from None
    except ValueError:
        raise InputError(f"{path}: the de-identification key is damaged; nothing was changed.") from None
    return Key(entries=json.loads(plain.decode("utf-8"))["entries"])


def save(path: Path, key: Key, passphrase: str) -> None:
    """Encrypt ``key`` into ``path`` atomically (a new salt every time)."""
    salt = os.urandom(16)
    token = _fernet(passphrase, salt).encrypt(json.dumps({"entries": key.entries}, ensure_ascii=False).encode("utf-8"))
    folder = path.parent if str(path.parent) else Path(".")
    # mkstemp (under NamedTemporaryFile) creates the file 0600: the key is never readable by others.
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".part", delete=False)
    try:
        with handle:
            handle.write(MAGIC + base64.b64encode(salt) + b"\n" + token + b"\n")
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
