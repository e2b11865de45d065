"""A QDPX archive opened safely: size limits, zip-bomb and path checks, and finding entries in it.

Owns ``ArchiveLimits`` (the archive's size, the total unpacked size, the compression ratio of one entry,
the number of entries), ``QdpxArchive`` (the checked entry table, case-insensitive lookup of the project
file and of ``internal://`` sources whatever the case of the ``Sources/`` folder, and reading one entry
without ever unpacking more than it declared) and the sentence a refusal is worded with.

Accepted variants: ``project.qde`` or, as ATLAS.ti 26 writes it, a single ``<ProjectName>.qde``; the
sources folder as ``Sources/`` or ``sources/`` (MAXQDA). A ``\\`` in an entry name counts as ``/``.
Refused, naming the entry: not a zip, an entry with an absolute path, a drive letter or a ``..`` component, two entries of one name,
more entries or more unpacked bytes than the limits, an entry compressed more than ``max_ratio`` times.

Must not parse XML nor know what a source means; it hands bytes to ``refi_read``.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from cotheme.errors import InputError, TooLarge
from cotheme.formats.decode import describe_size

__all__ = ["ArchiveLimits", "QdpxArchive", "open_archive"]

_MB = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
#: Where cotheme keeps what REFI-QDA cannot hold; other programs ignore unknown entries.
EXTENSION_ENTRY = "cotheme/extension.json"


@dataclass(frozen=True, slots=True)
class ArchiveLimits:
    """Limits on what one archive may make us read.

    Deflate cannot compress better than about 1:1000, and real QDPX entries (XML, UTF-8 text, Word,
    PDF, media) stay under 1:30; 1:100 leaves room for very repetitive XML while a zip bomb (1:1000)
    is refused. The ratio is only judged on entries over 1 MB unpacked, where a bomb would matter.
    """

    max_archive_bytes: int = 200 * _MB
    max_unpacked_bytes: int = 1000 * _MB
    max_ratio: float = 100.0
    ratio_floor_bytes: int = _MB
    max_entries: int = 100_000


class QdpxArchive:
    """An opened, checked QDPX archive (use ``open_archive``)."""

    def __init__(self, name: str, archive: zipfile.ZipFile, limits: ArchiveLimits, stream: BinaryIO) -> None:
        self.name = name
        self._zip = archive
        self._stream = stream  # a ZipFile leaves a file object it was given open
        self._limits = limits
        self._by_lower = {_key(info.filename): info for info in archive.infolist() if not info.is_dir()}
        self._read_bytes = 0

    def close(self) -> None:
        self._zip.close()
        self._stream.close()

    def __enter__(self) -> QdpxArchive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return [info.filename for info in self._by_lower.values()]

    def project_entry(self) -> str:
        """The project file: ``project.qde`` at the top, else the only ``*.qde`` at the top."""
        top = [info.filename for key, info in self._by_lower.items() if "/" not in key and key.endswith(".qde")]
        exact = [name for name in top if name.lower() == "project.qde"]
        if exact:
            return exact[0]
        if len(top) == 1:
            return top[0]
        if not top:
            raise InputError(
                f"{self.name}: holds no project.qde file, so it is not a REFI-QDA project; "
                "export the project again as .qdpx."
            )
        raise InputError(
            f"{self.name}: holds several project files ({', '.join(sorted(top))}) and none is called "
            "project.qde; cotheme cannot tell which one to read."
        )

    def source_entry(self, path: str) -> str | None:
        """The entry an ``internal://NAME`` path refers to (``Sources/NAME`` in any case), if present."""
        if not path.lower().startswith("internal://"):
            return None
        inner = path[len("internal://") :].lstrip("/")
        for candidate in (f"sources/{inner}".lower(), inner.lower()):
            info = self._by_lower.get(candidate)
            if info is not None:
                return info.filename
        return None

    def has(self, entry: str) -> bool:
        return _key(entry) in self._by_lower

    def read(self, entry: str) -> bytes:
        """The bytes of ``entry``, counted against the unpacked-size limit."""
        info = self._by_lower[_key(entry)]
        self._read_bytes += info.file_size
        if self._read_bytes > self._limits.max_unpacked_bytes:
            raise TooLarge(
                f"{self.name}: reading {info.filename} would unpack more than "
                f"{describe_size(self._limits.max_unpacked_bytes)}; this is not a project cotheme will open."
            )
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise InputError(f"{self.name}: the entry {info.filename} cannot be unpacked ({exc}).") from None


def open_archive(name: str, source: Path | bytes, limits: ArchiveLimits = ArchiveLimits()) -> QdpxArchive:
    """Open ``source`` (a path or the archive's bytes) as a QDPX archive, or refuse it with a sentence."""
    size = source.stat().st_size if isinstance(source, Path) else len(source)
    if size > limits.max_archive_bytes:
        raise TooLarge(
            f"{name}: is {describe_size(size)}, over the {describe_size(limits.max_archive_bytes)} import "
            "limit; raise the limit with COTHEME_MAX_IMPORT_MB if this project really is that large."
        )
    if size == 0:
        raise InputError(f"{name}: is empty; nothing to import.")
    stream: BinaryIO = source.open("rb") if isinstance(source, Path) else io.BytesIO(source)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        stream.close()
        raise InputError(
            f"{name}: is not a QDPX archive (it is not a zip file); export the project again as .qdpx."
        ) from None
    try:
        _check_entries(name, archive.infolist(), limits)
    except InputError:
        archive.close()
        stream.close()
        raise
    return QdpxArchive(name, archive, limits, stream)


def _check_entries(name: str, infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> None:
    if len(infos) > limits.max_entries:
        raise InputError(f"{name}: holds {len(infos)} entries, more than the {limits.max_entries} cotheme opens.")
    seen: set[str] = set()
    total = 0
    for info in infos:
        problem = _bad_name(info.filename)
        if problem:
            raise InputError(f"{name}: the entry '{info.filename}' {problem}; the archive is refused.")
        key = _key(info.filename)
        if key in seen:
            raise InputError(f"{name}: the entry '{info.filename}' occurs twice; the archive is refused.")
        seen.add(key)
        total += info.file_size
        if total > limits.max_unpacked_bytes:
            raise TooLarge(
                f"{name}: would unpack to more than {describe_size(limits.max_unpacked_bytes)} "
                f"(at the entry '{info.filename}'); the archive is refused."
            )
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise InputError(
                f"{name}: the entry '{info.filename}' unpacks from {describe_size(info.compress_size)} to "
                f"{describe_size(info.file_size)}, more than {limits.max_ratio:g} times its size; "
                "it looks like a zip bomb and the archive is refused."
            )


def _key(entry: str) -> str:
    """How entries are looked up: ``/`` separators (some Windows tools write ``\\``), any case."""
    return entry.replace("\\", "/").lower()


def _bad_name(entry: str) -> str | None:
    """Why ``entry`` may not be unpacked, or ``None``."""
    entry = entry.replace("\\", "/")
    if "\x00" in entry:
        return "contains a NUL character"
    if entry.startswith("/"):
        return "is an absolute path"
    if _DRIVE.match(entry):
        return "starts with a drive letter"
    if ".." in PurePosixPath(entry).parts:
        return "climbs out of the archive with '..'"
    return None
