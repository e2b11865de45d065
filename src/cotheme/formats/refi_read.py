"""Reading REFI-QDA files: a ``.qdpx`` project archive or a ``.qdc`` codebook into the exchange model.

Owns the walk over the REFI-QDA element tree (any ``urn:QDA-XML:...`` namespace or none: ATLAS.ti
codebooks use ``urn:QDA-XML:codebook:0:4``), the checks an import relies on (unique GUIDs per kind, every
code, note and source reference resolvable, every selection inside its text, every internal source file
present and UTF-8), and turning the file's text positions into code points of our canonical text:

* standard files count code points of the ``.txt`` (REFI-QDA 1.5 §10.2); a CRLF or a decomposed accent
  is mapped onto our NFC, ``\\n`` text with ``cotheme.domain.positions``;
* NVivo (``origin`` names NVivo) counts UTF-16 code units over its UTF-8 ``.txt`` with CRLF line ends,
  its byte-order mark not counted: those positions go through UTF-16 -> code points first.

``read_qdpx``/``read_qdc`` refuse a file with any error (``InputError`` with the first one, nothing
returned); ``check_qdpx``/``check_qdc`` return every problem for ``cotheme validate``.

Must not touch storage nor decide how objects merge into a project (the exchange service does).
"""

from __future__ import annotations

import json
from pathlib import Path

from cotheme.domain.exchange import CothemeExtension, ExchangeProject, Problem
from cotheme.errors import CothemeError
from cotheme.formats.refi_archive import EXTENSION_ENTRY, ArchiveLimits, QdpxArchive, open_archive
from cotheme.formats.refi_extension import read_extension
from cotheme.formats.refi_tree import ProjectWalker, read_codebook_root
from cotheme.formats.refi_xml import Findings, Stop, parse_xml

__all__ = ["ParsedFile", "check_qdc", "check_qdpx", "read_qdc", "read_qdpx"]


class ParsedFile:
    """What reading a file gave: the project (``None`` when reading had to stop), the problems, and the
    XML bytes of the project or codebook file for schema validation."""

    def __init__(self, project: ExchangeProject | None, findings: Findings, xml: bytes | None, entry: str) -> None:
        self.project = project
        self.findings = findings
        self.xml = xml
        self.entry = entry

    @property
    def problems(self) -> list[Problem]:
        return self.findings.problems


def read_qdpx(name: str, source: Path | bytes, limits: ArchiveLimits = ArchiveLimits()) -> ExchangeProject:
    """The project in a QDPX archive; ``InputError`` (``TooLarge``) naming the first problem otherwise."""
    parsed = _parse_qdpx(name, source, limits, raise_archive=True)
    parsed.findings.raise_errors()
    assert parsed.project is not None
    return parsed.project


def check_qdpx(name: str, source: Path | bytes, limits: ArchiveLimits = ArchiveLimits()) -> ParsedFile:
    """Every problem of a QDPX archive (the archive's own refusals included) and its project XML."""
    return _parse_qdpx(name, source, limits, raise_archive=False)


def read_qdc(name: str, data: bytes) -> ExchangeProject:
    """The codes and sets of a QDC codebook; ``InputError`` naming the first problem otherwise."""
    parsed = check_qdc(name, data)
    parsed.findings.raise_errors()
    assert parsed.project is not None
    return parsed.project


def check_qdc(name: str, data: bytes) -> ParsedFile:
    findings = Findings(name)
    entry = Path(name).name
    try:
        root = parse_xml(data, entry, findings)
        project = read_codebook_root(root, entry, findings)
    except Stop:
        return ParsedFile(None, findings, None, entry)
    return ParsedFile(project, findings, data, entry)


def _parse_qdpx(name: str, source: Path | bytes, limits: ArchiveLimits, *, raise_archive: bool) -> ParsedFile:
    findings = Findings(name)
    try:
        archive = open_archive(name, source, limits)
    except CothemeError as exc:
        if raise_archive:
            raise
        findings.error(name, str(exc).removeprefix(f"{name}: "))
        return ParsedFile(None, findings, None, name)
    with archive:
        try:
            entry = archive.project_entry()
            xml = archive.read(entry)
        except CothemeError as exc:
            if raise_archive:
                raise
            findings.error(name, str(exc).removeprefix(f"{name}: "))
            return ParsedFile(None, findings, None, name)
        try:
            root = parse_xml(xml, entry, findings)
            extension = _extension(archive, findings)
            project = ProjectWalker(entry, findings, archive).walk(root, extension)
        except Stop:
            return ParsedFile(None, findings, xml, entry)
    return ParsedFile(project, findings, xml, entry)


def _extension(archive: QdpxArchive, findings: Findings) -> CothemeExtension | None:
    if not archive.has(EXTENSION_ENTRY):
        return None
    try:
        payload = json.loads(archive.read(EXTENSION_ENTRY).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        findings.warn(EXTENSION_ENTRY, f"is not readable JSON ({exc}); the cotheme extras in it are ignored")
        return None
    return read_extension(payload, findings)

