"""Imports given as bytes (what a browser uploads) for the files the CLI reads from paths: REFI-QDA
projects (.qdpx) and codebooks (.csv, .xlsx, .md, .qdc), and the preview of each before anything is
stored.

Owns what a preview says about a codebook (each code's path and whether it is new) and about a QDPX
project (counts of what it holds), and the size check of bytes already read. The merge rules stay in
``exchange_merge``, the codebook rules in ``codebook``. A preview must not write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cotheme.domain.codebook import CodeSpec
from cotheme.domain.exchange import ExchangeProject
from cotheme.errors import CothemeError, InvalidArgument, TooLarge
from cotheme.formats.decode import describe_size
from cotheme.services import codebook
from cotheme.services.codebook import CodebookImport
from cotheme.services.exchange import merge_with_media, refi_limits
from cotheme.services.exchange_merge import ExchangeImport, Merge
from cotheme.services.limits import max_import_bytes
from cotheme.storage import bulk
from cotheme.storage import codes as codes_repo
from cotheme.storage.store import Store


@dataclass(frozen=True, slots=True)
class CodePreview:
    path: str
    new: bool


@dataclass(frozen=True, slots=True)
class CodebookPreview:
    """A codebook file's codes (path, new or already in the codebook), or the sentence refusing it."""

    file: str
    format: str = ""
    codes: tuple[CodePreview, ...] = ()
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ProjectPreview:
    """What a REFI-QDA project file holds, counted, or the sentence refusing it."""

    file: str
    origin: str = ""
    documents: int = 0
    codes: int = 0
    codings: int = 0
    cases: int = 0
    error: str | None = None


def is_qdpx(name: str) -> bool:
    return name.lower().endswith(".qdpx")


def is_qdc(name: str) -> bool:
    return name.lower().endswith(".qdc")


def check_size(name: str, data: bytes) -> None:
    limit = max_import_bytes()
    if len(data) > limit:
        raise TooLarge(f"{name}: is {describe_size(len(data))}, over the {describe_size(limit)} import limit; "
                       "split it or raise the limit with COTHEME_MAX_IMPORT_MB. Nothing was imported.")


def _qdpx(name: str, data: bytes) -> ExchangeProject:
    check_size(name, data)
    with bulk.collector_paused():
        from cotheme.formats.refi_read import read_qdpx  # lxml loads with the first REFI-QDA file

        return read_qdpx(name, data, refi_limits())


def preview_qdpx(name: str, data: bytes) -> ProjectPreview:
    try:
        project = _qdpx(name, data)
    except CothemeError as exc:
        return ProjectPreview(name, error=str(exc))
    codings = sum(len(s.codings) + sum(len(sel.codings) for sel in s.selections) for s in project.sources)
    return ProjectPreview(name, project.origin, len(project.sources), len(project.codes), codings, len(project.cases))


def import_qdpx_data(
    store: Store, files: Sequence[tuple[str, bytes]], *, same_text: str = "refuse"
) -> list[ExchangeImport]:
    """Merge several uploaded QDPX projects, all or none (every file is checked first); ``same_text``
    as ``exchange.import_qdpx_files``: refuse, merge or copy a document with the text of one of ours."""
    parsed = [(name, _qdpx(name, data), data) for name, data in files]
    results = []
    with bulk.collector_paused(), store.write() as conn:
        for name, project, data in parsed:
            result = ExchangeImport(file=name, origin=project.origin, positions=project.positions)
            results.append(merge_with_media(Merge(conn, project, result, fresh=False, same_text=same_text), data))
    return results


def same_text_choice(*, merge: bool, copy: bool) -> str:
    """What ``--merge`` / ``--allow-duplicate`` say about a file's document with the text of one of ours."""
    if merge and copy:
        raise InvalidArgument("Choose --merge or --allow-duplicate, not both: a document already here either takes "
                              "the file's work or is imported again as a copy.")
    return "merge" if merge else "copy" if copy else "refuse"


def _qdc_specs(name: str, data: bytes) -> list[CodeSpec]:
    from cotheme.formats.refi_read import read_qdc

    project = read_qdc(name, data)
    paths: dict[str, tuple[str, ...]] = {}
    for code in project.codes:  # parents come first
        paths[code.guid] = (*paths.get(code.parent or "", ()), code.name)
    return [CodeSpec(path=path) for path in paths.values()]


def preview_codebook(store: Store, name: str, data: bytes) -> CodebookPreview:
    """The codes a codebook file would add or update; stores nothing."""
    try:
        check_size(name, data)
        specs = _qdc_specs(name, data) if is_qdc(name) else codebook.read_codebook_file(name, data)
    except CothemeError as exc:
        return CodebookPreview(name, error=str(exc))
    with store.read() as conn:
        known = {tuple(p.casefold() for p in c.path) for c in codes_repo.all_codes(conn)}
    fmt = name.rsplit(".", 1)[-1].lower()
    shown = [CodePreview("/".join(s.path), tuple(p.casefold() for p in s.path) not in known) for s in specs]
    return CodebookPreview(name, fmt, tuple(shown))


def import_codebook_data(store: Store, name: str, data: bytes) -> CodebookImport | ExchangeImport:
    """Import an uploaded codebook: a .qdc is merged as REFI-QDA, other files read as tables or Markdown."""
    check_size(name, data)
    if is_qdc(name):
        from cotheme.formats.refi_read import read_qdc

        project = read_qdc(name, data)
        with store.write() as conn:
            return Merge(conn, project, ExchangeImport(file=name, origin=project.origin), fresh=False).run()
    return codebook.import_codebook(store, name, data)
