"""REFI-QDA exchange use cases: import a QDPX into a project, create a project from one, export a
project as QDPX, import and export a QDC codebook, and validate a file.

Owns the transaction boundary (an import reads and checks the whole file first, then writes everything
in one transaction: it completes or the project stays exactly as it was), the settings of exchange
(``COTHEME_MAX_IMPORT_MB`` caps the archive, five times that caps what may be unpacked from it;
``COTHEME_REFI_XSD_DIR`` names the folder with the REFI-QDA schemas for ``validate``), atomic writing of
export files (a temporary file renamed into place), and calling the de-identification gate before an
export writes anything (``--deidentified-only``, or the project's "de-identified exports only").

Merge rules live in ``exchange_merge``, the export mapping in ``exchange_export``.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from cotheme.domain.exchange import ExchangeProject
from cotheme.errors import InvalidArgument, NotFound, TooLarge
from cotheme.formats.decode import describe_size
from cotheme.formats.refi_archive import ArchiveLimits
from cotheme.formats.refi_write import write_codebook_xml, write_qdpx
from cotheme.services import deid
from cotheme.services.exchange_export import origin, read_codebook, read_project
from cotheme.services.exchange_merge import ExchangeImport, Merge
from cotheme.services.exchange_media import attach_media, media_reader
from cotheme.services.exchange_names import is_pseudo_user
from cotheme.services.limits import max_import_bytes
from cotheme.storage import bulk
from cotheme.storage.engine import is_url
from cotheme.storage.store import Store
from cotheme.domain.plural import counted

if TYPE_CHECKING:  # the REFI-QDA readers (lxml, ~8 MB resident) load with the first exchange, not here
    from cotheme.formats.refi_checks import Validation

__all__ = [
    "ExchangeExport", "ExchangeImport", "discard_new_project", "export_codebook_qdc",
    "export_qdpx", "import_codebook_qdc", "import_qdpx", "import_qdpx_files", "lead_name", "project_title", "read_exchange_file",
    "refi_limits", "validate_file", "xsd_dir",
]

T = TypeVar("T")

#: What may be unpacked from an archive, as a multiple of the archive limit (text compresses ~3-5x).
UNPACKED_FACTOR = 5


@dataclass
class ExchangeExport:
    """What an export wrote: the file, counts per kind, and warnings about what other programs may
    read differently."""

    file: str
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def refi_limits() -> ArchiveLimits:
    archive = max_import_bytes()
    return ArchiveLimits(max_archive_bytes=archive, max_unpacked_bytes=archive * UNPACKED_FACTOR)


def xsd_dir(given: str | Path | None = None) -> Path | None:
    """The folder of REFI-QDA schema files: ``given``, else ``COTHEME_REFI_XSD_DIR``, else none."""
    raw = str(given) if given is not None else os.environ.get("COTHEME_REFI_XSD_DIR", "").strip()
    if not raw:
        return None
    folder = Path(raw).expanduser()
    if not folder.is_dir():
        raise NotFound(f"The schema folder {folder} does not exist; point --xsd-dir or COTHEME_REFI_XSD_DIR at "
                       "the folder holding Project-mrt2019.xsd and Codebook-mrt2019.xsd.")
    return folder


def _existing(path: Path) -> Path:
    if not path.exists():
        raise NotFound(f"{path}: no such file; check the path.")
    if not path.is_file():
        raise InvalidArgument(f"{path}: is not a file.")
    return path


def read_exchange_file(path: Path) -> ExchangeProject:
    """The exchange project in a ``.qdpx`` file, checked (nothing is written)."""
    with bulk.collector_paused():
        from cotheme.formats.refi_read import read_qdpx

        return read_qdpx(path.name, _existing(path), refi_limits())


def import_qdpx(
    store: Store, path: Path, *, fresh: bool = False, parsed: ExchangeProject | None = None,
    same_text: str = "refuse",
) -> ExchangeImport:
    """Merge the QDPX at ``path`` (or its already ``parsed`` content) into the project, all or nothing.

    ``fresh`` is for a project just created from the file: it takes the file's study metadata, and a
    member matched by name takes the file's GUID. ``same_text`` says what becomes of a document of the
    file with a new GUID and the text of one of ours (another program's export of this project):
    ``refuse`` the import with a sentence, ``merge`` it into ours, or import it as a ``copy``."""
    project = parsed if parsed is not None else read_exchange_file(path)
    result = ExchangeImport(file=path.name, origin=project.origin, positions=project.positions)
    with bulk.collector_paused(), store.write() as conn:
        return merge_with_media(Merge(conn, project, result, fresh=fresh, same_text=same_text), path)


def import_qdpx_files(store: Store, paths: list[Path], *, same_text: str = "refuse") -> list[ExchangeImport]:
    """Merge several QDPX files, all or none: every file is read and checked, then one transaction."""
    parsed = [(path, read_exchange_file(path)) for path in paths]
    results = []
    with bulk.collector_paused(), store.write() as conn:
        for path, project in parsed:
            result = ExchangeImport(file=path.name, origin=project.origin, positions=project.positions)
            results.append(merge_with_media(Merge(conn, project, result, fresh=False, same_text=same_text), path))
    return results


def merge_with_media(merge: Merge, archive: Path | bytes) -> ExchangeImport:
    """Run ``merge``, then store the file's recordings beside the transcripts they belong to."""
    result = merge.run()
    stored = attach_media(merge.conn, merge.project, merge.docs, archive, result.notes)
    if stored:
        result.created["recordings"] = stored
    return result


def project_title(parsed: ExchangeProject, path: Path) -> str:
    """The title of a project made from ``parsed``: cotheme's own, the file's name, else the file stem."""
    if parsed.extension is not None and parsed.extension.study.get("title"):
        return parsed.extension.study["title"]
    name = " ".join(parsed.name.split())
    return name if name and name.lower() != "untitled" else path.stem


def lead_name(parsed: ExchangeProject) -> str | None:
    """Who leads a project made from ``parsed``: its lead member (cotheme files), else the user who
    created it, else ``None`` (the operating-system user)."""
    users = {u.guid: u.name for u in parsed.users if u.name.strip() and not is_pseudo_user(u.name, parsed.origin)}
    if parsed.extension is not None:
        for guid, extra in parsed.extension.members.items():
            if extra.permission == "lead" and guid in users:
                return users[guid]
    return users.get(parsed.creating_user or "")


def discard_new_project(target: str) -> None:
    """Remove a project file that was created for an import that then failed (SQLite only: a
    PostgreSQL database keeps its empty schema, which ``cotheme init`` would refuse to reuse)."""
    if is_url(target):
        return
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)


def import_codebook_qdc(store: Store, path: Path) -> ExchangeImport:
    """Merge the codes of a QDC codebook into the project, and its sets as top-level themes of codes."""
    limit = max_import_bytes()
    size = _existing(path).stat().st_size
    if size > limit:
        raise TooLarge(f"{path.name}: is {describe_size(size)}, over the {describe_size(limit)} import limit; "
                       "raise it with COTHEME_MAX_IMPORT_MB.")
    data = path.read_bytes()
    from cotheme.formats.refi_read import read_qdc

    project = read_qdc(path.name, data)
    result = ExchangeImport(file=path.name, origin=project.origin)
    with store.write() as conn:
        return Merge(conn, project, result, fresh=False).run()


def export_qdpx(store: Store, path: Path, *, deidentified_only: bool = False, nvivo: bool = False) -> ExchangeExport:
    """Write the project as a QDPX archive at ``path`` (replaced atomically when it exists); ``nvivo``
    writes the form NVivo 12 itself writes (see ``formats.refi_write.write_qdpx``)."""
    if path.suffix.lower() != ".qdpx":
        raise InvalidArgument(f"{path.name}: a REFI-QDA project file must end in .qdpx.")
    # The project's "de-identified exports only" setting, or --deidentified-only, refuses the whole
    # export when a transcript is not de-identified at its current revision (the rule).
    deid.require_deidentified(store, None, always=deidentified_only, action="QDPX export")
    with bulk.collector_paused():
        with store.read() as conn:
            content = read_project(conn)
        from cotheme.formats.refi_extension import write_extension

        extension = write_extension(content.extension, origin())
        # A recording is the interview itself (voices, names said aloud): an export that may hold only
        # de-identified transcripts leaves every recording out.
        left_out = len(content.project.media) if deidentified_only or deid.exports_only(store) else 0
        if left_out:
            content.project = replace(content.project, media=())
        media = media_reader(store, content.recordings)
        written = _atomic(
            path, lambda handle: write_qdpx(content.project, handle, extension, nvivo=nvivo, media_bytes=media)
        )
    warnings = []
    if content.astral_documents:
        names = ", ".join(content.astral_documents)
        warnings.append(
            f"These documents hold characters outside the Basic Multilingual Plane (such as emoji): {names}. "
            + ("The file counts positions as NVivo 12 does (such a character counts twice); programs that count "
               "code points, as REFI-QDA says, place codings after one later." if nvivo else
               "Positions are code points as REFI-QDA says; NVivo 12 counts such a character twice, so in NVivo "
               "codings after one start later: export with --nvivo for NVivo.")
        )
    if left_out:
        warnings.append(f"{counted(left_out, 'recording')} left out: a de-identified export holds no "
                        "recordings (a voice and what it says identify a participant).")
    if content.old_codings:
        warnings.append(f"{counted(content.old_codings, 'coding')} on earlier revisions of a transcript were not exported.")
    if written.replaced_characters:
        warnings.append(f"{counted(written.replaced_characters, 'control character')} in names or memos cannot be written "
                        "in XML and became U+FFFD.")
    return ExchangeExport(file=str(path), counts=content.stats, warnings=warnings)


def export_codebook_qdc(store: Store, path: Path) -> Path:
    """Write the codebook as a REFI-QDA ``.qdc`` at ``path``, each theme a set of its codes."""
    with store.read() as conn:
        codes, sets = read_codebook(conn)
    data = write_codebook_xml(codes, origin(), sets)
    _atomic(path, lambda handle: handle.write(data))
    return path


def validate_file(path: Path, xsd: str | Path | None = None) -> Validation:
    """Every problem of a ``.qdpx`` or ``.qdc`` file (schema validation when a schema folder is known)."""
    from cotheme.formats.refi_checks import validate_refi_file

    return validate_refi_file(path.name, _existing(path), xsd_dir=xsd_dir(xsd), limits=refi_limits())


def _atomic(path: Path, write: Callable[[BinaryIO], T]) -> T:
    """Run ``write(handle)`` on a temporary file beside ``path``, then rename it into place."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise NotFound(f"The folder {folder} does not exist; create it first.")
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".part", delete=False)
    try:
        with handle:
            result = write(handle)  # type: ignore[arg-type]
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return result
