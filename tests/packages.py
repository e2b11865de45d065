"""Zip packages built in memory for the readers' tests, fuzzing and hostile corpus: any entries, or the
smallest Word package around a given ``word/document.xml``."""

from __future__ import annotations

import io
import zipfile

#: ``[Content_Types].xml`` and ``_rels/.rels`` of a Word package whose only part is word/document.xml.
DOCX_CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'wordprocessingml.document.main+xml"/></Types>'
)
DOCX_RELS = (
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)


def zipped(entries: dict[str, bytes]) -> bytes:
    """A deflated zip holding ``entries`` (name -> bytes), in their order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def docx_package(document: bytes, *, with_rels: bool = True) -> bytes:
    """A Word package around ``document`` as its word/document.xml (without ``_rels/.rels`` if asked)."""
    entries = {"[Content_Types].xml": DOCX_CONTENT_TYPES, "word/document.xml": document}
    if with_rels:
        entries["_rels/.rels"] = DOCX_RELS
    return zipped(entries)
