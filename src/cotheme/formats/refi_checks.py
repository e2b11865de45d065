"""``cotheme validate``: every problem of a ``.qdpx`` or ``.qdc`` file, with its location.

Owns combining two kinds of checks. Our own checks always run: they are what an import relies on (the
archive's safety, well-formed XML without a DOCTYPE, the root element, required attributes, GUIDs,
whole-number positions, references that resolve, selections inside their text, source files present
and UTF-8). Full XML Schema validation runs in addition when the REFI-QDA schema files are at hand:
cotheme does not ship them, so the caller names a folder holding ``Project-mrt2019.xsd`` (or
``Project.xsd``) and ``Codebook-mrt2019.xsd`` (or ``Codebook.xsd``); without one the report says that
schema validation was skipped.

Must not touch storage; reading the environment for the folder is the service's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from cotheme.domain.exchange import Problem
from cotheme.errors import TooLarge, UnsupportedFormat
from cotheme.formats.decode import describe_size
from cotheme.formats.refi_archive import ArchiveLimits
from cotheme.formats.refi_read import check_qdc, check_qdpx
from cotheme.formats.refi_xml import Findings, Stop, parse_xml

__all__ = ["Validation", "find_xsd", "validate_refi_file", "xsd_problems"]

_XSD_NAMES = {
    "project": ("Project-mrt2019.xsd", "Project.xsd"),
    "codebook": ("Codebook-mrt2019.xsd", "Codebook.xsd"),
}


@dataclass(frozen=True, slots=True)
class Validation:
    """The result: ``problems`` (errors and warnings, in file order), the schema used (or ``None``)."""

    file: str
    kind: str
    problems: tuple[Problem, ...]
    schema: str | None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def find_xsd(directory: Path | None, kind: str) -> Path | None:
    """The schema file for ``kind`` (``project`` or ``codebook``) in ``directory``, if there is one."""
    if directory is None:
        return None
    for name in _XSD_NAMES[kind]:
        candidate = directory / name
        if candidate.is_file():
            return candidate
    return None


def validate_refi_file(name: str, source: Path | bytes, *, xsd_dir: Path | None,
                       limits: ArchiveLimits = ArchiveLimits()) -> Validation:
    """Every problem of the ``.qdpx`` or ``.qdc`` file ``name``."""
    suffix = Path(name).suffix.lower()
    if suffix == ".qdpx":
        kind, parsed = "project", check_qdpx(name, source, limits)
    elif suffix == ".qdc":
        size = source.stat().st_size if isinstance(source, Path) else len(source)
        if size > limits.max_archive_bytes:
            raise TooLarge(f"{name}: is {describe_size(size)}, over the {describe_size(limits.max_archive_bytes)} "
                           "import limit; raise it with COTHEME_MAX_IMPORT_MB.")
        data = source.read_bytes() if isinstance(source, Path) else source
        kind, parsed = "codebook", check_qdc(name, data)
    else:
        raise UnsupportedFormat(f"{name}: cotheme validates .qdpx projects and .qdc codebooks; this is neither.")
    problems = list(parsed.problems)
    schema = find_xsd(xsd_dir, kind)
    if schema is not None and parsed.xml is not None:
        problems.extend(xsd_problems(parsed.xml, parsed.entry, schema))
    return Validation(name, kind, tuple(problems), str(schema) if schema else None)


def xsd_problems(xml: bytes, entry: str, schema_path: Path) -> list[Problem]:
    """What the XML Schema at ``schema_path`` finds wrong with ``xml`` (nothing when it is not XML)."""
    findings = Findings(entry)
    try:
        root = parse_xml(xml, entry, findings)
    except Stop:
        return []  # our own checks already said why
    schema = _schema(schema_path)
    if schema.validate(root):
        return []
    return [
        Problem(f"{entry}:{error.line}", f"does not match the REFI-QDA schema: {error.message}")
        for error in schema.error_log
    ]


def _schema(path: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(path), parser))
